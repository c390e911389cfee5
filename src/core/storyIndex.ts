/**
 * The story stage's view of a corpus: each source as its distinct article sentences (forms),
 * each form as its distinct shingles, and an inverted index from shingle to the sources that
 * carry it, in a canonical order of the sources that does not depend on the input's order.
 */
import { stemmerFor } from './stemming';
import { detectStopwords, functionWordsOf } from './stopwords';
import { words } from './text';
import { SHINGLE_OF_NAME, SHINGLE_OF_WORDS, ShingleIds, WrittenShingles, writtenShingles } from './storyShingles';
import { SentenceNames, formNames } from './storyProtagonists';

/** What the story stage reads of a source (a `PreparedSource` fits). */
export interface StorySource {
  /** A content hash: the canonical order of sources, independent of their order in the input. */
  readonly hash: string;
  readonly text: string;
  /** The verdict of each line; only sentences on `content` lines are article text, and the one marked `headline` is the page's headline. */
  readonly lines: readonly { readonly kind: string; readonly headline?: true }[];
  /** Sentences in reading order with their compared form (normalised, spaces collapsed). */
  readonly sentences: readonly { readonly line: number; readonly text: string; readonly form: string }[];
  /**
   * The page's function words (lower case), left out of shingles: "one of the" says nothing of a
   * story; and its language, whose stemmer reads the other words (`stemmerFor`).
   */
  readonly profile?: { readonly words: ReadonlySet<string>; readonly language?: string };
}

/** Read-only after `buildStoryIndex`. Forms and shingles are numbered densely from 0. */
export interface StoryIndex {
  readonly sources: readonly StorySource[];
  /** Per form: its compared form, a sentence text carrying it, its distinct shingles. */
  readonly formTexts: readonly string[];
  /** Each form's number by its compared form (the inverse of `formTexts`). */
  readonly formIds: ReadonlyMap<string, number>;
  readonly formSample: readonly string[];
  readonly formShingles: readonly Int32Array[];
  /** Per source: its distinct article forms that have a shingle, in reading order (first occurrence). */
  readonly sourceForms: readonly Int32Array[];
  /** Per source: all its distinct article forms, short ones too, in reading order. */
  readonly sourceAllForms: readonly Int32Array[];
  /** Per source: its distinct shingles (over `sourceForms`), and where each stands in its posting list. */
  readonly sourceShingles: readonly Int32Array[];
  /**
   * Per source: the share of its shingle occurrences (over `sourceForms`) that are distinct, 1
   * without any: near 1 in prose, small in a long list whose lines repeat most of their words.
   */
  readonly shingleDiversity: Float64Array;
  readonly postingPlace: readonly Int32Array[];
  /**
   * Per source: the form of its headline's first sentence that can be evidence (`EVIDENCE_SHINGLES`
   * shingles; the headline is the line its verdicts mark), or its first sentence where none can,
   * or else, with no headline marked, of its first article sentence; -1 when it has no article
   * sentence.
   */
  readonly leadForm: Int32Array;
  /** Per source: its headline line's text (its sentences, one space between), or '' where it has none marked. */
  readonly leadText: readonly string[];
  /** Per form: its names (`storyProtagonists.ts`). */
  readonly formNames: readonly SentenceNames[];
  /** Per source, its place in the canonical order; and the sources in that order. */
  readonly rank: Int32Array;
  readonly order: Int32Array;
  /** Shingle x → sources `postings[postingStart[x] .. postingStart[x + 1])`, in canonical order. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  readonly shingleCount: number;
  /**
   * Per shingle, 1 where it is part of a name (`writtenShingles`) in some sentence that carries
   * it and in none written as words (each distinct sentence read as the first source in
   * canonical order writes it): the pages that share it name the same people and places, which
   * is no statement of theirs. Read over the whole corpus, so a page that writes the two words
   * otherwise makes them words for every pair.
   */
  readonly nameShingle: Uint8Array;
}

/**
 * The part of the story stage that depends on one source alone: its distinct article forms in
 * reading order (first occurrence), a sentence text carrying each, and each form's distinct
 * shingle keys (`shingleKeysOf`, with the source's function words and its language's stemmer:
 * `storyProfile`). What a source gives here
 * depends on its text and the words in a shingle only, so a caller may keep it by content.
 */
export interface SourceStoryForms {
  readonly forms: readonly string[];
  readonly samples: readonly string[];
  /** Form i's keys are `keys[2 * keyStart[i] .. 2 * keyStart[i + 1])`, high and low part side by side. */
  readonly keyStart: Int32Array;
  readonly keys: Uint32Array;
  /** Form i's shingles as its sample writes them, `kinds[keyStart[i] .. keyStart[i + 1])` (`writtenShingles`). */
  readonly kinds: Uint8Array;
}

/**
 * Input: a source and the words in a shingle. Output: its part of the index (see
 * `SourceStoryForms`). Repeated sentences collapse to one form before anything is hashed, so a
 * page that repeats one line 45,000 times is read as one sentence, and a sentence met in a
 * source before is not hashed again (`keptShingles`). O(W) for W words of sentences not met
 * before, O(F) for F forms.
 */
export function storyFormsOf(source: StorySource, shingleWords: number): SourceStoryForms {
  const forms: string[] = [];
  const samples: string[] = [];
  const seen = new Set<string>();
  for (const sentence of source.sentences) {
    if (source.lines[sentence.line]?.kind !== 'content' || seen.has(sentence.form)) continue;
    seen.add(sentence.form);
    forms.push(sentence.form);
    samples.push(sentence.text);
  }
  const profile = storyProfile(source.profile, forms);
  const language = profile?.language ?? 'und';
  const shingles = forms.map((form, i) => keptShingles(form, samples[i], shingleWords, profile?.words, language));
  const keyStart = new Int32Array(forms.length + 1);
  shingles.forEach((sentence, i) => (keyStart[i + 1] = keyStart[i] + sentence.kinds.length));
  const keys = new Uint32Array(2 * keyStart[forms.length]);
  const kinds = new Uint8Array(keyStart[forms.length]);
  shingles.forEach((sentence, i) => {
    keys.set(sentence.keys, 2 * keyStart[i]);
    kinds.set(sentence.kinds, keyStart[i]);
  });
  return { forms, samples, keyStart, keys, kinds };
}

/**
 * The function words and language a source's article forms are read with: the page's own,
 * unless the page as a whole was read as no listed language ('und': a page of menus and
 * links whose article is short) while its article forms are, by the same test. Then the
 * article's: stems in two versions of one story meet only where both are stemmed. O(W) for W
 * words of the forms, only for such a page.
 */
function storyProfile(
  profile: StorySource['profile'],
  forms: readonly string[],
): { readonly words: ReadonlySet<string>; readonly language?: string } | undefined {
  if (!profile || profile.language !== 'und' || !forms.length) return profile;
  const article = detectStopwords(forms.flatMap(form => words(form)));
  return functionWordsOf(article.language) ? article : profile;
}

/**
 * Past this many sentences, the shingles kept for one function-word list and shingle size
 * start afresh: an editor session meets new sentences with every edit, and a kept sentence
 * holds its text. The versions of one story share far fewer.
 */
const KEPT_SENTENCES_LIMIT = 1 << 15;
/** Per function-word list, per words in a shingle and language, the shingles of each sentence met (by its text). */
const keptSentences = new WeakMap<
  ReadonlySet<string>,
  Map<string, Map<string, { readonly form: string; readonly shingles: WrittenShingles }>>
>();

/**
 * `writtenShingles(form, sample, size, functionWords, stemmerFor(language), language)`, kept by
 * the sentence's text (its form follows from it): the versions of one story share most of
 * their sentences, and each source's part is made on its own (often in another thread), so
 * the shingles of a sentence are kept for the sources made after it. The kept arrays are only
 * read. O(w) for w words the first time, O(1) expected after.
 */
function keptShingles(
  form: string,
  sample: string,
  size: number,
  functionWords: ReadonlySet<string> | undefined,
  language: string,
): WrittenShingles {
  const stem = stemmerFor(language);
  if (!functionWords) return writtenShingles(form, sample, size, functionWords, stem, language);
  let bySize = keptSentences.get(functionWords);
  if (!bySize) keptSentences.set(functionWords, (bySize = new Map()));
  const sizeAndLanguage = `${size} ${language}`;
  let bySample = bySize.get(sizeAndLanguage);
  if (!bySample || bySample.size >= KEPT_SENTENCES_LIMIT) bySize.set(sizeAndLanguage, (bySample = new Map()));
  const kept = bySample.get(sample);
  // A sentence's form follows from its text; the check costs little and keeps a caller that made forms otherwise right.
  if (kept?.form === form) return kept.shingles;
  const shingles = writtenShingles(form, sample, size, functionWords, stem, language);
  bySample.set(sample, { form, shingles });
  return shingles;
}

/**
 * Shingles a sentence needs, outside the chrome, to be evidence of a story: one alone ("Related
 * stories") is too common a pair of words to tell stories apart.
 */
export const EVIDENCE_SHINGLES = 2;

/**
 * Input: the sources, the words in a shingle, and how to get a source's own part (by default
 * `storyFormsOf`; a caller that keeps those parts by content passes its kept ones, which must
 * equal what `storyFormsOf` gives). Output: the index. A form is numbered, and its shingles
 * with it, where it first occurs in the canonical order of the sources (by content hash), so
 * that the index does not depend on the order of the input. O(F_s + K_s) per source for its
 * F_s distinct forms and K_s shingle keys, beside making the parts; O(S) for S distinct
 * shingle occurrences of the sources, O(n log n) to order n sources; memory O(S + F) for F forms.
 */
export function buildStoryIndex(
  sources: readonly StorySource[],
  shingleWords: number,
  formsOf: (source: StorySource) => SourceStoryForms = source => storyFormsOf(source, shingleWords),
): StoryIndex {
  const formIds = new Map<string, number>();
  const shingleIds = new ShingleIds();
  const formTexts: string[] = [];
  const formSample: string[] = [];
  const formShingles: Int32Array[] = [];
  const sourceAllForms = new Array<Int32Array>(sources.length);
  const leadForm = new Int32Array(sources.length).fill(-1);
  const leadText = new Array<string>(sources.length);
  const samplesOf = new Array<readonly string[]>(sources.length);
  // Per form, its shingles as the first source in canonical order that carries it writes them.
  const formKinds: Uint8Array[] = [];
  const sourceForms = new Array<Int32Array>(sources.length);
  const order = Int32Array.from(sources.map((_, s) => s).sort((x, y) => compareSources(sources[x], sources[y]) || x - y));
  // Forms are numbered, and given their shingles, source by source in the canonical order: a
  // form two sources share is read by the function words and stemmer of the first, and which
  // that is must not follow the order of the input.
  for (const s of order) {
    const source = sources[s];
    const part = formsOf(source);
    samplesOf[s] = part.samples;
    const own: number[] = [];
    const all = new Int32Array(part.forms.length);
    part.forms.forEach((form, i) => {
      let f = formIds.get(form);
      if (f === undefined) {
        formIds.set(form, (f = formTexts.length));
        formTexts.push(form);
        formSample.push(part.samples[i]);
        const ids = new Int32Array(part.keyStart[i + 1] - part.keyStart[i]);
        for (let k = 0, at = 2 * part.keyStart[i]; k < ids.length; k++, at += 2) ids[k] = shingleIds.idOf(part.keys[at], part.keys[at + 1]);
        formShingles.push(ids);
        formKinds.push(part.kinds.subarray(part.keyStart[i], part.keyStart[i + 1]));
      }
      all[i] = f;
      if (formShingles[f].length) own.push(f);
    });
    // The lead: the marked headline's first sentence that can be evidence (else its first), or
    // without a marked headline the first article sentence (its form's first occurrence). A
    // headline that opens with a short quoted sentence ("‘Strike over.’ Harbour workers …") is
    // read by the sentence after it, as a teaser of it is.
    const headline = headlineOf(source);
    let lead = headline ? -1 : 0;
    for (const form of headline?.forms ?? []) {
      const i = part.forms.indexOf(form);
      if (i < 0) continue;
      if (lead < 0) lead = i;
      if (formShingles[all[i]].length >= EVIDENCE_SHINGLES) {
        lead = i;
        break;
      }
    }
    if (all.length) leadForm[s] = all[lead >= 0 ? lead : 0];
    leadText[s] = headline && lead >= 0 ? headline.text : '';
    sourceAllForms[s] = all;
    sourceForms[s] = Int32Array.from(own);
  }
  const shingleCount = shingleIds.size;
  const nameShingle = namesAmongShingles(formShingles, formKinds, shingleCount);
  const stamp = new Int32Array(shingleCount);
  const shingleDiversity = new Float64Array(sources.length).fill(1);
  const sourceShingles = sourceForms.map((forms, s) => {
    const out: number[] = [];
    let occurrences = 0;
    for (const f of forms) {
      occurrences += formShingles[f].length;
      for (const x of formShingles[f]) {
        if (stamp[x] !== s + 1) {
          stamp[x] = s + 1;
          out.push(x);
        }
      }
    }
    if (occurrences) shingleDiversity[s] = out.length / occurrences;
    return Int32Array.from(out);
  });
  const rank = new Int32Array(sources.length);
  order.forEach((s, r) => (rank[s] = r));
  // Postings in compressed rows: counted, then filled source by source in canonical order.
  const fill = new Int32Array(shingleCount + 1);
  for (const list of sourceShingles) for (const x of list) fill[x + 1]++;
  for (let x = 0; x < shingleCount; x++) fill[x + 1] += fill[x];
  const postingStart = fill.slice();
  const postings = new Int32Array(fill[shingleCount]);
  const postingPlace = sourceShingles.map(list => new Int32Array(list.length));
  for (const s of order) {
    const list = sourceShingles[s];
    const places = postingPlace[s];
    for (let k = 0; k < list.length; k++) {
      const at = fill[list[k]]++;
      postings[at] = s;
      places[k] = at;
    }
  }
  const namesOfForm = formNames(
    sources.map((source, s) => ({ forms: sourceAllForms[s], samples: samplesOf[s], functionWords: source.profile?.words })),
    formTexts.length,
    order,
  );
  return {
    sources,
    formNames: namesOfForm,
    formTexts,
    formIds,
    formSample,
    formShingles,
    sourceForms,
    sourceAllForms,
    sourceShingles,
    shingleDiversity,
    postingPlace,
    leadForm,
    leadText,
    rank,
    order,
    postingStart,
    postings,
    shingleCount,
    nameShingle,
  };
}

/**
 * Per shingle, 1 where some form writes it as a name and none as words (`writtenShingles`), given
 * each form's shingles and their kinds. O(S) for S shingle occurrences of distinct forms.
 */
function namesAmongShingles(formShingles: readonly Int32Array[], formKinds: readonly Uint8Array[], shingleCount: number): Uint8Array {
  const names = new Uint8Array(shingleCount);
  const asWords = new Uint8Array(shingleCount);
  formShingles.forEach((ids, f) => {
    const kinds = formKinds[f];
    for (let k = 0; k < ids.length; k++) {
      if (kinds[k] === SHINGLE_OF_NAME) names[ids[k]] = 1;
      else if (kinds[k] === SHINGLE_OF_WORDS) asWords[ids[k]] = 1;
    }
  });
  for (let x = 0; x < shingleCount; x++) if (asWords[x]) names[x] = 0;
  return names;
}

/**
 * The headline a source's verdicts mark: the forms of its sentences and their text, or
 * undefined where no line is marked or it holds no sentence. O(L + S).
 */
function headlineOf(source: StorySource): { readonly forms: readonly string[]; readonly text: string } | undefined {
  const line = source.lines.findIndex(l => l.headline);
  if (line < 0) return undefined;
  const sentences = source.sentences.filter(x => x.line === line);
  if (!sentences.length) return undefined;
  return { forms: sentences.map(x => x.form), text: sentences.map(x => x.text).join(' ') };
}

/** By content hash, then by text: the same for any order of the input. */
function compareSources(x: StorySource, y: StorySource): number {
  if (x.hash !== y.hash) return x.hash < y.hash ? -1 : 1;
  return x.text < y.text ? -1 : x.text > y.text ? 1 : 0;
}
