import * as assert from 'node:assert/strict';
import { pageVariant } from '../../src/core/model/pageVariants';

describe('page forms without sentence punctuation', () => {
  const page = [
    'He said "we will go."',
    'The U.S. index rose 3.5 pct. Then it fell!',
    '...',
    'What now?  ',
    'देश में चुनाव हुआ।',
    'Read more at www.example.com',
  ].join('\r\n');

  it('takes the sentence terminals off the end of each line, before closing quotes, and keeps the rest', () => {
    assert.deepEqual(pageVariant(page, 'noFinalStops').split('\r\n'), [
      'He said "we will go"',
      'The U.S. index rose 3.5 pct. Then it fell',
      '...',
      'What now  ',
      'देश में चुनाव हुआ',
      'Read more at www.example.com',
    ]);
  });

  it('takes every word-final terminal off, and keeps the stops inside words and numbers', () => {
    assert.deepEqual(pageVariant(page, 'noSentenceStops').split('\r\n'), [
      'He said "we will go"',
      'The U.S index rose 3.5 pct Then it fell',
      '...',
      'What now  ',
      'देश में चुनाव हुआ',
      'Read more at www.example.com',
    ]);
  });

  it('keeps the number of lines of a page', () => {
    const text = 'One.\n\nTwo!\n.\n\n';
    for (const v of ['noFinalStops', 'noSentenceStops'] as const)
      assert.deepEqual(pageVariant(text, v).split('\n'), ['One', '', 'Two', '.', '', '']);
  });
});
