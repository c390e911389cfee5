import * as assert from 'node:assert/strict';
import type { WordingId } from '../../src/core/ids';
import { bigramProfile } from '../../src/core/similarity';
import { attachSpans } from '../../src/core/spans';
import { normalizeForComparison } from '../../src/core/text';

const WHOLE =
  'Officials said inflation had become too high to ignore, and they added that further increases in the main rate were likely later this year.';
const FIRST = 'Officials said inflation had become too high to ignore.';
const SECOND = 'They added that further increases in the main rate were likely later this year.';

/**
 * One group: source 0 says `whole` (by default the statement whole), sources 1–3 only its first
 * half, source 4 says it in two sentences and the group holds the first. Places are numbered source by source; each
 * place has a wording of its own.
 */
function groupWithSplit(texts: readonly string[], whole = WHOLE) {
  const sentences = [[whole], [FIRST], [texts[0]], [texts[1]], [FIRST, SECOND]];
  const placeStart = new Int32Array(sentences.length + 1);
  sentences.forEach((list, s) => (placeStart[s + 1] = placeStart[s] + list.length));
  const all = sentences.flat();
  const sourceOfPlace = Int32Array.from(all, (_, p) => sentences.findIndex((__, s) => p < placeStart[s + 1]));
  const wordingOfPlace = Int32Array.from(all, (_, p) => p) as Int32Array & { readonly [place: number]: WordingId };
  const profiles = all.map(t => bigramProfile(normalizeForComparison(t)));
  const group = [0, 1, 2, 3, 4];
  attachSpans([group], { placeStart, sourceOfPlace, wordingOfPlace }, profiles);
  return group;
}

describe('spans', () => {
  it('grows a member into a span when one version says the statement whole, though most say only the member’s part', () => {
    const group = groupWithSplit([
      'Inflation had become too high to ignore, officials said.',
      'Officials said that inflation was too high to ignore.',
    ]);
    assert.deepEqual(
      [...group].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5],
    );
  });

  it('leaves the next sentence out where every other version says only the member’s part', () => {
    const group = groupWithSplit([FIRST, 'Officials said that inflation was too high to ignore.'], FIRST);
    assert.deepEqual(
      [...group].sort((a, b) => a - b),
      [0, 1, 2, 3, 4],
    );
  });
});
