/**
 * Shallow, language-independent features of the lines of one page, as a line classifier reads
 * them (after boilerpipe's and jusText's block features, carried over to plain text): how long a
 * line is and how dense in the page language's function words, its punctuation, bullets and
 * title case, where it stands in the page and in its prose, whether it repeats, and the same
 * facts of the lines before and after it.
 *
 * Input: the page text, its lines (`splitLines`), each line's words and their lower-case forms,
 * and the page's function-word profile. Output: one row of `FEATURE_NAMES.length` numbers per
 * line (blank lines get a row of zeros and are never classified), and the per-line facts the
 * reasons and the headline search read. O(n) in the text length.
 */
import { LineSpan, collapseSpaces } from './text';
import { StopwordProfile } from './stopwords';

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
  readonly repeated: boolean;
  readonly noLetters: boolean;
  /** Long enough, punctuated and dense in function words. */
  readonly proseLike: boolean;
}

const TERMINAL = /[.!?。！？؟…।]["'”’»)\]]*$/u;
const BULLET_START = /^[\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*>]\s*|^[-–—]\s+/u;
const NUMBERED = /^\d{1,3}[.)]\s/u;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b/i;
const FORM_FIELD = /\[[ xX_]*\]|_{4,}/u;
const SEPARATORS = /[|»›·•/]/g;
const INNER_PUNCTUATION = /[,;:،、，；：]/g;
const SENTENCE_INSIDE = /[.!?。！？؟][”’"')\]]*\s+\S/gu;
const LINK_LIKE = /https?:\/\/|www\.|\S@\S|\.(?:com|org|net)\b/i;
const TRUNCATED = /(?:\.\.\.|…)["'”’]*$/u;
const LETTER = /\p{L}/u;
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
const CLOCK_TIME = /(?<!\d)\d{1,2}[:.]\d\d(?!\d)/;
const DIGIT = /\p{Nd}/u;

const MIN_PROSE_WORDS = 7;
const MIN_PROSE_STOP_SHARE = 0.12;

const BASE = [
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
const NEIGHBOUR = ['logWords', 'stopShare', 'endsSentence', 'bullet', 'titleCase', 'proseLike', 'linkLike'] as const;
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
const BASE_INDEX = new Map(BASE.map((n, i) => [n, i] as const));
const NEIGHBOUR_COLUMNS = NEIGHBOUR.map(n => BASE_INDEX.get(n)!);

/** The features of a page's lines and the facts behind them. */
export interface PageFeatures {
  /** `rows[i]` holds line i's features; undefined for blank lines. */
  readonly rows: readonly (Float64Array | undefined)[];
  /** `facts[i]`: line i's own facts; undefined for blank lines. */
  readonly facts: readonly (LineFacts | undefined)[];
  /** Indices of the non-blank lines, in order. */
  readonly nonBlank: readonly number[];
}

/** Features of every line of a page. See the module comment. O(n) in the text length. */
export function pageFeatures(
  text: string,
  lines: readonly LineSpan[],
  lineWords: readonly (readonly string[])[],
  lineWordsLower: readonly (readonly string[])[],
  profile: StopwordProfile,
): PageFeatures {
  const raw = lines.map(l => text.slice(l.start, l.end));
  const keys = raw.map(line => (line.trim() ? collapseSpaces(line.trim()).toLowerCase() : ''));
  const repeats = new Map<string, number>();
  for (const key of keys) if (key) repeats.set(key, (repeats.get(key) ?? 0) + 1);

  const facts = raw.map((line, i) =>
    keys[i] ? lineFacts(line, lineWords[i], lineWordsLower[i], (repeats.get(keys[i]) ?? 0) > 1, profile) : undefined,
  );
  const base = facts.map((f, i) => (f ? baseFeatures(f, raw[i]) : undefined));
  const nonBlank: number[] = [];
  facts.forEach((f, i) => f && nonBlank.push(i));
  const m = nonBlank.length;

  // Prose mass along the page, in non-blank-line order.
  const proseWords = nonBlank.map(i => (facts[i]!.proseLike ? facts[i]!.wordCount : 0));
  const prefix = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) prefix[k + 1] = prefix[k] + proseWords[k];
  const totalProse = prefix[m];
  const windowSum = (k: number, radius: number) => prefix[Math.min(m, k + radius + 1)] - prefix[Math.max(0, k - radius)];
  let maxNear = 1;
  let maxWide = 1;
  for (let k = 0; k < m; k++) {
    maxNear = Math.max(maxNear, windowSum(k, 3));
    maxWide = Math.max(maxWide, windowSum(k, 12));
  }
  let maxWords = 1;
  let totalWords = 0;
  for (const i of nonBlank) {
    maxWords = Math.max(maxWords, facts[i]!.wordCount);
    totalWords += facts[i]!.wordCount;
  }
  // Distance (in non-blank lines) to the nearest prose line, both ways.
  const proseDistance = new Array<number>(m).fill(m);
  for (let k = 0, last = -Infinity; k < m; k++) {
    if (proseWords[k]) last = k;
    proseDistance[k] = k - last;
  }
  for (let k = m - 1, next = Infinity; k >= 0; k--) {
    if (proseWords[k]) next = k;
    proseDistance[k] = Math.min(proseDistance[k], next - k);
  }
  // Length of the run of consecutive bullet lines each line is in, and of lines at the same indent.
  const bulletRun = runLengths(
    nonBlank.map(i => (facts[i]!.bullet ? 1 : 0)),
    v => v === 1,
  );
  const indentRun = runLengths(
    nonBlank.map(i => facts[i]!.indent),
    () => true,
  );
  // Blocks: runs of non-blank lines with no blank line between them (a paragraph, a list, a menu).
  const blocks: Block[] = [];
  for (let k = 0; k < m; k++) {
    const i = nonBlank[k];
    const block: Block = k > 0 && nonBlank[k - 1] === i - 1 ? blocks[k - 1] : { lines: 0, prose: 0, bullets: 0, digitLines: 0 };
    const f = facts[i]!;
    block.lines++;
    if (f.proseLike) block.prose++;
    if (f.listMarker) block.bullets++;
    if (/\d/.test(f.text)) block.digitLines++;
    blocks.push(block);
  }
  const main = mainRun(nonBlank.map(i => runScore(facts[i]!)));
  // Long words of the prose lines, for the overlap of other lines with the body.
  const bodyWords = new Map<string, number>();
  for (const i of nonBlank) {
    const f = facts[i]!;
    if (!f.proseLike) continue;
    for (const w of f.lowerWords) if (w.length > 3) bodyWords.set(w, (bodyWords.get(w) ?? 0) + 1);
  }

  const width = FEATURE_NAMES.length;
  const rows: (Float64Array | undefined)[] = new Array(lines.length).fill(undefined);
  const nLines = Math.max(1, lines.length - 1);
  const B = BASE.length;
  const N = NEIGHBOUR.length;
  for (let k = 0; k < m; k++) {
    const i = nonBlank[k];
    const f = facts[i]!;
    const row = new Float64Array(width);
    row.set(base[i]!, 0);
    const prev = k > 0 ? base[nonBlank[k - 1]] : undefined;
    const next = k + 1 < m ? base[nonBlank[k + 1]] : undefined;
    for (let c = 0; c < N; c++) {
      row[B + c] = prev ? prev[NEIGHBOUR_COLUMNS[c]] : -1;
      row[B + N + c] = next ? next[NEIGHBOUR_COLUMNS[c]] : -1;
    }
    let at = B + 2 * N;
    row[at++] = k > 1 ? proseWords[k - 2] && 1 : -1;
    row[at++] = k + 2 < m ? proseWords[k + 2] && 1 : -1;
    row[at++] = i / nLines;
    row[at++] = f.wordCount / maxWords;
    row[at++] = totalProse ? prefix[k] / totalProse : 0;
    row[at++] = windowSum(k, 3) / maxNear;
    row[at++] = windowSum(k, 12) / maxWide;
    row[at++] = Math.min(3, blanksAround(raw, i, -1));
    row[at++] = Math.min(3, blanksAround(raw, i, 1));
    row[at++] = Math.log1p(Math.min(proseDistance[k], 1000));
    row[at++] = Math.log1p(bulletRun[k]);
    row[at++] = bodyOverlap(f, bodyWords);
    row[at++] = totalWords ? totalProse / totalWords : 0;
    row[at++] = Math.log1p(indentRun[k]);
    const block = blocks[k];
    row[at++] = Math.log1p(block.lines);
    row[at++] = block.prose / block.lines;
    row[at++] = block.bullets / block.lines;
    row[at++] = block.digitLines / block.lines;
    row[at++] = +(k === 0 || blocks[k - 1] !== block);
    row[at++] = +(k + 1 === m || blocks[k + 1] !== block);
    row[at++] = k < main.from ? -1 : k >= main.to ? 1 : 0;
    row[at] = Math.log1p(k < main.from ? main.from - k : k >= main.to ? k - main.to + 1 : 0);
    rows[i] = row;
  }
  return { rows, facts, nonBlank };
}

interface Block {
  lines: number;
  prose: number;
  bullets: number;
  digitLines: number;
}

function lineFacts(line: string, ws: readonly string[], lower: readonly string[], repeated: boolean, profile: StopwordProfile): LineFacts {
  const text = line.trim();
  const indent = line.length - line.trimStart().length;
  const bullet = BULLET_START.test(text);
  const listMarker = bullet || NUMBERED.test(text);
  let stops = 0;
  let capitalised = 0;
  let alphabetic = 0;
  for (let k = 0; k < ws.length; k++) {
    if (profile.words.has(lower[k])) stops++;
    const initial = initialClass(ws[k]);
    if (initial !== NOT_LETTER) {
      alphabetic++;
      if (initial === UPPER) capitalised++;
    }
  }
  const wordCount = ws.length;
  const stopShare = wordCount ? stops / wordCount : 0;
  const endsSentence = TERMINAL.test(text);
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
    noLetters: !LETTER.test(text),
    proseLike: wordCount >= MIN_PROSE_WORDS && stopShare >= MIN_PROSE_STOP_SHARE && endsSentence,
  };
}

function baseFeatures(f: LineFacts, line: string): Float64Array {
  const text = f.text;
  let letters = 0;
  for (const w of f.words) letters += w.length;
  let digits = 0;
  let firstLetter = '';
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    if (code >= 48 && code <= 57) digits++;
    else if (code >= 128 && DIGIT.test(text[c])) digits++;
    if (!firstLetter && ((code | 32) >= 97 && (code | 32) <= 122 ? true : code >= 128 && LETTER.test(text[c]))) firstLetter = text[c];
  }
  const row = new Float64Array(BASE.length);
  let at = 0;
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
  row[at++] = Math.min(f.indent, 40);
  row[at++] = f.wordCount ? (text.match(INNER_PUNCTUATION)?.length ?? 0) / f.wordCount : 0;
  row[at++] = f.wordCount ? letters / f.wordCount : 0;
  row[at++] = Math.min(5, text.match(SEPARATORS)?.length ?? 0);
  row[at++] = +(firstLetter !== '' && firstLetter !== firstLetter.toUpperCase());
  row[at++] = +/["“”«»„]/u.test(text);
  row[at++] = +LINK_LIKE.test(text);
  row[at++] = Math.min(10, text.match(SENTENCE_INSIDE)?.length ?? 0);
  row[at++] = +f.proseLike;
  row[at++] = +TRUNCATED.test(text);
  row[at++] = +/[:：]$/u.test(text);
  row[at++] = Math.log1p(line.length);
  row[at++] = +YEAR.test(text);
  row[at] = +CLOCK_TIME.test(text);
  return row;
}

/** How much a line adds to the run of lines that holds the article: prose up, chrome down. */
function runScore(f: LineFacts): number {
  if (f.proseLike) return 4 + Math.min(f.wordCount, 40);
  if (f.copyright || f.formField || f.noLetters || f.repeated) return -6;
  if (f.bullet && f.wordCount <= 4) return -4;
  return f.endsSentence ? 0 : -2;
}

/** The maximum-sum run of `scores` (Kadane), as `[from, to)`; empty at 0 when no run sums above 0. O(n). */
function mainRun(scores: readonly number[]): { from: number; to: number } {
  let best = 0;
  let run = { from: 0, to: 0 };
  let sum = 0;
  let start = 0;
  for (let k = 0; k < scores.length; k++) {
    if (sum <= 0) {
      sum = scores[k];
      start = k;
    } else {
      sum += scores[k];
    }
    if (sum > best) {
      best = sum;
      run = { from: start, to: k + 1 };
    }
  }
  return run;
}

function blanksAround(raw: readonly string[], i: number, step: number): number {
  let n = 0;
  for (let j = i + step; j >= 0 && j < raw.length && n < 3 && !raw[j].trim(); j += step) n++;
  return n;
}

/** For each position, the length of the run of equal values (per `counts`) it is in; 0 where `counts` says no. */
function runLengths(values: readonly number[], counts: (v: number) => boolean): number[] {
  const out = new Array<number>(values.length).fill(0);
  let start = 0;
  for (let k = 1; k <= values.length; k++) {
    if (k < values.length && values[k] === values[start]) continue;
    if (counts(values[start])) for (let j = start; j < k; j++) out[j] = k - start;
    start = k;
  }
  return out;
}

/** Share of a line's long words found in the page's prose lines other than itself. */
function bodyOverlap(f: LineFacts, bodyWords: ReadonlyMap<string, number>): number {
  let long = 0;
  let shared = 0;
  for (const w of f.lowerWords) {
    if (w.length <= 3) continue;
    long++;
    const n = bodyWords.get(w) ?? 0;
    if (n > (f.proseLike ? 1 : 0)) shared++;
  }
  return long ? shared / long : 0;
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
