/**
 * Cross-source alignment: sentences that carry the same statement, grouped.
 *
 * Links come from the similarity join (no pair above the threshold is missed). They are
 * merged greedily, most similar first, into groups in which each source has one sentence, or
 * two adjacent ones where it split a sentence in two. A weaker link is accepted only when it is
 * the best either sentence has in the other source, so a reworded sentence still finds its
 * counterpart while two merely related sentences stay apart.
 */
import { JoinRecord, similarityJoin } from './candidates';
import { BigramProfile, bigramProfile, profileSimilarity } from './similarity';

/** A sentence taking part in alignment: its source, its index there, and its profile. */
export interface AlignRecord extends JoinRecord {
  readonly sentence: number;
  /** Content-word ids of the sentence (stems, function words left out), without repeats. */
  readonly terms: readonly number[];
  /** The source's headline: versions of one story headline the same event, however worded. */
  readonly headline?: boolean;
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
}

/** A group as record indices, each with the index of the record it was linked through. */
export interface RecordGroup {
  readonly records: readonly number[];
}

/**
 * Groups the records. Returns groups with records from at least two sources, each record in
 * at most one group; record order within a group is by source, then sentence.
 * Cost: the join, then O(L log L) for L links, each merge checking at most
 * `LINKAGE_SAMPLE`² pairs.
 */
export function groupRecords(records: readonly AlignRecord[], options: AlignOptions = {}): RecordGroup[] {
  const strong = options.strongThreshold ?? 0.45;
  const weak = Math.min(strong, options.weakThreshold ?? 0.3);
  const linkage = options.linkageThreshold ?? 0.3;
  const wordWeight = options.wordWeight ?? 0.6;
  const evidence = new LinkEvidence(records, wordWeight);
  const scored = new Map<number, { a: number; b: number; score: number }>();
  const consider = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = x * records.length + y;
    if (!scored.has(id)) scored.set(id, { a: x, b: y, score: evidence.score(x, y) });
  };
  // Candidates: every pair the bigram join finds, and pairs sharing a rare content word.
  for (const p of similarityJoin(records, weak)) consider(p.a, p.b);
  for (const [a, b] of evidence.rareWordPairs()) consider(a, b);
  const pairs = [...scored.values()].filter(p => p.score >= weak);

  // Best score of each record towards each other source, for the mutual-best test.
  const sourceCount = records.reduce((n, r) => Math.max(n, r.source + 1), 0);
  const bestToward = new Map<number, number>();
  const key = (record: number, source: number) => record * sourceCount + source;
  for (const p of pairs) {
    const ka = key(p.a, records[p.b].source);
    const kb = key(p.b, records[p.a].source);
    bestToward.set(ka, Math.max(bestToward.get(ka) ?? 0, p.score));
    bestToward.set(kb, Math.max(bestToward.get(kb) ?? 0, p.score));
  }
  const links = pairs.filter(
    p =>
      p.score >= strong ||
      (bestToward.get(key(p.a, records[p.b].source)) === p.score &&
        bestToward.get(key(p.b, records[p.a].source)) === p.score),
  );
  links.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  // Union-find over records; each root keeps its members and the sources they come from.
  const parent = records.map((_, i) => i);
  const clusters = new Map<number, { members: number[]; sources: Set<number> }>();
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
      c = { members: [root], sources: new Set([records[root].source]) };
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
    if ([...small.sources].some(s => big.sources.has(s))) continue;
    if (big.members.length + small.members.length > 2 && meanScore(evidence, big.members, small.members) < linkage) continue;
    parent[smallRoot] = bigRoot;
    for (const m of small.members) big.members.push(m);
    for (const s of small.sources) big.sources.add(s);
    clusters.delete(smallRoot);
  }

  const grouped = new Set<number>();
  const groups: number[][] = [];
  for (const [, c] of clusters) {
    if (c.sources.size < 2) continue;
    groups.push(c.members);
    for (const m of c.members) grouped.add(m);
  }
  attachSplitHalves(records, groups, grouped);
  for (const g of groups) g.sort((x, y) => records[x].source - records[y].source || records[x].sentence - records[y].sentence);
  return groups.map(g => ({ records: g }));
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

const RARE_TERMS_PER_RECORD = 4;
/** A word in more sentences than this is not rare: the bigram join covers its pairs. */
const MAX_RARE_POSTINGS = 48;
const HEADLINE_BONUS = 0.2;

/**
 * How strongly two sentences look like one statement: bigram similarity blended with the
 * cosine of their content words weighted by inverse sentence frequency, so that the words every
 * version of the story repeats (its names, its topic) count for little and the rare ones
 * (a number, a quoted phrase, a minor name) count for much.
 */
class LinkEvidence {
  private readonly idf: Map<number, number>;
  private readonly norms: Float64Array;
  private readonly postings = new Map<number, number[]>();

  constructor(
    private readonly records: readonly AlignRecord[],
    private readonly wordWeight: number,
  ) {
    const df = new Map<number, number>();
    for (const r of records) for (const t of r.terms) df.set(t, (df.get(t) ?? 0) + 1);
    const n = Math.max(1, records.length);
    this.idf = new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)]));
    this.norms = Float64Array.from(records, r => Math.sqrt(r.terms.reduce((s, t) => s + this.idf.get(t)! ** 2, 0)));
    records.forEach((r, i) => {
      const rarest = [...r.terms].sort((x, y) => df.get(x)! - df.get(y)! || x - y).slice(0, RARE_TERMS_PER_RECORD);
      for (const t of rarest) {
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(i);
      }
    });
  }

  score(a: number, b: number): number {
    const dice = profileSimilarity(this.records[a].profile, this.records[b].profile);
    const bonus = this.records[a].headline && this.records[b].headline ? HEADLINE_BONUS : 0;
    if (this.wordWeight === 0) return dice + bonus;
    return (1 - this.wordWeight) * dice + this.wordWeight * this.cosine(a, b) + bonus;
  }

  cosine(a: number, b: number): number {
    const na = this.norms[a];
    const nb = this.norms[b];
    if (!na || !nb) return 0;
    const tb = new Set(this.records[b].terms);
    let dot = 0;
    for (const t of this.records[a].terms) if (tb.has(t)) dot += this.idf.get(t)! ** 2;
    return dot / (na * nb);
  }

  /** Pairs of records from different sources that share one of their rarest content words. */
  *rareWordPairs(): Generator<[number, number]> {
    for (const list of this.postings.values()) {
      if (list.length > MAX_RARE_POSTINGS) continue;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (this.records[list[i]].source !== this.records[list[j]].source) yield [list[i], list[j]];
        }
      }
    }
  }
}

/**
 * Where a source split one sentence in two, the second half is left out of every group by the
 * one-sentence-per-source rule. It joins its neighbour's group when the two halves together
 * are closer to the group's other members than the neighbour alone.
 */
function attachSplitHalves(records: readonly AlignRecord[], groups: number[][], grouped: Set<number>): void {
  const index = new Map<string, number>();
  records.forEach((r, i) => index.set(`${r.source}:${r.sentence}`, i));
  for (const group of groups) {
    const additions: number[] = [];
    for (const member of group) {
      const own = records[member];
      const others = group.filter(m => records[m].source !== own.source).slice(0, LINKAGE_SAMPLE);
      for (const step of [-1, 1]) {
        const neighbour = index.get(`${own.source}:${own.sentence + step}`);
        if (neighbour === undefined || grouped.has(neighbour)) continue;
        const joined = step < 0 ? concatProfiles(records[neighbour].profile, own.profile) : concatProfiles(own.profile, records[neighbour].profile);
        let alone = 0;
        let together = 0;
        for (const o of others) {
          alone += profileSimilarity(own.profile, records[o].profile);
          together += profileSimilarity(joined, records[o].profile);
        }
        if (together > alone + 0.1 * others.length) {
          additions.push(neighbour);
          grouped.add(neighbour);
          break;
        }
      }
    }
    group.push(...additions);
  }
}

/** The profile of two sentences read as one. */
function concatProfiles(first: BigramProfile, second: BigramProfile): BigramProfile {
  return bigramProfile(first.squashed + second.squashed);
}

/**
 * Which of a sequence of matched positions are out of order: positions not on one longest
 * increasing subsequence. `positions[i]` is where the i-th matched item (in the first source's
 * order) stands in the second source. O(n log n).
 */
export function outOfOrder(positions: readonly number[]): boolean[] {
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
