import * as assert from 'node:assert/strict';
import { FormSpace } from '../../src/core/forms';
import type { SpaceId } from '../../src/core/ids';
import { LARGE_SOURCE } from '../../src/core/selfJoin';
import { OneShotIndex, SimilarityIndex, StandingIndex } from '../../src/core/similarityIndex';
import { profileSimilarity } from '../../src/core/similarity';
import { pick, seededRandom } from '../support/random';

const VOCABULARY = 'the president met in moscow talks syria army forces said on tuesday rebel areas war a of and minister'.split(' ');

/** Forms of random statements, each in a few variants, some too short for a bigram. */
function randomForms(seed: number, statements: number): string[] {
  const random = seededRandom(seed);
  const forms = new Set<string>(['a', '']);
  for (let s = 0; s < statements; s++) {
    const words = Array.from({ length: 2 + Math.floor(random() * 9) }, () => pick(random, VOCABULARY));
    for (let v = 0; v < 4; v++) forms.add(words.filter(() => random() > 0.2).join(' '));
  }
  return [...forms];
}

const key = (p: { a: number; b: number; similarity: number }) => `${p.a}-${p.b}-${p.similarity}`;
const sortedKeys = (pairs: Iterable<{ a: number; b: number; similarity: number }>) => [...pairs].map(key).sort();

/** Every pair of positions `a < b` whose forms reach `threshold` and that `separate` lets through, by comparing all. */
function bruteForcePairs(space: FormSpace, ids: readonly SpaceId[], threshold: number, separate: (a: number, b: number) => boolean) {
  const pairs: { a: number; b: number; similarity: number }[] = [];
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const pa = space.profile(ids[a]);
      const pb = space.profile(ids[b]);
      if (pa.bigrams.length === 0 || pb.bigrams.length === 0 || !separate(a, b)) continue;
      const similarity = profileSimilarity(pa, pb);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}

describe('similarity index', () => {
  const kinds: [string, (space: FormSpace) => SimilarityIndex][] = [
    ['one-shot', space => new OneShotIndex(space)],
    ['standing', space => new StandingIndex(space)],
  ];
  for (const [name, make] of kinds) {
    it(`${name}: self-joins a list of forms, repeated ones included, exactly as brute force does, over analyses that add forms`, () => {
      // The last seed lists enough forms for the self-join to go through a prefix index.
      for (let seed = 1; seed <= 4; seed++) {
        const random = seededRandom(seed * 31);
        const forms = randomForms(seed, seed === 4 ? 150 : 25);
        const space = new FormSpace(forms.slice(0, forms.length >> 1));
        for (let round = 0; round < 2; round++) {
          const index = make(space);
          const count = seed === 4 ? 500 : 20 + Math.floor(random() * forms.length);
          const ids = Array.from({ length: count }, () => space.idOf(pick(random, forms)));
          const separate = (a: number, b: number) => (a + b) % 5 !== 0;
          for (const threshold of [0.3, 0.85]) {
            assert.deepEqual(
              sortedKeys(index.pairsAmong(ids, threshold, separate)),
              sortedKeys(bruteForcePairs(space, ids, threshold, separate)),
              `seed ${seed}, round ${round}, at ${threshold}`,
            );
          }
          index.endAnalysis();
        }
      }
    });

    it(`${name}: self-joins the positions of sources two of which hold more than a large source's share exactly as brute force does`, () => {
      const random = seededRandom(97);
      const forms = randomForms(97, 120);
      const space = new FormSpace(forms);
      // Two large sources, then three small ones; the forms repeat, so brute force compares each pair of forms once.
      const sizes = [LARGE_SOURCE + 40, 60, LARGE_SOURCE + 5, 50, 30];
      const sourceOfPosition = sizes.flatMap((size, source) => Array.from({ length: size }, () => source));
      const ids = sourceOfPosition.map(() => space.idOf(pick(random, forms)));
      const separate = (a: number, b: number) => sourceOfPosition[a] !== sourceOfPosition[b] && (a + b) % 5 !== 0;
      const similarityOf = new Map<string, number>();
      const expected: { a: number; b: number; similarity: number }[] = [];
      for (let a = 0; a < ids.length; a++) {
        for (let b = a + 1; b < ids.length; b++) {
          if (!separate(a, b)) continue;
          const pairKey = `${ids[a]} ${ids[b]}`;
          let similarity = similarityOf.get(pairKey);
          if (similarity === undefined) {
            const pa = space.profile(ids[a]);
            const pb = space.profile(ids[b]);
            similarity = pa.bigrams.length && pb.bigrams.length ? profileSimilarity(pa, pb) : -1;
            similarityOf.set(pairKey, similarity);
          }
          if (similarity >= 0.5) expected.push({ a, b, similarity });
        }
      }
      assert.ok(expected.length > 1000, 'pairs across the large sources');
      assert.deepEqual(
        sortedKeys(make(space).pairsAmong(ids, 0.5, separate, position => sourceOfPosition[position])),
        sortedKeys(expected),
      );
    });

    it(`${name}: looks up each probe among targets exactly as brute force does, below and above the size where an index pays`, () => {
      for (const statements of [20, 150]) {
        const random = seededRandom(statements);
        const forms = randomForms(statements + 1, statements);
        const space = new FormSpace(forms);
        const all = forms.map(f => space.idOf(f));
        const targets = all.filter(() => random() < 0.5);
        const probes = all.filter(() => random() < 0.4);
        const lookup = make(space).lookupAmong(targets, probes.length, 0.5);
        for (const probe of probes) {
          const expected = targets.filter(
            t =>
              t !== probe &&
              space.profile(probe).bigrams.length > 0 &&
              space.profile(t).bigrams.length > 0 &&
              profileSimilarity(space.profile(probe), space.profile(t)) >= 0.5,
          );
          const found: number[] = [];
          lookup(probe, p => (found.push(p.b), true));
          assert.deepEqual(found.sort(), [...expected].sort(), `probe ${probe} of ${statements} statements`);
          // A lookup told to stop after k matches hands over exactly k of them (or all there are).
          for (const k of [1, 3]) {
            const first: number[] = [];
            lookup(probe, p => (first.push(p.b), first.length < k));
            assert.equal(first.length, Math.min(k, expected.length), `probe ${probe}, stopping after ${k}`);
            for (const b of first) assert.ok(expected.includes(b as SpaceId), `probe ${probe}: ${b} is a match`);
          }
        }
      }
    });
  }
});
