/**
 * Content terms: the words of a sentence that say what it is about, as numbers in one
 * vocabulary, stemmed in the sentence's language. The grouping stage weighs them by how rare
 * they are, and more where they are names or numbers: a rewrite by another agency keeps those
 * while it changes the rest.
 */
import { digitValue } from './numbers';
import { stemmerFor } from './stemming';
import type { StopwordProfile } from './stopwords';
import { decodeCharacterReferences, withoutInvisibles, words } from './text';

/** A sentence's content terms, ascending, without repeats, and which of them are names or numbers. */
export interface ContentTerms {
  readonly ids: readonly number[];
  /**
   * Parallel to `ids`: flags. `SALIENT` where the term is a number, or a word capitalised inside
   * the sentence (a name); `QUOTED` where it stands in a quotation that opens the sentence.
   */
  readonly salient: Uint8Array;
  /**
   * Parallel to `ids`: each term's place among the sentence's terms in the order their first
   * words stand (figures first). Unlike an id it does not depend on the vocabulary: an editor's,
   * grown over many analyses, numbers the terms otherwise than one analysis of the corpus does.
   */
  readonly firstAt: Int32Array;
}

/** A term's flag (in `salient`): it is a name or a number. */
export const SALIENT = 1;
/** A term's flag (in `salient`): it stands in a quotation that opens its sentence (a speaker's own words). */
export const QUOTED = 2;
const CLOSING_QUOTE = /[”»]/;
const QUOTE_MARK = /[“„«”»"]/g;

/**
 * The parts of a sentence inside and outside double quotation marks (any script's), in order,
 * each with whether it is quoted. Inside a quotation any mark closes it; outside, a closing mark
 * (” ») closes a quotation that began before the sentence or lost its opening mark, which makes
 * the text before it quoted when that text opens the sentence; any other mark opens one. A
 * quotation still open at the end runs to the end. Empty parts are left out. O(n).
 */
export function quotationParts(text: string): { readonly text: string; readonly quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let inside = false;
  let from = 0;
  for (const m of text.matchAll(QUOTE_MARK)) {
    const before = text.slice(from, m.index);
    if (inside) {
      out.push({ text: before, quoted: true });
      inside = false;
    } else if (CLOSING_QUOTE.test(m[0])) {
      out.push({ text: before, quoted: from === 0 });
    } else {
      out.push({ text: before, quoted: false });
      inside = true;
    }
    from = m.index + m[0].length;
  }
  out.push({ text: text.slice(from), quoted: inside });
  return out.filter(part => /[\p{L}\p{N}]/u.test(part.text));
}

const HAS_DIGIT = /\d/;
/**
 * A figure standing as a word of its own: digits of any script with the separators of digit
 * groups or of a clock time between them ("1,000", "3.5", "6:04"); not a part of a name or
 * code such as "G7" or "Chandra-2", which stays one word.
 */
const FIGURE = /(?<![\p{L}\p{M}\p{Nd}\-‐‑])\p{Nd}+(?:[.,:'’\u066b\u066c]\p{Nd}+)*(?![\p{L}\p{M}\p{Nd}\-‐‑])/gu;
/** Any digit `FIGURE` could start with. */
const ANY_DIGIT = /\p{Nd}/u;
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
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
  /** Parallel to `keys`: flags, `SALIENT` where the term is a name or a number, `QUOTED` where it opens the sentence quoted. */
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
  const known = wordsReadWith(stopwords);
  const salientOf = new Map<string, number>();
  const add = (key: string, flags: number) => salientOf.set(key, (salientOf.get(key) ?? 0) | flags);
  // Read as the page's reader saw it (character references decoded, and soft hyphens and
  // zero-width spaces left out, as the compared form has them: `withoutInvisibles`).
  // A figure is one term, by its value: "1,000" and "1000" meet, "6:04" is not a 6 and a 4.
  // Both steps leave most sentences as they are: ASCII is its own NFC form, and a sentence
  // without a digit has no figure; those are told by a cheap test first.
  let decoded = withoutInvisibles(decodeCharacterReferences(text));
  if (!ASCII_ONLY.test(decoded)) decoded = decoded.normalize('NFC');
  const rest = ANY_DIGIT.test(decoded)
    ? decoded.replace(FIGURE, figure => {
        add(`${NUMBER_MARK}${digitValue(figure)}`, SALIENT);
        return ' ';
      })
    : decoded;
  let i = 0;
  const parts = quotationParts(rest);
  parts.forEach((part, k) => {
    // A sentence that opens with a quotation says what the speaker said: those words are its statement.
    const quoted = k === 0 && part.quoted ? QUOTED : 0;
    for (const word of words(part.text)) {
      const first = i++ === 0;
      let read = known.get(word);
      if (read === undefined) {
        if (known.size >= REMEMBERED_WORDS) known.clear();
        known.set(word, (read = readWord(word, stopwords, stem)));
      }
      if (read === SKIPPED) continue;
      // The first word is capitalised in any case; a name is told by a capital further on.
      const salient = read.digits || (!first && read.capitalised) ? SALIENT : 0;
      add(read.key, salient | quoted);
    }
  });
  return { keys: [...salientOf.keys()], salient: Uint8Array.from(salientOf.values()) };
}

/** A word as `contentTermKeys` reads it wherever it stands: its key, and what tells a name or a number. */
interface ReadWord {
  readonly key: string;
  readonly digits: boolean;
  readonly capitalised: boolean;
}

/** A function word, or a letter standing alone: no term. */
const SKIPPED: ReadWord = { key: '', digits: false, capitalised: false };

/** Past this many words, a stopword profile's remembered readings start afresh. */
const REMEMBERED_WORDS = 1 << 16;

/**
 * Per stopword profile (a language's function words), each word as read before: the
 * sentences of one story repeat most of their words, and reading one lower-cases, tests and
 * stems it. A listed language has one profile per thread (`threadProfile`), so its readings
 * are shared by every source in that language.
 */
const readWords = new WeakMap<StopwordProfile, Map<string, ReadWord>>();

/** The words read before with `stopwords`. */
function wordsReadWith(stopwords: StopwordProfile): Map<string, ReadWord> {
  let known = readWords.get(stopwords);
  if (!known) readWords.set(stopwords, (known = new Map()));
  return known;
}

/** `word` (as it stands) read with `stopwords` and `stem`: its key, or `SKIPPED`. */
function readWord(word: string, stopwords: StopwordProfile, stem: (word: string) => string): ReadWord {
  const w = word.toLowerCase();
  const digits = HAS_DIGIT.test(w);
  if (stopwords.words.has(w) || (w.length < 2 && !digits)) return SKIPPED;
  return { key: digits ? w : firstCodePoints(stem(w), STEM_LENGTH), digits, capitalised: CAPITALISED.test(word) };
}

/** The terms of `keys` numbered by `idOf` (called in the order of `keys`): ids ascending. O(k log k). */
export function numberedTerms(keys: readonly string[], salient: Uint8Array, idOf: (key: string) => number): ContentTerms {
  const numbered = keys.map((key, k) => ({ id: idOf(key), salient: salient[k], firstAt: k }));
  numbered.sort((a, b) => a.id - b.id);
  return {
    ids: numbered.map(t => t.id),
    salient: Uint8Array.from(numbered, t => t.salient),
    firstAt: Int32Array.from(numbered, t => t.firstAt),
  };
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
