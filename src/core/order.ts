/**
 * Reading order across sources: which groups two sources share in a different order (CollateX
 * calls such readings transpositions). Used by the queries and the comparison layout.
 */
import type { CorpusAnalysis } from './types';

/**
 * Which of a sequence of matched positions are out of order: positions not on one longest
 * increasing subsequence. `positions[i]` is where the i-th matched item (in the first source's
 * order) stands in the second source. O(n log n).
 */
export function outOfOrder(positions: ArrayLike<number>): boolean[] {
  const n = positions.length;
  const tailIndex: number[] = [];
  const previous = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = tailIndex.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tailIndex[mid]] < positions[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tailIndex[lo - 1];
    tailIndex[lo] = i;
  }
  const moved = new Array<boolean>(n).fill(true);
  for (let i = tailIndex.length ? tailIndex[tailIndex.length - 1] : -1; i >= 0; i = previous[i]) moved[i] = false;
  return moved;
}

/**
 * The groups of one source `a` in the order they first appear there, and what another source
 * does with that order. Built in O(n + G) for n sentences and G groups; each `movedIn(b)` is
 * O(m + k log k) for m sentences of `b` and k groups the two share.
 */
export class GroupOrder {
  /** Groups of `a` in order of first appearance. */
  private readonly groupsInA: number[] = [];
  /** Per group, its first sentence in the source last looked at, stamped with that source. */
  private readonly firstInB: Int32Array;
  private readonly stamp: Int32Array;
  /** The groups `a` shares with the source last looked at, in `a`'s order, and where each first stands there. */
  private readonly shared: Int32Array;
  private readonly positions: Int32Array;

  constructor(
    private readonly analysis: CorpusAnalysis,
    a: number,
  ) {
    const seen = new Uint8Array(analysis.groups.length);
    for (const g of analysis.sources[a].groupOfSentence) {
      if (g >= 0 && !seen[g]) {
        seen[g] = 1;
        this.groupsInA.push(g);
      }
    }
    this.firstInB = new Int32Array(analysis.groups.length);
    this.stamp = new Int32Array(analysis.groups.length);
    this.shared = new Int32Array(this.groupsInA.length);
    this.positions = new Int32Array(this.groupsInA.length);
  }

  /** Groups shared with `b` whose order in `b` disagrees with their order in `a`. */
  movedIn(b: number): Set<number> {
    const count = this.compare(b);
    const flags = outOfOrder(this.positions.subarray(0, count));
    const moved = new Set<number>();
    for (let i = 0; i < count; i++) if (flags[i]) moved.add(this.shared[i]);
    return moved;
  }

  /** Whether group `g` stands out of order in `b`. */
  isMoved(b: number, g: number): boolean {
    const count = this.compare(b);
    const at = this.shared.subarray(0, count).indexOf(g);
    if (at < 0) return false;
    // Most sources keep the shared groups in order; then there is no subsequence to find.
    let inOrder = true;
    for (let i = 1; i < count && inOrder; i++) inOrder = this.positions[i - 1] < this.positions[i];
    return !inOrder && outOfOrder(this.positions.subarray(0, count))[at];
  }

  /** Fills `shared` and `positions` for `b`; returns how many groups the two share. */
  private compare(b: number): number {
    const mark = b + 1;
    const groups = this.analysis.sources[b].groupOfSentence;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (g >= 0 && this.stamp[g] !== mark) {
        this.stamp[g] = mark;
        this.firstInB[g] = i;
      }
    }
    let count = 0;
    for (let k = 0; k < this.groupsInA.length; k++) {
      const g = this.groupsInA[k];
      if (this.stamp[g] !== mark) continue;
      this.shared[count] = g;
      this.positions[count++] = this.firstInB[g];
    }
    return count;
  }
}

/**
 * Groups shared by two sources whose order in `b` disagrees with their order in `a`.
 * O(n + m + G) for n and m sentences in the two sources and G groups in the analysis.
 */
export function movedBetween(analysis: CorpusAnalysis, a: number, b: number): Set<number> {
  return new GroupOrder(analysis, a).movedIn(b);
}
