import * as assert from 'node:assert/strict';
import type { WordingId } from '../../src/core/ids';
import { bigramProfile } from '../../src/core/similarity';
import { attachSpans, mergeFollowingGroups } from '../../src/core/spans';
import { normalizeForComparison } from '../../src/core/text';

const WHOLE =
  'Officials said inflation had become too high to ignore, and they added that further increases in the main rate were likely later this year.';
const FIRST = 'Officials said inflation had become too high to ignore.';
const SECOND = 'They added that further increases in the main rate were likely later this year.';

/** Places, source by source, each with a wording of its own; their owners and profiles. */
function placesOf(sentences: readonly (readonly string[])[]) {
  const placeStart = new Int32Array(sentences.length + 1);
  sentences.forEach((list, s) => (placeStart[s + 1] = placeStart[s] + list.length));
  const all = sentences.flat();
  const sourceOfPlace = Int32Array.from(all, (_, p) => sentences.findIndex((__, s) => p < placeStart[s + 1]));
  const wordingOfPlace = Int32Array.from(all, (_, p) => p) as Int32Array & { readonly [place: number]: WordingId };
  const profiles = all.map(t => bigramProfile(normalizeForComparison(t)));
  return { layout: { placeStart, sourceOfPlace, wordingOfPlace }, profiles };
}

/**
 * One group: source 0 says `whole` (by default the statement whole), sources 1–3 only its first
 * half, source 4 says it in two sentences and the group holds the first. Places are numbered source by source; each
 * place has a wording of its own.
 */
function groupWithSplit(texts: readonly string[], whole = WHOLE) {
  const { layout, profiles } = placesOf([[whole], [FIRST], [texts[0]], [texts[1]], [FIRST, SECOND]]);
  const group = [0, 1, 2, 3, 4];
  attachSpans([group], layout, profiles);
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

  /**
   * Sources 0 and 1 say the statement whole; source 2 splits it in two, and its second half is
   * grouped with them; source 3 says `fourth` and is grouped with the first half only. The
   * groups `mergeFollowingGroups` makes of the two.
   */
  const mergedWithSplit = (fourth: string) => {
    const { layout, profiles } = placesOf([
      [WHOLE],
      [
        'Officials said inflation had become too high to ignore and added that further increases in the main rate were likely later this year.',
      ],
      [FIRST, SECOND],
      [fourth],
    ]);
    return mergeFollowingGroups(
      [
        [0, 1, 3],
        [2, 4],
      ],
      layout,
      profiles,
    );
  };

  it('merges the half of a split statement grouped with a version the other half’s group lacks', () => {
    // Source 3 rewords the statement whole.
    const groups = mergedWithSplit(
      'Inflation is now too high to ignore, officials said, adding that more rate increases are likely this year.',
    );
    assert.deepEqual(
      groups.map(g => [...g].sort((a, b) => a - b)),
      [[0, 1, 2, 3, 4]],
    );
  });

  it('leaves the half of a split statement apart where the version that group brings says only that half', () => {
    const groups = mergedWithSplit('Officials said that inflation was too high to ignore.');
    assert.equal(groups.length, 2);
  });

  it('keeps a group apart that follows the larger group in a shared source but reads no closer joined', () => {
    const { layout, profiles } = placesOf([
      [WHOLE],
      [FIRST, 'The bank’s headquarters will move to a new building next spring.'],
      ['The headquarters of the bank moves to a new building in the spring.'],
    ]);
    const groups = mergeFollowingGroups(
      [
        [0, 1],
        [2, 3],
      ],
      layout,
      profiles,
    );
    assert.equal(groups.length, 2);
  });
});
