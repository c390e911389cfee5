import * as assert from 'node:assert/strict';
import { claimRuns, newClaimCounter, runLength, stopClaims } from '../../src/node/sharedClaims';
import { seededRandom } from '../support/random';

describe('Runs of texts claimed from one shared counter', () => {
  it('gives every index to exactly one of several claimers taking turns at random, in runs of consecutive texts', () => {
    const random = seededRandom(1201);
    for (let round = 0; round < 50; round++) {
      const count = Math.floor(random() * 40);
      const threads = 1 + Math.floor(random() * 4);
      const run = runLength(count, threads);
      const counter = newClaimCounter();
      const claimers = Array.from({ length: threads }, () => ({ claim: claimRuns(counter, count, run), got: [] as number[], done: false }));
      while (claimers.some(c => !c.done)) {
        const c = claimers[Math.floor(random() * threads)];
        if (c.done) continue;
        const index = c.claim();
        if (index === count) c.done = true;
        else c.got.push(index);
      }
      const all = claimers.flatMap(c => c.got).sort((a, b) => a - b);
      assert.deepEqual(
        all,
        Array.from({ length: count }, (_, i) => i),
      );
      // Each claimer's indices come in runs that start at a multiple of the run length.
      for (const { got } of claimers) got.forEach((index, k) => k > 0 && index % run !== 0 && assert.equal(got[k - 1], index - 1));
    }
  });

  it('takes enough runs that each thread gets several, and no run is empty', () => {
    assert.equal(runLength(1000, 2), 63);
    assert.equal(runLength(2, 2), 1);
    assert.equal(runLength(0, 2), 1);
  });

  it('hands out nothing more once stopped', () => {
    const counter = newClaimCounter();
    const claim = claimRuns(counter, 10, 2);
    assert.equal(claim(), 0);
    assert.equal(claim(), 1);
    stopClaims(counter, 10);
    assert.equal(claim(), 10);
    assert.equal(claimRuns(counter, 10, 2)(), 10);
  });
});
