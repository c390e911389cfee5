/**
 * Protagonists: the names a page's statements keep returning to. Stories cut from one mould (a
 * day's company results, match reports, weather warnings) share most of their sentences word
 * for word but for the names in them, so their pages find each other's sentences as versions of
 * one story do; what tells them apart is whom each page is about.
 *
 * A *name* is a word of 3 letters or more written with a capital letter, inside a sentence that
 * ends with a stop (a statement: headlines and teasers of other stories end without one), that
 * is no function word of the page's language; a capitalised word that opens a statement is one
 * where the page also writes it inside one. (German capitalises every noun, so there a name may
 * be a noun.) A page's *protagonists* are the names that stand in the most of the statements it
 * makes its own, in two at least. Two pages are *about different protagonists* when each has
 * protagonists and neither page states any protagonist of the other, in any spelling or
 * inflection (`states`). The story stage reads a page by the sentences it states as its own
 * (`PairEvidence`: chrome, and other stories' openings teased down the page, are not), and
 * refuses a pair about different protagonists only where each page's statement of its
 * protagonist is found on the other, there without that name: the mark of a mould.
 *
 * The rule refuses pairs; it does not part stories that other pairs join (a brief whose names
 * each stand in one statement has no protagonist, and may join two stories of one mould).
 * Scripts without capital letters (Arabic, Hebrew, Devanagari, Han, Thai, …) give no names, and
 * their pages are never about different protagonists: the rule only parts pages where the
 * evidence exists.
 */
import { BigramProfile, bigramProfile, profileSimilarity } from './similarity';
import { endsWithStop, normalizeForComparison, words } from './text';

/** What `formNames` reads of a source: its distinct article sentences (their form numbers and a text each) and its function words. */
export interface NamedSource {
  readonly forms: Int32Array;
  readonly samples: readonly string[];
  readonly functionWords?: ReadonlySet<string>;
}

/** A sentence's names: those inside it, and the capitalised word that opens it, if any (a name where the page writes it inside a sentence too). */
export interface SentenceNames {
  readonly inside: readonly string[];
  readonly opening: string | undefined;
}

/** The names a page states in the sentences read, and its protagonists among them. */
export interface PageNames {
  readonly protagonists: readonly string[];
  /** Places (in the page's distinct article sentences) of the sentences read that hold a protagonist. */
  readonly protagonistSentences: readonly number[];
  /** Each name stated, with the number of the sentences read that hold it. */
  readonly names: ReadonlyMap<string, number>;
  /** The names' bigram profiles, in the order of `names`, once `states` asks for them. */
  profiles?: readonly BigramProfile[];
}

/**
 * Input: per source, its distinct article sentences and its function words; the number of
 * forms; the sources in canonical order. Output: per form, its names (see the module comment),
 * read from the text and with the function words of the first source in canonical order that
 * carries it, so that they do not depend on the order of the input (a form is lower case, and
 * its sources' texts may differ in case). O(W) for W words of distinct forms.
 */
export function formNames(sources: readonly NamedSource[], formCount: number, order: Int32Array): readonly SentenceNames[] {
  const names = new Array<SentenceNames | undefined>(formCount);
  for (const s of order) {
    const { forms, samples, functionWords } = sources[s];
    for (let i = 0; i < forms.length; i++) names[forms[i]] ??= keptNamesIn(samples[i], functionWords);
  }
  return Array.from(names, list => list ?? NO_NAMES);
}

/**
 * Past this many sentence texts, the names kept for one function-word list start afresh: an
 * editor session meets new sentences with every edit (as `storyIndex.ts` keeps shingle keys).
 */
const KEPT_TEXTS_LIMIT = 1 << 15;
/** Per function-word list (or none), the names of each sentence text met. */
const keptNames = new WeakMap<ReadonlySet<string>, Map<string, SentenceNames>>();
const NO_FUNCTION_WORDS: ReadonlySet<string> = new Set();

/**
 * `namesIn(sentence, functionWords)`, kept by text: an editor session builds the story stage's
 * index again for every analysis, and most sentences are those of the last. The kept names are
 * only read. O(w) for w words the first time, O(1) expected after.
 */
function keptNamesIn(sentence: string, functionWords: ReadonlySet<string> | undefined): SentenceNames {
  const list = functionWords ?? NO_FUNCTION_WORDS;
  let byText = keptNames.get(list);
  if (!byText || byText.size >= KEPT_TEXTS_LIMIT) keptNames.set(list, (byText = new Map()));
  let names = byText.get(sentence);
  if (!names) byText.set(sentence, (names = namesIn(sentence, functionWords)));
  return names;
}

/**
 * What a page states in its sentences flagged in `read` (by their place in `forms`, its
 * distinct article sentences): their names, a word that opens a sentence among them where the
 * page writes it inside one of them too, and its protagonists, the names in the most of those
 * sentences, in two at least (none where no name stands in two). O(w log w) for w names of
 * those sentences.
 */
export function pageNames(namesOfForm: readonly SentenceNames[], forms: Int32Array, read: Uint8Array): PageNames {
  const inside = new Set<string>();
  for (let i = 0; i < forms.length; i++) if (read[i]) for (const name of namesOfForm[forms[i]].inside) inside.add(name);
  const namesAt = (i: number): readonly string[] => {
    const { inside: own, opening } = namesOfForm[forms[i]];
    return opening !== undefined && inside.has(opening) && !own.includes(opening) ? [...own, opening] : own;
  };
  const tally = new Map<string, number>();
  for (let i = 0; i < forms.length; i++) if (read[i]) for (const name of namesAt(i)) tally.set(name, (tally.get(name) ?? 0) + 1);
  let most = 1;
  for (const count of tally.values()) if (count > most) most = count;
  const protagonists: string[] = [];
  if (most >= 2) for (const [name, count] of tally) if (count === most) protagonists.push(name);
  const protagonistSentences: number[] = [];
  if (protagonists.length)
    for (let i = 0; i < forms.length; i++)
      if (read[i] && namesAt(i).some(name => protagonists.includes(name))) protagonistSentences.push(i);
  return { protagonists, protagonistSentences, names: tally };
}

/**
 * Whether two pages are about different protagonists: each has some, and neither page states
 * any of the other's (see the module comment). O(p · l · n) for p protagonists of l
 * letters and n names of a page (`states`).
 */
export function aboutDifferentProtagonists(x: PageNames, y: PageNames): boolean {
  if (!x.protagonists.length || !y.protagonists.length) return false;
  for (const name of x.protagonists) if (states(y, name)) return false;
  for (const name of y.protagonists) if (states(x, name)) return false;
  return true;
}

/**
 * Whether `page` states `name` in some inflection or spelling: a name of it that `name` begins
 * with, or that begins with `name` ("Аткинс" and "Аткинса"; names have `MIN_NAME_LETTERS` at
 * least), or one that shares `SAME_NAME_SIMILARITY` of its letter pairs with it (the Dice
 * coefficient of `similarity.ts`: "Nawalny" and "Navalny", "Зеленский" and "Зеленского",
 * "Selenskyj" and "Zelensky"); marks are left out of both ("Erdoğan", "Erdogan"). Reading a
 * name in too many forms can only keep two pages together, as they were without this rule.
 * O(n · l) for a name of l letters and a page of n names.
 */
function states(page: PageNames, name: string): boolean {
  if (page.names.has(name)) return true;
  const others = [...page.names.keys()];
  const own = bigramProfile(name);
  const profiles = (page.profiles ??= others.map(bigramProfile));
  return others.some(
    (other, k) => other.startsWith(name) || name.startsWith(other) || profileSimilarity(own, profiles[k]) >= SAME_NAME_SIMILARITY,
  );
}

/**
 * Two spellings or inflections of one name share at least this share of their letter pairs
 * (see `states`): "Nawalny" and "Navalny" 0.67, "Зеленский" and "Зеленского" 0.71, where two
 * names of different people may share half ("Umbrella" and "Tyrell", 0.5).
 */
const SAME_NAME_SIMILARITY = 0.6;

/**
 * The distinct names of one sentence, lower case and without marks, and the capitalised word
 * that opens it; none where it ends without a stop. O(w).
 */
function namesIn(sentence: string, functionWords: ReadonlySet<string> | undefined): SentenceNames {
  const text = sentence.trim();
  if (!endsWithStop(text)) return NO_NAMES;
  const list = words(text);
  const out = new Set<string>();
  let opening: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const word = list[i];
    if (!CAPITAL.test(word)) continue;
    if (functionWords?.has(word.toLowerCase())) continue;
    const name = nameKey(word);
    if (name.length < MIN_NAME_LETTERS) continue;
    if (i === 0) opening = name;
    else out.add(name);
  }
  return out.size || opening !== undefined ? { inside: [...out], opening } : NO_NAMES;
}

/**
 * A word as a name is compared: as sentence forms are (`normalizeForComparison`: composed,
 * lower case, one apostrophe), and without marks ("Müller" and "Muller", "Erdoğan" and
 * "Erdogan"). O(l).
 */
function nameKey(word: string): string {
  // Most names are plain ASCII letters, which need no more than lower case.
  if (ASCII_WORD.test(word)) return word.toLowerCase();
  return normalizeForComparison(word).normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Names shorter than this ("Li", "EU") are too short to be matched by their beginnings, and are left out. */
const MIN_NAME_LETTERS = 3;
const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const MARKS = /\p{M}/gu;
const ASCII_WORD = /^[A-Za-z0-9'-]+$/;
const NO_NAMES: SentenceNames = { inside: [], opening: undefined };
