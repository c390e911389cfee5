/**
 * The feature columns: their names in the order the trained model reads them (`FEATURE_NAMES`:
 * a line's own columns, `BASE`; the previous and next lines' `NEIGHBOUR` columns; the page-level
 * columns, `PAGE`), the table a page's rows are written in, and a line's own columns worked out
 * from its facts and text (`baseFeatures`). Apart because the model knows a column only by
 * where it stands: the names, and the writer that must keep their order, are read together.
 */
import {
  DIGIT_UNIT,
  INNER_PUNCTUATION,
  LETTER_UNIT,
  LINK_MARK,
  LineFacts,
  MARKS,
  QUOTE,
  SENTENCE_END,
  SEPARATOR,
  SPACE_UNIT,
  SURROGATE_UNIT,
  classesOf,
  endsWithEllipsis,
  unitClasses,
} from './lineFacts';

/** A line cut short ends with an ellipsis, then perhaps closing quotes. */
const TRUNCATION_CLOSERS = '"\'”’';
const SENTENCE_INSIDE = /\p{Sentence_Terminal}[”’"')\]]*\s+\S/gu;
/** A web or mail address, or a domain name. */
export const ADDRESS_LIKE = /https?:\/\/|www\.|\S@\S|\.(?:com|org|net)\b/i;
/** A year from 1900 to 2099. */
export const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
/** A clock time such as 9:15, 21.30 or 06h15 (as French and Portuguese write it). */
export const CLOCK_TIME = /(?<!\d)\d{1,2}(?:[:.]|h(?=\d\d))\d\d(?!\d)/;

/** Indents past this many columns count as this many. */
export const MAX_INDENT = 40;

export const BASE = [
  'logWords',
  'stopShare',
  'endsSentence',
  'bullet',
  'numbered',
  'titleCase',
  'digitShare',
  'copyright',
  'formField',
  'repeated',
  'noLetters',
  'indent',
  'innerPunctuation',
  'meanWordLength',
  'separators',
  'startsLower',
  'hasQuote',
  'linkLike',
  'sentencesInside',
  'proseLike',
  'truncated',
  'endsColon',
  'logChars',
  'hasYear',
  'hasClockTime',
] as const;
export const NEIGHBOUR = ['logWords', 'stopShare', 'endsSentence', 'bullet', 'titleCase', 'proseLike', 'linkLike'] as const;
const PAGE = [
  'position',
  'relativeWords',
  'proseBefore',
  'densityNear',
  'densityWide',
  'blanksBefore',
  'blanksAfter',
  'proseDistance',
  'bulletRun',
  'bodyOverlap',
  'pageProseShare',
  'sameIndentRun',
  'blockLines',
  'blockProseShare',
  'blockBulletShare',
  'blockDigitLines',
  'firstInBlock',
  'lastInBlock',
  'mainRunSide',
  'mainRunDistance',
] as const;

/** The names of the feature columns, in order. */
export const FEATURE_NAMES: readonly string[] = [
  ...BASE,
  ...NEIGHBOUR.map(n => `prev.${n}`),
  ...NEIGHBOUR.map(n => `next.${n}`),
  'prev2.proseLike',
  'next2.proseLike',
  ...PAGE,
];
export const BASE_INDEX = new Map(BASE.map((n, i) => [n, i] as const));
export const NEIGHBOUR_COLUMNS = NEIGHBOUR.map(n => BASE_INDEX.get(n)!);

/** The page's feature rows, one after the other in one array. */
export interface FeatureTable {
  readonly matrix: Float64Array;
  readonly width: number;
}

/** A group of feature columns: how many, and the values of non-blank line k written at `out[at]`, `out[at + 1]`, …. */
export interface ColumnGroup {
  readonly count: number;
  write(k: number, out: Float64Array, at: number): void;
}

export const PAGE_AT = FEATURE_NAMES.length - PAGE.length;

/** Writes the groups' columns side by side from column `from` on, for every row. */
export function writeColumns(table: FeatureTable, from: number, groups: readonly ColumnGroup[]): void {
  const { matrix, width } = table;
  const rowCount = matrix.length / width;
  let at = from;
  for (const group of groups) {
    for (let k = 0; k < rowCount; k++) group.write(k, matrix, k * width + at);
    at += group.count;
  }
}

/** Writes the line's own features (`BASE`) at `row[from]`, `row[from + 1]`, …. */
export function baseFeatures(f: LineFacts, line: string, row: Float64Array, from: number): void {
  const text = f.text;
  let letters = 0;
  for (const w of f.words) letters += w.length;
  let digits = 0;
  let innerPunctuation = 0;
  let separators = 0;
  let firstLetter = -1;
  // Characters without which a pattern below cannot match: its test is skipped on lines that lack them.
  let asciiDigit = false;
  let linkMark = false;
  let sentenceEnd = false;
  let quote = false;
  // Matches of `SENTENCE_INSIDE`, counted in this pass (see `sentenceInsideAt`) unless the line
  // holds a character beyond the BMP, which the pattern reads as one.
  let inside = 0;
  let insideFrom = 0;
  let astral = false;
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    const marks = code < 128 ? unitClasses[code] : classesOf(code);
    // Most characters are letters and spaces, which carry none of the marks.
    if (marks & MARKS) {
      if (marks & INNER_PUNCTUATION) innerPunctuation++;
      else if (marks & SEPARATOR) separators++;
      if (marks & LINK_MARK && !linkMark) linkMark = mayStartAddress(text, c, code);
      if (marks & SENTENCE_END) {
        sentenceEnd = true;
        const last = c >= insideFrom ? sentenceInsideAt(text, c) : -1;
        if (last >= 0) {
          inside++;
          // The next match begins after the character that ends this one.
          insideFrom = last + 1;
        }
      }
      if (marks & QUOTE) quote = true;
      if (marks & SURROGATE_UNIT) astral = true;
    }
    if (marks & DIGIT_UNIT) {
      digits++;
      if (code < 128) asciiDigit = true;
    } else if (firstLetter < 0 && marks & LETTER_UNIT) firstLetter = c;
  }
  const first = firstLetter >= 0 ? text[firstLetter] : '';
  let at = from;
  row[at++] = Math.log1p(f.wordCount);
  row[at++] = f.stopShare;
  row[at++] = +f.endsSentence;
  row[at++] = +f.bullet;
  row[at++] = +(f.listMarker && !f.bullet);
  row[at++] = f.titleCaseShare;
  row[at++] = letters ? digits / letters : 0;
  row[at++] = +f.copyright;
  row[at++] = +f.formField;
  row[at++] = +f.repeated;
  row[at++] = +f.noLetters;
  row[at++] = Math.min(f.indent, MAX_INDENT);
  row[at++] = f.wordCount ? innerPunctuation / f.wordCount : 0;
  row[at++] = f.wordCount ? letters / f.wordCount : 0;
  row[at++] = Math.min(5, separators);
  row[at++] = +(first !== '' && first !== first.toUpperCase());
  row[at++] = +quote;
  row[at++] = +(linkMark && ADDRESS_LIKE.test(text));
  row[at++] = sentenceEnd ? Math.min(10, astral ? (text.match(SENTENCE_INSIDE)?.length ?? 0) : inside) : 0;
  row[at++] = +f.proseLike;
  row[at++] = +isTruncated(text);
  row[at++] = +(text.endsWith(':') || text.endsWith('：'));
  row[at++] = Math.log1p(line.length);
  row[at++] = +(asciiDigit && YEAR.test(text));
  row[at] = +(asciiDigit && CLOCK_TIME.test(text));
}

/**
 * Whether the `LINK_MARK` `code` at `text[c]` stands as it does in a match of `ADDRESS_LIKE`:
 * "@"; ":" before "/" ("https://"); "." after "w" ("www.") or before "c", "o" or "n" (".com",
 * ".org", ".net"), in either case. A line's full stops stand before spaces, so most prose lines
 * hold none of these, and the pattern is not tried on them. O(1).
 */
function mayStartAddress(text: string, c: number, code: number): boolean {
  if (code === 0x40) return true;
  const next = text.charCodeAt(c + 1);
  if (code === 0x3a) return next === 0x2f;
  const lowerNext = next | 0x20;
  return (text.charCodeAt(c - 1) | 0x20) === 0x77 || lowerNext === 0x63 || lowerNext === 0x6f || lowerNext === 0x6e;
}

/**
 * Where a match of `SENTENCE_INSIDE` (a sentence terminal, closing quotes or brackets, white
 * space, then more text) that begins with the terminal at `text[c]` ends: the index of its last
 * character, or -1 where none begins there. Counting matches so, from each terminal the
 * code-unit classes find, one after the other, gives the pattern's count without its Unicode
 * classes tried at every character, for a text within the Basic Multilingual Plane (beyond it a
 * terminal, a space or a character is two code units). O(length of the match).
 */
function sentenceInsideAt(text: string, c: number): number {
  let next = c + 1;
  while (next < text.length && INSIDE_CLOSERS.includes(text[next])) next++;
  const spaces = next;
  while (next < text.length && classesOf(text.charCodeAt(next)) & SPACE_UNIT) next++;
  return next === spaces || next === text.length ? -1 : next;
}

/** The closing quotes and brackets `SENTENCE_INSIDE` lets stand between a terminal and the spaces after it. */
const INSIDE_CLOSERS = '”’"\')]';

/** Whether the text ends with an ellipsis ("..." or "…"), then perhaps closing quotes. */
function isTruncated(text: string): boolean {
  return endsWithEllipsis(text, TRUNCATION_CLOSERS);
}
