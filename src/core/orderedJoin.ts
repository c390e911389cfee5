/**
 * Stage 7b, joining in order: clusters from different sources that say one statement in words
 * too different for the grouping stage (a rewrite by another agency) join when they stand in the
 * same place of the story's order. Two versions of a story keep most of their statements in
 * order (Vecalign aligns monotonically, passim aligns passages in order); so a cluster pair of
 * moderate link evidence whose join keeps the order of every cluster both sides already share is
 * taken as one statement, and one whose join would cross such a cluster is not.
 */
import { LinkEvidence } from './linkEvidence';
import type { AlignNode, NodePairs } from './grouping';
import { SourceSet } from './sourceSet';
import type { AlignOptions } from './types';

/** Where each node stands: `placesOfNode[n][k]` is the place of node `n` in its source `nodes[n].sources[k]`. */
export type NodePlaces = readonly (readonly number[])[];

/**
 * Input: the nodes, their places, the number of sources, the clusters of the grouping stage,
 * the options and the similarity join over the nodes. Output: the clusters, with order-keeping
 * joins made; sources stay disjoint within each.
 *
 * A candidate is a pair of clusters with no source in common, with a node pair that the bigram
 * join finds at `orderedThreshold` or that shares a rare content word, and with average linkage
 * (mean link score over all node pairs) at `orderedThreshold` or above. Candidates are tried
 * highest linkage first. The order decides: a join is made only when it stands between anchors,
 * i.e. some cluster that shares a source s with one side and t with the other stands before the
 * join in both, and another one after it in both; and when no such cluster is crossed (after the
 * join in s and before it in t, or the other way round). Joins made so far count as clusters, so
 * each one narrows the gaps where later ones may fall. A node no cluster holds (one source's
 * sentence, with nothing to corroborate it) does not take part.
 *
 * Cost: the similarity join at the threshold, the linkage of each candidate (product of the two
 * sides' sizes), and per candidate a walk over the clusters that share a source with it:
 * O((|A| + |B|) · k) for sides of |A| and |B| sources and k clusters per source, near-linear in
 * the number of clusters.
 */
export function joinInOrder(
  nodes: readonly AlignNode[],
  placesOfNode: NodePlaces,
  sourceCount: number,
  clusters: readonly (readonly number[])[],
  options: AlignOptions,
  nodePairs: NodePairs,
): number[][] {
  const floor = options.orderedThreshold ?? 0.2;
  if (sourceCount < 2 || !nodes.length) return clusters.map(c => [...c]);
  const evidence = new LinkEvidence(nodes, options.wordWeight ?? 0.6);
  const nodeSets = nodes.map(n => new SourceSet(sourceCount, n.sources));

  const members: number[][] = clusters.map(c => [...c]);
  const unitOf = new Int32Array(nodes.length).fill(-1);
  members.forEach((m, u) => m.forEach(n => (unitOf[n] = u)));
  // Per unit, its place in each of its sources; per source, the units it has.
  const placeIn = members.map(m => {
    const at = new Map<number, number>();
    for (const n of m) nodes[n].sources.forEach((s, k) => at.set(s, placesOfNode[n][k]));
    return at;
  });
  const unitsOfSource: number[][] = Array.from({ length: sourceCount }, () => []);
  members.forEach((_, u) => {
    for (const s of placeIn[u].keys()) unitsOfSource[s].push(u);
  });
  const sourcesOf = members.map(m => {
    const set = nodeSets[m[0]].copy();
    for (let i = 1; i < m.length; i++) set.addAll(nodeSets[m[i]]);
    return set;
  });
  const parent = Int32Array.from(members, (_, u) => u);
  const find = (u: number): number => {
    while (parent[u] !== u) u = parent[u] = parent[parent[u]];
    return u;
  };

  const linkage = (a: number, b: number) => {
    let sum = 0;
    for (const m of members[a]) for (const n of members[b]) sum += evidence.score(m, n);
    return sum / (members[a].length * members[b].length);
  };

  // Candidate unit pairs, scored once by their linkage at the start.
  const seen = new Set<number>();
  const candidates: { a: number; b: number; mean: number }[] = [];
  const consider = (x: number, y: number) => {
    const a = Math.min(unitOf[x], unitOf[y]);
    const b = Math.max(unitOf[x], unitOf[y]);
    if (a < 0 || b < 0 || a === b) return;
    const id = a * members.length + b;
    if (seen.has(id)) return;
    seen.add(id);
    if (!sourcesOf[a].disjoint(sourcesOf[b])) return;
    const mean = linkage(a, b);
    if (mean >= floor) candidates.push({ a, b, mean });
  };
  // A unit that every source carries shares a source with any other unit, so it can join none:
  // it stays out of the join, which on template-like sources would otherwise pair everything.
  const clustered = members
    .filter((_, u) => placeIn[u].size < sourceCount)
    .flat()
    .sort((x, y) => x - y);
  for (const p of nodePairs(floor, (x, y) => nodeSets[x].disjoint(nodeSets[y]), clustered)) consider(p.a, p.b);
  for (const [x, y] of evidence.rareWordPairs()) consider(x, y);
  candidates.sort((x, y) => y.mean - x.mean || x.a - y.a || x.b - y.b);

  /**
   * How joining clusters a and b stands to the clusters that share sources with both: 'crossing'
   * when it crosses one, 'unsupported' when none stands before it or none after it, 'in order'
   * when it lies between two of them.
   */
  const orderOf = (a: number, b: number): 'crossing' | 'unsupported' | 'in order' => {
    let before = false;
    let after = false;
    const side = new Map<number, number>(); // cluster → sign seen from a's side (+1 after, -1 before)
    for (const [s, p] of placeIn[a]) {
      for (const c of unitsOfSource[s]) {
        const root = find(c);
        if (root === a) continue;
        const q = placeIn[root].get(s);
        if (q === undefined) continue;
        const sign = Math.sign(p - q);
        const had = side.get(root);
        if (had === undefined) side.set(root, sign);
        else if (had !== sign) side.set(root, 0);
      }
    }
    for (const [t, p] of placeIn[b]) {
      for (const c of unitsOfSource[t]) {
        const root = find(c);
        const had = side.get(root);
        if (had === undefined || root === b) continue;
        const q = placeIn[root].get(t);
        if (q === undefined) continue;
        if (had === 0 || Math.sign(p - q) !== had) return 'crossing';
        if (had > 0) after = true;
        else before = true;
      }
    }
    return before && after ? 'in order' : 'unsupported';
  };

  for (const { a: x, b: y } of candidates) {
    const a = find(x);
    const b = find(y);
    if (a === b || !sourcesOf[a].disjoint(sourcesOf[b])) continue;
    if (linkage(a, b) < floor) continue;
    if (orderOf(a, b) !== 'in order') continue;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    parent[gone] = keep;
    for (const n of members[gone]) members[keep].push(n);
    members[gone] = [];
    sourcesOf[keep].addAll(sourcesOf[gone]);
    for (const [s, p] of placeIn[gone]) {
      placeIn[keep].set(s, p);
      unitsOfSource[s].push(keep);
    }
  }
  const out: number[][] = [];
  members.forEach((m, u) => {
    if (find(u) === u) out.push(m);
  });
  return out;
}

/**
 * Input: the families (wording ids, leader first) and the wordings. Output: per family, the place
 * of each of its sources, in the order of its ascending sources. O(P) for the P places held.
 */
export function placesOfNodes(
  families: readonly (readonly number[])[],
  wordings: readonly { readonly places: readonly number[]; readonly sources: readonly number[] }[],
): number[][] {
  return families.map(family => {
    const pairs: [number, number][] = [];
    for (const w of family) wordings[w].sources.forEach((s, k) => pairs.push([s, wordings[w].places[k]]));
    pairs.sort((x, y) => x[0] - y[0]);
    return pairs.map(p => p[1]);
  });
}
