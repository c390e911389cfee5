/**
 * Similarity joins with prefix filtering (the AllPairs family): the pairs of sentences whose
 * Dice similarity reaches a threshold, found without comparing every sentence with every other.
 *
 * Each bigram occurrence becomes a token ("th" the second time is another token than "th"
 * the first time), which turns the multiset Dice into a set Dice. Tokens are ordered rarest
 * first. A pair with Dice ≥ t shares at least ⌈t·a/(2−t)⌉ tokens, so the two profiles' first
 * `a − ⌈t·a/(2−t)⌉ + 1` tokens must meet: indexing only those prefixes loses no pair. The same
 * bound limits the sizes a profile can match, which the size-ordered postings skip by binary
 * search.
 */
import { CodeTable } from './codeTable';
import { BigramProfile, profileSimilarity } from './similarity';

/** A record to join: its source and its bigram profile. */
export interface JoinRecord {
  readonly source: number;
  readonly profile: BigramProfile;
}

/** A pair found by a join; `similarity` is `profileSimilarity` of the two profiles. */
export interface JoinPair {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

const EPSILON = 1e-9;

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
  /** Token ids: per bigram code the id of its first occurrence; per repeated first occurrence the ids of its later ones. */
  private readonly firstId = new CodeTable();
  private readonly laterIds = new Map<number, number[]>();
  private readonly rankOfId: number[] = [];

  constructor(profiles: readonly BigramProfile[] = []) {
    this.allProfiles = [...profiles];
    const frequency: number[] = [];
    const newId = () => frequency.push(0) - 1;
    const ids = profiles.map(p => this.tokenIds(p, newId));
    let most = 0;
    for (const list of ids) for (let i = 0; i < list.length; i++) most = Math.max(most, ++frequency[list[i]]);
    // Rarest first; ties by first appearance of the token, which is a function of the profiles.
    // A counting sort: frequencies are small integers.
    const start = new Int32Array(most + 2);
    for (let id = 0; id < frequency.length; id++) start[frequency[id] + 1]++;
    for (let f = 1; f < start.length; f++) start[f] += start[f - 1];
    this.rankOfId.length = frequency.length;
    for (let id = 0; id < frequency.length; id++) this.rankOfId[id] = start[frequency[id]]++;
    this.ranked = ids.map(list => this.toRanks(list));
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
    return this.allProfiles.length - 1;
  }

  /**
   * A profile's bigram occurrences as token ids ("th" the second time is another token than
   * "th" the first time), giving unseen tokens the id `newId()` returns.
   */
  private tokenIds(profile: BigramProfile, newId: () => number): Int32Array {
    const bigrams = profile.bigrams;
    const out = new Int32Array(bigrams.length);
    let occurrence = 0;
    let base = -1;
    for (let i = 0; i < bigrams.length; i++) {
      let id: number;
      if (i > 0 && bigrams[i] === bigrams[i - 1]) {
        occurrence++;
        let later = this.laterIds.get(base);
        if (!later) this.laterIds.set(base, (later = []));
        id = later[occurrence - 1] ?? -1;
        if (id < 0) later.push((id = newId()));
      } else {
        occurrence = 0;
        id = this.firstId.get(bigrams[i]);
        if (id < 0) this.firstId.set(bigrams[i], (id = newId()));
        base = id;
      }
      out[i] = id;
    }
    return out;
  }

  private toRanks(ids: Int32Array): Int32Array {
    for (let i = 0; i < ids.length; i++) ids[i] = this.rankOfId[ids[i]];
    return ids.sort();
  }

  /** Number of tokens of profile `i`. */
  size(i: number): number {
    return this.ranked[i].length;
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

  /** Similarity of profile `j` to the marked one. O(size of j). */
  similarity(j: number): number {
    const tokens = this.space.tokens(j);
    const { marks, stamp } = this;
    let shared = 0;
    for (let x = 0; x < tokens.length; x++) if (marks[tokens[x]] === stamp) shared++;
    if (shared > 0) return (2 * shared) / (this.space.size(this.marked) + tokens.length);
    // Texts too short for a bigram are alike only when equal.
    const profiles = this.space.profiles;
    return profiles[this.marked].squashed === profiles[j].squashed ? 1 : 0;
  }
}

/** A copy of `array` at least `size` long (doubling), new elements set to `fill`. */
function grown(array: Int32Array, size: number, fill: number): Int32Array {
  const out = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  out.set(array);
  return out;
}

/**
 * An index of profiles for one threshold: `add` profiles, then ask which indexed profiles a
 * given one reaches the threshold with. Postings keep each token's position, so a candidate is
 * dropped as soon as the tokens left after its latest match cannot make up the overlap the
 * threshold needs (the positional filter of PPJoin); only the survivors are verified. Each
 * posting list is kept by increasing profile size, so a query skips the sizes that cannot
 * match by binary search. Profiles can be added to the space and the index at any time.
 */
export class PrefixIndex {
  /** Per token: indexed profile, position of the token in it, profile, position, ... */
  private readonly postings = new Map<number, number[]>();
  private readonly ratio: number;
  private stamp: Int32Array;
  private overlap: Int32Array;
  private indexed: Int32Array;
  private query = 0;
  private readonly shared: SharedTokens;

  constructor(
    private readonly space: TokenSpace,
    private readonly threshold: number,
  ) {
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
    this.ratio = threshold / (2 - threshold);
    this.stamp = new Int32Array(space.profiles.length).fill(-1);
    this.overlap = new Int32Array(space.profiles.length);
    this.indexed = new Int32Array(space.profiles.length);
    this.shared = new SharedTokens(space);
  }

  /** Whether profile `i` was added. */
  has(i: number): boolean {
    return i < this.indexed.length && this.indexed[i] === 1;
  }

  /** Indexes profile `i` (once; adding it again does nothing). Cheapest in increasing size. */
  add(i: number): void {
    this.fit();
    if (this.indexed[i]) return;
    this.indexed[i] = 1;
    const size = this.space.size(i);
    const prefix = this.space.prefix(i, this.threshold);
    for (let x = 0; x < prefix.length; x++) {
      let list = this.postings.get(prefix[x]);
      if (!list) this.postings.set(prefix[x], (list = []));
      if (list.length === 0 || this.space.size(list[list.length - 2]) <= size) list.push(i, x);
      else list.splice(this.firstAtLeast(list, size + 1), 0, i, x);
    }
  }

  /** Grows the per-profile arrays to the space's current size. */
  private fit(): void {
    const n = this.space.profiles.length;
    if (this.stamp.length >= n) return;
    this.stamp = grown(this.stamp, n, -1);
    this.overlap = grown(this.overlap, n, 0);
    this.indexed = grown(this.indexed, n, 0);
  }

  /**
   * Indexed profiles (other than `i`) whose similarity to profile `i` is at least the
   * threshold, with that similarity, in the order they were first reached.
   * `accept(j)` can rule a candidate out before any work is spent on it.
   */
  matches(i: number, accept?: (j: number) => boolean): JoinPair[] {
    const space = this.space;
    const size = space.size(i);
    const out: JoinPair[] = [];
    if (size === 0) return out;
    this.fit();
    const { stamp, overlap, threshold } = this;
    const mark = this.query++;
    const minSize = this.ratio * size - EPSILON;
    const maxSize = size / this.ratio + EPSILON;
    const prefix = space.prefix(i, threshold);
    const touched: number[] = [];
    for (let x = 0; x < prefix.length; x++) {
      const list = this.postings.get(prefix[x]);
      if (!list) continue;
      for (let k = this.firstAtLeast(list, minSize); k < list.length; k += 2) {
        const j = list[k];
        const other = space.size(j);
        if (other > maxSize) break;
        if (j === i) continue;
        if (stamp[j] !== mark) {
          stamp[j] = mark;
          if (accept && !accept(j)) {
            overlap[j] = -1;
            continue;
          }
          overlap[j] = 0;
          touched.push(j);
        } else if (overlap[j] < 0) continue;
        const needed = Math.ceil((threshold * (size + other)) / 2 - EPSILON);
        const reachable = overlap[j] + 1 + Math.min(size - x - 1, other - list[k + 1] - 1);
        overlap[j] = reachable >= needed ? overlap[j] + 1 : -1;
      }
    }
    let marked = false;
    for (let k = 0; k < touched.length; k++) {
      const j = touched[k];
      if (overlap[j] <= 0) continue;
      if (!marked) {
        this.shared.mark(i);
        marked = true;
      }
      const similarity = this.shared.similarity(j);
      if (similarity >= threshold) out.push({ a: i, b: j, similarity });
    }
    return out;
  }

  private firstAtLeast(list: readonly number[], minSize: number): number {
    let lo = 0;
    let hi = list.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.space.size(list[2 * mid]) < minSize) lo = mid + 1;
      else hi = mid;
    }
    return 2 * lo;
  }
}

/** Indices of the profiles by increasing size; ties by index. */
function bySize(space: TokenSpace, indices: readonly number[]): number[] {
  return [...indices].sort((x, y) => space.size(x) - space.size(y) || x - y);
}

/**
 * Every pair `a < b` of profiles with similarity ≥ `threshold` (0 < t ≤ 1) for which
 * `separate(a, b)` holds, ordered by `a`, then `b`. Profiles with no bigram take no part.
 * With `ids`, only those profiles of the space take part, and `a`, `b` are positions in `ids`.
 * Cost: building the index plus the verified candidates, each O(a + b); below
 * `SMALL_JOIN_PAIRS` pairs, every pair is compared instead.
 */
export function selfJoin(
  space: TokenSpace,
  threshold: number,
  separate: (a: number, b: number) => boolean = () => true,
  ids: readonly number[] = Array.from(space.profiles.keys()),
): JoinPair[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const n = ids.length;
  if ((n * (n - 1)) / 2 <= SMALL_JOIN_PAIRS) return smallSelfJoin(space, threshold, separate, ids);
  const positionOf = new Map(ids.map((id, position) => [id, position]));
  // A profile listed twice would be one entry in the index: join copies instead.
  if (positionOf.size < ids.length) return selfJoin(new TokenSpace(ids.map(id => space.profiles[id])), threshold, separate);
  const index = new PrefixIndex(space, threshold);
  const pairs: JoinPair[] = [];
  for (const i of bySize(space, ids)) {
    const a = positionOf.get(i)!;
    for (const m of index.matches(i, j => separate(Math.min(a, positionOf.get(j)!), Math.max(a, positionOf.get(j)!)))) {
      const b = positionOf.get(m.b)!;
      pairs.push(a < b ? { a, b, similarity: m.similarity } : { a: b, b: a, similarity: m.similarity });
    }
    index.add(i);
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Below this many pairs, comparing every pair costs less than building the index: at a low
 * threshold the prefixes are most of each profile, and every candidate is verified anyway.
 */
const SMALL_JOIN_PAIRS = 100_000;

/** Whether profiles of `a` and `b` tokens can reach Dice `threshold`: at most 2·min/(a + b). */
function sizesCanReach(a: number, b: number, threshold: number): boolean {
  return (2 * Math.min(a, b)) / (a + b) >= threshold - EPSILON;
}

/**
 * The profiles among `ids` (other than `i`, none empty) whose similarity to profile `i` is at
 * least `threshold`, by comparing each: cheaper than an index when the lists are short.
 * `shared` must be over `space`. O(Σ size) over the ids whose size can reach the threshold.
 */
export function matchesAmong(space: TokenSpace, shared: SharedTokens, i: number, ids: readonly number[], threshold: number): JoinPair[] {
  const found: JoinPair[] = [];
  const size = space.size(i);
  if (size === 0) return found;
  let marked = false;
  for (let k = 0; k < ids.length; k++) {
    const j = ids[k];
    const other = space.size(j);
    if (j === i || other === 0 || !sizesCanReach(size, other, threshold)) continue;
    if (!marked) {
      shared.mark(i);
      marked = true;
    }
    const similarity = shared.similarity(j);
    if (similarity >= threshold) found.push({ a: i, b: j, similarity });
  }
  return found;
}

/**
 * `selfJoin` without an index, the cheaper of two ways: comparing each pair of separate
 * profiles token by token (cheap where most pairs share a source, so few are compared), or
 * counting, for each profile, the tokens it shares with every later one over the postings of
 * its tokens (cheap where most pairs are separate). O(n² + min(Σ compared sizes, Σ df²)) for
 * n profiles and token frequencies df.
 */
function smallSelfJoin(space: TokenSpace, threshold: number, separate: (a: number, b: number) => boolean, ids: readonly number[]): JoinPair[] {
  const n = ids.length;
  const compared: number[] = [];
  let compareSteps = 0;
  for (let a = 0; a < n; a++) {
    const sa = space.size(ids[a]);
    if (sa === 0) continue;
    for (let b = a + 1; b < n; b++) {
      const sb = space.size(ids[b]);
      if (sb === 0 || !sizesCanReach(sa, sb, threshold) || !separate(a, b)) continue;
      compared.push(a, b);
      compareSteps += sb;
    }
  }
  const start = tokenCounts(space, ids);
  let countSteps = (n * n) / 2;
  for (let t = 0; t < space.tokenCount; t++) {
    const df = start[t + 1] - start[t];
    countSteps += (df * (df - 1)) / 2;
  }
  if (countSteps < compareSteps) return countedSelfJoin(space, threshold, separate, ids, start);
  const shared = new SharedTokens(space);
  const pairs: JoinPair[] = [];
  for (let k = 0; k < compared.length; k += 2) {
    const a = compared[k];
    const b = compared[k + 1];
    if (k === 0 || compared[k - 2] !== a) shared.mark(ids[a]);
    const similarity = shared.similarity(ids[b]);
    if (similarity >= threshold) pairs.push({ a, b, similarity });
  }
  return pairs;
}

/** Per token, where its postings start among the profiles of `ids` (`start[t + 1] - start[t]` of them hold it). */
function tokenCounts(space: TokenSpace, ids: readonly number[]): Int32Array {
  const start = new Int32Array(space.tokenCount + 1);
  for (let p = 0; p < ids.length; p++) {
    const tokens = space.tokens(ids[p]);
    for (let x = 0; x < tokens.length; x++) start[tokens[x] + 1]++;
  }
  for (let t = 0; t < space.tokenCount; t++) start[t + 1] += start[t];
  return start;
}

/** `selfJoin` by counting shared tokens over postings; `start` from `tokenCounts`. */
function countedSelfJoin(space: TokenSpace, threshold: number, separate: (a: number, b: number) => boolean, ids: readonly number[], start: Int32Array): JoinPair[] {
  const n = ids.length;
  // Per token, the positions in `ids` of the profiles that hold it, ascending.
  const postings = new Int32Array(start[space.tokenCount]);
  const cursor = start.slice(0, space.tokenCount);
  for (let p = 0; p < n; p++) {
    const tokens = space.tokens(ids[p]);
    for (let x = 0; x < tokens.length; x++) postings[cursor[tokens[x]]++] = p;
  }
  // Positions are taken in order, so each token's cursor stands on the position at hand.
  cursor.set(start.subarray(0, space.tokenCount));
  const common = new Int32Array(n);
  const pairs: JoinPair[] = [];
  for (let a = 0; a < n; a++) {
    const tokens = space.tokens(ids[a]);
    for (let x = 0; x < tokens.length; x++) {
      const t = tokens[x];
      for (let k = ++cursor[t], end = start[t + 1]; k < end; k++) common[postings[k]]++;
    }
    const sa = tokens.length;
    for (let b = a + 1; b < n; b++) {
      const shared = common[b];
      if (shared === 0) continue;
      common[b] = 0;
      const sb = space.size(ids[b]);
      if (!sizesCanReach(sa, sb, threshold) || !separate(a, b)) continue;
      const similarity = (2 * shared) / (sa + sb);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}

/**
 * All pairs of records from different sources with similarity ≥ `threshold` (0 < t ≤ 1),
 * ordered by `a`, then `b` (`a < b`, record indices). Records with no bigram take no part.
 */
export function similarityJoin(records: readonly JoinRecord[], threshold: number): JoinPair[] {
  const space = new TokenSpace(records.map(r => r.profile));
  return selfJoin(space, threshold, (a, b) => records[a].source !== records[b].source);
}

/**
 * The same pairs by comparing every record with every other: the oracle the join is tested
 * against. O(n²) comparisons.
 */
export function bruteForceJoin(records: readonly JoinRecord[], threshold: number): JoinPair[] {
  const pairs: JoinPair[] = [];
  for (let a = 0; a < records.length; a++) {
    if (records[a].profile.bigrams.length === 0) continue;
    for (let b = a + 1; b < records.length; b++) {
      if (records[a].source === records[b].source || records[b].profile.bigrams.length === 0) continue;
      const similarity = profileSimilarity(records[a].profile, records[b].profile);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}
