/**
 * Cross-source alignment: sentences that carry the same statement, grouped.
 *
 * The unit of alignment is a node: one wording, or a family of nearly identical wordings, with
 * the set of sources that carry it. A story reprinted by a thousand sites has a thousand copies
 * of most sentences but only a few wordings of each, so the work grows with the wordings and
 * not with the copies.
 *
 * Links come from the similarity join (no pair above the threshold is missed). They are
 * merged greedily, most similar first, into groups in which each source has one sentence. A
 * weaker link is accepted only when it is the best either side has in the other's sources, so a
 * reworded sentence still finds its counterpart while two merely related sentences stay apart.
 */
import { JoinPair, TokenSpace, selfJoin } from './candidates';
import { BigramProfile, profileSimilarity } from './similarity';

/** A wording, or a family of wordings, and where it stands. */
export interface AlignNode {
  readonly profile: BigramProfile;
  /** Content-word ids of the wording (stems, function words left out), ascending, without repeats. */
  readonly terms: readonly number[];
  /** The source's headline: versions of one story headline the same event, however worded. */
  readonly headline: boolean;
  /** The sources that carry it, ascending, without repeats. */
  readonly sources: readonly number[];
  /** How many sentences it stands for (its weight in word statistics). */
  readonly weight: number;
}

/** Tuning of the alignment; every field has a default. */
export interface AlignOptions {
  /** Link scores at or above this always count. Default 0.45. */
  readonly strongThreshold?: number;
  /** Link scores between this and `strongThreshold` count only as mutual best matches. Default 0.3. */
  readonly weakThreshold?: number;
  /** Two groups merge only when their members score this much on average. Default 0.3. */
  readonly linkageThreshold?: number;
  /** Weight of the content-word cosine against the bigram similarity in link scores. Default 0.6. */
  readonly wordWeight?: number;
  /** Wordings at least this similar (bigram Dice) are one family before linking. Default 0.85. */
  readonly familyThreshold?: number;
}

/** A set of sources as a bit set. */
export class SourceSet {
  readonly bits: Uint32Array;

  constructor(sourceCount: number, sources: Iterable<number> = []) {
    this.bits = new Uint32Array((sourceCount + 31) >>> 5);
    for (const s of sources) this.bits[s >>> 5] |= 1 << (s & 31);
  }

  disjoint(other: SourceSet): boolean {
    const a = this.bits;
    const b = other.bits;
    for (let i = 0; i < a.length; i++) if (a[i] & b[i]) return false;
    return true;
  }

  copy(): SourceSet {
    const out = new SourceSet(this.bits.length * 32);
    out.addAll(this);
    return out;
  }

  addAll(other: SourceSet): void {
    for (let i = 0; i < this.bits.length; i++) this.bits[i] |= other.bits[i];
  }
}

/**
 * Families of nearly identical wordings: taken most widespread first, each wording joins the
 * most similar family leader (similarity at least the index's threshold) whose sources it
 * does not share, or leads a family of its own. Returns, per family, the indices of its
 * wordings (leader first). `formOf` gives each wording's profile in the index's space (wordings
 * may share one); `order` must be a canonical order of the wordings so the result does not
 * depend on how the sources were listed. The index may hold profiles of other wordings than
 * these (it is kept between analyses); only leaders of this call are ever matched, and the
 * leaders' profiles are added to it. Cost: one probe of the index per wording.
 */
export function nearDuplicateFamilies(
  index: LeaderIndex,
  formOf: readonly number[],
  sources: readonly SourceSet[],
  order: readonly number[],
): number[][] {
  /** Per profile, the families led by a wording of that profile. */
  const familiesLedBy = new Map<number, number[]>();
  const families: number[][] = [];
  const familySources: SourceSet[] = [];
  for (const w of order) {
    const form = formOf[w];
    let best = -1;
    let bestSimilarity = -1;
    const consider = (family: number, similarity: number) => {
      if (!sources[w].disjoint(familySources[family])) return;
      if (similarity > bestSimilarity || (similarity === bestSimilarity && family < best)) {
        best = family;
        bestSimilarity = similarity;
      }
    };
    for (const family of familiesLedBy.get(form) ?? []) consider(family, 1);
    // A source that repeats itself (a list of near-identical lines) would make every leader a
    // candidate; past a budget, a wording only looks at some of the leaders.
    const leads = (profile: number) => familiesLedBy.has(profile);
    for (const m of index.matches(form, leads, MAX_FAMILY_CANDIDATES)) for (const family of familiesLedBy.get(m.b)!) consider(family, m.similarity);
    if (best >= 0) {
      families[best].push(w);
      familySources[best].addAll(sources[w]);
      continue;
    }
    const led = familiesLedBy.get(form);
    if (led) led.push(families.length);
    else familiesLedBy.set(form, [families.length]);
    families.push([w]);
    familySources.push(sources[w].copy());
    index.add(form);
  }
  return families;
}

const MAX_FAMILY_CANDIDATES = 256;

/** Where the family pass looks leaders up (see `RememberedProbes`). */
export interface LeaderIndex {
  add(i: number): void;
  /** Added profiles other than `i`, at least as similar as the threshold, that `accept` takes; at most `budget` candidates looked at. */
  matches(i: number, accept: (j: number) => boolean, budget: number): readonly JoinPair[];
}

/**
 * The pairs of nodes whose profiles' similarity reaches `threshold` and for which
 * `separate(a, b)` holds, each once, in any order.
 */
export type SimilarPairs = (threshold: number, separate: (a: number, b: number) => boolean) => Iterable<JoinPair>;

/**
 * Groups the nodes. Returns clusters of node indices whose sources are pairwise disjoint and
 * together number at least two; each node in at most one cluster.
 * Cost: the join over the nodes, then O(L log L) for L links, each merge checking at most
 * `LINKAGE_SAMPLE`² pairs.
 */
export function groupNodes(
  nodes: readonly AlignNode[],
  sourceCount: number,
  options: AlignOptions = {},
  similarPairs: SimilarPairs = (threshold, separate) => selfJoin(new TokenSpace(nodes.map(n => n.profile)), threshold, separate),
): number[][] {
  const strong = options.strongThreshold ?? 0.45;
  const weak = Math.min(strong, options.weakThreshold ?? 0.3);
  const linkage = options.linkageThreshold ?? 0.3;
  const wordWeight = options.wordWeight ?? 0.6;
  const sets = nodes.map(n => new SourceSet(sourceCount, n.sources));
  const evidence = new LinkEvidence(nodes, wordWeight);
  const scored = new Map<number, { a: number; b: number; score: number }>();
  const consider = (a: number, b: number, dice?: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * nodes.length + y;
    if (!scored.has(id)) scored.set(id, { a: x, b: y, score: evidence.score(x, y, dice) });
  };
  // Candidates: every pair the bigram join finds, and pairs sharing a rare content word.
  for (const p of similarPairs(weak, (a, b) => sets[a].disjoint(sets[b]))) consider(p.a, p.b, p.similarity);
  for (const [a, b] of evidence.rareWordPairs()) if (sets[a].disjoint(sets[b])) consider(a, b);
  const pairs = [...scored.values()].filter(p => p.score >= weak);

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
  links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  // Union-find over nodes; each root keeps its members and the sources they come from.
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

const LINKAGE_SAMPLE = 8;

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

const RARE_TERMS_PER_NODE = 4;
/** A word in more sentences than this is not rare: the bigram join covers its pairs. */
const MAX_RARE_POSTINGS = 48;
const HEADLINE_BONUS = 0.2;

/**
 * How strongly two wordings look like one statement: bigram similarity blended with the
 * cosine of their content words weighted by inverse sentence frequency, so that the words every
 * version of the story repeats (its names, its topic) count for little and the rare ones
 * (a number, a quoted phrase, a minor name) count for much.
 */
class LinkEvidence {
  private readonly weightSquared: Float64Array;
  private readonly norms: Float64Array;
  private readonly postings = new Map<number, number[]>();

  constructor(
    private readonly nodes: readonly AlignNode[],
    private readonly wordWeight: number,
  ) {
    let termCount = 0;
    for (const n of nodes) for (const t of n.terms) termCount = Math.max(termCount, t + 1);
    const df = new Float64Array(termCount);
    let sentences = 0;
    for (const n of nodes) {
      sentences += n.weight;
      for (const t of n.terms) df[t] += n.weight;
    }
    const total = Math.max(1, sentences);
    this.weightSquared = df.map(d => (d ? Math.log(1 + total / d) ** 2 : 0));
    this.norms = Float64Array.from(nodes, n => Math.sqrt(n.terms.reduce((s, t) => s + this.weightSquared[t], 0)));
    nodes.forEach((n, i) => {
      const rarest = [...n.terms].sort((x, y) => df[x] - df[y] || x - y).slice(0, RARE_TERMS_PER_NODE);
      for (const t of rarest) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(i);
      }
    });
  }

  /** The link score of nodes `a` and `b`; `dice` is their `profileSimilarity` when already known. */
  score(a: number, b: number, dice = profileSimilarity(this.nodes[a].profile, this.nodes[b].profile)): number {
    const bonus = this.nodes[a].headline && this.nodes[b].headline ? HEADLINE_BONUS : 0;
    if (this.wordWeight === 0) return dice + bonus;
    return (1 - this.wordWeight) * dice + this.wordWeight * this.cosine(a, b) + bonus;
  }

  cosine(a: number, b: number): number {
    const na = this.norms[a];
    const nb = this.norms[b];
    if (!na || !nb) return 0;
    const ta = this.nodes[a].terms;
    const tb = this.nodes[b].terms;
    let dot = 0;
    for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
      if (ta[i] === tb[j]) {
        dot += this.weightSquared[ta[i]];
        i++;
        j++;
      } else if (ta[i] < tb[j]) i++;
      else j++;
    }
    return dot / (na * nb);
  }

  /** Pairs of nodes that share one of their rarest content words. */
  *rareWordPairs(): Generator<[number, number]> {
    for (const list of this.postings.values()) {
      if (list.reduce((n, i) => n + this.nodes[i].weight, 0) > MAX_RARE_POSTINGS) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) yield [list[i], list[j]];
      }
    }
  }
}

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
