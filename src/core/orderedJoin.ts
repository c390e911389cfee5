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
import { MAX_SPAN } from './spans';
import { BigramProfile, concatProfiles, profileSimilarity } from './similarity';
import type { AlignOptions } from './types';

/** How much closer a span joined across two clusters must read to a sentence of another source than its part alone. */
const SPAN_GAIN = 0.1;
/** How many shared sources, and how many sentences of the other sources per side, the span test reads. */
const SPAN_SAMPLE = 8;

/** How many sources must agree on a cluster's side of a join for one source that disagrees to count as having moved it. */
const MOVED_AGAINST = 3;

/** `sidesJoinAfterOf` and `sidesJoinBeforeOf` hold this where sources of both sides of a join voted so. */
const BOTH_SIDES = 3;

/**
 * How many sources each side of a join anchored on one side only must have: each side's wording
 * is then one that several versions agree on, not one version's aside.
 */
const CORROBORATING_SOURCES = 3;

/** The first and last place of a cluster in one source. */
type Span = readonly [number, number];

function widen(span: Span | undefined, place: number): Span {
  return span ? [Math.min(span[0], place), Math.max(span[1], place)] : [place, place];
}

/** Whether two spans of one source, which never overlap, follow each other and together hold at most `most` places. */
function adjacentWithin(x: Span, y: Span, most: number): boolean {
  return (x[1] + 1 === y[0] || y[1] + 1 === x[0]) && Math.max(x[1], y[1]) - Math.min(x[0], y[0]) < most;
}

/** +1 where span p stands after span q in their source, -1 before (spans of different clusters never overlap). */
function sideOf(p: Span, q: Span): number {
  return p[0] > q[1] ? 1 : -1;
}

/** Where each node stands: `placesOfNode[n][k]` is the place of node `n` in its source `nodes[n].sources[k]`. */
export type NodePlaces = readonly (readonly number[])[];

/**
 * Input: the nodes, their places, the number of sources, the clusters of the grouping stage,
 * the options, the similarity join over the nodes, and optionally their link evidence
 * (`LinkEvidence` over the same nodes with the options' word weight, as the grouping stage read
 * it). Output: the clusters, with order-keeping joins made; in each source a cluster holds one
 * sentence or one span of up to `MAX_SPAN` consecutive sentences.
 *
 * A candidate is a pair of clusters with a node pair that the bigram join finds at
 * `orderedThreshold` or that shares a rare content word, and with average linkage (mean link
 * score over the node pairs of different sources) at `orderedThreshold` or above. Where the two
 * share a source, their sentences there must follow each other, and a sentence of another
 * source must read closer to them joined than to its own side's part (one source split what
 * another says in one sentence: a 1-n bead, scored on the joined text as in Vecalign); in at
 * most one shared source they may stand apart, and then the join leaves out the one of the two
 * sentences with the weaker links, if the join gains more than that sentence's links lose, each
 * counted less the threshold (a local move of correlation clustering). Candidates are tried
 * highest linkage first. The order decides: a join is made only when it stands between anchors,
 * i.e. some cluster that shares a source s with one side and t with the other stands before the
 * join in both, and another one after it in both; and when no such cluster is crossed (after
 * the join in s and before it in t, or the other way round), but for one that a single source
 * places otherwise than at least `MOVED_AGAINST` others (a paragraph that version moved), or
 * that a single source places otherwise than two or more others where leaving that source's
 * sentence out of the crossed cluster loses less than the join gains (links counted less the
 * threshold, a local move of correlation clustering; the sentence then stands alone). A moved
 * cluster still anchors the join where the sources that agree on its place are of both sides
 * (a headline that one version prints under its lede stands before the lede in the others). A join
 * that makes a span in a shared source needs no such pair of anchors (that source places it),
 * only to cross none. A join with an anchor on one side only (the last statement the versions
 * share, with versions cut at different lengths after it) is made when it crosses none, each
 * side is carried by at least `CORROBORATING_SOURCES` sources (or all but one of the story's
 * where it has fewer than four), and the two are each other's
 * best: no candidate of either, as first scored, reaches a higher linkage toward any source of
 * the other (competitive linking, as the grouping stage asks of weak links, here between
 * clusters); one refused only for too few sources is tried again after the pass, as long as
 * joins keep growing clusters. Joins made so far count as clusters, so each one narrows the
 * gaps where later ones may fall. A node no cluster holds (one source's sentence, with nothing
 * to corroborate it) takes part only after the clusters' joins, in a second pass, and only
 * toward a cluster that has no sentence of its source (a part of a split statement is the
 * spans' stage's to attach): it joins where it stands between anchors on both sides, crosses
 * no cluster at all (its one source is the only vote on its side, so no crossing counts as a
 * move) and its mean link score reaches the grouping stage's `linkageThreshold`, since the
 * order stands in for the mutual-best test but not for the corroboration that several sources
 * give a cluster. It neither anchors nor crosses other joins.
 *
 * Cost: the similarity join at the threshold, the linkage of each candidate (product of the two
 * sides' sizes), the span test on at most `SPAN_SAMPLE` shared sources and as many sentences
 * per side, and per candidate a walk over the clusters that share a source with it:
 * O((|A| + |B|) · k) for sides of |A| and |B| sources and k clusters per source (lone sentences
 * included once joined), near-linear in the number of clusters and lone sentences.
 */
export function joinInOrder(
  nodes: readonly AlignNode[],
  placesOfNode: NodePlaces,
  sourceCount: number,
  clusters: readonly (readonly number[])[],
  options: AlignOptions,
  nodePairs: NodePairs,
  givenEvidence?: LinkEvidence,
): number[][] {
  const floor = options.orderedThreshold ?? 0.2;
  const linkage = options.linkageThreshold ?? 0.3;
  if (sourceCount < 2 || !nodes.length) return clusters.map(c => [...c]);
  const evidence = givenEvidence ?? new LinkEvidence(nodes, options.wordWeight ?? 0.6);
  const nodeSets = nodes.map(n => new SourceSet(sourceCount, n.sources));

  const members: number[][] = clusters.map(c => [...c]);
  // A sentence of one source that no cluster holds is a unit of its own, after the clusters:
  // it may join one in the second pass.
  const held = new Uint8Array(nodes.length);
  for (const c of clusters) for (const n of c) held[n] = 1;
  for (let n = 0; n < nodes.length; n++) if (!held[n] && nodes[n].sources.length === 1) members.push([n]);
  /** Whether unit u is a lone sentence, as the grouping stage left it. */
  const lone = (u: number) => u >= clusters.length;
  const unitOf = new Int32Array(nodes.length).fill(-1);
  members.forEach((m, u) => m.forEach(n => (unitOf[n] = u)));
  // Per unit, the first and last of its places in each of its sources; per source, the units it has.
  const placeIn = members.map(m => {
    const at = new Map<number, Span>();
    for (const n of m) nodes[n].sources.forEach((s, k) => at.set(s, widen(at.get(s), placesOfNode[n][k])));
    return at;
  });
  // A lone sentence is no cluster: it neither anchors nor crosses a join, so its source lists
  // it only once it has joined one.
  const unitsOfSource: number[][] = Array.from({ length: sourceCount }, () => []);
  members.forEach((_, u) => {
    if (!lone(u)) for (const s of placeIn[u].keys()) unitsOfSource[s].push(u);
  });
  /** The sources of a cluster's nodes. */
  const sourceSetOf = (m: readonly number[]) => {
    const set = nodeSets[m[0]].copy();
    for (let i = 1; i < m.length; i++) set.addAll(nodeSets[m[i]]);
    return set;
  };
  const sourcesOf = members.map(sourceSetOf);
  const parent = Int32Array.from(members, (_, u) => u);
  const find = (u: number): number => {
    while (parent[u] !== u) u = parent[u] = parent[parent[u]];
    return u;
  };

  /** Per source, the first and last place of the nodes listed. */
  const placesOf = (list: readonly number[]) => {
    const at = new Map<number, Span>();
    for (const n of list) nodes[n].sources.forEach((s, k) => at.set(s, widen(at.get(s), placesOfNode[n][k])));
    return at;
  };
  // Sums over the node pairs of different sources: two sentences of one source are parts of a
  // span, not two readings to compare.
  const pairSums = (xs: readonly number[], ys: readonly number[]) => {
    let sum = 0;
    let pairs = 0;
    for (const m of xs) {
      for (const n of ys) {
        if (m === n || !nodeSets[m].disjoint(nodeSets[n])) continue;
        sum += evidence.score(m, n);
        pairs++;
      }
    }
    return { sum, pairs };
  };
  /** The nodes of cluster u that carry source s. */
  const nodesIn = (u: number, s: number) => members[u].filter(n => nodes[n].sources.includes(s));

  /**
   * How clusters a and b would join, or undefined where they cannot. Where they share a source,
   * their sentences there must make one span of at most `MAX_SPAN` sentences (a 1-n bead) that
   * reads closer, joined, to the sentences of the sources that say it in one sentence than its
   * parts do. Where instead one sentence of the source stands in each cluster apart from the
   * other, the join may leave out one of the two: the one whose links to the rest, less the
   * floor, sum lower (a local move of correlation clustering), if the join still gains more
   * than that loss. Output: the members on each side, the nodes left out, and the mean score.
   */
  const plan = (a: number, b: number) => {
    if (sourcesOf[a].disjoint(sourcesOf[b])) {
      const { sum, pairs } = pairSums(members[a], members[b]);
      return { left: members[a], right: members[b], out: [] as number[], mean: pairs ? sum / pairs : 0, spanned: false };
    }
    const [small, large] = placeIn[a].size <= placeIn[b].size ? [a, b] : [b, a];
    // At most one source where the two stand apart: more says they are two statements.
    let apart = -1;
    for (const [s, x] of placeIn[small]) {
      const y = placeIn[large].get(s);
      if (!y || adjacentWithin(x, y, MAX_SPAN)) continue;
      if (apart >= 0) return undefined;
      apart = s;
    }
    const out: number[] = [];
    if (apart >= 0) {
      const inA = nodesIn(a, apart);
      const inB = nodesIn(b, apart);
      if (inA.length !== 1 || inB.length !== 1) return undefined;
      const all = [...members[a], ...members[b]];
      const loss = (n: number) => {
        const { sum, pairs } = pairSums([n], all);
        return sum - floor * pairs;
      };
      out.push(loss(inA[0]) <= loss(inB[0]) ? inA[0] : inB[0]);
    }
    const left = members[a].filter(n => !out.includes(n));
    const right = members[b].filter(n => !out.includes(n));
    if (!left.length || !right.length) return undefined;
    const leftAt = placesOf(left);
    const rightAt = placesOf(right);
    const shared: number[] = [];
    for (const [s, x] of leftAt) {
      const y = rightAt.get(s);
      if (!y) continue;
      if (!adjacentWithin(x, y, MAX_SPAN)) return undefined;
      shared.push(s);
    }
    // A headline says the statement in its own words: it is never part of a span.
    if (shared.length && [...left, ...right].some(n => nodes[n].headline && shared.some(s => nodes[n].sources.includes(s))))
      return undefined;
    if (shared.length && !spanReadsAsOne(left, right, leftAt, rightAt, shared)) return undefined;
    // The span test reads a sample; the linkage, which reads every pair, comes last.
    const { sum, pairs } = pairSums(left, right);
    if (!pairs) return undefined;
    if (out.length) {
      let lost = 0;
      for (const n of out) {
        const own = members[a].includes(n) ? members[a] : members[b];
        const kept = pairSums([n], own);
        lost += kept.sum - floor * kept.pairs;
      }
      if (sum - floor * pairs <= lost) return undefined;
    }
    return { left, right, out, mean: sum / pairs, leftAt, rightAt, spanned: shared.length > 0 };
  };
  /** The profile of the listed nodes' sentences in source s, joined in reading order. */
  const partIn = (list: readonly number[], s: number) => {
    const parts: [number, BigramProfile][] = [];
    for (const n of list) {
      const k = nodes[n].sources.indexOf(s);
      if (k >= 0) parts.push([placesOfNode[n][k], nodes[n].profile]);
    }
    parts.sort((x, y) => x[0] - y[0]);
    return parts.reduce<BigramProfile | undefined>((p, [, q]) => (p ? concatProfiles(p, q) : q), undefined)!;
  };
  /**
   * Whether the spans the two sides make in the shared sources read as one statement: some
   * sentence of another source (one that says it in one sentence) reads closer to a joined span
   * than to the part on its own side, by `SPAN_GAIN`. A source that says only one part is no
   * evidence against: it is a shorter version of the statement.
   */
  const spanReadsAsOne = (
    left: readonly number[],
    right: readonly number[],
    leftAt: ReadonlyMap<number, Span>,
    rightAt: ReadonlyMap<number, Span>,
    shared: readonly number[],
  ) => {
    const sharedSet = new SourceSet(
      sourceCount,
      [...shared].sort((x, y) => x - y),
    );
    const loners = (list: readonly number[]) => list.filter(n => sharedSet.disjoint(nodeSets[n])).slice(0, SPAN_SAMPLE);
    const sides = [
      [left, loners(left)],
      [right, loners(right)],
    ] as const;
    for (const s of shared.slice(0, SPAN_SAMPLE)) {
      const partLeft = partIn(left, s);
      const partRight = partIn(right, s);
      const joined = leftAt.get(s)![0] < rightAt.get(s)![0] ? concatProfiles(partLeft, partRight) : concatProfiles(partRight, partLeft);
      for (const [side, lonersOf] of sides) {
        const part = side === left ? partLeft : partRight;
        for (const m of lonersOf) {
          if (profileSimilarity(joined, nodes[m].profile) - profileSimilarity(part, nodes[m].profile) > SPAN_GAIN) return true;
        }
      }
    }
    return false;
  };

  // Candidate unit pairs, scored once by their linkage at the start.
  const seen = new Set<number>();
  const candidates: { a: number; b: number; mean: number }[] = [];
  const consider = (x: number, y: number) => {
    const a = Math.min(unitOf[x], unitOf[y]);
    const b = Math.max(unitOf[x], unitOf[y]);
    if (a < 0 || b < 0 || a === b || (lone(a) && lone(b))) return;
    // A lone sentence joins only a cluster without a sentence of its source (see below).
    if (lone(b) && !sourcesOf[a].disjoint(sourcesOf[b])) return;
    const id = a * members.length + b;
    if (seen.has(id)) return;
    seen.add(id);
    const joined = plan(a, b);
    if (joined && joined.mean >= (lone(b) ? linkage : floor)) candidates.push({ a, b, mean: joined.mean });
  };
  // A unit that every source carries shares a source with any other unit, so it can join none:
  // it stays out of the join, which on template-like sources would otherwise pair everything.
  const joinable = members
    .filter((_, u) => placeIn[u].size < sourceCount)
    .flat()
    .sort((x, y) => x - y);
  // Two lone sentences are no candidate: neither is a cluster.
  const separate = (x: number, y: number) => (held[x] === 1 || held[y] === 1) && nodeSets[x].disjoint(nodeSets[y]);
  // Nodes with one source in common are never separate: a node's first source tells the join so.
  for (const p of nodePairs(floor, separate, joinable, node => nodes[node].sources[0])) consider(p.a, p.b);
  for (const [x, y] of evidence.rareWordPairs()) consider(x, y);
  candidates.sort((x, y) => y.mean - x.mean || x.a - y.a || x.b - y.b);
  // Lone sentences come second: the clusters, which several sources corroborate, join first.
  const loneCandidates = candidates.filter(c => lone(c.b));
  const clusterCandidates = candidates.filter(c => !lone(c.b));
  // Per cluster and source, the highest linkage of its candidates toward clusters of that source.
  const bestToward = members.map(() => new Map<number, number>());
  for (const { a, b, mean } of clusterCandidates) {
    for (const [u, v] of [
      [a, b],
      [b, a],
    ]) {
      for (const s of placeIn[v].keys()) if ((bestToward[u].get(s) ?? -1) < mean) bestToward[u].set(s, mean);
    }
  }
  /** Whether candidate clusters a and b, as first scored, are each other's best toward each other's sources. */
  const eachOthersBest = (a: number, b: number, mean: number) =>
    [...placeIn[b].keys()].every(s => bestToward[a].get(s) === mean) && [...placeIn[a].keys()].every(s => bestToward[b].get(s) === mean);

  /**
   * How joining clusters a and b stands to the clusters that share sources with both: 'crossing'
   * when it crosses one, 'unsupported' when none stands before it nor after it, 'one-sided' when
   * some stand before it and none after, or the other way round, 'in order' when it lies
   * between two of them. Each such cluster is read in every source of the two
   * sides where it stands: a cluster before the join in some and after it in others crosses it,
   * unless it stands otherwise in one source only while at least `MOVED_AGAINST` agree (that
   * source moved it, as one version moves a paragraph): then it crosses nothing, and it anchors
   * the join where the sources that agree on its place are of both sides.
   * Where it stands otherwise in one source only while fewer agree, it crosses unless leaving
   * its sentence in that source out of it loses less than `gain()`, the join's links less the
   * floor (all such losses summed): `outs` lists those sentences with their clusters.
   */
  // Per cluster, the last pass of the vote that counted it (a pass per side and source).
  const countedAt = new Int32Array(members.length);
  let tick = 0;
  // Per cluster, its votes in the call at hand (valid where `votedIn` holds the call's number):
  // in how many sources the join stands after it and before it, the last such source of each,
  // and whether it shares a source with a, with b. Flat, since a call over many sources reads
  // them once per source and cluster.
  const votedIn = new Int32Array(members.length);
  let call = 0;
  const joinAfterOf = new Int32Array(members.length);
  const joinBeforeOf = new Int32Array(members.length);
  const afterInOf = new Int32Array(members.length);
  const beforeInOf = new Int32Array(members.length);
  const withAOf = new Uint8Array(members.length);
  const withBOf = new Uint8Array(members.length);
  // Per cluster, the sides whose sources place the join after it and before it (bit 1 a, bit 2 b).
  const sidesJoinAfterOf = new Uint8Array(members.length);
  const sidesJoinBeforeOf = new Uint8Array(members.length);
  const orderOf = (
    a: number,
    b: number,
    aAt: ReadonlyMap<number, Span>,
    bAt: ReadonlyMap<number, Span>,
    gain: () => number,
    strict = false,
  ): { order: 'crossing' | 'unsupported' | 'one-sided' | 'in order'; outs: (readonly [number, number])[] } => {
    // The clusters that voted, in the order of their first vote.
    const voted: number[] = [];
    call++;
    for (const [at, onA] of [
      [aAt, true],
      [bAt, false],
    ] as const) {
      for (const [s, p] of at) {
        // Units joined earlier share a root: the cluster they make votes once per source.
        tick++;
        for (const c of unitsOfSource[s]) {
          const root = find(c);
          if (root === a || root === b || countedAt[root] === tick) continue;
          countedAt[root] = tick;
          const q = placeIn[root].get(s);
          if (q === undefined) continue;
          if (votedIn[root] !== call) {
            votedIn[root] = call;
            voted.push(root);
            joinAfterOf[root] = joinBeforeOf[root] = withAOf[root] = withBOf[root] = 0;
            sidesJoinAfterOf[root] = sidesJoinBeforeOf[root] = 0;
            afterInOf[root] = beforeInOf[root] = -1;
          }
          const side = onA ? 1 : 2;
          if (sideOf(p, q) > 0) {
            joinAfterOf[root]++;
            afterInOf[root] = s;
            sidesJoinAfterOf[root] |= side;
          } else {
            joinBeforeOf[root]++;
            beforeInOf[root] = s;
            sidesJoinBeforeOf[root] |= side;
          }
          if (onA) withAOf[root] = 1;
          else withBOf[root] = 1;
        }
      }
    }
    let before = false;
    let after = false;
    const outs: (readonly [number, number])[] = [];
    let lost = 0;
    for (const root of voted) {
      if (!withAOf[root] || !withBOf[root]) continue;
      const joinAfter = joinAfterOf[root];
      const joinBefore = joinBeforeOf[root];
      const against = Math.min(joinAfter, joinBefore);
      if (against === 0) {
        if (joinAfter > 0) before = true;
        else after = true;
      } else if (strict) {
        // A lone sentence's one source is the only vote on its side: a cluster it crosses is
        // no paragraph that source moved, but a sign that the sentence stands elsewhere.
        return { order: 'crossing', outs };
      } else if (against === 1 && Math.max(joinAfter, joinBefore) >= MOVED_AGAINST) {
        // One source moved the cluster: it crosses nothing, and it still anchors the join where
        // the sources that agree on its place stand on both sides.
        const agreeing = joinAfter > joinBefore ? sidesJoinAfterOf[root] : sidesJoinBeforeOf[root];
        if (agreeing === BOTH_SIDES) {
          if (joinAfter > joinBefore) before = true;
          else after = true;
        }
      } else {
        // Two or more sources, or one with too few agreeing, place the cluster on the other side.
        // One source alone places the cluster on the other side, too few agreeing to call it
        // moved: its sentence there may be the cluster's weak member. Leaving it out is a local
        // move of correlation clustering, made when the join gains more than the links of the
        // sentences left out, each less the floor, lose.
        if (against > 1) return { order: 'crossing', outs };
        // The source on the side of one vote (either, in a tie of one against one) whose sentence links least.
        const afterIn = afterInOf[root];
        const beforeIn = beforeInOf[root];
        let n = -1;
        let loss = Infinity;
        for (const s of [joinAfter === 1 ? afterIn : -1, joinBefore === 1 ? beforeIn : -1]) {
          const inDissent = s >= 0 ? nodesIn(root, s) : [];
          // Only a sentence that stands for no other source of the join's sides, and not the whole cluster.
          if (inDissent.length !== 1 || members[root].length < 2) continue;
          if (nodes[inDissent[0]].sources.some(t => t !== s && (aAt.has(t) || bAt.has(t)))) continue;
          const { sum, pairs } = pairSums(
            inDissent,
            members[root].filter(m => m !== inDissent[0]),
          );
          if (sum - floor * pairs < loss) [n, loss] = [inDissent[0], sum - floor * pairs];
        }
        lost += loss;
        if (n < 0 || lost >= gain()) return { order: 'crossing', outs };
        outs.push([root, n]);
      }
    }
    return { order: before && after ? 'in order' : before || after ? 'one-sided' : 'unsupported', outs };
  };

  // In a story of fewer than four versions no two sides of three can meet (a cluster every
  // version carries is never joined): there, all but one of its versions corroborate.
  const corroborating = Math.min(CORROBORATING_SOURCES, Math.max(1, sourceCount - 1));
  /** Nodes a join left out: each stands alone from then on. */
  const leftOut: number[] = [];
  /**
   * Makes the join of a candidate where the rules allow it. 'deferred': refused only because a
   * side has fewer than `corroborating` sources, which a later join may add. A lone
   * sentence (`lonePass`) joins at `linkageThreshold` and crosses no cluster at all.
   */
  const tryJoin = (
    { a: x, b: y, mean: firstMean }: { a: number; b: number; mean: number },
    lonePass = false,
  ): 'joined' | 'deferred' | 'refused' => {
    const least = lonePass ? linkage : floor;
    const a = find(x);
    const b = find(y);
    if (a === b) return 'refused';
    const joined = plan(a, b);
    if (!joined || joined.mean < least) return 'refused';
    // A span one source holds across the two sides places the join in that source's order
    // itself: it needs no pair of anchors, only to cross none.
    const gain = () => {
      const { sum, pairs } = pairSums(joined.left, joined.right);
      return sum - floor * pairs;
    };
    const { order, outs } = orderOf(a, b, joined.leftAt ?? placeIn[a], joined.rightAt ?? placeIn[b], gain, lonePass);
    if (order === 'crossing') return 'refused';
    // A lone sentence has no candidates of its own to be the best of: it joins between anchors only.
    if (lonePass && order !== 'in order') return 'refused';
    if (order !== 'in order' && !joined.spanned) {
      // One anchor, and each side corroborated and the other's best; never none.
      if (order === 'unsupported' || !eachOthersBest(x, y, firstMean)) return 'refused';
      if (placeIn[a].size < corroborating || placeIn[b].size < corroborating) return 'deferred';
    }
    for (const [root, n] of outs) {
      members[root] = members[root].filter(m => m !== n);
      leftOut.push(n);
      placeIn[root] = placesOf(members[root]);
      sourcesOf[root] = sourceSetOf(members[root]);
    }
    const [keep, gone] = a < b ? [a, b] : [b, a];
    parent[gone] = keep;
    members[keep] = [...joined.left, ...joined.right];
    members[gone] = [];
    leftOut.push(...joined.out);
    const at = placesOf(members[keep]);
    for (const t of at.keys()) if (!placeIn[keep].has(t)) unitsOfSource[t].push(keep);
    placeIn[keep] = at;
    sourcesOf[keep] = sourceSetOf(members[keep]);
    return 'joined';
  };
  // Candidates deferred for too few sources are tried again while joins keep growing clusters.
  let deferred = clusterCandidates.filter(c => tryJoin(c) === 'deferred');
  for (let grew = true; grew && deferred.length;) {
    grew = false;
    const still: typeof deferred = [];
    for (const c of deferred) {
      const result = tryJoin(c);
      if (result === 'joined') grew = true;
      else if (result === 'deferred') still.push(c);
    }
    deferred = still;
  }
  // Then each lone sentence, between anchors on both sides and crossing no cluster, where it
  // links to the cluster as strongly on average as the grouping stage asks of a merge: the
  // order stands in for the mutual-best test, but nothing corroborates a sentence that one
  // source alone carries. Only to a cluster its source has no sentence in (yet): a part of a
  // statement its source split is the spans' stage's to attach (which keeps titles out of
  // spans).
  for (const c of loneCandidates) {
    // A sentence that joined a cluster already is no longer lone: its later candidates would
    // join two clusters.
    if (find(c.b) !== c.b) continue;
    if (sourcesOf[find(c.a)].disjoint(sourcesOf[c.b])) tryJoin(c, true);
  }
  const out: number[][] = [];
  // A cluster a local move left with one source's sentences is no group.
  members.forEach((m, u) => {
    if (find(u) === u && m.length && placeIn[u].size >= 2) out.push(m);
  });
  // A node left out still stands for the sources of its family.
  for (const n of leftOut) if (nodes[n].sources.length >= 2) out.push([n]);
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
