/**
 * Which sources the story stage compares, and the stories the comparisons make: candidate
 * pairs from the shingle index (never all pairs), scored, and joined into connected components.
 */
import { sharedOf } from './storyEvidence';
import type { EvidenceSettings, PairEvidence, PassFacts } from './storyEvidence';
import type { StoryIndex } from './storyIndex';

export interface PairSettings extends EvidenceSettings {
  /** Sources each source of a posting list is paired with (fewer in long lists). */
  readonly window: number;
}

/**
 * Input: the index, the pass's facts (`passFacts`: the shingles set aside as chrome, what
 * counts as evidence), the thresholds, and the number of found sentences that joins two
 * sources whatever their share. Output: per source, a number for its story (the smallest
 * source of its story).
 *
 * Candidates: sources are taken in canonical order; each is paired, in every posting list of
 * its shingles outside `chrome`, with the next sources after it there: `window` of them, and
 * fewer in lists longer than `window` (about window² pairs per list, so a shingle a thousand
 * sources carry costs each a pair or two). Neighbours already joined to it by pairs where one
 * page mostly holds the other are passed over. A candidate is scored only when the two share,
 * over those lists, as many shingles as the found sentences it needs would show, scaled by the
 * share of distinct shingles among the shingle occurrences of the more repetitive of the two (a
 * long list whose lines share most of their words shows few distinct ones).
 *
 * Stories: the pairs that are one story (`PairEvidence.oneStory`) are taken strongest first
 * (the share of the smaller side found in the other), each joining its two stories. Where two
 * stories of more than `BRIDGE_SOURCES` sources meet, they join only if more than one source of
 * each is one story with the other (among the pairs found, then among their first sources,
 * scored now), or, on a pair where one page mostly holds the other, if more than one source of
 * the held page's story is mostly held by the holding page (versions of one story cut
 * differently): one page alone may carry another story's teaser and its snippet, or its site's
 * chrome that reads as prose, and stories must not chain through it, however much of it another
 * page holds. Likewise a story of `BRIDGE_SOURCES` sources or fewer joins a larger one on a pair
 * where its page mostly holds the larger's page, which has fewer sentences of its own, only if it
 * is one story with more than one source of the larger: a page of no text of its own but a
 * teaser is mostly held by every page carrying that teaser, and would pull each of them into its
 * story before they meet their own. Ties are taken in canonical order, so the result does not
 * depend on the order of the input.
 * O(S·window) for S shingle occurrences, plus O(a + b) per scored pair and O(E log E) for E
 * pairs that are one story.
 */
export function storyComponents(
  index: StoryIndex,
  pass: PassFacts,
  settings: PairSettings,
  enoughSentences: number,
  evidence: PairEvidence,
): Int32Array {
  const n = index.sources.length;
  const { postings, postingStart, order, rank } = index;
  // Joined by identical texts and by pairs where one page mostly holds the other: the walk
  // below passes over neighbours joined so, as they need no more pairs (a strong pair between
  // stories may still be refused below; finding more pairs of such neighbours changed little).
  const held = new DisjointSets(n);
  // Identical texts are one story when they have any article sentence to go by.
  const byText = new Map<string, number>();
  const twins: [number, number][] = [];
  for (let s = 0; s < n; s++) {
    if (!index.sourceForms[s].length) continue;
    const other = byText.get(index.sources[s].text);
    if (other === undefined) byText.set(index.sources[s].text, s);
    else {
      held.union(other, s);
      twins.push([other, s]);
    }
  }
  const chrome = pass.chrome;
  const shareOf = sharedOf(index, pass, settings);
  const sentencesNeeded = (a: number, b: number) =>
    Math.max(settings.minSharedSentences, Math.ceil(settings.minSharedShare * Math.min(shareOf[a], shareOf[b])));
  // In a long list whose lines repeat most of their words, found sentences show far fewer
  // distinct shingles than `foundShingles` each (`shingleDiversity`).
  const diversity = index.shingleDiversity;
  const shinglesNeeded = (a: number, b: number) =>
    Math.ceil(sentencesNeeded(a, b) * settings.foundShingles * Math.min(diversity[a], diversity[b]));
  const window = settings.window;
  // Per source, how many shingles it shares with the one being paired, over the lists seen.
  const common = new Int32Array(n);
  const touched: number[] = [];
  // Whether a neighbour is joined to the source being paired, found once per source: joins
  // wait until its lists are walked, so the answer holds for the whole walk.
  const checkedFor = new Int32Array(n).fill(-1);
  const inOwnStory = new Uint8Array(n);
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeStrength: number[] = [];
  for (let r = 0; r < n; r++) {
    const a = order[r];
    const own = held.find(a);
    const shingles = index.sourceShingles[a];
    const placesOfA = index.postingPlace[a];
    for (let k = 0; k < shingles.length; k++) {
      const x = shingles[k];
      if (chrome[x]) continue;
      const end = postingStart[x + 1];
      const at = placesOfA[k];
      if (at + 1 >= end) continue;
      const reach = Math.max(1, Math.min(window, Math.floor((window * window) / (end - postingStart[x]))));
      let paired = 0;
      const last = Math.min(end - 1, at + window);
      for (let j = at + 1; j <= last && paired < reach; j++) {
        const b = postings[j];
        if (checkedFor[b] !== r) {
          checkedFor[b] = r;
          inOwnStory[b] = held.find(b) === own ? 1 : 0;
        }
        if (inOwnStory[b]) continue;
        paired++;
        if (common[b]++ === 0) touched.push(b);
      }
    }
    touched.sort((x, y) => rank[x] - rank[y]);
    for (const b of touched) {
      // A found sentence shows `foundShingles` of its shingles (fewer only in very short ones),
      // distinct from the other found sentences' as far as the two sources' shingles are.
      if (common[b] >= shinglesNeeded(a, b) && held.find(a) !== held.find(b) && evidence.oneStory(a, b, pass, settings, enoughSentences)) {
        const strength = evidence.strength(a, b, pass, settings);
        edgeA.push(a);
        edgeB.push(b);
        edgeStrength.push(strength);
        if (strength >= MOSTLY) held.union(a, b);
      }
      common[b] = 0;
    }
    touched.length = 0;
  }
  return joinedStrongestFirst(index, pass, settings, enoughSentences, evidence, twins, edgeA, edgeB, edgeStrength);
}

/**
 * The stories the pairs that are one story make, strongest first, as `storyComponents` says.
 * `twins` are identical texts (joined first). O(E log E) for E pairs, plus the pairs scored
 * where two stories meet on a pair that needs the linkage check: at most `LINKAGE_SAMPLE`² each.
 */
function joinedStrongestFirst(
  index: StoryIndex,
  pass: PassFacts,
  settings: EvidenceSettings,
  enoughSentences: number,
  evidence: PairEvidence,
  twins: readonly (readonly [number, number])[],
  edgeA: readonly number[],
  edgeB: readonly number[],
  edgeStrength: readonly number[],
): Int32Array {
  const n = index.sources.length;
  const rank = index.rank;
  const sets = new DisjointSets(n);
  const members = new Map<number, number[]>();
  const sample = new Map<number, number[]>();
  const membersOf = (root: number) => members.get(root) ?? [root];
  const sampleOf = (root: number) => sample.get(root) ?? [root];
  const join = (ra: number, rb: number) => {
    const a = membersOf(ra);
    const b = membersOf(rb);
    const joinedSample = firstByRank([...sampleOf(ra), ...sampleOf(rb)], rank);
    sets.union(ra, rb);
    const root = sets.find(ra);
    members.delete(ra);
    members.delete(rb);
    sample.delete(ra);
    sample.delete(rb);
    members.set(root, a.length >= b.length ? (a.push(...b), a) : (b.push(...a), b));
    sample.set(root, joinedSample);
  };
  for (const [a, b] of twins) {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra !== rb) join(ra, rb);
  }
  // Per source, its pairs (by index), for the linkage check and the moves after the joins.
  const edgesOf: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edgeA.length; e++) {
    edgesOf[edgeA[e]].push(e);
    edgesOf[edgeB[e]].push(e);
  }
  const otherEnd = (e: number, s: number) => (edgeA[e] === s ? edgeB[e] : edgeA[e]);
  // Whether the sources of story `small` that are one story with a source of story `other`
  // (`near`), and those sources of `other` (`far`), are `enough`: among the pairs found (the
  // candidates of long posting lists are few), then among the two stories' samples.
  const linked = (small: number, other: number, enough: (near: ReadonlySet<number>, far: ReadonlySet<number>) => boolean) => {
    const near = new Set<number>();
    const far = new Set<number>();
    for (const x of membersOf(small))
      for (const e of edgesOf[x]) {
        const y = otherEnd(e, x);
        if (sets.find(y) === other) {
          near.add(x);
          far.add(y);
        }
      }
    if (enough(near, far)) return true;
    for (const x of sampleOf(small))
      for (const y of sampleOf(other))
        if (evidence.oneStory(x, y, pass, settings, enoughSentences)) {
          near.add(x);
          far.add(y);
        }
    return enough(near, far);
  };
  // Whether more than one source of each story is one story with a source of the other.
  const supported = (ra: number, rb: number) => {
    const [small, other] = membersOf(ra).length <= membersOf(rb).length ? [ra, rb] : [rb, ra];
    return linked(small, other, (near, far) => near.size >= BRIDGE_SOURCES && far.size >= BRIDGE_SOURCES);
  };
  // Whether the smaller side of the pair (x, y) (the one with fewer own sentences; either, on a
  // tie) stands in a story of which at least `BRIDGE_SOURCES` sources (among its first in
  // canonical order, scored now) are each mostly found in the other side: versions of one story
  // cut differently, each held by the version that holds them all. One page mostly found in two
  // stories is no such bridge.
  const own = sharedOf(index, pass, settings);
  const heldBy = (from: number, holder: number) => {
    let held = 0;
    for (const x of sampleOf(from))
      if (
        own[x] <= own[holder] &&
        evidence.oneStory(x, holder, pass, settings, enoughSentences) &&
        evidence.strength(x, holder, pass, settings) >= MOSTLY &&
        ++held >= BRIDGE_SOURCES
      )
        return true;
    return false;
  };
  const containedIn = (x: number, y: number) =>
    (own[x] <= own[y] && heldBy(sets.find(x), y)) || (own[y] <= own[x] && heldBy(sets.find(y), x));
  // Whether the pair (x, y) would pull a small story (of `BRIDGE_SOURCES` sources or fewer) into
  // a larger one through a page of the larger that the small story's page mostly holds, where
  // the small story is one story with only that one page of the larger (among the pairs found,
  // then among the larger's first sources, scored now).
  const pulledThroughOne = (x: number, y: number) => {
    const [rx, ry] = [sets.find(x), sets.find(y)];
    const xLarge = membersOf(rx).length > BRIDGE_SOURCES;
    if (xLarge === membersOf(ry).length > BRIDGE_SOURCES) return false;
    const [inLarge, inSmall, large, small] = xLarge ? [x, y, rx, ry] : [y, x, ry, rx];
    return own[inLarge] < own[inSmall] && !linked(small, large, (_, far) => far.size >= BRIDGE_SOURCES);
  };
  const byStrength = Array.from(edgeA, (_, e) => e).sort(
    (e, f) =>
      edgeStrength[f] - edgeStrength[e] ||
      Math.min(rank[edgeA[e]], rank[edgeB[e]]) - Math.min(rank[edgeA[f]], rank[edgeB[f]]) ||
      Math.max(rank[edgeA[e]], rank[edgeB[e]]) - Math.max(rank[edgeA[f]], rank[edgeB[f]]),
  );
  for (const e of byStrength) {
    const ra = sets.find(edgeA[e]);
    const rb = sets.find(edgeB[e]);
    if (ra === rb) continue;
    const bothStories = membersOf(ra).length > BRIDGE_SOURCES && membersOf(rb).length > BRIDGE_SOURCES;
    if (bothStories && !(edgeStrength[e] >= MOSTLY && containedIn(edgeA[e], edgeB[e])) && !supported(ra, rb)) continue;
    if (!bothStories && edgeStrength[e] >= MOSTLY && pulledThroughOne(edgeA[e], edgeB[e])) continue;
    join(ra, rb);
  }
  return movedToStrongerStories(index, sets, edgesOf, otherEnd, edgeStrength);
}

/**
 * The stories of `sets`, each source then moved, in canonical order, to the story its pairs
 * hold it to most strongly (the sum of their strengths) where that is not its own; a local
 * move of correlation clustering. A page joined early to pages it shares only chrome or a
 * teaser with goes back to its own story, once that story holds it more strongly. Repeated
 * until no source moves, at most `MOVE_ROUNDS` times. Output: per source its story number (the
 * smallest source of its story). O(rounds · (n + E)).
 */
function movedToStrongerStories(
  index: StoryIndex,
  sets: DisjointSets,
  edgesOf: readonly (readonly number[])[],
  otherEnd: (e: number, s: number) => number,
  edgeStrength: readonly number[],
): Int32Array {
  const n = index.sources.length;
  const label = new Int32Array(n);
  for (let s = 0; s < n; s++) label[s] = sets.find(s);
  const holdTo = new Map<number, number>();
  for (let round = 0; round < MOVE_ROUNDS; round++) {
    // Stories are named by their first source in canonical order, so ties do not depend on the input's order.
    const first = new Map<number, number>();
    for (const s of index.order) if (!first.has(label[s])) first.set(label[s], s);
    for (let s = 0; s < n; s++) label[s] = first.get(label[s])!;
    let moved = false;
    for (const s of index.order) {
      if (!edgesOf[s].length) continue;
      holdTo.clear();
      for (const e of edgesOf[s]) {
        const other = otherEnd(e, s);
        holdTo.set(label[other], (holdTo.get(label[other]) ?? 0) + edgeStrength[e]);
      }
      let best = label[s];
      let bestHold = holdTo.get(best) ?? 0;
      for (const [story, hold] of holdTo)
        if (hold > bestHold || (hold === bestHold && best !== label[s] && index.rank[story] < index.rank[best])) {
          best = story;
          bestHold = hold;
        }
      if (best !== label[s]) {
        label[s] = best;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // Each story numbered by its smallest source.
  const smallest = new Map<number, number>();
  for (let s = 0; s < n; s++) if (!smallest.has(label[s])) smallest.set(label[s], s);
  return Int32Array.from(label, l => smallest.get(l)!);
}

/** Rounds of moving sources to the story that holds them most strongly. */
const MOVE_ROUNDS = 3;

/** A pair whose smaller page has at least this share found in the other: one page mostly holds the other. */
const MOSTLY = 2 / 3;

/**
 * Sources of each story that must be one story with the other for two stories larger than this
 * to join; the largest story that joins a larger one without that check (but see `pulledThroughOne`).
 */
const BRIDGE_SOURCES = 2;

/** Sources of a story scored against the other's where a join needs the linkage check. */
const LINKAGE_SAMPLE = 4;

/** The first `LINKAGE_SAMPLE` of `sources` in canonical order. */
function firstByRank(sources: number[], rank: Int32Array): number[] {
  return sources.sort((x, y) => rank[x] - rank[y]).slice(0, LINKAGE_SAMPLE);
}

/** Union-find with path halving; a set's root is its smallest member. */
class DisjointSets {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let s = 0; s < n; s++) this.parent[s] = s;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
