import * as assert from 'node:assert/strict';
import { diffArrays } from 'diff';
import { diffRuns } from '../../src/core/keyDiff';
import { seededRandom } from '../support/random';

/** jsdiff's runs of the two lists, without their values. */
function jsdiffRuns(before: string[], after: string[], maxEdits: number) {
  return diffArrays(before, after, { maxEditLength: maxEdits })?.map(part => ({
    count: part.count,
    added: part.added,
    removed: part.removed,
  }));
}

describe('token list diff', () => {
  it('gives the runs jsdiff gives, on seeded random lists and edit limits', () => {
    const random = seededRandom(20261204);
    const alphabet = ['a', 'b', 'c', 'd', 'e', '', 'the', '#12', '"'];
    const list = (length: number, letters: number) => Array.from({ length }, () => alphabet[Math.floor(random() * letters)]);
    for (let trial = 0; trial < 5000; trial++) {
      const letters = 1 + Math.floor(random() * alphabet.length);
      const before = list(Math.floor(random() * 25), letters);
      // Most pairs are close, as the changes stage's are: a copy with a few tokens changed, dropped or added.
      let after = random() < 0.3 ? list(Math.floor(random() * 25), letters) : [...before];
      for (let edits = Math.floor(random() * 6); edits > 0; edits--) {
        const at = Math.floor(random() * (after.length + 1));
        const what = random();
        if (what < 0.33) after.splice(at, 1);
        else if (what < 0.66) after.splice(at, 0, alphabet[Math.floor(random() * letters)]);
        else after[at] = alphabet[Math.floor(random() * letters)];
        after = after.filter(x => x !== undefined);
      }
      const maxEdits = [0, 1, 2, 3, 5, 8, 32][Math.floor(random() * 7)];
      assert.deepEqual(
        diffRuns(before, after, maxEdits),
        jsdiffRuns(before, after, maxEdits),
        `${JSON.stringify(before)} → ${JSON.stringify(after)}, ${maxEdits}`,
      );
    }
  });

  it('is undefined past the most edits, and empty for two empty lists', () => {
    assert.equal(diffRuns(['a', 'b'], ['c', 'd'], 3), undefined);
    assert.deepEqual(diffRuns(['a', 'b'], ['c', 'd'], 4), [
      { count: 2, added: false, removed: true },
      { count: 2, added: true, removed: false },
    ]);
    assert.deepEqual(diffRuns([], [], 0), []);
  });
});
