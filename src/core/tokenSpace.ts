/**
 * The token space every similarity join works in (the AllPairs family of prefix-filtered
 * joins): each bigram occurrence becomes a token ("th" the second time is another token than
 * "th" the first time), which turns the multiset Dice into a set Dice. Tokens are ordered
 * rarest first. A pair with Dice ≥ t shares at least ⌈t·a/(2−t)⌉ tokens, so the two profiles'
 * first `a − ⌈t·a/(2−t)⌉ + 1` tokens (their prefix) must meet.
 */
import { CodeTable } from './codeTable';
import { BigramProfile, dice } from './similarity';

/** A pair found by a join; `similarity` is `profileSimilarity` of the two profiles. */
export interface JoinPair<Id extends number = number> {
  readonly a: Id;
  readonly b: Id;
  readonly similarity: number;
}

/** Slack for floating-point bounds on sizes and overlaps. */
export const EPSILON = 1e-9;

/**
 * The token order shared by every join over a set of profiles: each profile as its tokens'
 * ranks, rarest first. Built once, it serves joins at any threshold, and profiles can be added
 * later (an editor session's new sentences): tokens first seen then rank after all others,
 * which any join accepts, since a prefix filter needs one fixed order, not the best one.
 * O(T log T) for T bigram occurrences in the first profiles, O(t) per profile added.
 */
export class TokenSpace {
  private readonly allProfiles: BigramProfile[];
  /** Per profile: ranks of its tokens, ascending. */
  private readonly ranked: Int32Array[];
  /** Per profile, its number of tokens: read on every step of a join's walk, so kept flat. */
  private readonly sizes: number[];
  /** Token ids: per bigram code the id of its first occurrence; per repeated first occurrence the ids of its later ones. */
  private readonly firstId = new CodeTable();
  private readonly laterIds = new Map<number, number[]>();
  private readonly rankOfId: number[];

  constructor(profiles: readonly BigramProfile[] = []) {
    this.allProfiles = [...profiles];
    // Every profile's tokens in one buffer, each profile's a view of it: one allocation for a
    // space, not one (with a backing store of its own) per profile.
    const offsets = new Int32Array(profiles.length + 1);
    for (let i = 0; i < profiles.length; i++) offsets[i + 1] = offsets[i] + profiles[i].bigrams.length;
    const total = offsets[profiles.length];
    const flat = new Int32Array(total);
    let idCount = 0;
    const newId = () => idCount++;
    for (let i = 0; i < profiles.length; i++) this.writeTokenIds(profiles[i], newId, flat, offsets[i]);
    // Ids are below `total`: each occurrence makes at most one.
    const frequency = new Int32Array(idCount);
    let most = 0;
    for (let x = 0; x < total; x++) most = Math.max(most, ++frequency[flat[x]]);
    // Rarest first; ties by first appearance of the token, which is a function of the profiles.
    // A counting sort: frequencies are small integers.
    const start = new Int32Array(most + 2);
    for (let id = 0; id < idCount; id++) start[frequency[id] + 1]++;
    for (let f = 1; f < start.length; f++) start[f] += start[f - 1];
    const rankOfId = new Int32Array(idCount);
    // Per rank, where its holders start among `holders`: rank r is held by frequency of its id.
    const holderStart = new Int32Array(idCount + 1);
    for (let id = 0; id < idCount; id++) {
      const rank = start[frequency[id]]++;
      rankOfId[id] = rank;
      holderStart[rank + 1] = frequency[id];
    }
    for (let r = 0; r < idCount; r++) holderStart[r + 1] += holderStart[r];
    // Each profile's ranks in ascending order without sorting each list: the profiles holding
    // each rank, listed rank by rank, then written back to the profiles in rank order.
    const holders = new Int32Array(total);
    const cursor = holderStart.slice(0, idCount);
    for (let i = 0; i < profiles.length; i++) for (let x = offsets[i]; x < offsets[i + 1]; x++) holders[cursor[rankOfId[flat[x]]]++] = i;
    const written = offsets.slice(0, profiles.length);
    for (let r = 0; r < idCount; r++) for (let k = holderStart[r]; k < holderStart[r + 1]; k++) flat[written[holders[k]]++] = r;
    this.ranked = profiles.map((_, i) => flat.subarray(offsets[i], offsets[i + 1]));
    // A plain array, as `add` grows it.
    this.rankOfId = Array.from(rankOfId);
    this.sizes = this.ranked.map(list => list.length);
  }

  /** The profiles, in the order they were given and added. */
  get profiles(): readonly BigramProfile[] {
    return this.allProfiles;
  }

  /** Number of distinct tokens: every rank is below it. */
  get tokenCount(): number {
    return this.rankOfId.length;
  }

  /** Adds a profile and returns its index. */
  add(profile: BigramProfile): number {
    const list = this.tokenIds(profile, () => this.rankOfId.push(this.rankOfId.length) - 1);
    this.allProfiles.push(profile);
    this.ranked.push(this.toRanks(list));
    this.sizes.push(list.length);
    return this.allProfiles.length - 1;
  }

  /**
   * A profile's bigram occurrences as token ids ("th" the second time is another token than
   * "th" the first time), giving unseen tokens the id `newId()` returns.
   */
  private tokenIds(profile: BigramProfile, newId: () => number): Int32Array {
    const out = new Int32Array(profile.bigrams.length);
    this.writeTokenIds(profile, newId, out, 0);
    return out;
  }

  /** `tokenIds(profile, newId)`, written into `out` from `at` on. */
  private writeTokenIds(profile: BigramProfile, newId: () => number, out: Int32Array, at: number): void {
    const bigrams = profile.bigrams;
    let occurrence = 0;
    let first = -1;
    for (let i = 0; i < bigrams.length; i++) {
      let id: number;
      if (i > 0 && bigrams[i] === bigrams[i - 1]) {
        occurrence++;
        let later = this.laterIds.get(first);
        if (!later) this.laterIds.set(first, (later = []));
        id = later[occurrence - 1] ?? -1;
        if (id < 0) later.push((id = newId()));
      } else {
        occurrence = 0;
        id = this.firstId.get(bigrams[i]);
        if (id < 0) this.firstId.set(bigrams[i], (id = newId()));
        first = id;
      }
      out[at + i] = id;
    }
  }

  private toRanks(ids: Int32Array): Int32Array {
    for (let i = 0; i < ids.length; i++) ids[i] = this.rankOfId[ids[i]];
    return ids.sort();
  }

  /** Number of tokens of profile `i`. */
  size(i: number): number {
    return this.sizes[i];
  }

  /** The tokens of profile `i`, ascending. */
  tokens(i: number): Int32Array {
    return this.ranked[i];
  }

  /** The tokens of profile `i` two profiles at `threshold` must share at least one of. */
  prefix(i: number, threshold: number): Int32Array {
    const tokens = this.ranked[i];
    if (tokens.length === 0) return tokens;
    const minOverlap = Math.max(1, Math.ceil((threshold / (2 - threshold)) * tokens.length - EPSILON));
    return tokens.subarray(0, tokens.length - minOverlap + 1);
  }
}

/**
 * Similarity of one profile to many: its tokens are marked once, and each other profile's
 * shared tokens are counted in one pass over that profile (a merge of two sorted lists takes
 * twice the steps, each a branch the processor cannot predict). Equal to `profileSimilarity`:
 * both are the Dice coefficient of the same multisets.
 */
export class SharedTokens {
  private marks: Int32Array;
  private stamp = 0;
  private marked = -1;

  constructor(private readonly space: TokenSpace) {
    this.marks = new Int32Array(space.tokenCount);
  }

  /** Makes profile `i` the one `similarity` compares with. O(size of i). */
  mark(i: number): void {
    if (this.marks.length < this.space.tokenCount) this.marks = grown(this.marks, this.space.tokenCount, 0);
    const stamp = ++this.stamp;
    const tokens = this.space.tokens(i);
    for (let x = 0; x < tokens.length; x++) this.marks[tokens[x]] = stamp;
    this.marked = i;
  }

  /**
   * The most `similarity` can be between profiles `i` and `j` from their sizes alone: at least
   * what `similarity(j)` gives with `i` marked. O(1).
   */
  mostSimilarity(i: number, j: number): number {
    const a = this.space.size(i);
    const b = this.space.size(j);
    // A profile without a bigram is alike another only when equal, which the sizes cannot tell.
    return a === 0 || b === 0 ? 1 : dice(Math.min(a, b), a, b);
  }

  /** Similarity of profile `j` to the marked one. O(size of j). */
  similarity(j: number): number {
    const tokens = this.space.tokens(j);
    const { marks, stamp } = this;
    let shared = 0;
    for (let x = 0; x < tokens.length; x++) if (marks[tokens[x]] === stamp) shared++;
    if (shared > 0) return dice(shared, this.space.size(this.marked), tokens.length);
    // Texts too short for a bigram are alike only when equal.
    const profiles = this.space.profiles;
    return profiles[this.marked].squashed === profiles[j].squashed ? 1 : 0;
  }

  /**
   * `similarity(j)` where that reaches `threshold`; below it, some value below `threshold`:
   * the count stops as soon as the tokens of `j` left cannot make up the overlap the threshold
   * needs. For a probe that drops every pair below the threshold, as `similarity` would. O(size of j).
   */
  similarityReaching(j: number, threshold: number): number {
    const tokens = this.space.tokens(j);
    const a = this.space.size(this.marked);
    const b = tokens.length;
    // The least overlap whose Dice reaches the threshold, settled with `dice` itself.
    let needed = Math.max(0, Math.ceil((threshold * (a + b)) / 2 - EPSILON));
    while (needed > 0 && dice(needed - 1, a, b) >= threshold) needed--;
    while (needed <= b && dice(needed, a, b) < threshold) needed++;
    if (needed === 0 || b === 0) return this.similarity(j);
    const { marks, stamp } = this;
    let shared = 0;
    for (let x = 0; x < b; x++) {
      if (marks[tokens[x]] === stamp) shared++;
      else if (shared + (b - x - 1) < needed) return -1;
    }
    return dice(shared, a, b);
  }
}

/** A copy of `array` at least `size` long (doubling), new elements set to `fill`. */
export function grown(array: Int32Array, size: number, fill: number): Int32Array {
  const out = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  out.set(array);
  return out;
}
