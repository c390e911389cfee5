import * as assert from 'node:assert/strict';
import { carrierOf, longestNonDecreasing, modeOf } from '../../src/core/storyEvidence';
import { seededRandom } from '../support/random';

/** The longest non-decreasing subsequence by the quadratic recurrence. */
function naiveLongest(values: readonly number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) for (let j = 0; j < i; j++) if (values[j] <= values[i]) best[i] = Math.max(best[i], best[j] + 1);
  return Math.max(0, ...best);
}

/** The most frequent value by counting, the largest among equals. */
function naiveMode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = -Infinity;
  let most = 0;
  for (const [v, count] of counts) if (count > most || (count === most && v > best)) [best, most] = [v, count];
  return best;
}

/** `length` values in [0, range), followed by `tail` values that are no part of the list. */
function listWithTail(random: () => number, length: number, range: number, tail: number): Int32Array {
  const values = new Int32Array(length + tail);
  for (let i = 0; i < length; i++) values[i] = Math.floor(random() * range);
  values.fill(-7, length);
  return values;
}

describe('story evidence: the order and place of sentences found', () => {
  it('finds the longest non-decreasing run of places as the quadratic recurrence does, reading only the first n', () => {
    const random = seededRandom(20261203);
    for (let trial = 0; trial < 400; trial++) {
      const length = Math.floor(random() * 40);
      // Few distinct places, so that ties (sentences found at one place) are common.
      const values = listWithTail(random, length, 1 + Math.floor(random() * 12), 5);
      const expected = naiveLongest([...values.subarray(0, length)]);
      assert.equal(longestNonDecreasing(values, length, new Int32Array(values.length)), expected, `trial ${trial}`);
    }
  });

  it('takes the most frequent place, the latest on a tie, and leaves the values past n alone', () => {
    const random = seededRandom(3120);
    for (let trial = 0; trial < 400; trial++) {
      // Lengths on both sides of the switch from insertion sort to `sort` (64).
      const length = 1 + Math.floor(random() * 150);
      const values = listWithTail(random, length, 1 + Math.floor(random() * 20), 3);
      const expected = naiveMode([...values.subarray(0, length)]);
      assert.equal(modeOf(values, length), expected, `trial ${trial}`);
      assert.deepEqual([...values.subarray(length)], [-7, -7, -7]);
    }
  });

  it("places a sentence at the other source's sentence that carries most of its shingles, not at the latest place one of them is first met", () => {
    // Sentence k of `b` carries the shingles `formShingles[k]`; the sentence read hits 1, 2 and 3 there.
    const formShingles = [Int32Array.of(1, 9), Int32Array.of(1, 2, 8), Int32Array.of(7), Int32Array.of(6), Int32Array.of(3)];
    const formsOfB = [0, 1, 2, 3, 4];
    // Shingle 1 is first met in the headline (0), 2 in the lede (1), 3 in sentence 4: the lede carries two.
    assert.equal(
      carrierOf(Int32Array.of(0, 1, 4), Int32Array.of(1, 2, 3), 3, formsOfB, formShingles, { marks: new Int32Array(10), value: 0 }),
      1,
    );
    assert.equal(modeOf(Int32Array.of(0, 1, 4), 3), 4);
  });

  it('places a sentence where a naive count of the hits each candidate sentence carries does (the latest on a tie), and by the mode where it holds most hits or past 24', () => {
    const random = seededRandom(20261205);
    let counted = 0;
    // One for all the trials, as the story stage keeps one: marks of earlier trials stay behind.
    const hitMarks = { marks: new Int32Array(92), value: 0 };
    for (let trial = 0; trial < 400; trial++) {
      const sentences = 1 + Math.floor(random() * 12);
      const shingleRange = 2 + Math.floor(random() * 90);
      const distinct = (count: number) =>
        Int32Array.from(new Set(Array.from({ length: count }, () => Math.floor(random() * shingleRange))));
      const formShingles = Array.from({ length: sentences }, () => distinct(1 + Math.floor(random() * 40)));
      const formsOfB = Array.from({ length: sentences }, (_, i) => i);
      // The sentence's shingles that `b` carries, each with the place it is first met, as the story stage records them.
      const hits: number[] = [];
      const firstPlaces: number[] = [];
      for (const x of distinct(1 + Math.floor(random() * 60))) {
        const at = formShingles.findIndex(list => list.includes(x));
        if (at < 0) continue;
        hits.push(x);
        firstPlaces.push(at);
      }
      if (!hits.length) continue;
      const carried = (place: number) => hits.filter(x => formShingles[place].includes(x)).length;
      const candidates = [...new Set(firstPlaces)];
      const byCount = candidates.reduce((best, p) => (carried(p) > carried(best) || (carried(p) === carried(best) && p > best) ? p : best));
      const mode = naiveMode(firstPlaces);
      const majority = 2 * firstPlaces.filter(p => p === mode).length > firstPlaces.length;
      const expected = majority || hits.length > 24 ? mode : byCount;
      if (!majority && hits.length <= 24) counted++;
      // Stale values past `n` in both buffers, as the story stage's scratch holds them.
      const placeBuffer = Int32Array.from([...firstPlaces, 99, 0]);
      const hitBuffer = Int32Array.from([...hits, 1, 2]);
      assert.equal(carrierOf(placeBuffer, hitBuffer, hits.length, formsOfB, formShingles, hitMarks), expected, `trial ${trial}`);
    }
    assert.ok(counted > 50, `trials decided by the count: ${counted}`);
  });
});
