import * as assert from 'node:assert/strict';
import { compareTwoStrings } from 'string-similarity';
import { analyzeCorpus } from '../../src/core/analyzer';
import { normalizeForComparison } from '../../src/core/text';
import { seedInputs } from '../support/fixtures';
import { SimilarityTo, bigramProfile, concatProfiles, profileSimilarity, sentenceSimilarity } from '../../src/core/similarity';
import { pick, seededRandom } from '../support/random';
import { SharedTokens, TokenSpace } from '../../src/core/tokenSpace';

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
    const spaces = [
      '\t',
      '\n',
      '\v',
      '\f',
      '\r',
      ' ',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u200a',
      '\u2028',
      '\u2029',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u200b',
      '\u0085',
    ];
    const alphabet = ['a', 'b', 'ab', 'aa', 'the ', 'é', '😀', 'ا', 'я', '.', ...spaces];
    const make = (length: number) => Array.from({ length: Math.floor(random() * length) }, () => pick(random, alphabet)).join('');
    for (let i = 0; i < 300; i++) {
      const reference = make(random() < 0.2 ? 3 : 40);
      const to = new SimilarityTo(reference);
      for (let k = 0; k < 10; k++) {
        const other = random() < 0.1 ? reference.replace(/\s/g, ' ') : make(random() < 0.2 ? 3 : 40);
        assert.equal(
          to.of(other),
          profileSimilarity(bigramProfile(other), bigramProfile(reference)),
          `${JSON.stringify(other)} to ${JSON.stringify(reference)}`,
        );
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

  it('reports for every group member exactly string-similarity of its span against the anchor span, joined texts for spans, a repeat in none', () => {
    const analysis = analyzeCorpus(seedInputs());
    assert.ok(analysis.groups.length > 10);
    assert.ok(
      analysis.groups.some(g => g.members.some((m, i) => m.repeat && g.members[i - 1]?.sentence === m.sentence - 1)),
      'the seeds print a sentence twice in a row',
    );
    let spans = 0;
    for (const group of analysis.groups) {
      // A span is a run of members of one source, none a repeat, whose sentences follow one another.
      const spanOf = (i: number) => {
        let lo = i;
        let hi = i;
        const m = group.members;
        const follows = (a: number, b: number) =>
          m[a].source === m[b].source && m[a].sentence === m[b].sentence - 1 && !m[a].repeat && !m[b].repeat;
        while (lo > 0 && follows(lo - 1, lo)) lo--;
        while (hi + 1 < m.length && follows(hi, hi + 1)) hi++;
        return [lo, hi] as const;
      };
      const textOf = ([lo, hi]: readonly [number, number]) =>
        group.members
          .slice(lo, hi + 1)
          .map(m => analysis.sources[m.source].sentences[m.sentence].text)
          .join(' ');
      const anchorSpan = spanOf(group.anchor);
      group.members.forEach((m, i) => {
        const span = spanOf(i);
        if (span[1] > span[0]) spans++;
        const inAnchorSpan = span[0] === anchorSpan[0];
        const expected = inAnchorSpan
          ? 1
          : compareTwoStrings(normalizeForComparison(textOf(span)), normalizeForComparison(textOf(anchorSpan)));
        assert.equal(m.similarity, expected);
        assert.ok(m.similarity >= 0 && m.similarity <= 1);
      });
    }
    assert.ok(spans > 0, 'the seeds have spans');
  });

  it('ignores case, Unicode composition and the style of quote marks', () => {
    assert.equal(sentenceSimilarity('“Caf\u00e9” isn’t CLOSED', '"cafe\u0301" isn\'t closed'), 1);
  });
});

describe('similarity that stops counting below a threshold', () => {
  it('gives the similarity wherever it reaches the threshold, and a value below it elsewhere, on random profiles', () => {
    const random = seededRandom(1414);
    const alphabet = ['a', 'b', 'c', 'ab', 'ba', ' ', 'the ', 'é', 'x', 'yz'];
    const text = () => {
      let out = '';
      const length = Math.floor(random() * 30);
      for (let k = 0; k < length; k++) out += pick(random, alphabet);
      return out;
    };
    const profiles = Array.from({ length: 120 }, () => bigramProfile(normalizeForComparison(text())));
    const space = new TokenSpace(profiles);
    const shared = new SharedTokens(space);
    let reached = 0;
    let below = 0;
    for (const threshold of [0.3, 0.5, 0.6, 0.85, 1]) {
      for (let i = 0; i < profiles.length; i++) {
        if (space.size(i) === 0) continue;
        shared.mark(i);
        for (let j = 0; j < profiles.length; j++) {
          if (space.size(j) === 0) continue;
          const exact = shared.similarity(j);
          const fast = shared.similarityReaching(j, threshold);
          if (exact >= threshold) {
            assert.equal(fast, exact);
            reached++;
          } else {
            assert.ok(fast < threshold, `${fast} for ${exact} at ${threshold}`);
            below++;
          }
        }
      }
    }
    assert.ok(reached > 1000 && below > 1000, `${reached} reached, ${below} below`);
  });
});
