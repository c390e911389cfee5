/**
 * The evidence that two sources tell one story: their article sentences found in each other,
 * in one reading order, with teasers (headlines of other stories in a list of links) set aside.
 */
import { MAX_SPAN } from './spans';
import { EVIDENCE_SHINGLES, StoryIndex } from './storyIndex';
import { PageNames, aboutDifferentProtagonists, pageNames } from './storyProtagonists';
import { endsWithStop } from './text';

/** The thresholds a pass decides with (see `StoryOptions`). */
export interface EvidenceSettings {
  readonly foundShingles: number;
  readonly minSharedSentences: number;
  readonly minSharedShare: number;
  /** Whether the share is of a source's own sentences (`ownSentences`), not of all that count. */
  readonly ownShare?: boolean;
}

/** Per pass: the chrome set aside, per form the shingles to find (0: not evidence), per source its sentences that count. */
export interface PassFacts {
  readonly chrome: Uint8Array;
  readonly needed: Int32Array;
  readonly of: Int32Array;
  /**
   * Per form, 1 where it keeps its place among the sentences that count but is evidence on
   * neither side of a pair: it is not looked for in the other source, and its shingles there
   * find nothing (the template `templateForms` has found so far); none where absent.
   */
  readonly ignored?: Uint8Array;
}

/**
 * What a pass needs of every form and source with the shingles flagged in `chrome` and the
 * forms flagged in `setAside` (a site's template, `templateForms`) set aside: per form, how
 * many of its shingles must be found (a sentence of one or two content words, "Related
 * stories", is no evidence); per source, its sentences that count. O(F·k + n).
 */
export function passFacts(index: StoryIndex, chrome: Uint8Array, foundShingles: number, setAside?: Uint8Array): PassFacts {
  const forms = index.formShingles.length;
  const needed = new Int32Array(forms);
  for (let f = 0; f < forms; f++) {
    if (setAside?.[f]) continue;
    let total = 0;
    for (const x of index.formShingles[f]) if (!chrome[x]) total++;
    needed[f] = total >= EVIDENCE_SHINGLES ? Math.min(foundShingles, Math.ceil(total / 2)) : 0;
  }
  const of = Int32Array.from(index.sourceForms, list => list.reduce((count, f) => count + (needed[f] ? 1 : 0), 0));
  return { chrome, needed, of };
}

/**
 * Per distinct article sentence of source `s` (`sourceAllForms`), whether the source states it
 * as its own in `pass`, for `storyProtagonists.ts`: it counts there, is not ignored, and is no
 * source's opening (`openingForms`: any page's first `OPENING_SENTENCES` that count) standing
 * below the source's own first `OPENING_SENTENCES` that count, where a list of related links
 * quotes another story's headline and lede. Counted as `openingForms` counts. O(F) for F forms
 * of the source.
 */
function statedSentencesOf(index: StoryIndex, pass: PassFacts, s: number): Uint8Array {
  const openings = openingForms(index, pass);
  const forms = index.sourceAllForms[s];
  const stated = new Uint8Array(forms.length);
  for (let i = 0, counted = 0; i < forms.length; i++) {
    const f = forms[i];
    if (!pass.needed[f]) continue;
    const below = counted++ >= OPENING_SENTENCES;
    if (!pass.ignored?.[f] && !(below && openings[f] & OPENING)) stated[i] = 1;
  }
  return stated;
}

/** How many of a source's first sentences open it: its headline and the lede under it. */
const OPENING_SENTENCES = 2;

/** A bit of `openingForms`: the form is the first sentence of some source. */
export const HEADLINE = 1;
/** A bit of `openingForms`: the form is among the first `OPENING_SENTENCES` of some source. */
export const OPENING = 2;

/**
 * `openingForms` per pass and number of sentences to follow, worked out once. Kept by the
 * pass's `needed` (its `of` follows from it), all they read: a pass that only ignores more
 * forms (`ignored`) shares both.
 */
const openingsOfPass = new WeakMap<Int32Array, Map<number, Uint8Array>>();

/**
 * Per form, how it opens some source among the sentences that count in `pass` (so a site's
 * name of one shingle above the headline, or its template set aside, does not): `HEADLINE`
 * where it is a source's first, `OPENING` where it is one of its first `OPENING_SENTENCES`;
 * with `following`, only where at least that many sentences that count follow it there. O(T)
 * for T sentences of all sources, once per pass and `following`.
 */
export function openingForms(index: StoryIndex, pass: PassFacts, following = 0, sentences = OPENING_SENTENCES): Uint8Array {
  let byFollowing = openingsOfPass.get(pass.needed);
  if (!byFollowing) openingsOfPass.set(pass.needed, (byFollowing = new Map()));
  const key = following * 16 + sentences;
  const kept = byFollowing.get(key);
  if (kept) return kept;
  const openings = new Uint8Array(index.formShingles.length);
  for (let s = 0; s < index.sources.length; s++)
    forEachOpening(index, pass, s, following, sentences, (f, counted) => (openings[f] |= counted === 0 ? HEADLINE | OPENING : OPENING));
  byFollowing.set(key, openings);
  return openings;
}

/**
 * Hands `visit` each form that opens source `s` among the sentences that count in `pass`, with
 * its place among them: its first `sentences` that count, each with at least `following` more
 * that count after it there (as `openingForms` reads an opening). O(F) for F forms of the source.
 */
export function forEachOpening(
  index: StoryIndex,
  pass: PassFacts,
  s: number,
  following: number,
  sentences: number,
  visit: (form: number, counted: number) => void,
): void {
  const forms = index.sourceForms[s];
  const total = pass.of[s];
  for (let i = 0, counted = 0; i < forms.length && counted < sentences && counted + following < total; i++) {
    const f = forms[i];
    if (!pass.needed[f]) continue;
    visit(f, counted++);
  }
}

/**
 * Past this many shingles besides those of the opening it repeats, a form is a sentence of its
 * own: a list's number or a one-word label adds one shingle, a time ("12:45") two.
 */
const MARK_SHINGLES = 3;

/** `markedOpenings` per pass, worked out once, kept by the pass's `needed` as `openingsOfPass` is. */
const markedOfPass = new WeakMap<Int32Array, Uint8Array>();

/**
 * `openingForms(index, pass)`, with the headline each page's verdicts mark (`leadText`) given
 * `HEADLINE` and `OPENING` where it counts (a line of chrome that counts may stand above it),
 * and each form that repeats an opening under a mark given that opening's bits: a list's number, a section label, a time or a note ("1. Headline", "VIDEO:
 * Headline", "12:45 Headline", "Headline (photos)"), as a box of the most read stories teases
 * them. A form repeats opening g when, from where g's first shingle stands in it, g's shingles
 * follow in order for three quarters of g or more (a teaser may cut the headline short; a word
 * changed before that point, or the words in another order, make other shingles), it holds no
 * other shingle of g (`sharesPast`), and it holds fewer other shingles than that run, at most
 * `MARK_SHINGLES` (a mark is smaller than what it marks). A lede is an opening too, so a lede
 * reworded in its last quarter is read as that lede under a mark. A form that is an opening
 * itself keeps its own bits: on its own page it is what it is. `PairEvidence.found` reads
 * teasers by it; the rules that keep a story's opening from being taken for chrome read the
 * exact forms. Candidates are the openings whose first two shingles stand side by side in the
 * form (a run holds two at least). O(F·k + m·k) for F forms of k shingles and m openings met by
 * a pair of their shingles, once per pass.
 */
export function markedOpenings(index: StoryIndex, pass: PassFacts): Uint8Array {
  let marked = markedOfPass.get(pass.needed);
  if (marked) return marked;
  const openings = Uint8Array.from(openingForms(index, pass));
  // For teasers, the headline a page's verdicts mark (`leadText`) opens its story too, where a
  // line of chrome that counts stands above it; the rules that keep openings from being taken
  // for chrome read `openingForms` alone.
  index.leadForm.forEach((f, s) => {
    if (f >= 0 && index.leadText[s] && pass.needed[f]) openings[f] |= HEADLINE | OPENING;
  });
  marked = Uint8Array.from(openings);
  // The openings by their first two shingles, as one key (shingle ids are below `shingleCount`).
  const pairKey = (first: number, second: number) => first * index.shingleCount + second;
  const byLead = new Map<number, number[]>();
  openings.forEach((bits, g) => {
    const shingles = index.formShingles[g];
    if (!bits || shingles.length < 2) return;
    const key = pairKey(shingles[0], shingles[1]);
    const list = byLead.get(key);
    if (list) list.push(g);
    else byLead.set(key, [g]);
  });
  for (let f = 0; f < openings.length && byLead.size; f++) {
    if (openings[f] || !pass.needed[f]) continue;
    const shingles = index.formShingles[f];
    for (let start = 0; start + 1 < shingles.length; start++) {
      const candidates = byLead.get(pairKey(shingles[start], shingles[start + 1]));
      if (!candidates) continue;
      for (const g of candidates) {
        const opening = index.formShingles[g];
        let run = 2;
        while (run < opening.length && start + run < shingles.length && shingles[start + run] === opening[run]) run++;
        const others = shingles.length - run;
        if (4 * run >= 3 * opening.length && others < run && others <= MARK_SHINGLES && !sharesPast(shingles, opening, run))
          marked[f] |= openings[g];
      }
    }
  }
  markedOfPass.set(pass.needed, marked);
  return marked;
}

/**
 * Whether `form` holds any shingle of `opening` past its first `run`: a sentence that also
 * carries the rest of the opening, out of its order, restates the opening in words of its
 * own rather than cuts it short. O(r · f) for r shingles past the run and f of the form.
 */
function sharesPast(form: Int32Array, opening: Int32Array, run: number): boolean {
  for (let k = run; k < opening.length; k++) if (form.includes(opening[k])) return true;
  return false;
}

/** `ownSentences` per pass, worked out once. */
const ownOfPass = new WeakMap<PassFacts, Int32Array>();

/**
 * Per source, its sentences that count in `pass` less its teased headlines: the first sentences of
 * sources (`markedOpenings`, under a mark or not) that stand more than `HEADLINE_REACH` counted
 * sentences down. `PairEvidence.found` never counts them as found (it reads "down" by every
 * sentence with a shingle, so it sets aside these and a few more), and a box of most-read stories
 * under a short version would otherwise take the share of it found in another version below
 * `minSharedShare`; the share is of the rest (at least 1). Ledes stay counted: a page that keeps
 * one sentence of its story and no headline makes the site's newsletter line its lede, and two such
 * pages must not join on the site's template. O(T) for T sentences of all sources, once per pass.
 */
export function ownSentences(index: StoryIndex, pass: PassFacts): Int32Array {
  let own = ownOfPass.get(pass);
  if (own) return own;
  const openings = markedOpenings(index, pass);
  own = Int32Array.from(index.sourceForms, (forms, s) => {
    let teasers = 0;
    for (let i = 0, counted = 0; i < forms.length; i++) {
      const f = forms[i];
      if (!pass.needed[f]) continue;
      if (counted++ > HEADLINE_REACH && openings[f] & HEADLINE) teasers++;
    }
    return Math.max(1, pass.of[s] - teasers);
  });
  ownOfPass.set(pass, own);
  return own;
}

/** Per source, the sentences a share of it is taken of: its own with `settings.ownShare`, else all that count. */
export function sharedOf(index: StoryIndex, pass: PassFacts, settings: EvidenceSettings): Int32Array {
  return settings.ownShare ? ownSentences(index, pass) : pass.of;
}

/**
 * Scores pairs of sources of one index. Holds scratch arrays sized by the shingles, so one
 * scorer serves every pair of a pass: O(a + b) shingles per pair (plus the shingles of the up
 * to `CARRIER_HITS` sentences of `b` a sentence's shingles are first met in, where they point to
 * more than one: `carrierOf`), no allocation past the first `MARKED_SOURCES` sources marked.
 * What it found for a pair is kept per pass, so a pass handed the same facts again (a second
 * pass with no chrome set aside) reads each pair's count once; and the last `MARKED_SOURCES`
 * sources marked as the second of a pair stay marked (`markedSource`), as a pair is read both
 * ways and a source is read against one neighbour after another.
 */
export class PairEvidence {
  /** Per shingle, the question (`protagonistSentencesFound`, `shows`) that last marked it. */
  private readonly mark: Int32Array;
  /** The sources `found` marked last, the latest first (see `SourceMarks`). */
  private readonly marked: SourceMarks[] = [];
  /** Per shingle, the sentence being placed (`carrierOf`) that last marked it as one of its hits. */
  private readonly hitMarks: HitMarks;
  // The scratch arrays below are sized once, by the longest source and form, and read up to a
  // length `found` keeps: emptied and refilled as plain arrays for every pair, they were the
  // largest allocation of a whole analysis (185 of 1,146 MB on 1,000 versions).
  private readonly places: Int32Array;
  /** Per place in `places`, the sentence found there: its place among those of the first source that count. */
  private readonly foundAt: Int32Array;
  /** Per place in `places`, the sentences that count before it in `b`. */
  private readonly countedPlaces: Int32Array;
  private readonly hitPlaces: Int32Array;
  /** Per hit in `hitPlaces`, the shingle that hit. */
  private readonly hitShingles: Int32Array;
  /** `longestNonDecreasing`'s scratch. */
  private readonly tails: Int32Array;
  /** Per place in the second source, the pair being scored that last found a sentence there (`carried` counts them). */
  private readonly carriedMark: Int32Array;
  /** Per place in the second source, how many sentences of the first the pair being scored found there. */
  private readonly carried: Int32Array;
  /** Per place in `places`, 1 where the sentence found there is found by its words, names set aside. */
  private readonly foundByWord: Uint8Array;
  private markValue = 0;
  /** Counts the pairs `found` reads: `carriedMark` holds the count of the pair that last wrote there. */
  private pairValue = 0;
  /** Per pass, each source's names and protagonists once asked for. */
  private readonly protagonistsOfPass = new WeakMap<PassFacts, (PageNames | undefined)[]>();
  /** Per pass, the count `found` gave for each ordered pair (by `a · n + b`). */
  private readonly foundOf = new WeakMap<PassFacts, Map<number, number>>();

  constructor(private readonly index: StoryIndex) {
    this.mark = new Int32Array(index.shingleCount);
    this.hitMarks = { marks: new Int32Array(index.shingleCount), value: 0 };
    const longestSource = index.sourceForms.reduce((most, forms) => Math.max(most, forms.length), 0);
    const longestForm = index.formShingles.reduce((most, shingles) => Math.max(most, shingles.length), 0);
    this.places = new Int32Array(longestSource);
    this.foundAt = new Int32Array(longestSource);
    this.countedPlaces = new Int32Array(longestSource);
    this.tails = new Int32Array(longestSource);
    this.carriedMark = new Int32Array(longestSource);
    this.carried = new Int32Array(longestSource);
    this.foundByWord = new Uint8Array(longestSource);
    this.hitPlaces = new Int32Array(longestForm);
    this.hitShingles = new Int32Array(longestForm);
  }

  /**
   * Whether sources `a` and `b` share enough article sentences, in one reading order, to be
   * one story: each side has `minSharedSentences` found in the other, and the side with fewer
   * sentences of its own (`ownSentences`) has `minSharedShare` of them found (or
   * `enoughSentences`, whatever the share). With `ownShare` (the final pass), two sources cut
   * from one mould, about different protagonists, are not, whatever they share.
   */
  oneStory(a: number, b: number, pass: PassFacts, settings: EvidenceSettings, enoughSentences: number): boolean {
    if (settings.ownShare && this.aboutDifferentProtagonists(a, b, pass)) return false;
    const smaller = this.smallerFound(a, b, pass, settings);
    const own = sharedOf(this.index, pass, settings);
    return smaller >= 0 && (smaller >= settings.minSharedShare * Math.min(own[a], own[b]) || smaller >= enoughSentences);
  }

  /**
   * Whether `a` and `b` are about different protagonists (`storyProtagonists.ts`) and cut from
   * one mould. Each is read by the sentences it states as its own in `pass`
   * (`statedSentencesOf`), for its protagonists and for the names it states: chrome set aside (a
   * site's name in its newsletter line and footer) and forms the pass ignores name no one, nor
   * does another story's opening teased down the page (a snippet under a related link). Cut
   * from one mould: on each page, a sentence that holds its protagonist is found in the other
   * (by as many of its shingles as `found` needs, wherever they stand), there without that
   * name. Versions of one story whose outlets each quote their own people share the story's
   * statements, not those quotes. Each source's names are worked out once per pass. O(a + b)
   * shingles where the names differ.
   */
  private aboutDifferentProtagonists(a: number, b: number, pass: PassFacts): boolean {
    let ofPass = this.protagonistsOfPass.get(pass);
    if (!ofPass) this.protagonistsOfPass.set(pass, (ofPass = new Array(this.index.sources.length)));
    const of = (s: number) =>
      (ofPass[s] ??= pageNames(this.index.formNames, this.index.sourceAllForms[s], statedSentencesOf(this.index, pass, s)));
    const x = of(a);
    const y = of(b);
    return (
      aboutDifferentProtagonists(x, y) &&
      this.protagonistSentencesFound(a, x, b, pass) > 0 &&
      this.protagonistSentencesFound(b, y, a, pass) > 0
    );
  }

  /**
   * How many of the sentences of `a` that hold its protagonists (`names`) are found in `b` by
   * their shingles, outside the chrome and the forms the pass ignores. O(a + b) shingles.
   */
  private protagonistSentencesFound(a: number, names: PageNames, b: number, pass: PassFacts): number {
    const value = ++this.markValue;
    const { mark, index } = this;
    for (const g of index.sourceForms[b])
      if (!pass.ignored?.[g]) for (const x of index.formShingles[g]) if (!pass.chrome[x]) mark[x] = value;
    const forms = index.sourceAllForms[a];
    let count = 0;
    for (const i of names.protagonistSentences) {
      const f = forms[i];
      let hits = 0;
      for (const x of index.formShingles[f]) if (mark[x] === value) hits++;
      if (hits >= pass.needed[f]) count++;
    }
    return count;
  }

  /** How strongly a pair that `oneStory` accepts is one story: the share of the smaller side's own sentences found in the other. */
  strength(a: number, b: number, pass: PassFacts, settings: EvidenceSettings): number {
    const smaller = this.smallerFound(a, b, pass, settings);
    const own = sharedOf(this.index, pass, settings);
    return Math.min(1, Math.max(0, smaller) / Math.max(1, Math.min(own[a], own[b])));
  }

  /** The sentences of the side with fewer found in the other, or -1 when a side has fewer than `minSharedSentences` found. */
  private smallerFound(a: number, b: number, pass: PassFacts, settings: EvidenceSettings): number {
    const ab = this.keptFound(a, b, pass);
    if (ab < settings.minSharedSentences) return -1;
    const ba = this.keptFound(b, a, pass);
    if (ba < settings.minSharedSentences) return -1;
    // The side with fewer sentences decides; between sides of one size, the weaker evidence.
    const own = sharedOf(this.index, pass, settings);
    return own[a] < own[b] ? ab : own[b] < own[a] ? ba : Math.min(ab, ba);
  }

  /** `found(a, b, pass)`, worked out once per pass. */
  private keptFound(a: number, b: number, pass: PassFacts): number {
    let kept = this.foundOf.get(pass);
    if (!kept) this.foundOf.set(pass, (kept = new Map()));
    const key = a * this.index.sources.length + b;
    let count = kept.get(key);
    if (count === undefined) kept.set(key, (count = this.found(a, b, pass)));
    return count;
  }

  /** Whether source `s` carries at least half of the shingles of form `f`. O(s + f) shingles. */
  shows(s: number, f: number): boolean {
    const shingles = this.index.formShingles[f];
    if (!shingles.length) return false;
    const value = ++this.markValue;
    for (const x of this.index.sourceShingles[s]) this.mark[x] = value;
    let hits = 0;
    for (const x of shingles) if (this.mark[x] === value) hits++;
    return hits * 2 >= shingles.length;
  }

  /**
   * How many of the sentences of `a` that count in `pass` are found in `b` in one reading
   * order, teasers set aside, at most `MAX_SPAN` in one sentence of `b` (see `found`); kept per
   * pass. O(a + b) shingles (see the class).
   */
  foundInOrder(a: number, b: number, pass: PassFacts): number {
    return this.keptFound(a, b, pass);
  }

  /**
   * How many of the sentences of `a` that count in the pass (2 shingles or more outside its
   * chrome, not set aside) are found in `b` in the order they stand in `a` (the longest run
   * whose places in `b` do not go back). Teasers stand where a page lists other stories, out of
   * the shared order: the headline of `b` teased at the foot of `a`, and the headline of `a` at
   * the foot of `b`, cross each other and count once; a teased headline and the sentence under
   * it (two, below the top of both pages: `SNIPPET_SENTENCES`) count none. A sentence that ends
   * with a stop, is the first that counts on one page and the first or second on the other, is
   * the lede of the page it opens (a brief whose headline the page alone reads as chrome): it
   * counts, and the sentence after it is no standfirst. Two pages of one site end alike (a
   * footer or a comment prompt read as article text), and may open alike too (a tagline under
   * the site's name): where all they share is a run of sentences that closes both, perhaps
   * after a run that opens both, sentence for sentence among those that count, and that is the
   * smaller part of each, it is their template, and counts none (a reprint under another
   * headline shares most of its page; see `framesBoth`). Where all they share is titles (no stop at the end)
   * more than `HEADLINE_REACH` sentences that count down on both pages, each perhaps with up to
   * `SNIPPET_SENTENCES` sentences right under it on both, they list teasers of the same
   * stories, and share none: a headline stands at the top of its story's pages, and the teased
   * story may have no page here whose opening would mark it. (A piece cut into sections of two
   * sentences or fewer under subheadings without stops, printed under two different tops, reads
   * so too: a section of three sentences counts.) Where no sentence found would be found with
   * the name shingles set aside (`StoryIndex.nameShingle`), the two name the same people, places
   * and bodies and state nothing in common (follow-ups of one subject): they share none; and a
   * sentence found by its names alone (no run of its words met in `b`) is found only where the
   * sentence of `b` it stands at (`carrierOf`) names them together, unless `b` prints it word
   * for word. O(a + b) shingles, `carrierOf`'s part, and O(n · t) per sentence found by its n
   * names alone at a sentence of t shingles. One sentence of `b` carries at most `MAX_SPAN` of
   * the sentences found (the first in `a`'s order), as a sentence merges at most three; the
   * rest found there count none, and a sentence found by its words must be among those kept.
   */
  private found(a: number, b: number, pass: PassFacts): number {
    const { index } = this;
    const formsOfB = index.sourceForms[b];
    const marks = this.markedSource(b, pass);
    const { mark, place, formMark, formPlace, countedBefore, headline: headlineOfB, value } = marks;
    const pairValue = ++this.pairValue;
    const { places, foundAt, countedPlaces, hitPlaces, hitShingles } = this;
    // How many places `places`, `foundAt` and `countedPlaces` hold.
    let foundCount = 0;
    const openings = markedOpenings(index, pass);
    const formsOfA = index.sourceForms[a];
    let teaserAt = -2;
    let teaserPlace = -2;
    // How many more sentences the teaser last found may quote (see `SNIPPET_SENTENCES`).
    let snippetLeft = 0;
    // Whether every sentence found so far is a title more than HEADLINE_REACH sentences that
    // count down on both pages, or one of up to SNIPPET_SENTENCES sentences right under such a
    // title on both: teasers of stories that may have no page here whose opening would mark
    // them. `titleRunAt` and `titleRunPlace`: where the last sentence of such a run stands on
    // each page (among the sentences that count); `titleSnippetLeft`: how many more sentences
    // right under it may still be its title's snippet.
    let onlyTitleRuns = true;
    // Whether a sentence found (teasers aside) is found by its shingles of words alone, names set aside.
    let foundByWords = false;
    let titleRunAt = -2;
    let titleRunPlace = -2;
    let titleSnippetLeft = 0;
    // The same for `a`.
    const markedA = index.leadText[a] ? index.leadForm[a] : -1;
    let headlineOfA = -1;
    for (let i = 0, counted = -1; i < formsOfA.length; i++) {
      const f = formsOfA[i];
      const needed = pass.needed[f];
      if (!needed) continue;
      counted++;
      if (f === markedA) headlineOfA = counted;
      if (pass.ignored?.[f]) continue;
      const shingles = index.formShingles[f];
      // Where it stands in `b`: among the places its shingles are first met, the sentence that
      // carries most of them (the latest on a tie, since shingles common to many sentences are
      // first met early). A shingle first met in a sentence above the one that carries the
      // rest (a name in the headline) does not move it there.
      let hits = 0;
      let wordHits = 0;
      for (let k = 0; k < shingles.length; k++) {
        const x = shingles[k];
        if (mark[x] !== value) continue;
        if (!index.nameShingle[x]) wordHits++;
        hitShingles[hits] = x;
        hitPlaces[hits++] = place[x];
      }
      if (hits < needed) continue;
      let first = carrierOf(hitPlaces, hitShingles, hits, formsOfB, index.formShingles, this.hitMarks);
      // Found by its names alone (no run of its words met in `b`), a sentence is found only where
      // `b` prints it word for word or the sentence of `b` it stands at names them together: a
      // follow-up of one subject names the same people, places and bodies all over, two of them
      // in one sentence here, and there each where it first stands in a sentence of its own.
      // (Asked of every sentence with too few runs of words, it put apart two reworded versions
      // of one wire story.)
      const namedApart =
        wordHits === 0 && formMark[f] !== value && shinglesCarried(index.formShingles[formsOfB[first]], hitShingles, hits) < needed;
      if (namedApart) continue;
      // Where that goes back in the reading order and `b` prints the sentence word for word
      // where the order goes on, it stands there: in a long list whose lines share most of their
      // words, every shingle of a line is first met lines above it, and no two versions of the
      // list would read in one order. (Elsewhere the place its shingles give is kept: a box at
      // the foot of a page may quote word for word a lede the page itself rewords.)
      const last = foundCount > 0 ? places[foundCount - 1] : -1;
      if (first < last && formMark[f] === value && formPlace[f] >= last) first = formPlace[f];
      // A headline stands at the top of every version of its story. One found further down
      // on either side is a teaser, and the sentence found right after it, right after it
      // there too, is the teaser's standfirst. A headline is the first sentence of `a`, of `b`
      // or of any other source, under a mark or not (`markedOpenings`): the headline of `b` in
      // a list of links on `a` (or of `a` on `b`), or of a third story that both carry a teaser
      // of. The pages of the story it heads may put a line of chrome read as article text above
      // it, so it need not open `b`.
      // Next to it means next among the sentences that count: a one-shingle byline may stand between.
      if (counted === teaserAt + 1 && countedBefore[first] === teaserPlace + 1) {
        // Below the top of both pages, a teaser may quote more of its story's first paragraph
        // (see `SNIPPET_SENTENCES`): what follows it on both, in one run, is its snippet.
        if (--snippetLeft > 0) {
          teaserAt = counted;
          teaserPlace = countedBefore[first];
        }
        continue;
      }
      // "Down" here is by every sentence with a shingle, as before the counted places above:
      // counted ones read more pages' own headlines as teasers (docs/accuracy.md, "Short
      // pages on one site", has the figures).
      const belowEitherTop = i > HEADLINE_REACH || first > HEADLINE_REACH;
      // The opening of a third story (its headline or lede) below the top of both pages is its
      // teaser on both, also where a page reads the teaser's headline as chrome.
      const belowBothTops = counted > HEADLINE_REACH && countedBefore[first] > HEADLINE_REACH;
      const openingBelowBoth = openings[f] & OPENING && belowBothTops;
      const takenForTeaser = (belowEitherTop && (first === 0 || i === 0 || openings[f] & HEADLINE)) || openingBelowBoth;
      // A sentence that is the first that counts on one page and among the first
      // OPENING_SENTENCES on the other opens both: where a brief's headline was read as chrome,
      // its lede is its first sentence, and stands under the headline on the story's other pages
      // (below their site name and byline, so past HEADLINE_REACH by every sentence with a
      // shingle). The rule is kept to sentences that end with a stop: a title in that place may
      // be a teaser's headline that opens a page of no text of its own. A headline that ends
      // with "?" or "!" passes; a teaser's snippet that a page opens with, its headline read as
      // chrome, counts too, and the pairing's guards against one page bridging two stories
      // (`storyComponents`) are left to keep it from joining them. Asked only of a sentence the
      // teaser rule takes, as the stop is read from its text.
      const opensBoth =
        takenForTeaser &&
        Math.min(counted, countedBefore[first]) === 0 &&
        Math.max(counted, countedBefore[first]) < OPENING_SENTENCES &&
        endsWithStop(index.formTexts[f]);
      if (takenForTeaser && !opensBoth) {
        teaserAt = counted;
        teaserPlace = countedBefore[first];
        snippetLeft = belowBothTops ? SNIPPET_SENTENCES : 1;
        continue;
      }
      if (onlyTitleRuns) {
        // A title right under another title heads a teaser of its own (a list of headlines).
        if (belowBothTops && !endsWithStop(index.formTexts[f])) titleSnippetLeft = SNIPPET_SENTENCES;
        else if (counted === titleRunAt + 1 && countedBefore[first] === titleRunPlace + 1 && titleSnippetLeft > 0) titleSnippetLeft--;
        else onlyTitleRuns = false;
        titleRunAt = counted;
        titleRunPlace = countedBefore[first];
      }
      // A title of a run of titles down both pages (see above) is no statement of either.
      const byWords = wordHits >= needed && !onlyTitleRuns;
      if (byWords) foundByWords = true;
      this.foundByWord[foundCount] = byWords ? 1 : 0;
      places[foundCount] = first;
      foundAt[foundCount] = counted;
      countedPlaces[foundCount] = countedBefore[first];
      foundCount++;
    }
    if (onlyTitleRuns || !foundByWords) return 0;
    const headedBelow = (opening: number) =>
      headlineUnderRun(index, formsOfA, pass.needed, opening) && headlineUnderRun(index, formsOfB, pass.needed, opening);
    if (framesBoth(countedPlaces, foundAt, foundCount, pass.of[a], pass.of[b], headlineOfA, headlineOfB, headedBelow)) return 0;
    // One sentence of `b` carries at most `MAX_SPAN` of `a`'s, as a bead of the alignment holds
    // (a sentence that merges two or three): the rest found there share its names, not its
    // statement (a follow-up's sentences that each name the same people and places).
    // Found by words still means among the sentences kept.
    let kept = 0;
    let keptByWords = false;
    for (let k = 0; k < foundCount; k++) {
      const at = places[k];
      if (this.carriedMark[at] !== pairValue) {
        this.carriedMark[at] = pairValue;
        this.carried[at] = 0;
      }
      if (++this.carried[at] > MAX_SPAN) continue;
      places[kept++] = at;
      keptByWords ||= this.foundByWord[k] === 1;
    }
    return keptByWords ? longestNonDecreasing(places, kept, this.tails) : 0;
  }

  /**
   * Source `b` marked as `found` reads the second source of a pair in `pass`: each shingle
   * outside the chrome, of a sentence the pass does not ignore, with the place of the first
   * sentence carrying it; each form with its place; each place with the sentences that count
   * before it; and where its marked headline stands among them. Kept for the last
   * `MARKED_SOURCES` sources asked for (by source and pass), so that a source read against
   * several others in a row is marked once. O(b) shingles when it is not kept.
   */
  private markedSource(b: number, pass: PassFacts): SourceMarks {
    const { marked, index } = this;
    let at = marked.findIndex(m => m.source === b && m.pass === pass);
    let marks: SourceMarks;
    if (at < 0) {
      if (marked.length < MARKED_SOURCES) marked.push(newSourceMarks(index));
      at = marked.length - 1;
      marks = marked[at];
      const value = ++this.markValue;
      const { mark, place, formMark, formPlace, countedBefore } = marks;
      const formsOfB = index.sourceForms[b];
      // Where the headline the verdicts of `b` mark stands among its sentences that count, -1 where it does not count (see `framesBoth`).
      const markedB = index.leadText[b] ? index.leadForm[b] : -1;
      let headline = -1;
      for (let i = 0, counted = 0; i < formsOfB.length; i++) {
        countedBefore[i] = counted;
        if (formsOfB[i] === markedB && pass.needed[markedB]) headline = counted;
        if (pass.needed[formsOfB[i]]) counted++;
        formMark[formsOfB[i]] = value;
        formPlace[formsOfB[i]] = i;
        if (pass.ignored?.[formsOfB[i]]) continue;
        const shingles = index.formShingles[formsOfB[i]];
        for (let k = 0; k < shingles.length; k++) {
          const x = shingles[k];
          if (mark[x] === value || pass.chrome[x]) continue;
          mark[x] = value;
          place[x] = i;
        }
      }
      marks.source = b;
      marks.pass = pass;
      marks.value = value;
      marks.headline = headline;
    } else marks = marked[at];
    // The latest first: the one marked longest ago is marked over next.
    for (; at > 0; at--) marked[at] = marked[at - 1];
    marked[0] = marks;
    return marks;
  }
}

/**
 * How many sources `PairEvidence` keeps marked. Read both ways, a pair marks each of its
 * sources; the next pair of a source against its next neighbour finds it marked. On the
 * benchmark's corpora, four kept half the sources `found` had to mark at 1,000 versions (6,205
 * of 12,204) and two fifths at 300 stories (9,073 of 21,862); six kept 7,239 and 10,765.
 */
const MARKED_SOURCES = 4;

/**
 * A source marked as the second of a pair (`PairEvidence.markedSource`): arrays sized by the
 * index, read where they hold `value`.
 */
interface SourceMarks {
  source: number;
  pass: PassFacts | undefined;
  value: number;
  /** Where its marked headline stands among its sentences that count, -1 where it does not count. */
  headline: number;
  /** Per shingle, the marking that last marked it. */
  readonly mark: Int32Array;
  /** Per marked shingle, the place in the source of the first sentence carrying it. */
  readonly place: Int32Array;
  /** Per form, the marking that last marked it as a sentence of the source. */
  readonly formMark: Int32Array;
  /** Per marked form, its place in the source. */
  readonly formPlace: Int32Array;
  /** Per place in the source, how many sentences that count stand before it. */
  readonly countedBefore: Int32Array;
}

function newSourceMarks(index: StoryIndex): SourceMarks {
  const longestSource = index.sourceForms.reduce((most, forms) => Math.max(most, forms.length), 0);
  return {
    source: -1,
    pass: undefined,
    value: 0,
    headline: -1,
    mark: new Int32Array(index.shingleCount),
    place: new Int32Array(index.shingleCount),
    formMark: new Int32Array(index.formShingles.length),
    formPlace: new Int32Array(index.formShingles.length),
    countedBefore: new Int32Array(longestSource),
  };
}

/** Per shingle, the sentence that last marked it as a hit (`carrierOf`), by a count of them in `value`. */
export interface HitMarks {
  readonly marks: Int32Array;
  value: number;
}

/**
 * Whether the `n` sentences found (`foundAt[k]` of a source of `lengthA` sentences found at
 * `places[k]` of one of `lengthB`, all counted among the sentences that count in the pass) are
 * a site's frame on both: one run that ends both sources, one for one, perhaps after one that
 * opens both, one for one from the first (a caption or a tagline read as article text, over a
 * footer), or such an opening run alone, with more sentences of each outside them than in
 * them. Counted so, a line that is no evidence ("View Comments") inside a site's footer does
 * not break the run. An opening run is a frame only above a headline that a page's verdicts
 * mark (`headlineOfA`, `headlineOfB`: where each stands among the sentences that count, -1
 * where none does), and only where neither page marks one inside it: the pages of one story
 * begin with what they share, and a page that marks none may hold its headline in the run
 * unmarked. Where neither marks one, the run is a frame where `headedBelow(opening)` says that
 * on both pages it opens with prose and a headline and its body stand right under it: each
 * page's own story under prose that the site prints above every story (a newsletter box the
 * page alone reads as article text, which hid the headline from the verdicts). A story's pages
 * open with its headline, and in a script without stops every sentence reads as a title, so
 * neither meets it. O(found), and `headedBelow`'s part.
 */
function framesBoth(
  places: Int32Array,
  foundAt: Int32Array,
  n: number,
  lengthA: number,
  lengthB: number,
  headlineOfA: number,
  headlineOfB: number,
  headedBelow: (opening: number) => boolean,
): boolean {
  if (!n || 2 * n >= Math.min(lengthA, lengthB)) return false;
  let opening = 0;
  while (opening < n && foundAt[opening] === opening && places[opening] === opening) opening++;
  if (opening > 0) {
    const inRun = (headline: number) => headline >= 0 && headline < opening;
    if (inRun(headlineOfA) || inRun(headlineOfB)) return false;
    if (Math.max(headlineOfA, headlineOfB) < opening && !headedBelow(opening)) return false;
  }
  for (let k = opening; k < n; k++) if (foundAt[k] !== lengthA - n + k || places[k] !== lengthB - n + k) return false;
  return true;
}

/**
 * Whether a source's first `opening` sentences that count (those with `needed` shingles, of
 * `forms`) stand above a headline: the first of them ends with a stop (prose, not a headline
 * of its own), none of them is a title over one that ends with a stop (a headline and its
 * lede, which the versions of one story share), and the first sentence after them with
 * `EVIDENCE_SHINGLES` shingles, counted or set aside by the pass (a headline that other pages
 * tease), is a title (no stop at its end) over a body: the next such sentences end with a stop,
 * more of them than a teaser's snippet quotes (`SNIPPET_SENTENCES`), so not a list of other
 * stories' titles and snippets. O(forms).
 */
function headlineUnderRun(index: StoryIndex, forms: ArrayLike<number>, needed: Int32Array, opening: number): boolean {
  let counted = 0;
  let titleInRun = false;
  let title = false;
  let body = 0;
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (counted < opening) {
      if (!needed[f]) continue;
      const stop = endsWithStop(index.formTexts[f]);
      if (stop ? titleInRun : counted === 0) return false;
      titleInRun ||= !stop;
      counted++;
    } else if (index.formShingles[f].length >= EVIDENCE_SHINGLES) {
      const stop = endsWithStop(index.formTexts[f]);
      if (!title) {
        if (stop) return false;
        title = true;
      } else if (!stop) return false;
      else if (++body > SNIPPET_SENTENCES) return true;
    }
  }
  return false;
}

/**
 * Of the places `places[0 .. n)` of `b` (`formsOfB`) where the shingles `hits[0 .. n)` of a
 * sentence are first met (place k for shingle k, chrome left out), the one whose sentence
 * carries most of those shingles, the latest on a tie; where more than half of them point to
 * one place, or more than `CARRIER_HITS` do, the place most point to. Sorts `places`; where it
 * reads the sentences, marks the hits in `hitMarks` (sized by the shingles) to tell them. O(n
 * log n + d · t) for d distinct places of up to t shingles each.
 */
export function carrierOf(
  places: Int32Array,
  hits: Int32Array,
  n: number,
  formsOfB: ArrayLike<number>,
  formShingles: readonly Int32Array[],
  hitMarks: HitMarks,
): number {
  const mode = modeOf(places, n);
  // Past CARRIER_HITS, a sentence shares so much with `b` that its mode is where it stands;
  // so it does where most of its shingles are first met in one sentence, which carries them.
  if (places[0] === places[n - 1] || n > CARRIER_HITS) return mode;
  let modeCount = 0;
  for (let i = 0; i < n; i++) if (places[i] === mode) modeCount++;
  if (2 * modeCount > n) return mode;
  const { marks } = hitMarks;
  const value = ++hitMarks.value;
  for (let k = 0; k < n; k++) marks[hits[k]] = value;
  let best = mode;
  let bestCarried = -1;
  for (let i = 0; i < n; i++) {
    if (i > 0 && places[i] === places[i - 1]) continue;
    const candidate = formShingles[formsOfB[places[i]]];
    let carried = 0;
    for (let k = 0; k < candidate.length; k++) if (marks[candidate[k]] === value) carried++;
    if (carried >= bestCarried) {
      best = places[i];
      bestCarried = carried;
    }
  }
  return best;
}

/** How many of the shingles `hits[0 .. n)` the sentence shingles `carrier` hold. O(n · carrier). */
function shinglesCarried(carrier: Int32Array, hits: Int32Array, n: number): number {
  let carried = 0;
  for (let k = 0; k < n; k++) if (carrier.includes(hits[k])) carried++;
  return carried;
}

/** Hits past which `carrierOf` reads the mode alone: so many shingles met in `b` leave no doubt where. */
const CARRIER_HITS = 24;

/** Past this many values, `modeOf` sorts with `sort` (an insertion sort is quadratic at worst). */
const INSERTION_SORT_MAX = 64;

/** A headline found within this many sentences of the top is a headline, not a teaser. */
export const HEADLINE_REACH = 2;

/**
 * Sentences of its story's first paragraph a teaser below the top of two pages may quote
 * under its headline, where both pages carry them in one run: a lede of two sentences. A
 * teaser where one of the pages has the story at its top quotes one (its standfirst): past
 * that, the two pages share the story itself.
 */
const SNIPPET_SENTENCES = 2;

/** The most frequent of the first `n` values (the largest on a tie); sorts them. O(n log n). */
export function modeOf(values: Int32Array, n: number): number {
  if (n === 1) return values[0];
  // Up to a sentence's usual number of shingles, an insertion sort: they most often point to
  // one place, where it is one pass.
  if (n > INSERTION_SORT_MAX) values.subarray(0, n).sort();
  else
    for (let i = 1; i < n; i++) {
      const v = values[i];
      if (v >= values[i - 1]) continue;
      let k = i - 1;
      while (k >= 0 && values[k] > v) {
        values[k + 1] = values[k];
        k--;
      }
      values[k + 1] = v;
    }
  if (values[0] === values[n - 1]) return values[0];
  let best = values[0];
  let bestRun = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j < n && values[j] === values[i]) j++;
    if (j - i >= bestRun) {
      best = values[i];
      bestRun = j - i;
    }
    i = j;
  }
  return best;
}

/** Length of the longest non-decreasing subsequence of the first `n` values; `tails` holds `n` or more. O(n log n). */
export function longestNonDecreasing(values: Int32Array, n: number, tails: Int32Array): number {
  let length = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    if (lo === length) length++;
  }
  return length;
}
