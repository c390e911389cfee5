import * as assert from 'node:assert/strict';
import { compareTwoStrings } from 'string-similarity';
import { analyzeCorpus } from '../../src/core/analyzer';
import { normalizeForComparison } from '../../src/core/text';
import { seedInputs } from '../support/fixtures';
import { SimilarityTo, bigramProfile, concatProfiles, profileSimilarity, sentenceSimilarity } from '../../src/core/similarity';
import { pick, seededRandom } from '../support/random';

describe('similarity', () => {
  it('equals string-similarity on random strings, including surrogate pairs and repeats', () => {
    const random = seededRandom(20261121);
    const alphabet = ['a', 'b', 'ab', ' ', 'the ', 'é', 'E\u0301', '😀', 'ß', '“', '’', 'ا', 'я', '.', '\t'];
    for (let i = 0; i < 2000; i++) {
      const make = () => Array.from({ length: Math.floor(random() * 12) }, () => pick(random, alphabet)).join('');
      const a = make();
      const b = random() < 0.2 ? a : make();
      const expected = compareTwoStrings(normalizeForComparison(a), normalizeForComparison(b));
      assert.equal(sentenceSimilarity(a, b), expected, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  });

  it('measures many strings against one exactly as comparing their profiles does', () => {
    const random = seededRandom(4242);
    // Every kind of white space a regular expression's \s knows, and near misses.
    const spaces = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u0085'];
    const alphabet = ['a', 'b', 'ab', 'aa', 'the ', 'é', '😀', 'ا', 'я', '.', ...spaces];
    const make = (length: number) => Array.from({ length: Math.floor(random() * length) }, () => pick(random, alphabet)).join('');
    for (let i = 0; i < 300; i++) {
      const reference = make(random() < 0.2 ? 3 : 40);
      const to = new SimilarityTo(reference);
      for (let k = 0; k < 10; k++) {
        const other = random() < 0.1 ? reference.replace(/\s/g, ' ') : make(random() < 0.2 ? 3 : 40);
        assert.equal(to.of(other), profileSimilarity(bigramProfile(other), bigramProfile(reference)), `${JSON.stringify(other)} to ${JSON.stringify(reference)}`);
      }
    }
  });

  it('profiles two strings read as one exactly as the profile of their concatenation', () => {
    const random = seededRandom(112026);
    const alphabet = ['a', 'b', 'ab', ' ', 'é', '😀', 'ا', 'я', '.', 'zz'];
    for (let i = 0; i < 2000; i++) {
      const make = () => Array.from({ length: Math.floor(random() * 8) }, () => pick(random, alphabet)).join('');
      const a = bigramProfile(make());
      const b = bigramProfile(make());
      const joined = concatProfiles(a, b);
      const expected = bigramProfile(a.squashed + b.squashed);
      assert.equal(joined.squashed, expected.squashed);
      assert.deepEqual([...joined.bigrams], [...expected.bigrams], `${JSON.stringify(a.squashed)} + ${JSON.stringify(b.squashed)}`);
    }
  });

  it('reports for every group member exactly string-similarity against the anchor sentence', () => {
    const analysis = analyzeCorpus(seedInputs());
    assert.ok(analysis.groups.length > 10);
    for (const group of analysis.groups) {
      const anchor = group.members[group.anchor];
      const anchorText = analysis.sources[anchor.source].sentences[anchor.sentence].text;
      for (const m of group.members) {
        const text = analysis.sources[m.source].sentences[m.sentence].text;
        const expected = m === anchor ? 1 : compareTwoStrings(normalizeForComparison(text), normalizeForComparison(anchorText));
        assert.equal(m.similarity, expected);
        assert.ok(m.similarity >= 0 && m.similarity <= 1);
      }
    }
  });

  it('ignores case, Unicode composition and the style of quote marks', () => {
    assert.equal(sentenceSimilarity('“Caf\u00e9” isn’t CLOSED', '"cafe\u0301" isn\'t closed'), 1);
  });
});
