/**
 * Lines, words and normalisation: the small text primitives every other core module uses.
 * Offsets are UTF-16 code-unit indices into the original text, as in VS Code and JavaScript.
 */

import { decodeHTMLStrict } from 'entities';
import { barsAsDandas } from './barDandas';
import { windowedSegments } from './segmentWindows';
import { UNSPACED_SCRIPT } from './unspacedScripts';

/** One line of a document: `[start, end)` excludes the line break (LF, or CR LF, or a lone CR). */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Splits text into lines the way VS Code counts them: a line ends at LF, CR LF or a lone CR,
 * so line numbers agree with the editor. No span contains a line break.
 * O(n) in the text length.
 */
export function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  if (!text.includes('\r')) {
    for (let lf = text.indexOf('\n'); lf !== -1; lf = text.indexOf('\n', start)) {
      lines.push({ start, end: lf });
      start = lf + 1;
    }
    lines.push({ start, end: text.length });
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

/**
 * For each line of `splitLines(text)`, the index of the element of `text.split("\n")` it lies
 * in (they differ only where a lone CR ends a line). O(n).
 */
export function lfLineOfLines(text: string, lines: readonly LineSpan[]): number[] {
  let lf = 0;
  let at = 0;
  return lines.map(line => {
    for (; at < line.start; at++) if (text.charCodeAt(at) === 10) lf++;
    return lf;
  });
}

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d]/g;
/**
 * Format characters that print nothing and leave a word's letters as they are: the soft hyphen
 * (a hyphenation point), the zero-width space (a line-break point), the word joiner and the
 * zero-width no-break space. One version of a story may carry them inside its words and another
 * not. The zero-width joiner and non-joiner are not among them: they change how letters join
 * in Persian, the Indic scripts and emoji.
 */
export const INVISIBLE_CLASS = '\\u00ad\\u200b\\u2060\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/** Code-unit order of two texts: the same in every locale and on every machine, unlike `localeCompare`. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `text` without the invisible format characters of `INVISIBLE`. O(n). */
export function withoutInvisibles(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** An HTML character reference (`&quot;`, `&#39;`, `&#x2014;`) left in a text dump. */
const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
/**
 * Named references for quotes, spaces and dashes that lost their ampersand in a careless dump
 * (`quot;Yes,quot; she said`). Only names no word of any language ends in: `amp`, `lt`, `gt`
 * and `apos` could end real words and are read only with their ampersand.
 */
const BARE_REFERENCE = /(?<!&)(quot|nbsp|ndash|mdash|lsquo|rsquo|ldquo|rdquo|laquo|raquo|hellip);/gi;
const BARE_REFERENCE_TEST = new RegExp(BARE_REFERENCE.source, 'i');

/**
 * The text with HTML character references decoded, as a reader of the page saw it; the text
 * itself when it holds none. O(n).
 */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes(';')) return text;
  let out = text;
  if (BARE_REFERENCE_TEST.test(out)) out = out.replace(BARE_REFERENCE, '&$1;');
  return CHARACTER_REFERENCE.test(out) ? decodeHTMLStrict(out) : out;
}

/**
 * The form sentences are compared in: HTML character references decoded, Unicode NFC, case
 * folded, curly and angled quote marks unified to ASCII ones, invisible format characters
 * (soft hyphens, zero-width spaces: `withoutInvisibles`) left out. Similarities are always
 * computed on this form.
 */
export function normalizeForComparison(text: string): string {
  const decoded = decodeCharacterReferences(text);
  if (!NON_ASCII.test(decoded)) return decoded.toLowerCase().replace(QUOTES, "'");
  // Left out before NFC: a soft hyphen between a letter and its accent keeps the two from composing.
  return withoutInvisibles(decoded).normalize('NFC').toLowerCase().replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"');
}

// Made on first use: creating the first segmenter loads ICU's break data, about 10 ms.
let wordSegmenter: Intl.Segmenter | undefined;
// Scripts written without spaces between words (`UNSPACED_SCRIPT`) need the dictionary-based segmenter.
// Every letter of those scripts is a code unit from U+0E00 (Thai) up, outside General
// Punctuation (U+2000–U+206F: the dashes and quotes of Latin text). A text without such a code
// unit holds none of them: a range test that runs several times faster than the script classes.
const MAY_BE_UNSPACED = /[^\u0000-\u0dff\u2000-\u206f]/;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
// The same tokens in text without a character above U+007F, several times faster.
const ASCII_WORD = /[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*/g;
const NON_ASCII = /[^\x00-\x7f]/;
// Text whose letters and digits are all ASCII (curly quotes, dashes and symbols aside) gets the
// same tokens from a pattern without Unicode classes, about twice as fast.
const NON_ASCII_ALNUM = /(?![A-Za-z0-9])[\p{L}\p{M}\p{N}]/u;
const LATIN_WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;

/** A sentence's final stop: Unicode's Sentence_Terminal, or an ellipsis. */
const STOP_AT_END = /[\p{Sentence_Terminal}…]$/u;
/** Closing quotes and brackets that may follow a final stop. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')']);

/** A list item's number at the start of a form: "1. ", "12) ", "(3) ". */
const LIST_NUMBER = /^\(?\d{1,3}[.)]\s+(?=\S)/;

/**
 * `form` without a list item's number at its start: a box of most-read stories numbers a
 * story's headline one way on one page and another way on the next, and the number is no part
 * of what the line states, so the headline recurs as one form across the pages that list it and
 * those it heads. An ordinal that opens a sentence goes too ("20. märz …", "1. fc …" in German):
 * forms that differ in that number alone then read as one, which only joins them where they
 * recur across stories. O(1) where the form starts with no digit or bracket.
 */
export function unnumbered(form: string): string {
  const first = form.charCodeAt(0);
  if (first !== 40 && (first < 48 || first > 57)) return form;
  const number = LIST_NUMBER.exec(form);
  return number ? form.slice(number[0].length) : form;
}

/**
 * Whether `text` ends as a sentence does, with a final stop (a bar typed for a danda counts,
 * `barDandas.ts`): a title (a headline, a subheading) does not.
 */
export function endsWithStop(text: string): boolean {
  return endsWithFinalStop(text) || (text.includes('|') && endsWithFinalStop(barsAsDandas(text)));
}

/**
 * Whether `text` ends with a final stop, then perhaps closing quotes and brackets. Read from
 * the end: a pattern anchored at the end is tried from every position of the text, which made
 * this test a visible share of an analysis. O(c) for c closers at the end.
 */
function endsWithFinalStop(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS.has(text[end - 1])) end--;
  // Two code units: a stop outside the Basic Multilingual Plane is a surrogate pair.
  return end > 0 && STOP_AT_END.test(text.slice(Math.max(0, end - 2), end));
}

/** Whether `text` holds a letter of a script that sets no spaces between its words (Han, kana, Thai, Lao, Khmer, Myanmar). */
export function hasSpacelessScript(text: string): boolean {
  return MAY_BE_UNSPACED.test(text) && UNSPACED_SCRIPT.test(text);
}

/**
 * The word-like tokens of a text (letters, marks or digits, with inner apostrophes and
 * hyphens), in order, as they stand. A regular expression for space-separated scripts, which
 * is several times faster than `Intl.Segmenter`; the segmenter for the others.
 */
export function words(text: string): string[] {
  const kind = nonAsciiKind(text);
  if (kind === ASCII_ONLY) return text.match(ASCII_WORD) ?? [];
  if (kind === PUNCTUATION_ONLY || !NON_ASCII_ALNUM.test(text)) return text.match(LATIN_WORD) ?? [];
  if (!hasSpacelessScript(text)) return text.match(WORD) ?? [];
  const out: string[] = [];
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  for (const s of windowedSegments(text, wordSegmenter)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * The words of `text`, `ws` (as `words(text)` gives them), lower-cased, as
 * `ws.map(w => w.toLowerCase())`: for a text without capitals the same array; for a text whose
 * characters beyond ASCII are signs without case (see `nonAsciiKind`), the words of its
 * lower-cased text, as ASCII case changes neither which characters form words nor their
 * number: one string operation per text instead of one per word. O(n).
 */
export function lowerCaseWords(text: string, ws: readonly string[]): readonly string[] {
  if (ws.length === 0) return ws;
  const lower = text.toLowerCase();
  if (lower === text) return ws;
  if (nonAsciiKind(text) === OTHER_NON_ASCII) return ws.map(w => w.toLowerCase());
  return words(lower);
}

const ASCII_ONLY = 0;
const PUNCTUATION_ONLY = 1;
const OTHER_NON_ASCII = 2;

/**
 * Latin-1 signs and spaces that are no letter, mark or digit (not ª µ º, the superscript
 * digits or the fractions): with General Punctuation (U+2000–U+206F: spaces, dashes, quotes,
 * bullets), what news text mixes into ASCII words most.
 */
const LATIN1_SIGNS = new Set([
  0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb4, 0xb6, 0xb7, 0xb8, 0xbb, 0xbf,
  0xd7, 0xf7,
]);

/**
 * Whether `text` is all ASCII, holds only such signs beyond ASCII (so no letter, mark or digit
 * there), or holds other characters, which the Unicode classes must then look at. One pass over
 * the code units, without a regular expression.
 */
function nonAsciiKind(text: string): number {
  let kind = ASCII_ONLY;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x2000 && c <= 0x206f) || LATIN1_SIGNS.has(c)) kind = PUNCTUATION_ONLY;
    else return OTHER_NON_ASCII;
  }
  return kind;
}

// Only runs that change: a single space stays, so a string that needs nothing is not copied.
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Each run of white space as one space, as `text.replace(/\s+/g, " ")`. O(n). */
export function collapseSpaces(text: string): string {
  return text.replace(SPACE_RUNS, ' ');
}

/**
 * `phrase` as a regular expression that matches it literally, its spaces as any run of white
 * space (a phrase or a name written with two spaces, or a line break, where the list has one).
 */
export function escapePattern(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** True when the string contains at least one letter of any script. */
export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** FNV-1a over UTF-16 code units: a cheap, stable content hash for caches. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Written as two 16-bit halves: `h >>> 0` is above the small-integer range for half of all
  // texts, and V8 then throws away the optimised code of every caller that inlined this.
  const high = (h >>> 16).toString(16).padStart(4, '0');
  const low = (h & 0xffff).toString(16).padStart(4, '0');
  return high + low + text.length.toString(16);
}
