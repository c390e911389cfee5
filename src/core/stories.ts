/**
 * Stories: which sources of a corpus tell one story.
 *
 * A folder may hold many stories, each told by a few sources, and every page carries its
 * site's chrome and teasers of other stories. Two sources belong to one story when they share
 * article statements: several of their article sentences are found in each other, and those
 * make up a fair share of the smaller of the two. A source that shares nothing is a story of one.
 *
 * How it decides:
 * 1. Each source is read as its distinct article sentences (repeats collapse first, so a page
 *    that repeats one line 45,000 times has one sentence), each sentence as its distinct
 *    shingles: runs of `shingleWords` content words (function words left out), hashed. A
 *    sentence of fewer than three content words ("Related stories") is no evidence.
 * 2. Candidate pairs come from an inverted index of shingles, never from all pairs: the sources
 *    carrying a shingle, in a canonical order (by content hash), are paired with their
 *    `window` neighbours on either side of that list, fewer in long lists (about window² pairs
 *    per list), so a shingle a thousand sources carry costs a few pairs per source. A pair is
 *    scored only when the two share, over those lists, as many shingles as the found
 *    sentences it needs would show.
 * 3. A pair is scored by its sentences: a sentence of one source is found in the other when
 *    `foundShingles` of its shingles (or half of them, if fewer) occur there. Found sentences
 *    count in the order they stand (the longest run whose places in the other source do not
 *    go back), and a headline found away from the top of the other source is a teaser (a
 *    link to another story) and does not count, nor does its standfirst. The pair is one
 *    story when each side has at least `minSharedSentences` sentences found in the other and
 *    they make up at least `minSharedShare` of the side that has fewer.
 * 4. Stories are the connected components of the pairs that pass (union-find; a pair already
 *    joined is not scored), so the result is independent of the order the pairs are met in.
 * 5. Text that recurs across several otherwise separate stories (a site's newsletter line, a
 *    menu read as prose, a teaser) is chrome, never article text: a first pass asks for
 *    `firstPassShare` of shared sentences, every shingle whose sources fall into
 *    `chromeStories` or more of its stories is set aside, and the pairs are decided again
 *    without it. In a corpus of only two stories nothing recurs across stories; there, pages
 *    whose article is a few sentences long can be joined by three or more identical chrome
 *    sentences.
 *
 * Deterministic and independent of the order of the sources: candidates are paired in the
 * canonical order, every tie is broken by it, and the result is a partition.
 * Cost: O(W) to read W words, O(S log S) for S distinct shingle occurrences of the sources,
 * O(S·window) to gather candidates, plus O(a + b) shingles for each of P scored pairs;
 * memory O(S + n) for n sources. The title costs O(m·k) per story of m sources.
 */
import { words } from './text';
import type { Story, StoryOptions } from './types';

export type { Story, StoryOptions };

/** What the story stage reads of a source (a `PreparedSource` fits). */
export interface StorySource {
  /** A content hash: the canonical order of sources, independent of their order in the input. */
  readonly hash: string;
  readonly text: string;
  /** The verdict of each line; only sentences on `content` lines are article text. */
  readonly lines: readonly { readonly kind: string }[];
  /** Sentences in reading order with their compared form (normalised, spaces collapsed). */
  readonly sentences: readonly { readonly line: number; readonly text: string; readonly form: string }[];
  /** The page's function words (lower case), left out of shingles: "one of the" says nothing of a story. */
  readonly profile?: { readonly words: ReadonlySet<string> };
}

/** The stories of a corpus, and per source the index of its story. */
export interface StoryGrouping {
  /** Largest story first, ties by first source. Every source is in exactly one story. */
  readonly stories: readonly Story[];
  readonly storyOfSource: Int32Array;
  /**
   * Article forms (compared forms) whose sources fall into `chromeStories` or more stories:
   * recurring text, evidence of chrome. Each maps to its home, the story whose text it is (at
   * least half of that story's sources carry it), or -1 where it is no story's text.
   */
  readonly crossStoryForms: ReadonlyMap<string, number>;
}

/** Groups sources into stories (see the module comment for how and at what cost). */
export function findStories(sources: readonly StorySource[], options: StoryOptions = {}): StoryGrouping {
  const settings = {
    shingleWords: Math.max(1, options.shingleWords ?? 2),
    foundShingles: Math.max(1, options.foundShingles ?? 2),
    minSharedSentences: Math.max(1, options.minSharedSentences ?? 2),
    minSharedShare: options.minSharedShare ?? 0.2,
    window: Math.max(1, options.window ?? 16),
    chromeStories: Math.max(2, options.chromeStories ?? 3),
    firstPassShare: options.firstPassShare ?? 0.35,
    firstPassSentences: options.firstPassSentences ?? 8,
  };
  const index = new ShingleIndex(sources, settings.shingleWords);
  const n = sources.length;
  const noChrome = new Uint8Array(index.shingleCount);
  // The first pass asks for more shared text, so that recurring chrome and teasers cannot
  // join stories there; which stories that text then spans tells it apart.
  const first = index.components(
    noChrome,
    { ...settings, minSharedShare: Math.max(settings.minSharedShare, settings.firstPassShare) },
    settings.firstPassSentences,
  );
  const chrome = index.chromeShingles(first, settings.chromeStories);
  const storyOfComponent = index.components(chrome, settings, Number.MAX_SAFE_INTEGER);
  // Components numbered by their smallest source; stories ordered largest first.
  const members = new Map<number, number[]>();
  for (let s = 0; s < n; s++) {
    const root = storyOfComponent[s];
    const list = members.get(root);
    if (list) list.push(s);
    else members.set(root, [s]);
  }
  const lists = [...members.values()].sort((x, y) => y.length - x.length || x[0] - y[0]);
  const storyOfSource = new Int32Array(n);
  lists.forEach((list, story) => {
    for (const s of list) storyOfSource[s] = story;
  });
  const stories = lists.map(list => ({ title: index.title(list), sources: list }));
  const sizes = lists.map(list => list.length);
  return { stories, storyOfSource, crossStoryForms: index.crossStoryForms(storyOfSource, sizes, settings.chromeStories) };
}

type Settings = Required<StoryOptions>;

/** FNV-1a of a string, 32 bits. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** An open-addressing table from 32-bit keys to dense ids, in order of first insertion. */
class DenseIds {
  private keys: Uint32Array;
  private ids: Int32Array;
  size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
  }

  idOf(key: number): number {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let at = (Math.imul(key, 0x9e3779b1) >>> 0) & mask; ; at = (at + 1) & mask) {
      if (this.ids[at] < 0) {
        this.keys[at] = key;
        this.ids[at] = this.size;
        return this.size++;
      }
      if (this.keys[at] === key) return this.ids[at];
    }
  }

  private grow(): void {
    const keys = this.keys;
    const ids = this.ids;
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (ids[i] < 0) continue;
      let at = (Math.imul(keys[i], 0x9e3779b1) >>> 0) & mask;
      while (this.ids[at] >= 0) at = (at + 1) & mask;
      this.keys[at] = keys[i];
      this.ids[at] = ids[i];
    }
  }
}

/**
 * The corpus as distinct article sentences (forms) and their shingles, with an inverted index
 * from shingle to the sources carrying it in canonical order.
 */
class ShingleIndex {
  /** Per distinct form: its text, a sentence text carrying it, and its shingle ids (distinct). */
  private readonly formTexts: string[] = [];
  private readonly formSample: string[] = [];
  private readonly formShingles: Int32Array[] = [];
  /** Per source: its distinct forms with at least one shingle, and its distinct shingles. */
  private readonly sourceForms: Int32Array[];
  private readonly sourceShingles: Int32Array[];
  /** Per source: all its distinct article forms, short ones too. */
  private readonly sourceAllForms: Int32Array[] = [];
  /** Per source: its first article sentence's form (its headline as far as the page shows), or -1. */
  private readonly leadForm: Int32Array;
  /** Per source, its place in the canonical order, and the sources in that order. */
  private readonly rank: Int32Array;
  private readonly order: Int32Array;
  /** Shingle → sources, in canonical order (CSR). */
  private readonly postingStart: Int32Array;
  private readonly postings: Int32Array;
  readonly shingleCount: number;
  /** Scratch: per shingle, the pair being scored that last marked it. */
  private readonly mark: Int32Array;
  /** Scratch: per marked shingle, the place in the other source of the first sentence carrying it. */
  private readonly place: Int32Array;
  private readonly places: number[] = [];
  private readonly hitPlaces: number[] = [];
  private markValue = 0;

  constructor(
    private readonly sources: readonly StorySource[],
    shingleWords: number,
  ) {
    const formIds = new Map<string, number>();
    const shingleIds = new DenseIds(1 << 12);
    this.leadForm = new Int32Array(sources.length).fill(-1);
    this.sourceForms = sources.map((source, s) => {
      const own: number[] = [];
      const all: number[] = [];
      const seen = new Set<number>();
      for (const sentence of source.sentences) {
        if (source.lines[sentence.line]?.kind !== 'content') continue;
        let f = formIds.get(sentence.form);
        if (f === undefined) {
          formIds.set(sentence.form, (f = this.formTexts.length));
          this.formTexts.push(sentence.form);
          this.formSample.push(sentence.text);
          this.formShingles.push(shinglesOf(sentence.form, shingleWords, shingleIds, source.profile?.words));
        }
        if (this.leadForm[s] < 0) this.leadForm[s] = f;
        if (seen.has(f)) continue;
        seen.add(f);
        all.push(f);
        if (this.formShingles[f].length) own.push(f);
      }
      this.sourceAllForms.push(Int32Array.from(all));
      return Int32Array.from(own);
    });
    this.shingleCount = shingleIds.size;
    this.mark = new Int32Array(this.shingleCount);
    this.place = new Int32Array(this.shingleCount);
    const stamp = this.mark;
    this.sourceShingles = this.sourceForms.map((forms, s) => {
      const out: number[] = [];
      for (const f of forms) {
        for (const x of this.formShingles[f]) {
          if (stamp[x] !== s + 1) {
            stamp[x] = s + 1;
            out.push(x);
          }
        }
      }
      return Int32Array.from(out);
    });
    stamp.fill(0);
    const order = sources.map((_, s) => s).sort((x, y) => compareSources(sources[x], sources[y]) || x - y);
    this.order = Int32Array.from(order);
    this.rank = new Int32Array(sources.length);
    order.forEach((s, r) => (this.rank[s] = r));
    const count = new Int32Array(this.shingleCount + 1);
    for (const list of this.sourceShingles) for (const x of list) count[x + 1]++;
    for (let x = 0; x < this.shingleCount; x++) count[x + 1] += count[x];
    this.postingStart = count.slice();
    this.postings = new Int32Array(count[this.shingleCount]);
    const fill = count;
    for (const s of order) for (const x of this.sourceShingles[s]) this.postings[fill[x]++] = s;
  }

  /**
   * Per source, a number for its story (the smallest source of the component) when the pairs
   * are scored without the shingles flagged in `chrome`.
   */
  components(chrome: Uint8Array, settings: Settings, enoughSentences: number): Int32Array {
    const n = this.sources.length;
    const parent = new Int32Array(n);
    for (let s = 0; s < n; s++) parent[s] = s;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    // Identical texts are one story when they have any article sentence to go by.
    const byText = new Map<string, number>();
    for (let s = 0; s < n; s++) {
      if (!this.sourceForms[s].length) continue;
      const other = byText.get(this.sources[s].text);
      if (other === undefined) byText.set(this.sources[s].text, s);
      else union(other, s);
    }
    // Per source, the sources near it in its shingles' lists and how many shingles the two
    // share there; only those sharing enough are scored.
    const common = new Int32Array(n);
    const touched: number[] = [];
    const pass = this.passFacts(chrome, settings);
    const sentencesNeeded = (a: number, b: number) =>
      Math.max(settings.minSharedSentences, Math.ceil(settings.minSharedShare * Math.min(pass.of[a], pass.of[b])));
    // Sources are taken in the canonical order and paired with those after them in each list,
    // so the pairs met, and the result, do not depend on the order of the input.
    for (let r = 0; r < n; r++) {
      const a = this.order[r];
      const own = find(a);
      for (const x of this.sourceShingles[a]) {
        if (chrome[x]) continue;
        const end = this.postingStart[x + 1];
        // A shingle many sources carry (a story told a thousand times, or a site's chrome)
        // pairs each source with fewer neighbours: about window² pairs per list at most.
        // Neighbours already in the same story are passed over (within `window` places).
        const reach = Math.max(
          1,
          Math.min(settings.window, Math.floor((settings.window * settings.window) / (end - this.postingStart[x]))),
        );
        const at = this.placeIn(this.postingStart[x], end, a);
        let paired = 0;
        for (let j = at + 1; j < end && j <= at + settings.window && paired < reach; j++) {
          const b = this.postings[j];
          if (find(b) === own) continue;
          paired++;
          if (common[b]++ === 0) touched.push(b);
        }
      }
      touched.sort((x, y) => this.rank[x] - this.rank[y]);
      for (const b of touched) {
        // A found sentence shows `foundShingles` of its shingles (fewer only in very short ones).
        if (
          common[b] >= sentencesNeeded(a, b) * settings.foundShingles &&
          find(a) !== find(b) &&
          this.oneStory(a, b, pass, settings, enoughSentences)
        )
          union(a, b);
        common[b] = 0;
      }
      touched.length = 0;
    }
    const out = new Int32Array(n);
    for (let s = 0; s < n; s++) out[s] = find(s);
    return out;
  }

  /** The index of source `s` in the postings between `start` and `end` (ordered by rank). */
  private placeIn(start: number, end: number, s: number): number {
    const rank = this.rank[s];
    let lo = start;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rank[this.postings[mid]] < rank) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Shingles whose sources fall into `limit` or more of the given stories, none of which holds half of them. */
  chromeShingles(storyOf: Int32Array, limit: number): Uint8Array {
    const chrome = new Uint8Array(this.shingleCount);
    const seen = new Int32Array(this.sources.length).fill(-1);
    const count = new Int32Array(this.sources.length);
    for (let x = 0; x < this.shingleCount; x++) {
      const start = this.postingStart[x];
      const end = this.postingStart[x + 1];
      if (end - start < limit) continue;
      // A story's own text may span several first-pass stories where that pass left a large
      // story in pieces; it is chrome only where no one of them holds half its sources.
      let stories = 0;
      let most = 0;
      for (let i = start; i < end; i++) {
        const story = storyOf[this.postings[i]];
        if (seen[story] !== x) {
          seen[story] = x;
          count[story] = 0;
          stories++;
        }
        most = Math.max(most, ++count[story]);
      }
      if (stories >= limit && most * 2 < end - start) chrome[x] = 1;
    }
    return chrome;
  }

  /**
   * Article forms whose sources fall into `limit` or more stories, each with its home: the
   * story at least half of whose sources (and at least two) carry it, the most of them if
   * several do (ties: the story first in the canonical order), or -1.
   */
  crossStoryForms(storyOf: Int32Array, storySizes: readonly number[], limit: number): Map<string, number> {
    // Ties go to the story whose first source comes first in the canonical order.
    const storyRanks = new Int32Array(storySizes.length).fill(0x7fffffff);
    storyOf.forEach((story, s) => (storyRanks[story] = Math.min(storyRanks[story], this.rank[s])));
    const storiesOfForm = new Map<number, Map<number, number>>();
    this.sourceAllForms.forEach((forms, s) => {
      for (const f of forms) {
        let counts = storiesOfForm.get(f);
        if (!counts) storiesOfForm.set(f, (counts = new Map()));
        counts.set(storyOf[s], (counts.get(storyOf[s]) ?? 0) + 1);
      }
    });
    const out = new Map<string, number>();
    for (const [f, counts] of storiesOfForm) {
      if (counts.size < limit) continue;
      let home = -1;
      let most = 1;
      for (const [story, count] of counts) {
        if (count * 2 < storySizes[story]) continue;
        if (count > most || (count === most && home >= 0 && storyRanks[story] < storyRanks[home])) {
          home = story;
          most = count;
        }
      }
      out.set(this.formTexts[f], home);
    }
    return out;
  }

  /**
   * The story's best-supported headline: among its sources' first article sentences (the
   * `TITLE_CANDIDATES` most often first), the one most of its sources carry; ties go to the
   * one whose shingles most sources show, then to the source first in canonical order.
   * O(c·m·k) for c candidates, m sources and k shingles per source.
   */
  title(members: readonly number[]): string {
    const leads = new Map<number, { count: number; firstRank: number }>();
    for (const s of members) {
      const f = this.leadForm[s];
      if (f < 0) continue;
      const entry = leads.get(f);
      if (entry) {
        entry.count++;
        entry.firstRank = Math.min(entry.firstRank, this.rank[s]);
      } else leads.set(f, { count: 1, firstRank: this.rank[s] });
    }
    if (!leads.size) return '';
    const candidates = [...leads].sort((x, y) => y[1].count - x[1].count || x[1].firstRank - y[1].firstRank).slice(0, TITLE_CANDIDATES);
    const carried = new Map<number, number>(candidates.map(([f]) => [f, 0]));
    for (const s of members) {
      for (const f of this.sourceAllForms[s]) {
        const c = carried.get(f);
        if (c !== undefined) carried.set(f, c + 1);
      }
    }
    let best = -1;
    let bestKey: number[] = [];
    for (const [f, entry] of candidates) {
      const shown = this.formShingles[f].length ? members.filter(s => this.shows(s, f)).length : 0;
      const key = [carried.get(f)!, shown, -entry.firstRank];
      if (best < 0 || compareKeys(key, bestKey) > 0) {
        best = f;
        bestKey = key;
      }
    }
    return this.formSample[best].replace(/\s+/g, ' ').trim();
  }

  /** Whether source `s` carries at least half of the shingles of form `f`. */
  private shows(s: number, f: number): boolean {
    const shingles = this.formShingles[f];
    if (!shingles.length) return false;
    const value = ++this.markValue;
    for (const x of this.sourceShingles[s]) this.mark[x] = value;
    let hits = 0;
    for (const x of shingles) if (this.mark[x] === value) hits++;
    return hits * 2 >= shingles.length;
  }

  /**
   * What a pass needs of every form and source with `chrome` set aside: per form, the shingles
   * it has and how many must be found; per source, its sentences that have a shingle.
   */
  private passFacts(chrome: Uint8Array, settings: Settings): PassFacts {
    const forms = this.formShingles.length;
    const needed = new Int32Array(forms);
    for (let f = 0; f < forms; f++) {
      let total = 0;
      for (const x of this.formShingles[f]) if (!chrome[x]) total++;
      // A sentence of one or two content words ("Related stories") is no evidence.
      needed[f] = total >= 2 ? Math.min(settings.foundShingles, Math.ceil(total / 2)) : 0;
    }
    const of = Int32Array.from(this.sourceForms, list => list.reduce((count, f) => count + (needed[f] ? 1 : 0), 0));
    return { chrome, needed, of };
  }

  /** Whether sources `a` and `b` share enough article sentences, in one reading order, to be one story. */
  private oneStory(a: number, b: number, pass: PassFacts, settings: Settings, enoughSentences: number): boolean {
    const ab = this.found(a, b, pass);
    if (ab < settings.minSharedSentences) return false;
    const ba = this.found(b, a, pass);
    if (ba < settings.minSharedSentences) return false;
    // The side with fewer sentences decides; between sides of one size, the weaker evidence.
    const smaller = pass.of[a] < pass.of[b] ? ab : pass.of[b] < pass.of[a] ? ba : Math.min(ab, ba);
    return smaller >= settings.minSharedShare * Math.min(pass.of[a], pass.of[b]) || smaller >= enoughSentences;
  }

  /**
   * How many of the sentences of `a` (those with a shingle outside the pass's chrome) are
   * found in `b` in the order they stand in `a` (the longest run whose places in `b` do not go
   * back). Teasers stand where a page lists other stories, out of the shared order: the
   * headline of `b` teased at the foot of `a`, and the headline of `a` at the foot of `b`,
   * cross each other and count once. O(a + b) shingles.
   */
  private found(a: number, b: number, pass: PassFacts): number {
    const value = ++this.markValue;
    const { mark, place } = this;
    const formsOfB = this.sourceForms[b];
    for (let i = 0; i < formsOfB.length; i++) {
      const shingles = this.formShingles[formsOfB[i]];
      for (let k = 0; k < shingles.length; k++) {
        const x = shingles[k];
        if (mark[x] === value || pass.chrome[x]) continue;
        mark[x] = value;
        place[x] = i;
      }
    }
    const places = this.places;
    places.length = 0;
    const formsOfA = this.sourceForms[a];
    let teaserAt = -2;
    let teaserPlace = -2;
    for (let i = 0; i < formsOfA.length; i++) {
      const f = formsOfA[i];
      const needed = pass.needed[f];
      if (!needed) continue;
      const shingles = this.formShingles[f];
      // Where it stands in `b`: the place most of its shingles point to (the latest of them on
      // a tie), since shingles common to many sentences are first met early.
      const hitPlaces = this.hitPlaces;
      hitPlaces.length = 0;
      for (let k = 0; k < shingles.length; k++) {
        const x = shingles[k];
        if (mark[x] === value) hitPlaces.push(place[x]);
      }
      if (hitPlaces.length < needed) continue;
      const first = modeOf(hitPlaces);
      // A headline stands at the top of every version of its story. One found further down
      // is a teaser (the headline of `b` in a list of links on `a`, or the headline of `a`
      // in one on `b`), and the sentence found right after it, right after it there too, is
      // the teaser's standfirst.
      if (i === teaserAt + 1 && first === teaserPlace + 1) continue;
      if ((first === 0 && i > HEADLINE_REACH) || (i === 0 && first > HEADLINE_REACH)) {
        teaserAt = i;
        teaserPlace = first;
        continue;
      }
      places.push(first);
    }
    return longestNonDecreasing(places);
  }
}

/** Per pass: the chrome set aside, per form the shingles to find (0: not evidence), per source its sentences that count. */
interface PassFacts {
  readonly chrome: Uint8Array;
  readonly needed: Int32Array;
  readonly of: Int32Array;
}

/** The most frequent value (the largest on a tie); sorts `values`. */
function modeOf(values: number[]): number {
  values.sort((x, y) => x - y);
  let best = values[0];
  let bestRun = 0;
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j < values.length && values[j] === values[i]) j++;
    if (j - i >= bestRun) {
      best = values[i];
      bestRun = j - i;
    }
    i = j;
  }
  return best;
}

/** Length of the longest non-decreasing subsequence. O(n log n). */
function longestNonDecreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

const TITLE_CANDIDATES = 8;
/** A headline found within this many sentences of the top is a headline, not a teaser. */
const HEADLINE_REACH = 2;

function compareKeys(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

function compareSources(x: StorySource, y: StorySource): number {
  if (x.hash !== y.hash) return x.hash < y.hash ? -1 : 1;
  return x.text < y.text ? -1 : x.text > y.text ? 1 : 0;
}

/** The distinct shingle ids of a compared form: every run of `size` consecutive words, function words left out. */
function shinglesOf(form: string, size: number, ids: DenseIds, functionWords: ReadonlySet<string> | undefined): Int32Array {
  const all = words(form);
  let count = 0;
  for (const w of all) {
    if (functionWords?.has(w)) continue;
    if (count === wordHashes.length) wordHashes = growInt32(wordHashes);
    wordHashes[count++] = hashString(w);
  }
  if (count < size) return EMPTY;
  const out = new Int32Array(count - size + 1);
  let distinct = 0;
  for (let i = 0; i + size <= count; i++) {
    let h = 0x2545f491;
    for (let k = 0; k < size; k++) h = Math.imul(h ^ wordHashes[i + k], 0x01000193) + k;
    const id = ids.idOf(h >>> 0);
    // Sentences are short: a scan finds a repeat sooner than a set would.
    let seen = false;
    for (let j = 0; j < distinct && !seen; j++) seen = out[j] === id;
    if (!seen) out[distinct++] = id;
  }
  return distinct === out.length ? out : out.slice(0, distinct);
}

const EMPTY = new Int32Array(0);
/** Scratch: the hashes of one sentence's content words. */
let wordHashes: Int32Array = new Int32Array(256);

function growInt32(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}
