/**
 * Where the tokens of a sentence stand, for `factTokens` (factTokens.ts): each match of the token
 * pattern as its `[start, end)` and which of the pattern's parts matched.
 *
 * Most news text is plain ASCII with curly quotes and dashes, where a scan of character codes
 * finds the same matches as the pattern several times faster (no match arrays, no
 * substrings); any other text goes through the pattern. `tokenSpansByPattern` is the pattern itself, the reference the scan is tested
 * against. Likewise `hasCapital` reads an ASCII word without the `CAPITAL` pattern.
 */
import { DIGIT_SEPARATORS } from './numbers';
import { INVISIBLE_CLASS } from './text';

/** A character reference ("&amp;", "#8220;"): stands for punctuation, neither number nor word. */
export const REFERENCE = 0;
/** A run of digits with separators between them ("1,000", "12:30"). */
export const DIGITS = 1;
/**
 * A word: a letter, then letters, marks and digits, with inner apostrophes and hyphens (and
 * invisible format characters); in a script written without spaces, a run of its letters.
 */
export const WORD = 2;
/** Any other character that is not white space. */
export const OTHER = 3;

export type SpanPart = typeof REFERENCE | typeof DIGITS | typeof WORD | typeof OTHER;

const SEPARATOR_CLASS = DIGIT_SEPARATORS.replace(/[\]\\^-]/g, '\\$&');
// Letters of scripts written without spaces between words (with the marks and signs they use,
// such as the katakana prolonged sound mark): a run of them is a word of its own, and a figure
// written against it ("至少12人", "12ヶ所") is a number of its own, as a space would set it apart
// in other scripts. In a spaced script a figure inside a word stays in it ("A380", "G7").
const UNSPACED_SCRIPTS = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
// Only the scripts' letters and marks: their punctuation ("。", "、", "「") and digits ("๑๒") are
// tokens of their own, as elsewhere.
const UNSPACED_LETTER = `(?:(?=[\\p{L}\\p{M}])[${UNSPACED_SCRIPTS}])`;
const UNSPACED_RUN = `${UNSPACED_LETTER}(?:${UNSPACED_LETTER}|\\p{M}|[${INVISIBLE_CLASS}]+(?=${UNSPACED_LETTER}))*`;
// Elsewhere, a word's letters, marks and digits, with any invisible format characters between
// them (a soft hyphen, a zero-width space: `INVISIBLE_CLASS`), which stay inside the word's
// token; one that stands elsewhere is no token at all, as white space is none.
const SPACED_CHARACTER = `(?:(?!${UNSPACED_LETTER})[\\p{L}\\p{M}\\p{Nd}])`;
const SPACED_RUN = `${SPACED_CHARACTER}+(?:[${INVISIBLE_CLASS}]+${SPACED_CHARACTER}+)*`;
// One or two letters of a script without capitals written against a figure, directly or by a
// hyphen: a prefix of the language's own ("ב-34", "כ-20", "የ12", "بـ20"). The figure is a number
// of its own. A longer word keeps its figure ("كوفيد-19", "코로나19"), as names with capitals do
// ("A380", "COVID-19"); Hangul is left out, as Korean writes no such prefixes.
const CASELESS_LETTER = `(?:(?!${UNSPACED_LETTER})(?!\\p{Script=Hangul})\\p{Lo}\\p{M}*)`;
const CASELESS_PREFIX = `${CASELESS_LETTER}{1,2}\\u0640?(?=[\\-‐]?\\p{Nd})`;
const tokenPattern = (prefix: string) =>
  new RegExp(
    `(?:&?#\\d+;|&?(?:quot|amp|apos|nbsp|lt|gt|[lr][sd]quo|[mn]dash|hellip);)|(\\p{Nd}+(?:[${SEPARATOR_CLASS}:]\\p{Nd}+)*)|((?=[\\p{L}\\p{M}])(?:${prefix}${UNSPACED_RUN}|${SPACED_RUN}(?:['’\\-‐]${SPACED_RUN})*))|((?![${INVISIBLE_CLASS}])\\S)`,
    'gu',
  );
// Built on first use: the scan of `scannedTokenSpans` reads most texts without them, and
// building the two (their script and property classes) took about 15 ms of every run's start.
let token: RegExp | undefined;
// The prefix alternative costs every word of a caseless script a look ahead: a text with no
// figure against such a letter reads the same without it, and most do not have one.
let tokenWithoutPrefixes: RegExp | undefined;
const DIGIT = /\p{Nd}/u;

/**
 * Whether some character beyond U+058F (Hebrew and the scripts after it) stands right before a
 * digit, or before a hyphen or tatweel and a digit: where `CASELESS_PREFIX` may match. A scan of
 * code units; the digit pattern runs only on a unit beyond ASCII after such a character. O(n).
 */
function mayHoldPrefix(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    if (text.charCodeAt(i) < 0x590) continue;
    let j = i + 1;
    let c = text.charCodeAt(j);
    if ((c === 0x2d || c === 0x2010 || c === 0x640) && j + 1 < text.length) c = text.charCodeAt(++j);
    if ((c >= 48 && c <= 57) || (c >= 0x660 && DIGIT.test(text[j]))) return true;
  }
  return false;
}

/**
 * Input: a sentence. Output: its token spans as flat triples (start, end, part), in text order.
 * The same as `tokenSpansByPattern`. O(n) for n characters.
 */
export function tokenSpans(text: string): number[] {
  return scannedTokenSpans(text) ?? tokenSpansByPattern(text);
}

/** The token pattern's matches as flat triples (start, end, part). O(n) for n characters. */
export function tokenSpansByPattern(text: string): number[] {
  const out: number[] = [];
  const pattern = mayHoldPrefix(text) ? (token ??= tokenPattern(`${CASELESS_PREFIX}|`)) : (tokenWithoutPrefixes ??= tokenPattern(''));
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m.index, m.index + m[0].length, m[1] ? DIGITS : m[2] ? WORD : m[3] ? OTHER : REFERENCE);
  }
  return out;
}

/** Names of character references the pattern knows, each followed by ";". */
const REFERENCE_NAMES = ['quot', 'amp', 'apos', 'nbsp', 'lt', 'gt', 'lsquo', 'ldquo', 'rsquo', 'rdquo', 'mdash', 'ndash', 'hellip'];
const REFERENCE_NAME_SET: ReadonlySet<string> = new Set(REFERENCE_NAMES);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** White space as `\s` has it among the characters the scan knows: ASCII's, and the no-break spaces. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f;
/** Between digits, a separator of `DIGIT_SEPARATORS` the scan knows (no-break spaces, ’), or ":". */
const isDigitSeparator = (c: number) => c === 46 || c === 44 || c === 39 || c === 58 || c === 0x2019 || c === 0xa0 || c === 0x202f;
/** Inside a word, an apostrophe (' or ’) or a hyphen (- or U+2010) before more letters or digits. */
const isWordJoiner = (c: number) => c === 39 || c === 45 || c === 0x2019 || c === 0x2010;
/**
 * Characters above U+007F that are neither letters, marks, digits nor white space, which news
 * text mixes into ASCII most: curly quotes, dashes, the ellipsis, bullets. Each is a token of
 * its own where it is no joiner or separator. Any other character above U+007F sends the text
 * to the pattern.
 */
const KNOWN_SIGNS = new Set([...'‘’“”„«»‹›–—‐…•·'].map(c => c.charCodeAt(0)));

/**
 * The pattern's matches in a text of ASCII characters and `KNOWN_SIGNS` (and no-break spaces),
 * found by scanning: at each position that is not white space the pattern's alternatives are
 * tried in its order (reference, digits, word, any character), each taking as much as the
 * pattern would. Undefined for a text with any other character above U+007F.
 */
function scannedTokenSpans(text: string): number[] | undefined {
  const out: number[] = [];
  const n = text.length;
  let p = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (isSpace(c)) {
      p++;
      continue;
    }
    if (c >= 0x80) {
      if (!KNOWN_SIGNS.has(c)) return undefined;
      out.push(p, p + 1, OTHER);
      p++;
      continue;
    }
    // A reference opens with "&" or "#", or is a word of its name ended by ";" (read below).
    const reference = c === 38 || c === 35 ? referenceEnd(text, p) : -1;
    if (reference > 0) {
      out.push(p, reference, REFERENCE);
      p = reference;
      continue;
    }
    let end = p + 1;
    let part: SpanPart = OTHER;
    if (isDigit(c)) {
      part = DIGITS;
      while (end < n && isDigit(text.charCodeAt(end))) end++;
      // Separators, each between digits. (Every read stays inside the text: a read past its end
      // gives NaN, and the optimised code that meets one is thrown away and compiled again.)
      for (;;) {
        if (end + 1 < n && isDigitSeparator(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1))) {
          end += 2;
          while (end < n && isDigit(text.charCodeAt(end))) end++;
        } else break;
      }
    } else if (isLetter(c)) {
      part = WORD;
      while (end < n && (isLetter(text.charCodeAt(end)) || isDigit(text.charCodeAt(end)))) end++;
      if (end < n && text.charCodeAt(end) === 59 && REFERENCE_NAME_SET.has(text.slice(p, end))) {
        out.push(p, end + 1, REFERENCE);
        p = end + 1;
        continue;
      }
      // An apostrophe or a hyphen, each followed by letters or digits.
      for (;;) {
        if (end + 1 >= n) break;
        const next = text.charCodeAt(end + 1);
        if (isWordJoiner(text.charCodeAt(end)) && (isLetter(next) || isDigit(next))) {
          end += 2;
          while (end < n && (isLetter(text.charCodeAt(end)) || isDigit(text.charCodeAt(end)))) end++;
        } else break;
      }
    }
    out.push(p, end, part);
    p = end;
  }
  return out;
}

/** Where a character reference that starts at `p` ends (after its ";"), or -1. */
function referenceEnd(text: string, p: number): number {
  const n = text.length;
  const at = text.charCodeAt(p) === 38 ? p + 1 : p; // "&" is optional
  if (at < n && text.charCodeAt(at) === 35) {
    // "#" digits ";"
    let end = at + 1;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    return end > at + 1 && end < n && text.charCodeAt(end) === 59 ? end + 1 : -1;
  }
  for (const name of REFERENCE_NAMES) {
    const end = at + name.length;
    if (end < n && text.startsWith(name, at) && text.charCodeAt(end) === 59) return end + 1;
  }
  return -1;
}

/** A capital at the start of the word or of a hyphenated part ("al-Assad", "O’Brien"). */
export const CAPITAL = /(?:^|[-‐'’])[\p{Lu}\p{Lt}]/u;

/** Whether a word has a capital where `CAPITAL` finds one; a word of ASCII characters is scanned without the pattern. O(n). */
export function hasCapital(word: string): boolean {
  let previous = 45; // as after a hyphen: the first letter counts
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80) return CAPITAL.test(word);
    if (c >= 65 && c <= 90 && (previous === 45 || previous === 39)) return true;
    previous = c;
  }
  return false;
}
