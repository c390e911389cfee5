/**
 * Protagonists: the names a page's statements keep returning to. Stories cut from one mould (a
 * day's company results, match reports, weather warnings) share most of their sentences word
 * for word but for the names in them, so their pages find each other's sentences as versions of
 * one story do; what tells them apart is whom each page is about.
 *
 * A *name* is a word written with a capital letter that does not open its sentence and is no
 * function word of the page's language, in a sentence that ends with a stop (a statement: headlines and teasers of
 * other stories end without one). A page's *protagonists* are the names that stand in the most
 * of its distinct statements, in two at least. Two pages are *about different protagonists*
 * when each has protagonists and neither page states any protagonist of the other. The story
 * stage reads a page by its own sentences only (`PairEvidence`): chrome, and other stories'
 * openings teased down the page, are no part of what it states.
 *
 * Scripts without capital letters (Arabic, Hebrew, Devanagari, Han, Thai, …) give no names, and
 * their pages are never about different protagonists: the rule only ever parts pages, and only
 * where the evidence exists.
 */
import { endsWithStop, words } from './text';

/** What `formNames` reads of a source: its distinct article sentences (their form numbers and a text each) and its function words. */
export interface NamedSource {
  readonly forms: Int32Array;
  readonly samples: readonly string[];
  readonly functionWords?: ReadonlySet<string>;
}

/** The names a page states in the sentences read, and its protagonists among them. */
export interface PageNames {
  readonly protagonists: readonly string[];
  readonly names: ReadonlySet<string>;
  /** `names`, sorted by code unit. */
  readonly sorted: readonly string[];
}

/**
 * Input: per source, its distinct article sentences and its function words; the number of
 * forms; the sources in canonical order. Output: per form, its names (see the module comment),
 * read from the text and with the function words of the first source in canonical order that
 * carries it, so that they do not depend on the order of the input (a form is lower case, and
 * its sources' texts may differ in case). O(W) for W words of distinct forms.
 */
export function formNames(sources: readonly NamedSource[], formCount: number, order: Int32Array): readonly (readonly string[])[] {
  const names = new Array<readonly string[] | undefined>(formCount);
  for (const s of order) {
    const { forms, samples, functionWords } = sources[s];
    for (let i = 0; i < forms.length; i++) names[forms[i]] ??= namesIn(samples[i], functionWords);
  }
  return Array.from(names, list => list ?? NO_NAMES);
}

/**
 * What a page states in its sentences flagged in `read` (by their place in `forms`, its
 * distinct article sentences): their names, and its protagonists, the names in the most of
 * them, in two at least (none where no name stands in two). O(w log w) for w names of those
 * sentences.
 */
export function pageNames(namesOfForm: readonly (readonly string[])[], forms: Int32Array, read: Uint8Array): PageNames {
  const tally = new Map<string, number>();
  for (let i = 0; i < forms.length; i++) if (read[i]) for (const name of namesOfForm[forms[i]]) tally.set(name, (tally.get(name) ?? 0) + 1);
  let most = 1;
  for (const count of tally.values()) if (count > most) most = count;
  const protagonists: string[] = [];
  if (most >= 2) for (const [name, count] of tally) if (count === most) protagonists.push(name);
  return { protagonists, names: new Set(tally.keys()), sorted: [...tally.keys()].sort() };
}

/**
 * Whether two pages are about different protagonists: each has some, and neither page states
 * any of the other's (see the module comment). O(p · (l + log n)) for p protagonists of l
 * letters and n names of a page.
 */
export function aboutDifferentProtagonists(x: PageNames, y: PageNames): boolean {
  if (!x.protagonists.length || !y.protagonists.length) return false;
  for (const name of x.protagonists) if (states(y, name)) return false;
  for (const name of y.protagonists) if (states(x, name)) return false;
  return true;
}

/**
 * Whether `page` states `name` in some inflection or spelling: a name of it that `name`
 * begins with, or that begins with `name`, of at least `MIN_NAME_LETTERS` code units each
 * ("Аткинс" and "Аткинса", "Zelensky" and "Zelenskyy"). Reading a name in too many forms can
 * only keep two pages together, as they were without this rule.
 */
function states(page: PageNames, name: string): boolean {
  for (let end = MIN_NAME_LETTERS; end <= name.length; end++) if (page.names.has(name.slice(0, end))) return true;
  const list = page.sorted;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] < name) low = mid + 1;
    else high = mid;
  }
  return low < list.length && list[low].startsWith(name);
}

/** The distinct names of one sentence (lower case); none where it ends without a stop. O(w). */
function namesIn(sentence: string, functionWords: ReadonlySet<string> | undefined): readonly string[] {
  const text = sentence.trim();
  if (!endsWithStop(text)) return NO_NAMES;
  const list = words(text);
  const out = new Set<string>();
  for (let i = 1; i < list.length; i++) {
    const word = list[i];
    if (!CAPITAL.test(word)) continue;
    const lower = word.toLowerCase();
    if (lower.length < MIN_NAME_LETTERS || functionWords?.has(lower)) continue;
    out.add(lower);
  }
  return out.size ? [...out] : NO_NAMES;
}

/** Names shorter than this ("Li", "EU") are too short to be matched by their beginnings, and are left out. */
const MIN_NAME_LETTERS = 3;
const CAPITAL = /^[\p{Lu}\p{Lt}]/u;
const NO_NAMES: readonly string[] = [];
