/**
 * What one non-blank line of a page shows on its own (`LineFacts`): its words and their share
 * of the page's function words, how it ends, its bullet or number, title case, copyright sign
 * and form fields, whether it is a menu set on one line (`isInlineMenu`, `spacedCells`), and
 * the key by which the page tells it is printed again (`repeatKey`). With them the classes of
 * a line's code units (`classesOf`), looked at once per process, which the line's own columns
 * (`featureColumns.ts`) scan by too. Apart from the columns because these facts read one
 * line's text alone, and the reasons, the context pass and the headline search read them too.
 */
import { barsAsDandas } from './barDandas';
import { collapseSpaces, hasSpacelessScript, words } from './text';
import { StopwordProfile, isFunctionWord } from './stopwords';

/** What one non-blank line shows on its own. */
export interface LineFacts {
  readonly text: string;
  readonly words: readonly string[];
  readonly lowerWords: readonly string[];
  readonly wordCount: number;
  readonly stopShare: number;
  readonly endsSentence: boolean;
  readonly bullet: boolean;
  readonly listMarker: boolean;
  readonly indent: number;
  readonly titleCaseShare: number;
  readonly copyright: boolean;
  readonly formField: boolean;
  /** Printed more than once in the page, in two words or more (the `repeated` feature). */
  readonly repeated: boolean;
  /** Printed more than once in the page, in any number of words ("Advertisement" between paragraphs). */
  readonly printedAgain: boolean;
  readonly noLetters: boolean;
  /** A menu or a breadcrumb set on one line (`isInlineMenu`). */
  readonly inlineMenu: boolean;
  /** Cells apart by runs of spaces (`spacedCells`): as many, 0 for a line without. */
  readonly spacedCells: number;
  /** Links of a menu apart by runs of spaces (`spacedCells`): a menu unless a table's rows stand beside it. */
  readonly spacedMenu: boolean;
  /** Long enough, punctuated and dense in function words. */
  readonly proseLike: boolean;
  /** Long enough and dense in function words, whatever its punctuation: prose in a page that drops its full stops. */
  readonly proseShaped: boolean;
  /** The characters of its words (`lowerWords`), which `pageSpacelessShare` sums over a page. */
  readonly wordChars: number;
  /**
   * The characters of its words in a script set without spaces between words
   * (`hasSpacelessScript`), only asked of the words of a line that holds such a script: kept
   * with the line, as a page's share is read several times while it is classified.
   */
  readonly spacelessChars: number;
}

/**
 * A sentence ends with a sentence terminal of any script (Unicode's Sentence_Terminal: ".", "؟",
 * "।", "։", "۔", "።", "။", "。"…) or an ellipsis, then perhaps closing quotes and brackets
 * (`TERMINAL_CLOSERS`): a page whose script ends its sentences with another mark than the
 * scripts of the development pages still reads as prose.
 */
export const TERMINAL_CLOSERS = '"\'”’»)]';
const BULLET_START = /^[\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*>]\s*|^[-–—]\s+/u;
const NUMBERED = /^\d{1,3}[.)]\s/u;
/**
 * The copyright sign, "(c)" before a year, or the word; or the circled sign Korean and Japanese
 * pages set (ⓒ, Ⓒ) beside a year, where it is no third item of a list lettered ⓐ, ⓑ, ⓒ.
 */
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|[ⓒⒸ]\s*\d{4}|\d{4}\s*[ⓒⒸ]/i;
const FORM_FIELD = /\[[ xX_]*\]|_{4,}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** Fewest words of a line that may be prose (`proseLike`, `proseShaped`). */
export const MIN_PROSE_WORDS = 7;
const MIN_PROSE_STOP_SHARE = 0.12;

/**
 * The facts of one non-blank line (`LineFacts`): `line` as the page prints it, `trimmed` the line
 * without the white space around it, `ws` its words and `lower` their lower-case forms,
 * `repeated` whether the page prints it more than once, `profile` the page's function words.
 * O(length).
 */
export function lineFacts(
  line: string,
  trimmed: string,
  ws: readonly string[],
  lower: readonly string[],
  repeated: boolean,
  profile: StopwordProfile,
): LineFacts {
  // Bars typed for dandas end the line's sentences as dandas do (`barDandas.ts`).
  const text = barsAsDandas(trimmed);
  const indent = line.length - line.trimStart().length;
  const bullet = BULLET_START.test(text);
  const listMarker = bullet || NUMBERED.test(text);
  let stops = 0;
  let capitalised = 0;
  let alphabetic = 0;
  for (let k = 0; k < ws.length; k++) {
    if (isFunctionWord(lower[k], profile)) stops++;
    const initial = initialClass(ws[k]);
    if (initial !== NOT_LETTER) {
      alphabetic++;
      if (initial === UPPER) capitalised++;
    }
  }
  const wordCount = ws.length;
  const stopShare = wordCount ? stops / wordCount : 0;
  const last = endBefore(text, TERMINAL_CLOSERS) - 1;
  const cells = spacedCells(text);
  const endsSentence = last >= 0 && (text[last] === '…' || (classesOf(text.charCodeAt(last)) & SENTENCE_END) !== 0);
  const mixed = hasSpacelessScript(text);
  let wordChars = 0;
  let spacelessChars = 0;
  for (const w of lower) {
    wordChars += w.length;
    if (mixed && hasSpacelessScript(w)) spacelessChars += w.length;
  }
  return {
    text,
    words: ws,
    lowerWords: lower,
    wordCount,
    stopShare,
    endsSentence,
    bullet,
    listMarker,
    indent,
    titleCaseShare: alphabetic ? capitalised / alphabetic : 0,
    copyright: COPYRIGHT.test(text),
    formField: FORM_FIELD.test(text),
    repeated: repeated && wordCount >= 2,
    printedAgain: repeated,
    noLetters: !LETTER.test(text),
    inlineMenu: !endsSentence && isInlineMenu(text),
    spacedCells: cells.length,
    spacedMenu: !endsSentence && cells.length >= SPACED_MENU_MIN_LINKS && cells.every(isMenuItem),
    proseLike: wordCount >= MIN_PROSE_WORDS && stopShare >= MIN_PROSE_STOP_SHARE && endsSentence,
    proseShaped: wordCount >= MIN_PROSE_WORDS && stopShare >= MIN_PROSE_STOP_SHARE,
    wordChars,
    spacelessChars,
  };
}

/**
 * Marks a dump sets between the links of a menu on one line ("Home | World | Sport", "Home · World
 * · Sport"), each with the pattern that splits a line at it; and those that set a breadcrumb's
 * steps apart ("Home > World"), where two links are enough. Runs of spaces are none: a table's
 * header row is set so as well.
 */
const MENU_SEPARATORS: readonly (readonly [mark: string, split: RegExp, breadcrumb: boolean])[] = [
  ['|', /\s+\|\s+/u, false],
  ['｜', /\s*｜\s*/u, false],
  ['·', /\s+·\s+/u, false],
  ['•', /\s+•\s+/u, false],
  ['・', /\s+・\s+/u, false],
  ['/', /\s+\/\s+/u, false],
  ['>', /\s+>\s+/u, true],
  ['»', /\s+»\s+/u, true],
  ['›', /\s+›\s+/u, true],
  ['＞', /\s*＞\s*/u, true],
];
/** Most words of a menu's link. */
const MENU_ITEM_MAX_WORDS = 3;
/** Most characters of a menu's link in Chinese or Japanese ("首页", "ニュース"), where a phrase is one word. */
const MENU_ITEM_MAX_HAN_OR_KANA = 4;
const MENU_ITEM = /^\p{L}[^\p{Nd}]*$/u;
/** Chinese and Japanese: a link of several characters is a phrase, often one word, which no segmenter reliably splits. */
const HAN_OR_KANA_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Thai, Lao, Khmer and Burmese set no spaces between words either, but a segmenter tells their words apart ("หน้าแรก", home, is two words of seven letters). */
const SEGMENTED_LETTER = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Quotation marks that open what "»" and "›" close (French sets them apart with spaces: "Le « oui » progresse"). */
const OPENING_GUILLEMETS: Readonly<Record<string, string>> = { '»': '«', '›': '‹' };

/** Whether `item` reads as a menu's link: a letter first, no figure, few words (few characters in Chinese and Japanese). */
function isMenuItem(item: string): boolean {
  if (!MENU_ITEM.test(item)) return false;
  if (HAN_OR_KANA_LETTER.test(item)) return item.length <= MENU_ITEM_MAX_HAN_OR_KANA;
  if (SEGMENTED_LETTER.test(item)) return words(item).length <= MENU_ITEM_MAX_WORDS;
  return item.split(/\s+/u).length <= MENU_ITEM_MAX_WORDS;
}

/**
 * Whether a line is a menu or a breadcrumb set on one line: three links or more (two for a
 * breadcrumb) apart by one of `MENU_SEPARATORS`, each of at most `MENU_ITEM_MAX_WORDS` words,
 * opening with a letter and holding no digit (a row of a table of results holds figures). Nor is
 * the ideographic space: Chinese and Japanese headlines set their phrases apart with it. O(n).
 */
export function isInlineMenu(text: string): boolean {
  return menuSeparator(text) !== undefined;
}

/** The pattern that sets the links of `text` apart where it is a menu on one line (`isInlineMenu`), else undefined. O(n). */
export function menuSeparator(text: string): RegExp | undefined {
  const line = text.trim();
  for (const [mark, split, breadcrumb] of MENU_SEPARATORS) {
    if (!line.includes(mark) || (OPENING_GUILLEMETS[mark] && line.includes(OPENING_GUILLEMETS[mark]))) continue;
    const items = line.split(split);
    if (items.length < (breadcrumb ? 2 : 3)) continue;
    if (items.every(isMenuItem)) return split;
  }
  return undefined;
}

/** A run of spaces that sets cells or links apart, as a dump lays out a table's row or a menu's links. */
const SPACED_APART = / {3,}/u;
/** Fewest links of a menu set apart by runs of spaces: a table's header has as few columns as two or three. */
const SPACED_MENU_MIN_LINKS = 4;

/**
 * The cells a line holds apart by runs of three spaces or more; none for a line without. A line
 * of `SPACED_MENU_MIN_LINKS` cells or more, each as `isInlineMenu` reads a link, is a menu
 * ("Lokales   Kreis   Polizei   Sport", `LineFacts.spacedMenu`); a table's header row is set so
 * too, and the context pass tells them apart by the rows beside it. O(n).
 */
function spacedCells(text: string): readonly string[] {
  const line = text.trim();
  return SPACED_APART.test(line) ? line.split(SPACED_APART) : [];
}

export const DIGIT_UNIT = 1;
export const LETTER_UNIT = 2;
const KNOWN_UNIT = 4;
export const SPACE_UNIT = 8;
/** Punctuation inside a sentence, in several scripts. */
export const INNER_PUNCTUATION = 16;
/** Characters that separate the items of a menu or a breadcrumb trail. */
export const SEPARATOR = 32;
/** Every match of `ADDRESS_LIKE` holds one of these (":", ".", "@", see `mayStartAddress`); every match of `SENTENCE_INSIDE` a `SENTENCE_END` (all three in `featureColumns.ts`). */
export const LINK_MARK = 64;
export const SENTENCE_END = 128;
export const QUOTE = 256;
/** Half of a character outside the Basic Multilingual Plane. */
export const SURROGATE_UNIT = 512;
/** The punctuation classes, and surrogates. */
export const MARKS = INNER_PUNCTUATION | SEPARATOR | LINK_MARK | SENTENCE_END | QUOTE | SURROGATE_UNIT;
const SPACE = /\s/u;
/**
 * Per UTF-16 code unit: the punctuation classes above, set here; and, once `classesOf` has
 * looked at the unit (every ASCII unit when the module loads), `KNOWN_UNIT` with
 * `DIGIT_UNIT`/`LETTER_UNIT`/`SPACE_UNIT` where `DIGIT`/`LETTER`/`SPACE` match it alone,
 * `SURROGATE_UNIT` for a surrogate, and `SENTENCE_END` for a sentence terminal beyond ASCII.
 */
export const unitClasses = new Uint16Array(0x10000);
for (const [chars, mark] of [
  [',;:،、，；：', INNER_PUNCTUATION],
  ['|»›·•/', SEPARATOR],
  [':.@', LINK_MARK],
  // Sentence terminals beyond ASCII are found by `classesOf`.
  ['.!?', SENTENCE_END],
  ['"“”«»„', QUOTE],
] as const)
  for (const c of chars) unitClasses[c.charCodeAt(0)] |= mark;

/** Whether `DIGIT` (`DIGIT_UNIT`) or `LETTER` (`LETTER_UNIT`) matches the code unit alone; each unit tested once per process. */
function codeUnitIs(code: number, kind: number): boolean {
  return (classesOf(code) & kind) !== 0;
}

/**
 * The classes of a code unit, with `KNOWN_UNIT` and what it brings: tested once per process.
 * Beyond ASCII, a sentence terminal of any script (Unicode's Sentence_Terminal) is a
 * `SENTENCE_END`.
 */
export function classesOf(code: number): number {
  let classes = unitClasses[code];
  if (!(classes & KNOWN_UNIT)) {
    const unit = String.fromCharCode(code);
    classes |=
      KNOWN_UNIT |
      (DIGIT.test(unit) ? DIGIT_UNIT : 0) |
      (LETTER.test(unit) ? LETTER_UNIT : 0) |
      (SPACE.test(unit) ? SPACE_UNIT : 0) |
      (code >= 0xd800 && code <= 0xdfff ? SURROGATE_UNIT : 0) |
      (code >= 128 && SENTENCE_TERMINAL.test(unit) ? SENTENCE_END : 0);
    unitClasses[code] = classes;
  }
  return classes;
}

const SENTENCE_TERMINAL = /\p{Sentence_Terminal}/u;
// ASCII is looked at here, so that a loop over a line reads its classes without a call.
for (let code = 0; code < 128; code++) classesOf(code);

/** The end of `text` once the trailing characters found in `closers` are left off. O(trailing run). */
function endBefore(text: string, closers: string): number {
  let end = text.length;
  while (end > 0 && closers.includes(text[end - 1])) end--;
  return end;
}

/** Whether the text ends with an ellipsis ("…" or "...") before any run of `closers`. */
export function endsWithEllipsis(text: string, closers: string): boolean {
  const end = endBefore(text, closers);
  return text[end - 1] === '…' || (end >= 3 && text.startsWith('...', end - 3));
}

/**
 * A trimmed line as "printed again" compares it with the page's other lines: runs of white
 * space as one space, lower case ('' for a blank line). O(length).
 */
export function repeatKey(trimmed: string): string {
  return trimmed ? (hasSpaceToCollapse(trimmed) ? collapseSpaces(trimmed) : trimmed).toLowerCase() : '';
}

/** Whether `collapseSpaces` would change the text: a white-space character other than a single space. O(length). */
function hasSpaceToCollapse(text: string): boolean {
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    if (code === 32) {
      if (c + 1 < text.length && codeUnitIs(text.charCodeAt(c + 1), SPACE_UNIT)) return true;
    } else if (codeUnitIs(code, SPACE_UNIT)) return true;
  }
  return false;
}

const NOT_LETTER = 0;
const LOWER_LETTER = 1;
const UPPER = 2;

/** Whether a word starts with a letter, and an upper-case one; ASCII without a regular expression. */
function initialClass(word: string): number {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LOWER_LETTER;
  if (c < 128) return NOT_LETTER;
  if (!/^\p{L}/u.test(word)) return NOT_LETTER;
  return /^\p{Lu}/u.test(word) ? UPPER : LOWER_LETTER;
}
