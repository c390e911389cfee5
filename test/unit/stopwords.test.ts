import * as assert from 'node:assert/strict';
import { detectStopwords, threadProfile } from '../../src/core/stopwords';

describe('stopword profiles', () => {
  const english = 'the minister said that the talks would go on and that both sides were ready'.split(' ');

  it('gives one profile object per listed language, however often it is detected', () => {
    assert.equal(detectStopwords(english), detectStopwords([...english].reverse()));
  });

  it('takes a copy of a language’s profile (as another thread receives it) back to this thread’s own', () => {
    const own = detectStopwords(english);
    assert.equal(threadProfile({ language: own.language, words: new Set(own.words) }), own);
  });

  it('leaves a profile of other words as it is', () => {
    const other = { language: 'en', words: new Set(['ferry', 'bay']) };
    assert.equal(threadProfile(other), other);
    const unlisted = { language: 'und', words: new Set(['ka', 'lo']) };
    assert.equal(threadProfile(unlisted), unlisted);
  });
});
