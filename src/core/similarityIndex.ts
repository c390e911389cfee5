/**
 * Where the cross-source stages find their candidate pairs: one interface over the analyzer's
 * form space, with two implementations chosen once, when the analyzer is made. Both give the
 * same pairs (every join is exact); they differ in what they cost now and what they keep for
 * the next analysis.
 *
 * - `OneShotIndex`: a single analysis (the command line). Compares short lists pair by pair
 *   and self-joins the leaders afresh, which costs least once.
 * - `StandingIndex`: an editor session. Every lookup goes through the form space's standing
 *   indexes, which remember what each probe found, so that the analysis after an edit probes
 *   only the new forms.
 */
import type { FormSpace } from './forms';
import type { SpaceId } from './ids';
import { PrefixIndex } from './prefixIndex';
import { RememberedProbes } from './rememberedProbes';
import { hasLargeSource, matchesAmong, selfJoin } from './selfJoin';
import { JoinPair, SharedTokens, TokenSpace } from './tokenSpace';

/** The pairs of positions `a < b` in a list, each once, that `separate(a, b)` lets through. */
export type Separate = (a: number, b: number) => boolean;

/** A source the node at a position holds: positions that give one source are never `Separate`. */
export type SourceOf = (position: number) => number;

/** The leaders the family stage looks wordings up among (see `nearDuplicateFamilies`). */
export interface LeaderIndex {
  /** Makes form `id` a leader that later lookups can find. */
  add(id: SpaceId): void;
  /**
   * Leaders other than `id`, at least as similar as the threshold, that `accept` takes; when
   * more than `budget` of them are candidates, none (and `saturated` is then true).
   */
  matches(id: SpaceId, accept: (leader: SpaceId) => boolean, budget: number): readonly JoinPair<SpaceId>[];
  /** Whether the latest `matches` met more candidates than its budget. */
  readonly saturated: boolean;
  /** The pair of `id` and `leader` when they reach the threshold. */
  matchOf(id: SpaceId, leader: SpaceId): JoinPair<SpaceId> | undefined;
}

/** A probe of `lookupAmong`: its matches go to `found` until it returns false. */
export type Lookup = (probe: SpaceId, found: (pair: JoinPair<SpaceId>) => boolean) => void;

/** Candidate pairs over the forms of the analyzer's form space. */
export interface SimilarityIndex {
  /**
   * A lookup of forms among `targets` at `threshold`: for a probe, hands the targets (other than
   * the probe) at least that similar to `found`, in any order, until `found` returns false.
   * `probeCount` is how many probes will follow, which tells whether an index pays for itself.
   */
  lookupAmong(targets: readonly SpaceId[], probeCount: number, threshold: number): Lookup;
  /** An empty set of leaders at `threshold`, to add to and look up in turn. */
  leaders(threshold: number): LeaderIndex;
  /**
   * The self-join of `ids`: pairs of positions `a < b` in `ids` whose forms reach `threshold`
   * and that `separate` lets through, each once, in any order. A form listed at several
   * positions pairs each of them. `sourceOf` (optional) gives a source each position holds: two
   * positions that give one are never `separate` (see `selfJoin`).
   */
  pairsAmong(ids: readonly SpaceId[], threshold: number, separate: Separate, sourceOf?: SourceOf): Iterable<JoinPair>;
  /** Called once the analysis is done; what the index keeps for the next one is brought up to date. */
  endAnalysis(): void;
}

/** Below this many probe × target pairs, comparing each pair costs less than building an index. */
const SMALL_PROBE_PAIRS = 50_000;
/**
 * Below this many probes, comparing each pair costs less than indexing the targets however
 * many they are: indexing a target at a low threshold posts most of its tokens, each dearer
 * than a step of a comparison, which stops early where the pair cannot reach the threshold.
 */
const FEW_PROBES = 16;

/** A single analysis: pair by pair where lists are short, a fresh self-join of the leaders. */
export class OneShotIndex implements SimilarityIndex {
  constructor(private readonly forms: FormSpace) {}

  lookupAmong(targets: readonly SpaceId[], probeCount: number, threshold: number): Lookup {
    if (probeCount >= FEW_PROBES && targets.length * probeCount > SMALL_PROBE_PAIRS) {
      // Nothing is kept for a next analysis, so a probe stops at what it needs.
      const index = targetIndex(this.forms, targets, threshold);
      return (probe, found) => index.index.probeUntil(probe, index.isTarget, found);
    }
    const space = this.forms.space;
    const shared = new SharedTokens(space);
    return (probe, found) => matchesAmong(space, shared, probe, targets, threshold, found);
  }

  leaders(threshold: number): LeaderIndex {
    return new FreshLeaders(this.forms.space, threshold);
  }

  pairsAmong(ids: readonly SpaceId[], threshold: number, separate: Separate, sourceOf?: SourceOf): Iterable<JoinPair> {
    return selfJoin(this.forms.space, threshold, separate, ids, sourceOf);
  }

  endAnalysis(): void {}
}

/** An editor session: every lookup through the standing indexes, kept up to date after each analysis. */
/**
 * One story of a corpus of many, analysed once: as `OneShotIndex`, but its leaders are this
 * story's alone, in an index of their own, so a story's lookups never walk through the leaders
 * of the stories before it and find what they would find were the story analysed alone.
 */
export class OneStoryIndex extends OneShotIndex {}

/**
 * The leaders of one family stage, for a single analysis: a fresh prefix index that remembers
 * nothing, since no probe is asked again. It answers as `RememberedProbes` does (a probe past
 * its budget of accepted candidates is saturated and finds nothing; otherwise it finds every
 * accepted match), without the bookkeeping that serves the next analysis.
 */
export class FreshLeaders implements LeaderIndex {
  private readonly index: PrefixIndex<SpaceId>;
  private readonly shared: SharedTokens;
  /** The profile marked in `shared`, so the neighbours of one probe are compared with one marking. */
  private marked = -1;
  saturated = false;

  constructor(
    private readonly space: TokenSpace,
    private readonly threshold: number,
  ) {
    this.index = new PrefixIndex(space, threshold);
    this.shared = new SharedTokens(space);
  }

  add(id: SpaceId): void {
    this.index.add(id);
  }

  matches(id: SpaceId, accept: (leader: SpaceId) => boolean, budget: number): readonly JoinPair<SpaceId>[] {
    // Many sentences cut from one template share tokens with every probe: a probe that will
    // meet more candidates than its budget is told from one long posting list, not walked.
    if (this.index.saturates(id, accept, budget)) {
      this.saturated = true;
      return [];
    }
    const pairs = this.index.matches(id, accept, { budget, nothingPastBudget: true });
    this.saturated = this.index.saturated;
    return pairs;
  }

  matchOf(id: SpaceId, leader: SpaceId): JoinPair<SpaceId> | undefined {
    if (id === leader) return undefined;
    if (this.marked !== id) {
      this.shared.mark(id);
      this.marked = id;
    }
    const similarity = this.shared.similarityReaching(leader, this.threshold);
    return similarity >= this.threshold ? { a: id, b: leader, similarity } : undefined;
  }
}

export class StandingIndex implements SimilarityIndex {
  constructor(private readonly forms: FormSpace) {}

  lookupAmong(targets: readonly SpaceId[], _probeCount: number, threshold: number): Lookup {
    const { index, isTarget } = targetIndex(this.forms, targets, threshold);
    return (probe, found) => {
      for (const pair of index.matches(probe, isTarget)) if (!found(pair)) return;
    };
  }

  leaders(threshold: number): LeaderIndex {
    return this.forms.index(threshold);
  }

  /**
   * Through the standing index, so an edit's re-analysis checks only new forms; as the one-shot
   * self-join where a source holds more than `LARGE_SOURCE` of the positions, whose pairs among
   * themselves that join never makes candidates and the standing index would walk.
   */
  pairsAmong(ids: readonly SpaceId[], threshold: number, separate: Separate, sourceOf?: SourceOf): Iterable<JoinPair> {
    const space = this.forms.space;
    if (sourceOf && hasLargeSource(ids.length, sourceOf)) return selfJoin(space, threshold, separate, ids, sourceOf);
    const index = this.forms.index(threshold);
    // Per form, the positions that list it (usually one) as a chain in ascending order.
    const firstAt = new Int32Array(space.profiles.length).fill(-1);
    const nextAt = new Int32Array(ids.length).fill(-1);
    for (let at = ids.length - 1; at >= 0; at--) {
      nextAt[at] = firstAt[ids[at]];
      firstAt[ids[at]] = at;
    }
    const distinct = ids.filter((id, at) => firstAt[id] === at);
    index.addAll(distinct);
    const pairs: JoinPair[] = [];
    const pair = (a: number, b: number, similarity: number) => {
      if (a !== b && separate(Math.min(a, b), Math.max(a, b))) pairs.push({ a: Math.min(a, b), b: Math.max(a, b), similarity });
    };
    for (const id of distinct) {
      // As the one-shot self-join: a text too short for a bigram pairs with nothing.
      if (space.size(id) === 0) continue;
      for (let a = firstAt[id]; a >= 0; a = nextAt[a]) for (let b = nextAt[a]; b >= 0; b = nextAt[b]) pair(a, b, 1);
      for (const m of index.matches(id, j => j > id && firstAt[j] >= 0)) {
        for (let a = firstAt[id]; a >= 0; a = nextAt[a]) for (let b = firstAt[m.b]; b >= 0; b = nextAt[b]) pair(a, b, m.similarity);
      }
    }
    return pairs;
  }

  endAnalysis(): void {
    this.forms.catchUp();
  }
}

/** The standing index at `threshold`, holding every target met so far; a match counts if it is a target now. */
function targetIndex(
  forms: FormSpace,
  targets: readonly SpaceId[],
  threshold: number,
): { index: RememberedProbes; isTarget: (id: SpaceId) => boolean } {
  const target = new Uint8Array(forms.space.profiles.length);
  for (const id of targets) target[id] = 1;
  const index = forms.index(threshold);
  index.addAll(targets);
  return { index, isTarget: j => target[j] === 1 };
}
