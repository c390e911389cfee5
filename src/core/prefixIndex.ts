/**
 * A prefix index (PPJoin's positional filter over the AllPairs prefix): the profiles of a
 * token space that reach a threshold with a given one, found without comparing every pair.
 */
import { EPSILON, JoinPair, SharedTokens, TokenSpace, grown } from './tokenSpace';

/** Bounds on the work of one probe of a `PrefixIndex` (see `matches`). */
export interface ProbeLimits<Id extends number = number> {
  readonly budget?: number;
  /** With `budget`: a probe that meets more candidates verifies none and finds nothing. */
  readonly nothingPastBudget?: boolean;
  readonly found?: (pair: JoinPair<Id>) => boolean;
}

/** A probe that can stop early verifies its candidates in chunks of this many as it walks. */
const FOUND_CHUNK = 64;

/**
 * An index of profiles for one threshold: `add` profiles, then ask which indexed profiles a
 * given one reaches the threshold with. Postings keep each token's position, so a candidate is
 * dropped as soon as the tokens left after its latest match cannot make up the overlap the
 * threshold needs (the positional filter of PPJoin); only the survivors are verified. Each
 * posting list is kept by increasing profile size, so a query skips the sizes that cannot
 * match by binary search. Profiles can be added to the space and the index at any time.
 */
export class PrefixIndex<Id extends number = number> {
  /**
   * Per token: indexed profile, position of the token in it, profile, position, ... Indexed by
   * the token (ranks are dense small integers), as every step of a probe reads one.
   */
  private readonly postings: (number[] | undefined)[] = [];
  private readonly ratio: number;
  private stamp: Int32Array;
  private overlap: Int32Array;
  private indexed: Int32Array;
  private query = 0;
  private readonly shared: SharedTokens;
  /** Whether the probe's profile is marked in `shared`. */
  private marked = false;
  /** Whether the latest `matches` met more accepted candidates than its budget. */
  saturated = false;
  /** How many accepted candidates the latest `matches` met. */
  touchedCount = 0;

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
  has(i: Id): boolean {
    return i < this.indexed.length && this.indexed[i] === 1;
  }

  /** Indexes profile `i` (once; adding it again does nothing). Cheapest in increasing size. */
  add(i: Id): void {
    this.fit();
    if (this.indexed[i]) return;
    this.indexed[i] = 1;
    const size = this.space.size(i);
    const prefix = this.space.prefix(i, this.threshold);
    for (let x = 0; x < prefix.length; x++) {
      let list = this.postings[prefix[x]];
      if (!list) this.postings[prefix[x]] = list = [];
      if (list.length === 0 || this.space.size(list[list.length - 2]) <= size) list.push(i, x);
      else list.splice(this.firstAtLeast(list, size + 1), 0, i, x);
    }
  }

  /** Grows the per-profile arrays to the space's current size. */
  private fit(): void {
    const tokens = this.space.tokenCount;
    // Grown by pushing, never with holes nor by length, so the array stays a flat one.
    while (this.postings.length < tokens) this.postings.push(undefined);
    const n = this.space.profiles.length;
    if (this.stamp.length >= n) return;
    this.stamp = grown(this.stamp, n, -1);
    this.overlap = grown(this.overlap, n, 0);
    this.indexed = grown(this.indexed, n, 0);
  }

  /**
   * Indexed profiles (other than `i`) whose similarity to profile `i` is at least the
   * threshold, with that similarity, in the order they were first reached.
   * `accept(j)` can rule a candidate out before any work is spent on it. With `limits.budget`,
   * only the first `budget` accepted candidates are verified and the walk over the postings
   * ends at the next one (`saturated` then tells that it was met; with `nothingPastBudget`,
   * none is verified then). With `limits.found`, each
   * match is handed over as soon as it is verified and the probe ends when it returns false;
   * candidates are then verified in chunks as the walk goes, so a probe that needs only some
   * match stops early however popular its tokens are. The matches are the same either way:
   * the positional filter only drops candidates that cannot reach the threshold, and every
   * candidate left is verified exactly.
   */
  matches(i: Id, accept?: (j: Id) => boolean, limits: ProbeLimits<Id> = {}): JoinPair<Id>[] {
    const space = this.space;
    const size = space.size(i);
    const out: JoinPair<Id>[] = [];
    this.saturated = false;
    this.touchedCount = 0;
    if (size === 0) return out;
    this.fit();
    const { stamp, overlap, threshold } = this;
    const budget = limits.budget ?? Infinity;
    const found = limits.found;
    const mark = this.query++;
    const minSize = this.ratio * size - EPSILON;
    const maxSize = size / this.ratio + EPSILON;
    const prefix = space.prefix(i, threshold);
    const touched: Id[] = [];
    this.marked = false;
    let verified = 0;
    walk: for (let x = 0; x < prefix.length; x++) {
      const list = this.postings[prefix[x]];
      if (!list) continue;
      for (let k = this.firstAtLeast(list, minSize); k < list.length; k += 2) {
        const j = list[k] as Id;
        const other = space.size(j);
        if (other > maxSize) break;
        if (j === i) continue;
        if (stamp[j] !== mark) {
          stamp[j] = mark;
          if (accept && !accept(j)) {
            overlap[j] = -1;
            continue;
          }
          if (touched.length === budget) {
            this.saturated = true;
            break walk;
          }
          overlap[j] = 0;
          touched.push(j);
        } else if (overlap[j] < 0) continue;
        const needed = Math.ceil((threshold * (size + other)) / 2 - EPSILON);
        const reachable = overlap[j] + 1 + Math.min(size - x - 1, other - list[k + 1] - 1);
        overlap[j] = reachable >= needed ? overlap[j] + 1 : -1;
        if (found && touched.length - verified >= FOUND_CHUNK) {
          if (!this.verify(i, touched, verified, out, found)) {
            this.touchedCount = touched.length;
            return out;
          }
          verified = touched.length;
        }
      }
    }
    this.touchedCount = touched.length;
    if (this.saturated && limits.nothingPastBudget) return out;
    this.verify(i, touched, verified, out, found);
    return out;
  }

  /**
   * Whether `matches(i, accept, { budget })` saturates because one posting list of `i`'s
   * prefix alone holds more than `budget` indexed profiles other than `i`, of a size that can
   * reach the threshold with it, that `accept` takes. A probe saturates exactly where more than
   * `budget` such profiles share some token of its prefix, whatever the order of its walk, so
   * true here means it does; false leaves it open. Reads only lists longer than the budget, and
   * at most `budget + 1` accepted entries of each. `accept` must have no side effect, as it is
   * asked again by the probe.
   */
  saturates(i: Id, accept: (j: Id) => boolean, budget: number): boolean {
    const space = this.space;
    const size = space.size(i);
    if (size === 0) return false;
    this.fit();
    const minSize = this.ratio * size - EPSILON;
    const maxSize = size / this.ratio + EPSILON;
    const prefix = space.prefix(i, this.threshold);
    for (let x = 0; x < prefix.length; x++) {
      const list = this.postings[prefix[x]];
      if (!list || list.length <= 2 * budget) continue;
      let count = 0;
      for (let k = this.firstAtLeast(list, minSize); k < list.length; k += 2) {
        const j = list[k] as Id;
        if (space.size(j) > maxSize) break;
        if (j !== i && accept(j) && ++count > budget) return true;
      }
    }
    return false;
  }

  /**
   * Verifies the candidates `touched[from..]` the positional filter kept, adding the matches to
   * `out` (and handing each to `found`); a verified candidate is not looked at again in this
   * probe. False when `found` asked to stop.
   */
  private verify(i: Id, touched: readonly Id[], from: number, out: JoinPair<Id>[], found?: (pair: JoinPair<Id>) => boolean): boolean {
    const overlap = this.overlap;
    for (let k = from; k < touched.length; k++) {
      const j = touched[k];
      if (overlap[j] <= 0) continue;
      overlap[j] = -1;
      if (!this.marked) {
        this.shared.mark(i);
        this.marked = true;
      }
      const similarity = this.shared.similarityReaching(j, this.threshold);
      if (similarity < this.threshold) continue;
      const pair = { a: i, b: j, similarity };
      out.push(pair);
      if (found && !found(pair)) return false;
    }
    return true;
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
