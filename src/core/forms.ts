/**
 * The compared forms an analyzer has met, kept between analyses: each distinct form once, its
 * bigram profile in one token space, and the prefix indexes the cross-source passes probe.
 * An edit adds a few forms to what is there instead of rebuilding the space and the indexes,
 * so re-analysing a large corpus after one document changed costs little more than the
 * forms of that document. Every pass still filters what it finds by the current corpus, and
 * the joins are exact, so a result never depends on what the space kept from before.
 */
import { JoinPair, PrefixIndex, SharedTokens, TokenSpace } from './candidates';
import { BigramProfile, bigramProfile } from './similarity';

/** Past this many forms no longer in use (and twice those in use), the space starts afresh. */
const STALE_FORMS = 20_000;

/** Whether a store of `total` forms, `inUse` of them in use, is better started afresh. */
function isStale(total: number, inUse: number): boolean {
  const unused = total - inUse;
  return unused > STALE_FORMS && unused > 2 * inUse;
}

/**
 * A number for every distinct compared form an analyzer meets, kept between analyses, so a
 * source that did not change keeps its numbers and is not looked up again.
 */
export class FormNumbering {
  private readonly numberOf = new Map<string, number>();
  private readonly texts: string[] = [];

  /** The forms, by number. */
  get forms(): readonly string[] {
    return this.texts;
  }

  /** The number of each sentence's form, new forms numbered in order of appearance. One map lookup per sentence. */
  numbersOf(sentences: readonly { readonly form: string }[]): Int32Array {
    const out = new Int32Array(sentences.length);
    for (let i = 0; i < sentences.length; i++) {
      const form = sentences[i].form;
      let n = this.numberOf.get(form);
      if (n === undefined) {
        this.numberOf.set(form, (n = this.texts.length));
        this.texts.push(form);
      }
      out[i] = n;
    }
    return out;
  }

  /** Whether a corpus of `inUse` distinct forms is better served by a fresh numbering. */
  isStaleFor(inUse: number): boolean {
    return isStale(this.texts.length, inUse);
  }
}

export class FormSpace {
  readonly space: TokenSpace;
  private readonly ids = new Map<string, number>();
  private readonly texts: string[];
  private readonly indexes = new Map<number, RememberedProbes>();
  /** The space's forms in code-unit order of their text, as far as they were ordered. */
  private byText: number[] = [];
  private rankByText = new Int32Array(0);

  /** A space for `forms`, ranked by their token frequencies. */
  constructor(forms: readonly string[]) {
    this.space = new TokenSpace(forms.map(form => bigramProfile(form)));
    this.texts = [...forms];
    forms.forEach((form, i) => this.ids.set(form, i));
  }

  /** The space's number of `form`, adding the form if the space lacks it. O(length) for a new form, a map lookup for a known one. */
  idOf(form: string): number {
    let id = this.ids.get(form);
    if (id === undefined) {
      this.ids.set(form, (id = this.space.add(bigramProfile(form))));
      this.texts.push(form);
    }
    return id;
  }

  /**
   * Per form number, its rank among all the space's forms in code-unit order of their text
   * (what `<` on strings gives): a canonical order that does not depend on when a form came.
   * O(n log n) the first time; after k forms were added, O(k log k) comparisons of texts and
   * O(n) steps of a merge. The array is valid until the next call.
   */
  textRanks(): Int32Array {
    const known = this.byText.length;
    const total = this.texts.length;
    if (known === total) return this.rankByText;
    const byText = (x: number, y: number) => (this.texts[x] < this.texts[y] ? -1 : this.texts[x] > this.texts[y] ? 1 : 0);
    const added: number[] = [];
    for (let id = known; id < total; id++) added.push(id);
    added.sort(byText);
    const merged = new Array<number>(total);
    for (let i = 0, j = 0, k = 0; k < total; k++) merged[k] = j >= added.length || (i < known && byText(this.byText[i], added[j]) < 0) ? this.byText[i++] : added[j++];
    const ranks = new Int32Array(total);
    for (let k = 0; k < total; k++) ranks[merged[k]] = k;
    this.byText = merged;
    this.rankByText = ranks;
    return ranks;
  }

  profile(id: number): BigramProfile {
    return this.space.profiles[id];
  }

  /** The standing index at `threshold`; what it holds is up to its users (they add and filter). */
  index(threshold: number): RememberedProbes {
    let index = this.indexes.get(threshold);
    if (!index) this.indexes.set(threshold, (index = new RememberedProbes(this.space, threshold)));
    return index;
  }

  /** Brings what every standing index remembers up to date (see `RememberedProbes.catchUp`). */
  catchUp(): void {
    for (const index of this.indexes.values()) index.catchUp();
  }

  /** Whether a corpus of `inUse` distinct forms is better served by a fresh space. */
  isStaleFor(inUse: number): boolean {
    return isStale(this.space.profiles.length, inUse);
  }
}

/**
 * A prefix index over a token space that remembers what each probe found. Probed again, a
 * profile checks only the profiles indexed since, one by one, which after an edit are a handful.
 * Remembered matches cover everything indexed, accepted or not, so they stay valid whatever a
 * later probe accepts.
 */
export class RememberedProbes {
  private readonly index: PrefixIndex;
  /** Indexed profiles in the order they were added. */
  private readonly added: number[] = [];
  private readonly found = new Map<number, { pairs: JoinPair[]; upTo: number; candidates: number }>();
  /** Every remembered probe covers the indexed profiles before this one (see `catchUp`). */
  private caughtUp = 0;
  /** The profiles probed, indexed (at the next `catchUp`) so that it looks up each late profile once among them. */
  private readonly probes: PrefixIndex;
  private readonly probesToIndex: number[] = [];
  private readonly shared: SharedTokens;

  constructor(
    private readonly space: TokenSpace,
    private readonly threshold: number,
  ) {
    this.index = new PrefixIndex(space, threshold);
    this.probes = new PrefixIndex(space, threshold);
    this.shared = new SharedTokens(space);
  }

  /** Indexes profile `i`, once. */
  add(i: number): void {
    if (this.index.has(i)) return;
    this.index.add(i);
    this.added.push(i);
  }

  /** Indexes those of `ids` not indexed yet, smallest first (cheapest for the postings). */
  addAll(ids: Iterable<number>): void {
    const fresh = [...ids].filter(i => !this.index.has(i));
    for (const i of fresh.sort((x, y) => this.space.size(x) - this.space.size(y))) this.add(i);
  }

  /**
   * Indexed profiles other than `i` at least as similar to it as the threshold, for which
   * `accept` holds. When a probe reaches more than `budget` candidates, only the first `budget`
   * accepted ones (in the index's order) are verified, so the answer is complete whenever the
   * budget is not reached. O(probe) the first time, O(remembered + indexed since) after.
   */
  matches(i: number, accept: (j: number) => boolean, budget = Infinity): JoinPair[] {
    let memo = this.found.get(i);
    if (memo && memo.upTo < this.caughtUp) memo.upTo = this.caughtUp;
    if (memo && memo.candidates + (this.added.length - memo.upTo) <= budget) {
      if (memo.upTo < this.added.length) {
        this.shared.mark(i);
        for (let k = memo.upTo; k < this.added.length; k++) {
          const j = this.added[k];
          if (j === i) continue;
          const similarity = this.shared.similarity(j);
          if (similarity >= this.threshold) memo.pairs.push({ a: i, b: j, similarity });
        }
        memo.candidates += this.added.length - memo.upTo;
        memo.upTo = this.added.length;
      }
      return memo.pairs.filter(p => accept(p.b));
    }
    let candidates = 0;
    const pairs = this.index.matches(i, () => ++candidates <= budget);
    if (candidates <= budget) {
      memo = { pairs, upTo: this.added.length, candidates };
      this.found.set(i, memo);
      this.probesToIndex.push(i);
      return pairs.filter(p => accept(p.b));
    }
    // Too many candidates to remember them all: the budget goes to accepted ones only.
    this.found.delete(i);
    let left = budget;
    return this.index.matches(i, j => accept(j) && left-- > 0);
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
    const covers = (i: number, k: number) => {
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
