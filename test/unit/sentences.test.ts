import * as assert from 'node:assert/strict';
import { analyzeCorpus, toExportFormat1 } from '../../src/core';
import { segmentLine } from '../../src/core/sentences';
import { detectStopwords } from '../../src/core/stopwords';
import { splitLines } from '../../src/core/text';

const english = detectStopwords('the of and to in a is that for on was with he it as at by'.split(' '));

function sentencesOf(line: string): string[] {
  return segmentLine(line, 0, line.length, english).map(s => line.slice(s.start, s.end));
}

describe('sentence segmentation', () => {
  it('keeps titles, initialisms and month abbreviations inside the sentence', () => {
    assert.deepEqual(sentencesOf('Mr. Putin met the U.S. President in Moscow on Sept. 13. The talks were long.'), [
      'Mr. Putin met the U.S. President in Moscow on Sept. 13.',
      'The talks were long.',
    ]);
    assert.deepEqual(sentencesOf('Analysts at J.P. Morgan said the U.N. Security Council would meet.'), [
      'Analysts at J.P. Morgan said the U.N. Security Council would meet.',
    ]);
  });

  it('still breaks after an initialism when a new sentence begins', () => {
    assert.deepEqual(sentencesOf('Troops remain in the U.S. The talks ended.'), ['Troops remain in the U.S.', 'The talks ended.']);
  });

  it('treats a headline without final punctuation as one sentence', () => {
    assert.deepEqual(sentencesOf('Putin meets al-Assad in Moscow, criticizes foreign forces in Syria'), [
      'Putin meets al-Assad in Moscow, criticizes foreign forces in Syria',
    ]);
  });

  it('leaves list bullets and surrounding spaces out of the sentence', () => {
    assert.deepEqual(sentencesOf('  • 1 tsp cinnamon  '), ['1 tsp cinnamon']);
  });

  it('segments Arabic text at its own question and full stops', () => {
    const arabic = 'التقى الرئيسان في موسكو. هل ناقشا الوضع في سوريا؟ نعم';
    const profile = detectStopwords(['في', 'من', 'على']);
    const parts = segmentLine(arabic, 0, arabic.length, profile).map(s => arabic.slice(s.start, s.end));
    assert.deepEqual(parts, ['التقى الرئيسان في موسكو.', 'هل ناقشا الوضع في سوريا؟', 'نعم']);
  });
});

describe('lines and offsets', () => {
  it('splits like text.split("\\n") and keeps CR out of every line', () => {
    const text = 'one\r\ntwo\r\n\r\nthree';
    const lines = splitLines(text);
    assert.equal(lines.length, text.split('\n').length);
    assert.deepEqual(lines.map(l => text.slice(l.start, l.end)), ['one', 'two', '', 'three']);
  });

  it('ends a line at a lone CR, as the editor does, and exports lines per LF', () => {
    const text = 'Menu\rHome\n\nThe president met his counterpart on Monday for long talks about the war.\r\rMore text here.';
    assert.deepEqual(splitLines(text).map(l => text.slice(l.start, l.end)), ['Menu', 'Home', '', 'The president met his counterpart on Monday for long talks about the war.', '', 'More text here.']);
    const analysis = analyzeCorpus([{ id: 'cr.txt', text }]);
    assert.equal(analysis.sources[0].lines.length, 6);
    assert.equal(toExportFormat1(analysis).sources[0].lines.length, text.split('\n').length);
    for (const s of analysis.sources[0].sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it('gives exact UTF-16 offsets with CRLF line ends, and no sentence contains a CR', () => {
    const body = 'The president met his counterpart in the capital on Monday for long talks about the war.';
    const text = `Headline of the story here\r\n\r\n${body} He said the talks went well and that both sides agreed.\r\n\r\n${body.replace('Monday', 'Tuesday')}\r\n`;
    const analysis = analyzeCorpus([{ id: 'crlf.txt', text }]);
    const sentences = analysis.sources[0].sentences;
    assert.ok(sentences.length >= 3);
    for (const s of sentences) {
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(!s.text.includes('\r'));
    }
  });
});
