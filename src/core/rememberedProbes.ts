/**
 * The standing index of an editor session: a prefix index that remembers what each probe found,
 * kept from one analysis to the next.
 */
import type { SpaceId } from './ids';
import { PrefixIndex } from './prefixIndex';
import { JoinPair, SharedTokens, TokenSpace } from './tokenSpace';

/**
 * A prefix index over a token space that remembers what each probe found. Probed again, a
 * profile checks only the profiles indexed since, one by one, which after an edit are a handful.
 * Remembered matches cover everything indexed, accepted or not, so they stay valid whatever a
 * later probe accepts.
 */
export class RememberedProbes {
  private readonly index: PrefixIndex<SpaceId>;
  /** Indexed profiles in the order they were added. */
  private readonly added: SpaceId[] = [];
  private readonly found = new Map<SpaceId, { pairs: JoinPair<SpaceId>[]; upTo: number; candidates: number }>();
  /** Every remembered probe covers the indexed profiles before this one (see `catchUp`). */
  private caughtUp = 0;
  /** The profiles probed, indexed (at the next `catchUp`) so that it looks up each late profile once among them. */
  private readonly probes: PrefixIndex<SpaceId>;
  private readonly probesToIndex: SpaceId[] = [];
  private readonly shared: SharedTokens;
  /** Whether the latest `matches` met more accepted candidates than its budget (and so found nothing). */
  saturated = false;

  constructor(
    private readonly space: TokenSpace,
    private readonly threshold: number,
  ) {
    this.index = new PrefixIndex(space, threshold);
    this.probes = new PrefixIndex(space, threshold);
    this.shared = new SharedTokens(space);
  }

  /** Indexes profile `i`, once. */
  add(i: SpaceId): void {
    if (this.index.has(i)) return;
    this.index.add(i);
    this.added.push(i);
  }

  /** Indexes those of `ids` not indexed yet, smallest first (cheapest for the postings). */
  addAll(ids: Iterable<SpaceId>): void {
    const fresh = [...ids].filter(i => !this.index.has(i));
    for (const i of fresh.sort((x, y) => this.space.size(x) - this.space.size(y))) this.add(i);
  }

  /**
   * Indexed profiles other than `i` at least as similar to it as the threshold, for which
   * `accept` holds. When more than `budget` accepted candidates reach the probe (a form shared,
   * all but a few characters, by thousands of others), none is verified: the answer is empty
   * and `saturated` says so, and the caller looks for matches in another way. Otherwise the
   * answer is complete. O(probe) the first time, O(remembered + indexed since) after; a probe
   * past its budget stops walking the postings there.
   */
  matches(i: SpaceId, accept: (j: SpaceId) => boolean, budget = Infinity): JoinPair<SpaceId>[] {
    this.saturated = false;
    let memo = this.found.get(i);
    if (memo && memo.upTo < this.caughtUp) memo.upTo = this.caughtUp;
    if (memo && memo.candidates + (this.added.length - memo.upTo) <= budget) {
      if (memo.upTo < this.added.length) {
        this.shared.mark(i);
        for (let k = memo.upTo; k < this.added.length; k++) {
          const j = this.added[k];
          if (j === i) continue;
          const similarity = this.shared.similarityReaching(j, this.threshold);
          if (similarity >= this.threshold) memo.pairs.push({ a: i, b: j, similarity });
        }
        memo.candidates += this.added.length - memo.upTo;
        memo.upTo = this.added.length;
      }
      return memo.pairs.filter(p => accept(p.b));
    }
    let accepted = 0;
    const pairs = this.index.matches(i, j => (accept(j) && accepted++, true), { budget, nothingPastBudget: true });
    if (!this.index.saturated) {
      // Without a budget met, every candidate that reached the probe was taken.
      memo = { pairs, upTo: this.added.length, candidates: this.index.touchedCount };
      this.found.set(i, memo);
      this.probesToIndex.push(i);
      return pairs.filter(p => accept(p.b));
    }
    // Too many candidates to remember them all: the budget goes to accepted ones only.
    this.found.delete(i);
    // Every candidate met so far accepted: a probe of accepted ones would meet the same and stop there too.
    if (accepted > budget) {
      this.saturated = true;
      return [];
    }
    const acceptedPairs = this.index.matches(i, accept, { budget, nothingPastBudget: true });
    this.saturated = this.index.saturated;
    return acceptedPairs;
  }

  /** The pair of `i` and `j` when they reach the threshold. O(size of i + size of j). */
  matchOf(i: SpaceId, j: SpaceId): JoinPair<SpaceId> | undefined {
    if (i === j) return undefined;
    this.shared.mark(i);
    const similarity = this.shared.similarityReaching(j, this.threshold);
    return similarity >= this.threshold ? { a: i, b: j, similarity } : undefined;
  }

  /**
   * Hands the indexed profiles other than `i` that reach the threshold and that `accept` takes
   * to `found`, until it returns false; nothing is remembered. For a single analysis that needs
   * only some match per probe: the probe stops there, however many profiles share its tokens.
   */
  probeUntil(i: SpaceId, accept: (j: SpaceId) => boolean, found: (pair: JoinPair<SpaceId>) => boolean): void {
    this.index.matches(i, accept, { found });
  }

  /**
   * Adds to each remembered probe the matches among profiles indexed after it. A pass that
   * indexes as it probes (each wording looks for the leaders before it) leaves the early probes
   * short of the later leaders; catching up once, from those leaders' side, spares the next
   * analysis checking them probe by probe. One probe of the probes' index per profile indexed
   * since the last catch-up; a remembered probe's `upTo` then counts as at least `caughtUp`.
   */
  catchUp(): void {
    const end = this.added.length;
    for (const i of this.probesToIndex) if (!this.probes.has(i)) this.probes.add(i);
    this.probesToIndex.length = 0;
    const covers = (i: SpaceId, k: number) => {
      const memo = this.found.get(i);
      return memo !== undefined && Math.max(memo.upTo, this.caughtUp) <= k;
    };
    for (let k = this.caughtUp; k < end; k++) {
      const j = this.added[k];
      for (const m of this.probes.matches(j, i => covers(i, k))) {
        const memo = this.found.get(m.b)!;
        memo.pairs.push({ a: m.b, b: j, similarity: m.similarity });
        memo.candidates++;
      }
    }
    this.caughtUp = end;
  }
}
