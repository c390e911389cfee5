/**
 * Content terms: the words of a sentence that say what it is about, as numbers in one
 * vocabulary, stemmed in the sentence's language. The grouping stage weighs them by how rare
 * they are, and more where they are names or numbers: a rewrite by another agency keeps those
 * while it changes the rest.
 */
import { digitValue } from './numbers';
import { stemmerFor } from './stemming';
import type { StopwordProfile } from './stopwords';
import { decodeCharacterReferences, words } from './text';

/** A sentence's content terms, ascending, without repeats, and which of them are names or numbers. */
export interface ContentTerms {
  readonly ids: readonly number[];
  /** Parallel to `ids`: 1 where the term is a number, or a word capitalised inside the sentence (a name). */
  readonly salient: Uint8Array;
}

const HAS_DIGIT = /\d/;
/**
 * A figure standing as a word of its own: digits of any script with the separators of digit
 * groups or of a clock time between them ("1,000", "3.5", "6:04"); not a part of a name or
 * code such as "G7" or "Chandra-2", which stays one word.
 */
const FIGURE = /(?<![\p{L}\p{M}\p{Nd}\-‐‑])\p{Nd}+(?:[.,:'’\u066b\u066c]\p{Nd}+)*(?![\p{L}\p{M}\p{Nd}\-‐‑])/gu;
/** Starts the key of a figure's term: no word's stem begins with it. */
const NUMBER_MARK = '#';
const CAPITALISED = /^\p{Lu}/u;
/** Past this many code points a stem is cut, so that derivations the stemmer leaves apart ("presidential", "president") meet. */
const STEM_LENGTH = 6;

/**
 * Input: a sentence as it stands, its language's function words, and the vocabulary (stem →
 * term id, grown here). Output: its terms: function words dropped, the rest stemmed in the
 * language (`stemmerFor`) and cut to `STEM_LENGTH` code points, numbers kept whole.
 * O(n log n) in the sentence's length, plus one stemmer call per word.
 */
export function contentTerms(text: string, stopwords: StopwordProfile, vocabulary: Map<string, number>): ContentTerms {
  const { keys, salient } = contentTermKeys(text, stopwords);
  return numberedTerms(keys, salient, key => {
    let id = vocabulary.get(key);
    if (id === undefined) vocabulary.set(key, (id = vocabulary.size));
    return id;
  });
}

/** A sentence's content terms before they are numbered: distinct keys in the order they first occur. */
export interface ContentTermKeys {
  readonly keys: readonly string[];
  /** Parallel to `keys`: 1 where the term is a name or a number. */
  readonly salient: Uint8Array;
}

/**
 * The terms `contentTerms` finds, as keys (stems, numbers) in the order of their first word,
 * so that a vocabulary grown from them in that order numbers them as `contentTerms` would.
 * Needs no vocabulary: another thread can find them. O(n) in the sentence's length, plus one
 * stemmer call per word.
 */
export function contentTermKeys(text: string, stopwords: StopwordProfile): ContentTermKeys {
  const stem = stemmerFor(stopwords.language);
  const salientOf = new Map<string, number>();
  const add = (key: string, salient: number) => salientOf.set(key, Math.max(salientOf.get(key) ?? 0, salient));
  // Read as the page's reader saw it (character references decoded, as the compared form is).
  // A figure is one term, by its value: "1,000" and "1000" meet, "6:04" is not a 6 and a 4.
  const rest = decodeCharacterReferences(text)
    .normalize('NFC')
    .replace(FIGURE, figure => {
      add(`${NUMBER_MARK}${digitValue(figure)}`, 1);
      return ' ';
    });
  words(rest).forEach((word, i) => {
    const w = word.toLowerCase();
    const digits = HAS_DIGIT.test(w);
    if (stopwords.words.has(w) || (w.length < 2 && !digits)) return;
    // The first word is capitalised in any case; a name is told by a capital further on.
    add(digits ? w : firstCodePoints(stem(w), STEM_LENGTH), digits || (i > 0 && CAPITALISED.test(word)) ? 1 : 0);
  });
  return { keys: [...salientOf.keys()], salient: Uint8Array.from(salientOf.values()) };
}

/** The terms of `keys` numbered by `idOf` (called in the order of `keys`): ids ascending. O(k log k). */
export function numberedTerms(keys: readonly string[], salient: Uint8Array, idOf: (key: string) => number): ContentTerms {
  const numbered = keys.map((key, k) => ({ id: idOf(key), salient: salient[k] }));
  numbered.sort((a, b) => a.id - b.id);
  return { ids: numbered.map(t => t.id), salient: Uint8Array.from(numbered, t => t.salient) };
}

/** The first `n` code points of `w` (a surrogate pair counts as one). */
function firstCodePoints(w: string, n: number): string {
  let end = 0;
  for (let k = 0; k < n && end < w.length; k++) {
    const c = w.charCodeAt(end);
    const next = end + 1 < w.length ? w.charCodeAt(end + 1) : 0;
    end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return end >= w.length ? w : w.slice(0, end);
}
