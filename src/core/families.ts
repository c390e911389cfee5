/**
 * Stage 6, families: nearly identical wordings (a typo fixed, a word changed) become one family
 * before linking, led by its most widespread wording. A family is one node of the grouping
 * stage, so a story reprinted a thousand times with small edits still has few nodes.
 */
import type { AlignNode } from './grouping';
import type { SpaceId, WordingId } from './ids';
import type { BigramProfile } from './similarity';
import type { LeaderIndex } from './similarityIndex';
import { SourceSet } from './sourceSet';
import type { ContentTerms } from './terms';

/**
 * A source that repeats itself, or many sentences cut from one template, would make every
 * leader a candidate; past this many, a wording looks only at its neighbours in text order.
 */
const MAX_FAMILY_CANDIDATES = 256;
/** How many wordings on either side in text order a wording past the budget compares with. */
const TEXT_NEIGHBOURS = 16;

/**
 * Input: the leader index (at the family threshold), per wording its space id and its set of
 * sources (the wordings in text order), and a canonical order of the wordings, most widespread
 * first. Output: per family,
 * its wordings (leader first). Taken in `order`, each wording goes to the most similar family
 * leader whose sources it does not share, or leads a family of its own; the order makes the
 * result independent of how the sources were listed. The index may hold forms of other
 * wordings (it is kept between analyses); only leaders of this call are ever matched, and the
 * leaders' forms are added to it. Cost: one lookup in the index per wording; a lookup that
 * meets more than `MAX_FAMILY_CANDIDATES` leaders stops there and compares the wording with
 * its `TEXT_NEIGHBOURS` neighbours on either side in text order instead.
 */
export function nearDuplicateFamilies(
  index: LeaderIndex,
  spaceIdOf: readonly SpaceId[],
  sources: readonly SourceSet[],
  order: readonly WordingId[],
): WordingId[][] {
  /** Per form, the families led by a wording of that form. */
  const familiesLedBy = new Map<SpaceId, number[]>();
  const families: WordingId[][] = [];
  const familySources: SourceSet[] = [];
  // Which forms lead a family, read on every step of a lookup's walk: flat, where the map
  // above is read once per match. Leaders are forms of this call, so none lies past its ids.
  let maxId = -1;
  for (const id of spaceIdOf) maxId = Math.max(maxId, id);
  const leading = new Uint8Array(maxId + 1);
  const leads = (leader: SpaceId) => leader <= maxId && leading[leader] === 1;
  for (const w of order) {
    const id = spaceIdOf[w];
    let best = -1;
    let bestSimilarity = -1;
    const consider = (family: number, similarity: number) => {
      if (!sources[w].disjoint(familySources[family])) return;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && family < best)) {
        best = family;
        bestSimilarity = similarity;
      }
    };
    if (leading[id]) for (const family of familiesLedBy.get(id)!) consider(family, 1);
    for (const m of index.matches(id, leads, MAX_FAMILY_CANDIDATES))
      for (const family of familiesLedBy.get(m.b)!) consider(family, m.similarity);
    if (index.saturated) {
      // The sorted neighbourhood: wordings are in text order, and a near-identical wording
      // of a template or of a repeated line shares its opening, so it stands close by.
      for (let k = Math.max(0, w - TEXT_NEIGHBOURS); k <= Math.min(spaceIdOf.length - 1, w + TEXT_NEIGHBOURS); k++) {
        const led = leading[spaceIdOf[k]] ? familiesLedBy.get(spaceIdOf[k]) : undefined;
        const m = led && index.matchOf(id, spaceIdOf[k]);
        if (m) for (const family of led) consider(family, m.similarity);
      }
    }
    if (best >= 0) {
      families[best].push(w);
      familySources[best].addAll(sources[w]);
      continue;
    }
    const led = familiesLedBy.get(id);
    if (led) led.push(families.length);
    else familiesLedBy.set(id, [families.length]);
    families.push([w]);
    familySources.push(sources[w].copy());
    leading[id] = 1;
    index.add(id);
  }
  return families;
}

/** What the node of a family takes from its wordings. */
export interface FamilyWording {
  readonly headline: boolean;
  readonly sources: readonly number[];
}

/**
 * Input: the families, the wordings, per wording its profile, and per family its leader's
 * content terms. Output: one grouping node per family, standing for all its wordings' sources.
 * O(W log W) for W wordings.
 */
export function familyNodes(
  families: readonly (readonly WordingId[])[],
  wordings: readonly FamilyWording[],
  profiles: readonly BigramProfile[],
  termsOfFamily: readonly ContentTerms[],
): AlignNode[] {
  return families.map((family, f) => {
    const leader = family[0];
    const sources = family.length === 1 ? wordings[leader].sources : sortedSources(family.map(w => wordings[w].sources));
    const terms = termsOfFamily[f];
    return {
      profile: profiles[leader],
      terms: terms.ids,
      salient: terms.salient,
      firstAt: terms.firstAt,
      headline: wordings[leader].headline,
      sources,
      weight: sources.length,
    };
  });
}

/** The union of disjoint ascending lists of sources, ascending. */
function sortedSources(lists: readonly (readonly number[])[]): number[] {
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) all[at++] = list[i];
  return Array.from(all.sort());
}
