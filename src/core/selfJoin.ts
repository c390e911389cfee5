/**
 * Self-joins over a token space: every pair of profiles whose Dice similarity reaches a
 * threshold, by the prefix index where many profiles take part, and by comparing or counting
 * where few do; and the matches of one profile among a short list.
 */
import { PrefixIndex } from './prefixIndex';
import { dice } from './similarity';
import { EPSILON, JoinPair, SharedTokens, TokenSpace } from './tokenSpace';

/** Indices of the profiles by increasing size; ties by index. */
function bySize(space: TokenSpace, indices: readonly number[]): number[] {
  return [...indices].sort((x, y) => space.size(x) - space.size(y) || x - y);
}

/**
 * Every pair `a < b` of profiles with similarity ≥ `threshold` (0 < t ≤ 1) for which
 * `separate(a, b)` holds, ordered by `a`, then `b`. Profiles with no bigram take no part.
 * With `ids`, only those profiles of the space take part, and `a`, `b` are positions in `ids`.
 * With `sourceOf`, a source each position holds: two positions that give one are never
 * `separate`. A source of more than `LARGE_SOURCE` positions gets an index of its own, which
 * its own positions never probe: its pairs among themselves are never candidates (one file of
 * ten thousand sentences in one vocabulary, beside an article, would otherwise make nearly every
 * pair of them one).
 * Cost: building the indexes plus the verified candidates, each O(a + b), plus, per position of
 * a large source, a probe of each index; below `SMALL_JOIN_PAIRS` pairs, every pair is
 * compared instead.
 */
export function selfJoin(
  space: TokenSpace,
  threshold: number,
  separate: (a: number, b: number) => boolean = () => true,
  ids: readonly number[] = Array.from(space.profiles.keys()),
  sourceOf?: (position: number) => number,
): JoinPair[] {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const n = ids.length;
  if ((n * (n - 1)) / 2 <= SMALL_JOIN_PAIRS) return smallSelfJoin(space, threshold, separate, ids);
  const positionOf = new Map(ids.map((id, position) => [id, position]));
  // A profile listed twice would be one entry in the index: self-join copies instead.
  if (positionOf.size < ids.length)
    return selfJoin(new TokenSpace(ids.map(id => space.profiles[id])), threshold, separate, undefined, sourceOf);
  const large = sourceOf ? largeSources(n, sourceOf) : new Map<number, number[]>();
  const pairs: JoinPair[] = [];
  /** Adds the matches of profile `i` in `index` that `separate` lets through. */
  const probe = (index: PrefixIndex, i: number) => {
    const a = positionOf.get(i)!;
    for (const m of index.matches(i, j => separate(Math.min(a, positionOf.get(j)!), Math.max(a, positionOf.get(j)!)))) {
      const b = positionOf.get(m.b)!;
      pairs.push(a < b ? { a, b, similarity: m.similarity } : { a: b, b: a, similarity: m.similarity });
    }
  };
  const rest = large.size ? ids.filter((_, position) => !large.has(sourceOf!(position))) : ids;
  const index = new PrefixIndex(space, threshold);
  for (const i of bySize(space, rest)) {
    probe(index, i);
    index.add(i);
  }
  // Each large source in turn probes the indexes built so far, then gets its own.
  const indexes = [index];
  for (const positions of large.values()) {
    const own = bySize(
      space,
      positions.map(position => ids[position]),
    );
    for (const i of own) for (const other of indexes) probe(other, i);
    const ownIndex = new PrefixIndex(space, threshold);
    for (const i of own) ownIndex.add(i);
    indexes.push(ownIndex);
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Sources of more positions than this get an index of their own (see `selfJoin`): few enough
 * to probe each of them from every position, many enough that pairs within one would cost more.
 */
export const LARGE_SOURCE = 2000;

/** Whether a source holds more than `LARGE_SOURCE` of the `n` positions. O(n). */
export function hasLargeSource(n: number, sourceOf: (position: number) => number): boolean {
  return n > LARGE_SOURCE && largeSources(n, sourceOf).size > 0;
}

/** The sources of more than `LARGE_SOURCE` of the `n` positions, ascending, each with its positions. O(n). */
function largeSources(n: number, sourceOf: (position: number) => number): Map<number, number[]> {
  const bySource = new Map<number, number[]>();
  for (let position = 0; position < n; position++) {
    const source = sourceOf(position);
    const list = bySource.get(source);
    if (list) list.push(position);
    else bySource.set(source, [position]);
  }
  const large = [...bySource].filter(([, positions]) => positions.length > LARGE_SOURCE).sort((x, y) => x[0] - y[0]);
  return new Map(large);
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
 * least `threshold`, by comparing each: cheaper than an index when the lists are short. Each
 * match also goes to `found` as it is found, and the comparing stops when that returns false.
 * `shared` must be over `space`. O(Σ size) over the ids whose size can reach the threshold.
 */
export function matchesAmong<Id extends number>(
  space: TokenSpace,
  shared: SharedTokens,
  i: Id,
  ids: readonly Id[],
  threshold: number,
  found?: (pair: JoinPair<Id>) => boolean,
): JoinPair<Id>[] {
  const out: JoinPair<Id>[] = [];
  const size = space.size(i);
  if (size === 0) return out;
  let marked = false;
  for (let k = 0; k < ids.length; k++) {
    const j = ids[k];
    const other = space.size(j);
    if (j === i || other === 0 || !sizesCanReach(size, other, threshold)) continue;
    if (!marked) {
      shared.mark(i);
      marked = true;
    }
    const similarity = shared.similarityReaching(j, threshold);
    if (similarity < threshold) continue;
    const pair = { a: i, b: j, similarity };
    out.push(pair);
    if (found && !found(pair)) break;
  }
  return out;
}

/**
 * `selfJoin` without an index, the cheaper of two ways: comparing each pair of separate
 * profiles token by token (cheap where most pairs share a source, so few are compared), or
 * counting, for each profile, the tokens it shares with every later one over the postings of
 * its tokens (cheap where most pairs are separate). O(n² + min(Σ compared sizes, Σ df²)) for
 * n profiles and token frequencies df.
 */
function smallSelfJoin(
  space: TokenSpace,
  threshold: number,
  separate: (a: number, b: number) => boolean,
  ids: readonly number[],
): JoinPair[] {
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
    const similarity = shared.similarityReaching(ids[b], threshold);
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
function countedSelfJoin(
  space: TokenSpace,
  threshold: number,
  separate: (a: number, b: number) => boolean,
  ids: readonly number[],
  start: Int32Array,
): JoinPair[] {
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
      const similarity = dice(shared, sa, sb);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}
