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
import type { Separate } from './similarityIndex';
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
  /** The source's headline: versions of one story headline the same event, however worded. */
  readonly headline: boolean;
  /** The sources that carry it, ascending, without repeats. */
  readonly sources: readonly number[];
  /** How many sentences it stands for (its weight in word statistics). */
  readonly weight: number;
}

/**
 * The similarity join over the nodes: pairs of node indices `a < b` whose profiles reach
 * `threshold` and that `separate` lets through, each once, in any order.
 */
export type NodePairs = (threshold: number, separate: Separate) => Iterable<JoinPair>;

/** A scored candidate link. */
interface Link {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

const LINKAGE_SAMPLE = 8;

/**
 * Input: the nodes, the number of sources, the options, and the similarity join over the
 * nodes. Output: clusters of node indices whose sources are pairwise disjoint and together
 * number at least two; each node in at most one cluster. Cost: the join, then O(L log L) for L
 * links, each merge checking at most `LINKAGE_SAMPLE`² pairs.
 */
export function groupNodes(nodes: readonly AlignNode[], sourceCount: number, options: AlignOptions, nodePairs: NodePairs): number[][] {
  const strong = options.strongThreshold ?? 0.45;
  const weak = Math.min(strong, options.weakThreshold ?? 0.3);
  const sets = nodes.map(n => new SourceSet(sourceCount, n.sources));
  const evidence = new LinkEvidence(nodes, options.wordWeight ?? 0.6);
  const candidates = scoredCandidates(nodes.length, sets, evidence, weak, nodePairs);
  const links = acceptedLinks(nodes, sourceCount, candidates, strong);
  return mergeLinks(nodes, sets, evidence, links, options.linkageThreshold ?? 0.3);
}

/** Every pair the bigram join finds, and pairs sharing a rare content word, scored; those at `weak` or above. */
function scoredCandidates(nodeCount: number, sets: readonly SourceSet[], evidence: LinkEvidence, weak: number, nodePairs: NodePairs): Link[] {
  const scored = new Map<number, Link>();
  const consider = (a: number, b: number, dice?: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * nodeCount + y;
    if (!scored.has(id)) scored.set(id, { a: x, b: y, score: evidence.score(x, y, dice) });
  };
  for (const p of nodePairs(weak, (a, b) => sets[a].disjoint(sets[b]))) consider(p.a, p.b, p.similarity);
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
  const bestEverywhere = (node: number, toward: number, score: number) => nodes[toward].sources.every(s => bestToward.get(node)![s] === score);
  const links = pairs.filter(p => p.score >= strong || (bestEverywhere(p.a, p.b, p.score) && bestEverywhere(p.b, p.a, p.score)));
  return links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Union-find over the nodes along the links: two clusters merge when they share no source and
 * (beyond a pair) their members score `linkage` on average. Each root keeps its members and
 * their sources. Then every cluster of two sources or more, and every node no link reached
 * that several sources carry.
 */
function mergeLinks(nodes: readonly AlignNode[], sets: readonly SourceSet[], evidence: LinkEvidence, links: readonly Link[], linkage: number): number[][] {
  const parent = nodes.map((_, i) => i);
  const clusters = new Map<number, { members: number[]; sources: SourceSet }>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const clusterOf = (root: number) => {
    let c = clusters.get(root);
    if (!c) {
      c = { members: [root], sources: sets[root].copy() };
      clusters.set(root, c);
    }
    return c;
  };
  for (const link of links) {
    const ra = find(link.a);
    const rb = find(link.b);
    if (ra === rb) continue;
    const ca = clusterOf(ra);
    const cb = clusterOf(rb);
    const [big, small, bigRoot, smallRoot] = ca.members.length >= cb.members.length ? [ca, cb, ra, rb] : [cb, ca, rb, ra];
    if (!small.sources.disjoint(big.sources)) continue;
    if (big.members.length + small.members.length > 2 && meanScore(evidence, big.members, small.members) < linkage) continue;
    parent[smallRoot] = bigRoot;
    for (const m of small.members) big.members.push(m);
    big.sources.addAll(small.sources);
    clusters.delete(smallRoot);
  }
  const out: number[][] = [];
  const clustered = new Set<number>();
  for (const [, c] of clusters) {
    for (const m of c.members) clustered.add(m);
    if (c.members.reduce((n, m) => n + nodes[m].sources.length, 0) >= 2) out.push(c.members);
  }
  // A node no link reached is still a group when several sources carry it.
  nodes.forEach((n, i) => {
    if (!clustered.has(i) && n.sources.length >= 2) out.push([i]);
  });
  return out;
}

/** Mean link score between two clusters, over a fixed sample of each (their first members). */
function meanScore(evidence: LinkEvidence, a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const x of a.slice(0, LINKAGE_SAMPLE)) {
    for (const y of b.slice(0, LINKAGE_SAMPLE)) {
      sum += evidence.score(x, y);
      n++;
    }
  }
  return n ? sum / n : 0;
}
