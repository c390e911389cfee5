/**
 * Stage 8, spans: one version may say in two or three sentences what another says in one (a
 * split), or say in one what another says in two (a merge). Grouping links one sentence per
 * source; here each member of a group grows into a contiguous span of up to `MAX_SPAN` sentences
 * of its source when some other wording of the group, one that says the statement in one
 * sentence, reads closer to the joined span than to the member alone (a 1-n bead, scored on the
 * joined text as Vecalign does; a version that says only the member's part is no evidence
 * against the span). Then a sentence a source repeats (a headline printed twice) joins the
 * group of its twin, and two groups that hold the same sentences of the same sources (each
 * source printed the statement twice, in the same words) are one group, the later copies its
 * repeats.
 */
import type { FormId, WordingId } from './ids';
import type { PlaceOwners } from './places';
import { BigramProfile, concatProfiles, profileSimilarity } from './similarity';

/** The most sentences of one source that one group holds as a span. */
export const MAX_SPAN = 3;
/** How many of the group's other wordings a span is compared with. */
const SPAN_SAMPLE = 8;
/**
 * How much closer a longer span must read to some compared wording (in `attachSpans` half of what
 * the span alone leaves unmatched where that is less; in `mergeFollowingGroups` on average).
 */
const SPAN_MARGIN = 0.1;

/**
 * Input: per group the places of its members, where the places stand, and per wording its
 * profile. Output: none; each group's list gains the neighbours that extend its members into
 * spans. Each neighbour is taken only while no group holds it. The verdict depends only on the
 * wordings involved, so it is computed once per distinct case. O(P) for P grouped places, plus
 * O(MAX_SPAN · SPAN_SAMPLE · length) per distinct case.
 */
export function attachSpans(
  groups: number[][],
  layout: PlaceOwners,
  profiles: readonly BigramProfile[],
  titles: Uint8Array = new Uint8Array(layout.sourceOfPlace.length),
): void {
  const { placeStart, sourceOfPlace, wordingOfPlace } = layout;
  // A title never joins a span, nor grows into one: taken as grouped here.
  const grouped = Uint8Array.from(titles);
  for (const g of groups) for (const place of g) grouped[place] = 1;
  const verdicts = new Map<string, number>();
  groups.forEach(group => {
    const additions: number[] = [];
    const sourcesSeen = new Set<number>();
    const sample = distinctWordings(group, wordingOfPlace, SPAN_SAMPLE + 1);
    for (const place of group) {
      const source = sourceOfPlace[place];
      // One span per source: a source with two members here (a repeat) is left as it is.
      if (sourcesSeen.has(source)) continue;
      sourcesSeen.add(source);
      if (titles[place]) continue;
      const own = wordingOfPlace[place];
      const others = sample.filter(w => w !== own).slice(0, SPAN_SAMPLE);
      if (!others.length) continue;
      let lo = place;
      let hi = place;
      while (hi - lo + 1 < MAX_SPAN) {
        const span: WordingId[] = [];
        for (let p = lo; p <= hi; p++) span.push(wordingOfPlace[p]);
        const before = lo - 1 >= placeStart[source] && !grouped[lo - 1] ? wordingOfPlace[lo - 1] : -1;
        const after = hi + 1 < placeStart[source + 1] && !grouped[hi + 1] ? wordingOfPlace[hi + 1] : -1;
        if (before < 0 && after < 0) break;
        const key = `${span.join(',')}|${before}|${after}|${others.join(',')}`;
        let step = verdicts.get(key);
        if (step === undefined) {
          step = extension(span, before, after, others, profiles);
          verdicts.set(key, step);
        }
        if (step === 0) break;
        const added = step < 0 ? --lo : ++hi;
        grouped[added] = 1;
        additions.push(added);
      }
    }
    group.push(...additions);
  });
}

/** The group's first `limit` distinct wordings (a wording is one per source, so those of other sources, but for the member's own). */
function distinctWordings(group: readonly number[], wordingOfPlace: ArrayLike<WordingId>, limit: number): WordingId[] {
  const out: WordingId[] = [];
  for (const place of group) {
    const w = wordingOfPlace[place];
    if (!out.includes(w)) out.push(w);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Whether the span of wordings grows by the neighbour before it (-1), after it (1), or not at
 * all (0): the side whose joined text some other wording reads closer to than to the span alone,
 * by the margin and by most.
 */
function extension(
  span: readonly WordingId[],
  before: number,
  after: number,
  others: readonly WordingId[],
  profiles: readonly BigramProfile[],
): number {
  let joined = profiles[span[0]];
  for (let i = 1; i < span.length; i++) joined = concatProfiles(joined, profiles[span[i]]);
  const alone = others.map(o => profileSimilarity(joined, profiles[o]));
  // The margin each other wording asks for: SPAN_MARGIN, or half of what the span alone leaves
  // unmatched where that is less (a short second half of a split can gain no more than that).
  const margins = alone.map(a => Math.max(Math.min(SPAN_MARGIN, (1 - a) / 2), Number.EPSILON));
  // The most any other wording gains from the longer span, as a share of its margin. A version
  // that says only this part is no evidence against the span.
  const gain = (p: BigramProfile) =>
    others.reduce((most, o, k) => Math.max(most, (profileSimilarity(p, profiles[o]) - alone[k]) / margins[k]), -Infinity);
  let best = 1;
  let step = 0;
  if (before >= 0) {
    const c = gain(concatProfiles(profiles[before], joined));
    if (c > best) [best, step] = [c, -1];
  }
  if (after >= 0) {
    const c = gain(concatProfiles(joined, profiles[after]));
    if (c > best) step = 1;
  }
  return step;
}

/**
 * Input: per group its places, where the places stand, and per place its form. Output: per
 * place, 1 where its group was folded into a twin group as repeats. Two groups are twins when
 * they hold the same forms in the same sources: every source prints that statement twice in the
 * same words (a headline over the page and again over the article), and each copy found its
 * copies in the others. The twin whose first place comes first keeps its places as members; the
 * other's join it as repeats, and the other group goes (`groups` is compacted in place, in
 * order), so the statement is counted once. O(P log P) for P grouped places.
 */
export function foldTwinGroups(groups: number[][], layout: Pick<PlaceOwners, 'sourceOfPlace'>, formOfPlace: readonly FormId[]): Uint8Array {
  const { sourceOfPlace } = layout;
  const repeats = new Uint8Array(sourceOfPlace.length);
  if (groups.length < 2) return repeats;
  // Each group's sources and forms as one key; groups by their first place, so the first copy keeps.
  const keyOf = (group: readonly number[]) =>
    [...new Set(group.map(place => `${sourceOfPlace[place]}:${formOfPlace[place]}`))].sort().join(',');
  const firstPlace = groups.map(group => group.reduce((least, place) => Math.min(least, place), Infinity));
  const byFirstPlace = groups.map((_, g) => g).sort((x, y) => firstPlace[x] - firstPlace[y]);
  const keeperOf = new Map<string, number>();
  const folded = new Uint8Array(groups.length);
  for (const g of byFirstPlace) {
    if (!groups[g].length) continue;
    const key = keyOf(groups[g]);
    const keeper = keeperOf.get(key);
    if (keeper === undefined) {
      keeperOf.set(key, g);
      continue;
    }
    for (const place of groups[g]) {
      groups[keeper].push(place);
      repeats[place] = 1;
    }
    folded[g] = 1;
  }
  let kept = 0;
  for (let g = 0; g < groups.length; g++) if (!folded[g]) groups[kept++] = groups[g];
  groups.length = kept;
  return repeats;
}

/**
 * Input: per group its places, where the places stand, and per place its form. Output: per
 * place, 1 where it was added as a repeat. A place no group holds joins the group that holds
 * another place of its source with the same form (the first such group). O(P) for P places.
 */
export function attachRepeats(groups: number[][], layout: PlaceOwners, formOfPlace: readonly FormId[]): Uint8Array {
  const { placeStart, sourceOfPlace } = layout;
  const repeats = new Uint8Array(sourceOfPlace.length);
  // Per place, the first group holding it; then source by source, per form, the first group
  // holding a place of the source with that form (flat arrays, not a map over source and form:
  // a story in a thousand versions has a hundred thousand grouped places).
  const groupOfPlace = new Int32Array(sourceOfPlace.length).fill(-1);
  groups.forEach((group, g) => {
    for (const place of group) if (groupOfPlace[place] < 0) groupOfPlace[place] = g;
  });
  let formLimit = 0;
  for (const f of formOfPlace) if (f >= formLimit) formLimit = f + 1;
  const groupOfTwin = twinScratch(formLimit);
  for (let source = 0; source + 1 < placeStart.length; source++) {
    const from = placeStart[source];
    const to = placeStart[source + 1];
    for (let place = from; place < to; place++) {
      const g = groupOfPlace[place];
      const f = formOfPlace[place];
      if (g >= 0 && (groupOfTwin[f] < 0 || g < groupOfTwin[f])) groupOfTwin[f] = g;
    }
    for (let place = from; place < to; place++) {
      if (groupOfPlace[place] >= 0) continue;
      const g = groupOfTwin[formOfPlace[place]];
      if (g < 0) continue;
      groups[g].push(place);
      repeats[place] = 1;
    }
    for (let place = from; place < to; place++) groupOfTwin[formOfPlace[place]] = -1;
  }
  return repeats;
}

/**
 * Per form id, -1: kept between calls (and left so, each entry set back once its source is
 * done), since form ids are numbered over the whole corpus and a call is made per story.
 */
let groupOfTwinScratch = new Int32Array(0);

/** `groupOfTwinScratch`, at least `size` long. */
function twinScratch(size: number): Int32Array {
  if (groupOfTwinScratch.length < size) groupOfTwinScratch = new Int32Array(Math.max(size, 2 * groupOfTwinScratch.length)).fill(-1);
  return groupOfTwinScratch;
}

/**
 * Input: per group the places of its members, where the places stand, and per wording its
 * profile. Output: the groups, where a group whose sentences follow, in each source it shares
 * with a larger group, those of the larger group is merged into it when the joined spans are
 * closer, by the margin on average over the shared sources, to one of the larger group's other
 * sources (one that merged the two statements into one sentence) than its own sentences alone,
 * unless a larger group on its other side would take it in as well (versions merged it either
 * way: it stays apart). Its sources that the larger group lacks come along: a version that says
 * the statement whole in other words may have been grouped with the half of a split it reads
 * closest, and is no evidence against the merge. O(P) for P grouped places, plus
 * O(SPAN_SAMPLE · length) per candidate.
 */
export function mergeFollowingGroups(groups: readonly number[][], layout: PlaceOwners, profiles: readonly BigramProfile[]): number[][] {
  const { sourceOfPlace, wordingOfPlace } = layout;
  const groupOfPlace = new Int32Array(sourceOfPlace.length).fill(-1);
  groups.forEach((g, i) => {
    for (const place of g) groupOfPlace[place] = i;
  });
  const merged = groups.map(g => [...g].sort((x, y) => x - y));
  const gone = new Uint8Array(groups.length);
  /** Per source of a group, its first and last place. */
  const extent = (g: readonly number[]) => {
    const out = new Map<number, [number, number]>();
    for (const place of g) {
      const s = sourceOfPlace[place];
      const e = out.get(s);
      if (!e) out.set(s, [place, place]);
      else {
        e[0] = Math.min(e[0], place);
        e[1] = Math.max(e[1], place);
      }
    }
    return out;
  };
  // A span's joined profile depends only on its wordings, which most sources of a large story
  // share: each distinct run of wordings is joined once.
  // Keyed by the wordings as digits of one number (no string to make and hash) where a span
  // that long fits in one; by their list otherwise.
  const joinedOf = new Map<number | string, BigramProfile>();
  const base = profiles.length + 1;
  const numberSpan = Math.floor(Math.log(Number.MAX_SAFE_INTEGER) / Math.log(base)) - 1;
  const joined = (from: number, to: number) => {
    if (from === to) return profiles[wordingOfPlace[from]];
    let key: number | string = 0;
    if (to - from < numberSpan) for (let place = from; place <= to; place++) key = key * base + wordingOfPlace[place] + 1;
    else key = Array.from(wordingOfPlace.subarray(from, to + 1)).join(',');
    let p = joinedOf.get(key);
    if (p) return p;
    p = profiles[wordingOfPlace[from]];
    for (let place = from + 1; place <= to; place++) p = concatProfiles(p, profiles[wordingOfPlace[place]]);
    joinedOf.set(key, p);
    return p;
  };
  // Each group's extent, worked out once and again only after the group grows.
  const extents = merged.map(extent);
  // Per group, the sources a merge brought into it that it did not hold (see `joinsInto`).
  const broughtAlong: (Set<number> | undefined)[] = [];
  // The candidates of the group at hand, each listed once (by the round that listed it): one
  // list for every group, as most groups have none.
  const candidates: number[] = [];
  const listedIn = new Int32Array(groups.length);
  let round = 0;
  /** Lists the group holding `place` as a candidate to merge into group `i` of `size` sources. */
  const listCandidate = (place: number, i: number, size: number) => {
    const g = place >= 0 && place < groupOfPlace.length ? groupOfPlace[place] : -1;
    // Only a smaller group can be merged in: one as large is no candidate.
    if (g >= 0 && g !== i && !gone[g] && listedIn[g] !== round && extents[g].size < size) {
      listedIn[g] = round;
      candidates.push(g);
    }
  };
  /**
   * Whether group `c` follows or precedes group `big` in each source they share (one at
   * least), within a span, and one of `big`'s other sources (one that merged the two statements
   * into one sentence) reads the joined spans closer than `big`'s own sentences, by the margin on
   * average over the shared sources: a version that says only `big`'s part is no evidence
   * against the merge (as in `attachSpans`), so the merger that gains most decides.
   */
  const joinsInto = (big: number, c: number) => {
    const bigExtent = extents[big];
    const smallExtent = extents[c];
    // Sources a merge brought along are no evidence for the next: a chain of merges, each on a
    // version the last brought, would join statements no version says as one.
    let shared = 0;
    for (const [s, [first, last]] of smallExtent) {
      const e = bigExtent.get(s);
      if (!e) continue;
      const follows = (first === e[1] + 1 || last === e[0] - 1) && Math.max(last, e[1]) - Math.min(first, e[0]) < MAX_SPAN;
      if (!follows) return false;
      if (!broughtAlong[big]?.has(s)) shared++;
    }
    // At least half of the smaller group's sources follow the larger group's sentences.
    if (!shared || 2 * shared < smallExtent.size) return false;
    const mergers: WordingId[] = [];
    for (const [s, [first]] of bigExtent) if (!smallExtent.has(s) && mergers.length < SPAN_SAMPLE) mergers.push(wordingOfPlace[first]);
    const gains = new Float64Array(mergers.length);
    for (const [s, [first, last]] of smallExtent) {
      const e = bigExtent.get(s);
      if (!e) continue;
      const [bigFirst, bigLast] = e;
      const own = joined(bigFirst, bigLast);
      const both = joined(Math.min(first, bigFirst), Math.max(last, bigLast));
      mergers.forEach((m, k) => (gains[k] += profileSimilarity(both, profiles[m]) - profileSimilarity(own, profiles[m])));
    }
    if (!gains.some(gain => gain > SPAN_MARGIN * shared)) return false;
    // A version the larger group lacks comes along only where it says the statement whole: it
    // reads the joined spans closer than the smaller group's part alone, by the margin on
    // average over the shared sources.
    for (const [f, [fFirst, fLast]] of smallExtent) {
      if (bigExtent.has(f)) continue;
      const whole = joined(fFirst, fLast);
      let gain = 0;
      for (const [s, [first, last]] of smallExtent) {
        const e = bigExtent.get(s);
        if (!e) continue;
        const both = joined(Math.min(first, e[0]), Math.max(last, e[1]));
        gain += profileSimilarity(both, whole) - profileSimilarity(joined(first, last), whole);
      }
      if (gain <= SPAN_MARGIN * shared) return false;
    }
    return true;
  };
  /** Whether a larger group on `c`'s other side from `big` (in their first shared source) would take `c` in as well (`joinsInto`). */
  const claimedOtherSide = (big: number, c: number) => {
    const bigExtent = extents[big];
    const [s, [first, last]] = [...extents[c]].find(([source]) => bigExtent.has(source))!;
    const [bigFirst] = bigExtent.get(s)!;
    const place = bigFirst > last ? first - 1 : last + 1;
    const other = place >= 0 && place < groupOfPlace.length ? groupOfPlace[place] : -1;
    return other >= 0 && other !== big && !gone[other] && extents[other].size > extents[c].size && joinsInto(other, c);
  };
  merged.forEach((big, i) => {
    if (gone[i]) return;
    for (let changed = true; changed;) {
      changed = false;
      const bigExtent = extents[i];
      candidates.length = 0;
      round++;
      for (const [first, last] of bigExtent.values()) {
        listCandidate(first - 1, i, bigExtent.size);
        listCandidate(last + 1, i, bigExtent.size);
      }
      candidates.sort((x, y) => x - y);
      for (const c of candidates) {
        if (!joinsInto(i, c)) continue;
        // Versions that merged the small group's statement into the group on its other side
        // claim it too: it stays a statement of its own rather than go where one side says.
        if (claimedOtherSide(i, c)) continue;
        for (const [source] of extents[c]) {
          if (extents[i].has(source)) continue;
          (broughtAlong[i] ??= new Set()).add(source);
        }
        for (const place of merged[c]) {
          big.push(place);
          groupOfPlace[place] = i;
        }
        big.sort((x, y) => x - y);
        extents[i] = extent(big);
        gone[c] = 1;
        changed = true;
        break;
      }
    }
  });
  return merged.filter((_, i) => !gone[i]);
}
