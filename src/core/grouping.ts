/**
 * Stage 7, grouping: nodes (families of wordings) that carry the same statement, grouped so that
 * each source has at most one node in a group. In CollateX's terms this is the alignment of
 * the witnesses' tokens, here sentences, without an order constraint (versions reorder freely).
 *
 * Candidate pairs come from the similarity join (no pair above the threshold is missed) and
 * from shared rare content words. They are merged greedily, most similar first. A weaker link is
 * accepted only when it is the best either side has in the other's sources, so a reworded
 * sentence still finds its counterpart while two merely related sentences stay apart.
 */
import { LinkEvidence } from './linkEvidence';
import type { Separate, SourceOf } from './similarityIndex';
import type { BigramProfile } from './similarity';
import { SourceSet } from './sourceSet';
import type { JoinPair } from './tokenSpace';
import type { AlignOptions } from './types';

/** A family of wordings (often one), as the grouping stage sees it. */
export interface AlignNode {
  /** Its leader's profile. */
  readonly profile: BigramProfile;
  /** Content-word ids of the leader (stems, function words left out), ascending, without repeats. */
  readonly terms: readonly number[];
  /** Parallel to `terms`: flags (`terms.ts`), `SALIENT` where the term is a name or a number, `QUOTED` where it stands in a quotation that opens the sentence. */
  readonly salient: Uint8Array;
  /** Parallel to `terms`: each term's place in the order the leader's words first give them (`ContentTerms.firstAt`). */
  readonly firstAt: Int32Array;
  /** The source's headline: versions of one story headline the same event, however worded. */
  readonly headline: boolean;
  /** The sources that carry it, ascending, without repeats. */
  readonly sources: readonly number[];
  /** How many sentences it stands for (its weight in word statistics). */
  readonly weight: number;
}

/**
 * The similarity join over the nodes listed in `among` (ascending node indices): pairs of node
 * indices `a < b` among them whose profiles reach `threshold` and that `separate` lets
 * through, each once, in any order.
 */
export type NodePairs = (threshold: number, separate: Separate, among: readonly number[], sourceOf?: SourceOf) => Iterable<JoinPair>;

/** A scored candidate link. */
interface Link {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

/**
 * Input: the nodes, the number of sources, the options, the similarity join over the nodes,
 * and optionally their link evidence (`LinkEvidence` over the same nodes with the options'
 * word weight, which the next stage reads too). Output: clusters of node indices whose
 * sources are pairwise disjoint and together number at least two; each node in at most one
 * cluster. Cost: the join, then the average-linkage merging of `mergeLinks` over the L
 * accepted links.
 */
export function groupNodes(
  nodes: readonly AlignNode[],
  sourceCount: number,
  options: AlignOptions,
  nodePairs: NodePairs,
  evidence: LinkEvidence = new LinkEvidence(nodes, options.wordWeight ?? 0.6),
): number[][] {
  const strong = options.strongThreshold ?? 0.45;
  const weak = Math.min(strong, options.weakThreshold ?? 0.3);
  const sets = nodes.map(n => new SourceSet(sourceCount, n.sources));
  // A node every source carries shares a source with any other: it cannot be linked, and
  // leaving it out of the join spares walking past it (two versions cut from one template
  // would otherwise make every pair of their sentences a candidate).
  const open: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (nodes[i].sources.length < sourceCount) open.push(i);
  // A node's first source: two nodes that give one share it, so they are never separate.
  const candidates = scoredCandidates(nodes.length, open, sets, evidence, weak, nodePairs, node => nodes[node].sources[0]);
  const links = acceptedLinks(nodes, sourceCount, candidates, strong);
  return mergeLinks(nodes, sets, evidence, links, options.linkageThreshold ?? 0.3);
}

/** Every pair the bigram join finds, and pairs sharing a rare content word, scored; those at `weak` or above. */
function scoredCandidates(
  nodeCount: number,
  open: readonly number[],
  sets: readonly SourceSet[],
  evidence: LinkEvidence,
  weak: number,
  nodePairs: NodePairs,
  firstSource: SourceOf,
): Link[] {
  const scored = new Map<number, Link>();
  const consider = (a: number, b: number, dice?: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * nodeCount + y;
    if (!scored.has(id)) scored.set(id, { a: x, b: y, score: evidence.score(x, y, dice) });
  };
  for (const p of nodePairs(weak, (a, b) => sets[a].disjoint(sets[b]), open, firstSource)) consider(p.a, p.b, p.similarity);
  for (const [a, b] of evidence.rareWordPairs()) if (sets[a].disjoint(sets[b])) consider(a, b);
  return [...scored.values()].filter(p => p.score >= weak);
}

/** The links that count: strong ones, and weak ones that are the best either side has toward the other's sources; most similar first. */
function acceptedLinks(nodes: readonly AlignNode[], sourceCount: number, pairs: readonly Link[], strong: number): Link[] {
  // Best score of each node towards each source, for the mutual-best test of weak links.
  const needsBest = new Set<number>();
  for (const p of pairs) if (p.score < strong) needsBest.add(p.a).add(p.b);
  const bestToward = new Map<number, Float64Array>();
  const raise = (node: number, toward: number, score: number) => {
    let best = bestToward.get(node);
    if (!best) bestToward.set(node, (best = new Float64Array(sourceCount)));
    for (const s of nodes[toward].sources) if (best[s] < score) best[s] = score;
  };
  for (const p of pairs) {
    if (needsBest.has(p.a)) raise(p.a, p.b, p.score);
    if (needsBest.has(p.b)) raise(p.b, p.a, p.score);
  }
  const bestEverywhere = (node: number, toward: number, score: number) =>
    nodes[toward].sources.every(s => bestToward.get(node)![s] === score);
  const links = pairs.filter(p => p.score >= strong || (bestEverywhere(p.a, p.b, p.score) && bestEverywhere(p.b, p.a, p.score)));
  return links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Average-linkage clustering over the links: every node starts as a cluster of its own; the two
 * clusters with the highest mean score over all their pairs of nodes merge, as long as they
 * share no source and that mean reaches `linkage`; only clusters that a link joins are ever
 * compared. Unlike merging along single links most similar first, a cluster grows only by what
 * is close to all of it, so two quotes of one speaker or the parts of a compound lede do not
 * chain through one sentence that resembles both. Then every cluster of two sources or more,
 * and every node no link reached that several sources carry.
 */
function mergeLinks(
  nodes: readonly AlignNode[],
  sets: readonly SourceSet[],
  evidence: LinkEvidence,
  links: readonly Link[],
  linkage: number,
): number[][] {
  const members = nodes.map((_, i) => [i]);
  const sources: (SourceSet | undefined)[] = nodes.map(() => undefined);
  const sourcesOf = (c: number) => (sources[c] ??= sets[c].copy());
  const version = new Int32Array(nodes.length);
  const alive = new Uint8Array(nodes.length).fill(1);
  /** Per cluster, the clusters a link joins it to, with the sum of scores over their pairs of nodes. */
  const sums = nodes.map(() => new Map<number, number>());
  const heap = new LinkageHeap();
  const offer = (a: number, b: number, sum: number) => {
    const mean = sum / (members[a].length * members[b].length);
    if (mean >= linkage)
      heap.push({ mean, a: Math.min(a, b), b: Math.max(a, b), va: version[Math.min(a, b)], vb: version[Math.max(a, b)] });
  };
  for (const link of links) {
    if (sums[link.a].has(link.b)) continue;
    sums[link.a].set(link.b, link.score);
    sums[link.b].set(link.a, link.score);
    offer(link.a, link.b, link.score);
  }
  const pairSum = (x: number, y: number) => {
    let sum = 0;
    for (const m of members[x]) for (const n of members[y]) sum += evidence.score(m, n);
    return sum;
  };
  for (let top = heap.pop(); top; top = heap.pop()) {
    const { a, b } = top;
    if (!alive[a] || !alive[b] || version[a] !== top.va || version[b] !== top.vb) continue;
    if (!sourcesOf(a).disjoint(sourcesOf(b))) continue;
    // b joins a.
    alive[b] = 0;
    sums[a].delete(b);
    sums[b].delete(a);
    const neighbours = new Set([...sums[a].keys(), ...sums[b].keys()]);
    const merged = new Map<number, number>();
    for (const c of neighbours) {
      const sum = (sums[a].get(c) ?? pairSum(a, c)) + (sums[b].get(c) ?? pairSum(b, c));
      merged.set(c, sum);
    }
    for (const m of members[b]) members[a].push(m);
    sourcesOf(a).addAll(sourcesOf(b));
    version[a]++;
    sums[b] = new Map();
    sums[a] = merged;
    for (const [c, sum] of merged) {
      sums[c].delete(b);
      sums[c].set(a, sum);
      offer(a, c, sum);
    }
  }
  const out: number[][] = [];
  nodes.forEach((n, i) => {
    if (!alive[i]) return;
    if (members[i].length > 1 || n.sources.length >= 2) {
      if (members[i].reduce((k, m) => k + nodes[m].sources.length, 0) >= 2) out.push(members[i]);
    }
  });
  return out;
}

interface LinkageEntry {
  readonly mean: number;
  readonly a: number;
  readonly b: number;
  readonly va: number;
  readonly vb: number;
}

/** A binary max-heap of cluster pairs by mean score; ties by the lower cluster numbers, so the result does not depend on insertion order. */
class LinkageHeap {
  private readonly items: LinkageEntry[] = [];

  private static before(x: LinkageEntry, y: LinkageEntry): boolean {
    return x.mean > y.mean || (x.mean === y.mean && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(e: LinkageEntry): void {
    const items = this.items;
    items.push(e);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!LinkageHeap.before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): LinkageEntry | undefined {
    const items = this.items;
    if (!items.length) return undefined;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && LinkageHeap.before(items[l], items[best])) best = l;
        if (r < items.length && LinkageHeap.before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}
