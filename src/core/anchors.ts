/**
 * Stage 9, anchors: each group's anchor (the wording closest to all others) and every member's
 * similarity to it; then the groups as the analysis reports them.
 */
import type { SpaceId, WordingId } from './ids';
import type { PlaceOwners } from './places';
import { BigramProfile, concatProfiles, profileSimilarity } from './similarity';
import type { SharedTokens } from './tokenSpace';
import { compareCodeUnits } from './text';
import type { GroupMember, SentenceGroup } from './types';

/** A group's places and its distinct wordings, each with the number of places it has there. */
export interface GroupTally {
  /** The group's places, ascending (so by source, then by sentence). */
  readonly places: Int32Array;
  /** Its distinct wordings, ascending; a wording's position here is its slot. */
  readonly distinct: readonly WordingId[];
  /** Per slot, how many places of the group carry that wording. */
  readonly counts: Int32Array;
}

/** A group's anchor, as a slot, and each slot's similarity to it. */
export interface AnchorChoice {
  readonly at: number;
  readonly similarities: Float64Array;
}

/** Only the most frequent wordings of a group are candidates for its anchor, which keeps huge groups cheap. */
const ANCHOR_CANDIDATES = 16;

/** Input: per group its places, and per place its wording. Output: the tallies. O(P log P) for P grouped places. */
export function tallyGroups(
  memberPlaces: readonly (readonly number[])[],
  wordingOfPlace: ArrayLike<WordingId>,
  wordingCount: number,
): GroupTally[] {
  const countOf = new Int32Array(wordingCount);
  return memberPlaces.map(list => {
    const places = Int32Array.from(list).sort();
    const distinct: WordingId[] = [];
    for (let i = 0; i < places.length; i++) if (countOf[wordingOfPlace[places[i]]]++ === 0) distinct.push(wordingOfPlace[places[i]]);
    distinct.sort((a, b) => a - b);
    const counts = new Int32Array(distinct.length);
    for (let i = 0; i < distinct.length; i++) {
      counts[i] = countOf[distinct[i]];
      countOf[distinct[i]] = 0;
    }
    return { places, distinct, counts };
  });
}

/** What an anchor choice depends on: the slots' forms and counts, in slot order. */
export function anchorKey(tally: GroupTally, spaceIdOf: readonly SpaceId[]): string {
  const parts: string[] = [];
  for (let i = 0; i < tally.distinct.length; i++) parts.push(`${spaceIdOf[tally.distinct[i]]}:${tally.counts[i]}`);
  return parts.join(' ');
}

/**
 * Input: a tally, per wording its space id, and a `SharedTokens` over the form space. Output:
 * the anchor: the wording closest to all others, each counted as often as sources carry it.
 * A candidate whose sum cannot pass the best so far even were each other wording as similar as
 * the two sizes allow is passed over unread; the anchor's similarities are those its own sum
 * read. O(min(k, 16) · k · length) for k distinct wordings.
 */
export function chooseAnchor(tally: GroupTally, spaceIdOf: readonly SpaceId[], shared: SharedTokens): AnchorChoice {
  const { distinct, counts } = tally;
  const slots = Array.from(distinct, (_, slot) => slot);
  const candidates = slots.sort((x, y) => counts[y] - counts[x] || x - y).slice(0, ANCHOR_CANDIDATES);
  let best = candidates[0];
  let bestSum = -1;
  // The similarities of the best candidate so far to every slot, and of the one being read.
  let bestSimilarities = new Float64Array(distinct.length);
  let read = new Float64Array(distinct.length);
  for (const c of candidates) {
    const id = spaceIdOf[distinct[c]];
    // Each term of the bound is at least the term of the sum, and rounding keeps that order, so
    // a bound that cannot pass the best leaves the choice as reading the candidate would.
    if (c !== best) {
      let bound = (counts[c] - 1) * 1;
      for (let o = 0; o < distinct.length; o++) if (o !== c) bound += counts[o] * shared.mostSimilarity(id, spaceIdOf[distinct[o]]);
      if (!(bound > bestSum + 1e-12)) continue;
    }
    shared.mark(id);
    let sum = (counts[c] - 1) * 1;
    for (let o = 0; o < distinct.length; o++) {
      if (o === c) continue;
      read[o] = shared.similarity(spaceIdOf[distinct[o]]);
      sum += counts[o] * read[o];
    }
    if (sum > bestSum + 1e-12) {
      bestSum = sum;
      best = c;
      [bestSimilarities, read] = [read, bestSimilarities];
    }
  }
  // A profile is as similar to itself as can be.
  bestSimilarities[best] = 1;
  return { at: best, similarities: bestSimilarities };
}

/**
 * Input: the tallies, their anchors, where the places stand and which are repeats, per wording
 * its profile, and per source its rank in an order that does not depend on the order the
 * sources were given in (lower first; see `canonicalRanks`).
 * Output: the groups, ordered by the number of sources (most first), then by first appearance
 * in the source of lowest rank (`byCanonicalAppearance`).
 * The anchor member is a place of the anchor's words that is no repeat, in the source of
 * lowest rank (its first such place there): which of several sources printing the anchor's
 * words is the anchor decides what counts as moved and which span the others are measured
 * against, so it must not follow the order of the files. A member's similarity is that of its
 * wording to the anchor's; where a source holds a span of consecutive sentences (or the anchor
 * stands in one), every member of the span has the similarity of the span's joined text to the
 * anchor's span. A repeat stands in no span: it is the same sentence printed again, not a part
 * of the statement. O(P + G log G) for P grouped places and G groups, plus O(length) per span.
 */
export function buildGroups(
  tallies: readonly GroupTally[],
  choices: readonly AnchorChoice[],
  owners: PlaceOwners & { readonly repeats: Uint8Array },
  profiles: readonly BigramProfile[],
  rankOfSource: ArrayLike<number>,
): SentenceGroup[] {
  const { placeStart, sourceOfPlace, wordingOfPlace, repeats } = owners;
  const slotOf = new Int32Array(profiles.length);
  const groups: SentenceGroup[] = tallies.map((tally, g) => {
    const { places, distinct } = tally;
    const choice = choices[g];
    const anchorWording = distinct[choice.at];
    for (let i = 0; i < distinct.length; i++) slotOf[distinct[i]] = i;
    // Wordings as similar to the anchor's as can be (the same words, read apart: a headline and
    // its copy) are the anchor's words too.
    const anchor = anchorMember(places, w => w === anchorWording || choice.similarities[slotOf[w]] >= 1, owners, repeats, rankOfSource);
    let sourceCount = 0;
    const members: GroupMember[] = [];
    for (let i = 0; i < places.length; i++) {
      const source = sourceOfPlace[places[i]];
      const w = wordingOfPlace[places[i]];
      if (i === 0 || sourceOfPlace[places[i - 1]] !== source) sourceCount++;
      const similarity = i === anchor ? 1 : choice.similarities[slotOf[w]];
      const sentence = places[i] - placeStart[source];
      members.push(repeats[places[i]] ? { source, sentence, similarity, repeat: true } : { source, sentence, similarity });
    }
    return { members: measureSpans(members, anchor, places, wordingOfPlace, profiles), anchor, sourceCount };
  });
  return groups.sort(byCanonicalAppearance(rankOfSource));
}

/**
 * Groups by the number of sources (most first), then by first appearance in the source of lowest
 * rank (`canonicalRanks`) among their members, so that the same files number their statements
 * alike whatever order they come in. O(members) per comparison.
 */
export function byCanonicalAppearance(rankOfSource: ArrayLike<number>): (x: SentenceGroup, y: SentenceGroup) => number {
  const firstPlace = (g: SentenceGroup) => {
    let first = Infinity;
    for (const m of g.members) first = Math.min(first, rankOfSource[m.source] * 1e9 + m.sentence);
    return first;
  };
  return (x, y) => y.sourceCount - x.sourceCount || firstPlace(x) - firstPlace(y);
}

/**
 * The members with each span's similarity measured on joined texts. Members are in place
 * order, so a span is a run of members, none a repeat, whose places follow one another.
 * Unchanged (the same array) when neither the anchor nor any other member stands in a span.
 */
function measureSpans(
  members: GroupMember[],
  anchor: number,
  places: Int32Array,
  wordingOfPlace: ArrayLike<WordingId>,
  profiles: readonly BigramProfile[],
): GroupMember[] {
  const runStart = new Int32Array(members.length);
  let spans = false;
  for (let i = 1; i < members.length; i++) {
    const joined =
      places[i] === places[i - 1] + 1 && members[i].source === members[i - 1].source && !members[i].repeat && !members[i - 1].repeat;
    runStart[i] = joined ? runStart[i - 1] : i;
    spans ||= joined;
  }
  if (!spans) return members;
  const runEnd = (start: number) => {
    let end = start + 1;
    while (end < members.length && runStart[end] === start) end++;
    return end;
  };
  const joinedProfile = (start: number, end: number) => {
    let p = profiles[wordingOfPlace[places[start]]];
    for (let i = start + 1; i < end; i++) p = concatProfiles(p, profiles[wordingOfPlace[places[i]]]);
    return p;
  };
  const anchorStart = runStart[anchor];
  const anchorEnd = runEnd(anchorStart);
  const anchorProfile = joinedProfile(anchorStart, anchorEnd);
  const anchorAlone = anchorEnd - anchorStart === 1;
  const out = members.slice();
  for (let start = 0; start < members.length;) {
    const end = runEnd(start);
    // A single member against a single anchor already has its similarity.
    if (start === anchorStart) {
      for (let i = start; i < end; i++) out[i] = { ...members[i], similarity: 1 };
    } else if (end - start > 1 || !anchorAlone) {
      const similarity = profileSimilarity(joinedProfile(start, end), anchorProfile);
      for (let i = start; i < end; i++) out[i] = { ...members[i], similarity };
    }
    start = end;
  }
  return out;
}

/**
 * The index (in `places`) of a group's anchor member: a place whose wording `isAnchors` takes
 * that is no repeat (any such place where all are repeats), in the source of lowest
 * `rankOfSource`, the first such place there. O(P) for the group's P places.
 */
function anchorMember(
  places: Int32Array,
  isAnchors: (wording: WordingId) => boolean,
  owners: Pick<PlaceOwners, 'sourceOfPlace' | 'wordingOfPlace'>,
  repeats: Uint8Array,
  rankOfSource: ArrayLike<number>,
): number {
  const { sourceOfPlace, wordingOfPlace } = owners;
  let anchor = -1;
  for (let i = 0; i < places.length; i++) {
    if (!isAnchors(wordingOfPlace[places[i]])) continue;
    if (anchor < 0) {
      anchor = i;
      continue;
    }
    const repeat = repeats[places[i]];
    const anchorRepeat = repeats[places[anchor]];
    if (repeat !== anchorRepeat ? !repeat : rankOfSource[sourceOfPlace[places[i]]] < rankOfSource[sourceOfPlace[places[anchor]]])
      anchor = i;
  }
  return anchor;
}

/**
 * Per source, its rank when the sources are sorted by id (code unit by code unit), then by the
 * hash of their text, then by their number: the order `buildGroups` picks anchors by, which
 * the same files give whatever order they come in (only files of one id and one text, which
 * are alike in every way, keep the order they were given). O(S log S) for S sources.
 */
export function canonicalRanks(sources: readonly { readonly id: string; readonly hash: string }[]): Int32Array {
  const order = sources.map((_, i) => i);
  order.sort((x, y) => compareCodeUnits(sources[x].id, sources[y].id) || compareCodeUnits(sources[x].hash, sources[y].hash) || x - y);
  const ranks = new Int32Array(sources.length);
  order.forEach((source, rank) => (ranks[source] = rank));
  return ranks;
}
