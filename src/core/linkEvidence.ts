/**
 * Link evidence of the grouping stage: how strongly two nodes look like one statement, and
 * which pairs share a rare content word.
 */
import type { AlignNode } from './grouping';
import { profileSimilarity } from './similarity';
import { QUOTED, SALIENT } from './terms';

const RARE_TERMS_PER_NODE = 4;
/** A word in more sentences than this is not rare: the bigram join covers its pairs. */
const MAX_RARE_POSTINGS = 48;
const HEADLINE_BONUS = 0.2;
/** How many content words a quotation that opens a sentence must have to count as the sentence's statement. */
const MIN_QUOTED_TERMS = 3;
/** How much more a name or a number weighs than another word as rare. */
const SALIENT_WEIGHT = 1.25;

/**
 * How strongly two wordings look like one statement: bigram similarity blended with the
 * cosine of their content words weighted by inverse sentence frequency, so that the words every
 * version of the story repeats (its names, its topic) count for little and the rare ones
 * (a number, a quoted phrase, a minor name) count for much. A sentence that opens with a
 * quotation says what the speaker said: a sentence that carries none of the quoted words does
 * not say it, whatever else the two share (the speaker's name and title, the scene of the
 * quotation, which the story's other sentences about the speaker share too), so their score
 * is nothing but the headline bonus.
 */
export class LinkEvidence {
  /** Per term of the nodes (numbered as in `local`), its squared weight. */
  private readonly weightSquared: Float64Array;
  /**
   * Per node, its terms numbered densely among the nodes' terms in the order they first occur,
   * ascending: term ids come from a vocabulary that may be a whole corpus's (stories analysed
   * apart share one) or an editor session's, and neither what the statistics cost nor what
   * they find should follow the vocabulary.
   */
  private readonly local: Int32Array[];
  /** Per node, the flags of its terms (`AlignNode.salient`), parallel to `local`. */
  private readonly salience: Uint8Array[];
  private readonly norms: Float64Array;
  private readonly postings = new Map<number, number[]>();

  constructor(
    private readonly nodes: readonly AlignNode[],
    private readonly wordWeight: number,
  ) {
    let limit = 0;
    for (const n of nodes) for (const t of n.terms) limit = Math.max(limit, t + 1);
    const localOf = termScratch(limit);
    // Local ids in the order the terms first occur: node by node, each node's in the order its
    // words give them (`firstAt`). Not by term id: an editor's vocabulary, grown over many
    // analyses, numbers the terms otherwise than one analysis of the corpus does, and ties among
    // the rarest terms, and the order the weights are summed in, must not follow it; nor, in a
    // folder of several stories, which share one vocabulary, the stories met before. (For one
    // story analysed alone, a fresh vocabulary grown from these nodes numbers them in this very
    // order.)
    const ids: number[] = [];
    let inWordOrder = new Int32Array(0);
    for (const n of nodes) {
      const count = n.terms.length;
      if (inWordOrder.length < count) inWordOrder = new Int32Array(2 * count);
      for (let k = 0; k < count; k++) inWordOrder[n.firstAt[k]] = k;
      for (let j = 0; j < count; j++) {
        const t = n.terms[inWordOrder[j]];
        if (localOf[t] >= 0) continue;
        localOf[t] = ids.length;
        ids.push(t);
      }
    }
    const salienceOf: Uint8Array[] = [];
    this.local = nodes.map(n => {
      const count = n.terms.length;
      const local = Int32Array.from(n.terms, t => localOf[t]);
      let ascending = true;
      for (let k = 1; k < count && ascending; k++) ascending = local[k - 1] < local[k];
      if (ascending) {
        salienceOf.push(n.salient);
        return local;
      }
      const order = Array.from({ length: count }, (_, k) => k).sort((x, y) => local[x] - local[y]);
      salienceOf.push(Uint8Array.from(order, k => n.salient[k]));
      return Int32Array.from(order, k => local[k]);
    });
    this.salience = salienceOf;
    for (const t of ids) localOf[t] = -1;
    const df = new Float64Array(ids.length);
    let sentences = 0;
    nodes.forEach((n, i) => {
      sentences += n.weight;
      const terms = this.local[i];
      for (let k = 0; k < terms.length; k++) df[terms[k]] += n.weight;
    });
    const total = Math.max(1, sentences);
    this.weightSquared = df.map(d => (d ? Math.log(1 + total / d) ** 2 : 0));
    const weightSquared = this.weightSquared;
    this.norms = new Float64Array(nodes.length);
    const rarest: number[] = [];
    this.local.forEach((terms, i) => {
      let sum = 0;
      const flags = this.salience[i];
      for (let k = 0; k < terms.length; k++) sum += weightSquared[terms[k]] * salience(flags, k) ** 2;
      this.norms[i] = Math.sqrt(sum);
      rarestTerms(terms, df, rarest);
      for (const l of rarest) {
        const t = ids[l];
        let list = this.postings.get(t);
        if (!list) this.postings.set(t, (list = []));
        list.push(i);
      }
    });
  }

  /** The link score of nodes `a` and `b`; `dice` is their `profileSimilarity` when already known. */
  score(a: number, b: number, dice = profileSimilarity(this.nodes[a].profile, this.nodes[b].profile)): number {
    const bonus = this.nodes[a].headline && this.nodes[b].headline ? HEADLINE_BONUS : 0;
    if (this.quotationMissed(a, b) || this.quotationMissed(b, a)) return bonus;
    if (this.wordWeight === 0) return dice + bonus;
    return (1 - this.wordWeight) * dice + this.wordWeight * this.cosine(a, b) + bonus;
  }

  /**
   * Whether node `x` opens with a quotation of at least `MIN_QUOTED_TERMS` content words and
   * `y` carries none of them: then `y` does not say what `x` quotes, whatever else the two
   * share. O(|x| + |y|).
   */
  quotationMissed(x: number, y: number): boolean {
    const tx = this.nodes[x].terms;
    const ty = this.nodes[y].terms;
    const flags = this.nodes[x].salient;
    let quoted = 0;
    for (let i = 0, j = 0; i < tx.length; i++) {
      if (!(flags[i] & QUOTED)) continue;
      quoted++;
      while (j < ty.length && ty[j] < tx[i]) j++;
      if (j < ty.length && ty[j] === tx[i]) return false;
    }
    return quoted >= MIN_QUOTED_TERMS;
  }

  cosine(a: number, b: number): number {
    const na = this.norms[a];
    const nb = this.norms[b];
    if (!na || !nb) return 0;
    const ta = this.local[a];
    const tb = this.local[b];
    let dot = 0;
    for (let i = 0, j = 0; i < ta.length && j < tb.length;) {
      if (ta[i] === tb[j]) {
        dot += this.weightSquared[ta[i]] * salience(this.salience[a], i) * salience(this.salience[b], j);
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
 * Into `out`: the `RARE_TERMS_PER_NODE` terms of `terms` with the lowest `df` (ties by the
 * lower term: the one that occurs first among the nodes), rarest first, as sorting a copy of
 * all of them would give: an insertion into a list that short, since the links are scored for
 * every node of every story. O(k).
 */
function rarestTerms(terms: Int32Array, df: Float64Array, out: number[]): void {
  out.length = 0;
  for (const t of terms) {
    const d = df[t];
    let at = out.length;
    while (at > 0 && (df[out[at - 1]] > d || (df[out[at - 1]] === d && out[at - 1] > t))) at--;
    if (at >= RARE_TERMS_PER_NODE) continue;
    out.splice(at, 0, t);
    if (out.length > RARE_TERMS_PER_NODE) out.length = RARE_TERMS_PER_NODE;
  }
}

/** Per term id, -1: kept between constructions (and left so), so that one is not sized by the vocabulary. */
let localOfTerm = new Int32Array(0);

/** `localOfTerm`, at least `size` long. */
function termScratch(size: number): Int32Array {
  if (localOfTerm.length < size) localOfTerm = new Int32Array(Math.max(size, 2 * localOfTerm.length)).fill(-1);
  return localOfTerm;
}

/** The weight factor of the `k`-th of a node's terms, given their flags. */
function salience(flags: Uint8Array, k: number): number {
  return flags[k] & SALIENT ? SALIENT_WEIGHT : 1;
}
