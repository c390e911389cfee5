import * as assert from 'node:assert/strict';
import { longestNonDecreasing, modeOf } from '../../src/core/storyEvidence';
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
});
