/**
 * Stage 8, split halves: where a source split one sentence in two, the second half is left out
 * of every group by the one-sentence-per-source rule. It is added to its neighbour's group when the
 * two halves together are closer to the group's other wordings than the neighbour alone.
 */
import type { WordingId } from './ids';
import type { PlaceOwners } from './places';
import { BigramProfile, concatProfiles, profileSimilarity } from './similarity';

const SPLIT_SAMPLE = 8;
const NEIGHBOUR_STEPS = [-1, 1];

/**
 * Input: per group the places of its members, where the places stand, and per wording its
 * profile. Output: none; each group's list gains the split halves that attach to it. The
 * verdict depends only on the wordings involved, so it is computed once per distinct case.
 * O(P) for P grouped places, plus O(SPLIT_SAMPLE · length) per distinct case.
 */
export function attachSplitHalves(groups: number[][], layout: PlaceOwners, profiles: readonly BigramProfile[]): void {
  const { placeStart, sourceOfPlace, wordingOfPlace } = layout;
  const grouped = new Uint8Array(sourceOfPlace.length);
  for (const g of groups) for (const place of g) grouped[place] = 1;
  groups.forEach(group => {
    const distinct = [...new Set(group.map(place => wordingOfPlace[place]))];
    const verdicts = new Map<string, boolean>();
    const additions: number[] = [];
    for (const place of group) {
      const own = wordingOfPlace[place];
      const source = sourceOfPlace[place];
      for (const step of NEIGHBOUR_STEPS) {
        const neighbour = place + step;
        if (neighbour < placeStart[source] || neighbour >= placeStart[source + 1] || grouped[neighbour]) continue;
        const other = wordingOfPlace[neighbour];
        const key = `${own} ${other} ${step}`;
        let attach = verdicts.get(key);
        if (attach === undefined) {
          attach = attaches(own, other, step, distinct, profiles);
          verdicts.set(key, attach);
        }
        if (attach) {
          additions.push(neighbour);
          grouped[neighbour] = 1;
          break;
        }
      }
    }
    group.push(...additions);
  });
}

/** Whether wording `other`, the neighbour at `step` of `own`, read with it is closer to the group's other wordings than `own` alone. */
function attaches(own: WordingId, other: WordingId, step: number, distinct: readonly WordingId[], profiles: readonly BigramProfile[]): boolean {
  const others = distinct.filter(w => w !== own).slice(0, SPLIT_SAMPLE);
  const together = step < 0 ? concatProfiles(profiles[other], profiles[own]) : concatProfiles(profiles[own], profiles[other]);
  let alone = 0;
  let both = 0;
  for (const o of others) {
    alone += profileSimilarity(profiles[own], profiles[o]);
    both += profileSimilarity(together, profiles[o]);
  }
  return both > alone + 0.1 * others.length;
}
