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
import { barsAsDandas } from './barDandas';
import { LineSpan, collapseSpaces, hasSpacelessScript, words } from './text';
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
}

/**
 * A sentence ends with a sentence terminal of any script (Unicode's Sentence_Terminal: ".", "؟",
 * "।", "։", "۔", "።", "။", "。"…) or an ellipsis, then perhaps closing quotes and brackets
 * (`TERMINAL_CLOSERS`): a page whose script ends its sentences with another mark than the
 * scripts of the development pages still reads as prose.
 */
const TERMINAL_CLOSERS = '"\'”’»)]';
/** A line cut short ends with an ellipsis, then perhaps closing quotes. */
const TRUNCATION_CLOSERS = '"\'”’';
const BULLET_START = /^[\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*>]\s*|^[-–—]\s+/u;
const NUMBERED = /^\d{1,3}[.)]\s/u;
/**
 * The copyright sign, "(c)" before a year, or the word; or the circled sign Korean and Japanese
 * pages set (ⓒ, Ⓒ) beside a year, where it is no third item of a list lettered ⓐ, ⓑ, ⓒ.
 */
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|[ⓒⒸ]\s*\d{4}|\d{4}\s*[ⓒⒸ]/i;
const FORM_FIELD = /\[[ xX_]*\]|_{4,}/u;
const SENTENCE_INSIDE = /\p{Sentence_Terminal}[”’"')\]]*\s+\S/gu;
/** A web or mail address, or a domain name. */
export const ADDRESS_LIKE = /https?:\/\/|www\.|\S@\S|\.(?:com|org|net)\b/i;
const LETTER = /\p{L}/u;
/** A year from 1900 to 2099. */
export const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
/** A clock time such as 9:15, 21.30 or 06h15 (as French and Portuguese write it). */
export const CLOCK_TIME = /(?<!\d)\d{1,2}(?:[:.]|h(?=\d\d))\d\d(?!\d)/;
const DIGIT = /\p{Nd}/u;

/**
 * Share of a page's prose-shaped lines (a sparse page's long lines) ending a sentence
 * (`proseEndShare`) below which the page is unpunctuated: its features count its prose-shaped
 * lines (a sparse page's long lines) as its prose (`proseLines`), and by default the line model
 * reads it with its `unpunctuated` article model (see `BoilerplateOptions.unpunctuatedBelow`), or
 * where it is in a script without spaces between words (`SPACELESS_ABOVE`) with its
 * `spacelessUnpunctuated` one, whatever that option says. Below the least punctuated
 * development page (0.07).
 */
export const UNPUNCTUATED_BELOW = 0.05;

/**
 * Share of a page's word characters in scripts set without spaces between words
 * (`pageSpacelessShare`) above which the page is written in such a script: its function words
 * never make it read its prose by shape, only the want of stops does (`proseLines`), and by
 * default the line model reads it with its `spaceless` article model when it is laid out with
 * blank lines, or its `spacelessUnpunctuated` one when it ends too few of its lines with a
 * stop as well (see `BoilerplateOptions.spacelessAbove`).
 */
export const SPACELESS_ABOVE = 0.5;

/**
 * Share of function words in a page's long lines (`pageFunctionWordShare`) below which the page
 * is sparse: written in a language that sets its short function words onto the next word, or
 * one whose list the page's words do not find. Its features count as prose its lines of at
 * least `MIN_PROSE_WORDS` words whatever their function words, only those that end a sentence
 * where its long lines end theirs (`proseLines`, `proseEndShare`), and by default the line model
 * reads it with its `sparse` article model (see `BoilerplateOptions.sparseBelow`). Between the
 * development pages as they are written (0.21 and up, but one page whose language no list finds)
 * and the same pages with their short function words written onto the next word (0.16 and below).
 */
export const SPARSE_BELOW = 0.18;

/** Fewest words of a line that may be prose (`proseLike`, `proseShaped`). */
export const MIN_PROSE_WORDS = 7;
/** Indents past this many columns count as this many. */
const MAX_INDENT = 40;
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
/** Fewer prose-shaped lines than this, once those cut short are left out, tell nothing of how a page ends its sentences. */
const MIN_UNCUT_PROSE = 3;

/**
 * The share of the page's prose-shaped lines (long, dense in function words) that end a
 * sentence; 1 for a page without any. A page that drops its full stops, or is written in a
 * script without them, ends few. On a sparse page (`SPARSE_BELOW`), whose prose-shaped lines are
 * too few to tell, its lines of at least `MIN_PROSE_WORDS` words are counted instead. A line cut
 * short with an ellipsis (a teaser, an excerpt ending "…" or "[…]") is left out: the cut tells
 * nothing of how the page ends its sentences, and a page without stops may list many. Where
 * fewer than `MIN_UNCUT_PROSE` lines are left (a page of teasers), every counted line counts,
 * cut or not, so that one line does not decide for the page. O(lines).
 */
export function pageEndShare(features: PageFeatures): number {
  return proseEndShare(features.nonBlank.map(i => features.facts[i]!));
}

/** `pageEndShare` of the page whose non-blank lines' facts are `lineFacts`. O(lines). */
export function proseEndShare(lineFacts: readonly LineFacts[]): number {
  return endShare(lineFacts, isSparse(lineFacts));
}

/** `proseEndShare` of a page known to be sparse or not (`isSparse`). O(lines). */
function endShare(lineFacts: readonly LineFacts[], sparse: boolean): number {
  const counted = sparse ? isLong : isProseShaped;
  let countedLines = 0;
  let ending = 0;
  let uncut = 0;
  let uncutEnding = 0;
  for (const f of lineFacts) {
    if (!counted(f)) continue;
    countedLines++;
    if (f.endsSentence) ending++;
    if (endsCutShort(f.text)) continue;
    uncut++;
    if (f.endsSentence) uncutEnding++;
  }
  if (uncut >= MIN_UNCUT_PROSE) return uncutEnding / uncut;
  return countedLines ? ending / countedLines : 1;
}

const isProseShaped = (f: LineFacts) => f.proseShaped;
/** A line long enough to be prose, whatever its function words (a sparse page's prose, `proseLines`). */
const isLong = (f: LineFacts) => f.wordCount >= MIN_PROSE_WORDS;

/** Whether the text ends with an ellipsis ("…", "..."), then perhaps closing quotes and brackets ("[…]", "(...)"). */
function endsCutShort(text: string): boolean {
  return endsWithEllipsis(text, TERMINAL_CLOSERS);
}

/**
 * The share of function words among the words of the page's lines of at least
 * `MIN_PROSE_WORDS` words (each line's `stopShare`, weighed by its words); 1 for a page without
 * such lines. Running prose in a language whose function words are words of their own holds
 * many (0.2 to 0.45 on the development pages); a page in a language that writes its short
 * function words onto the next word (Hebrew, Arabic, Amharic), or whose list the page's words
 * do not find, holds few, and few of its lines read as prose by their function words. O(lines).
 */
export function pageFunctionWordShare(features: PageFeatures): number {
  return functionWordShare(features.nonBlank.map(i => features.facts[i]!));
}

/** Whether the page whose non-blank lines' facts are `lineFacts` is sparse (`SPARSE_BELOW`). O(lines). */
function isSparse(lineFacts: readonly LineFacts[]): boolean {
  return functionWordShare(lineFacts) < SPARSE_BELOW;
}

/** `pageFunctionWordShare` of the page whose non-blank lines' facts are `lineFacts`. O(lines). */
function functionWordShare(lineFacts: readonly LineFacts[]): number {
  let words = 0;
  let functionWords = 0;
  for (const f of lineFacts) {
    if (f.wordCount < MIN_PROSE_WORDS) continue;
    words += f.wordCount;
    functionWords += f.stopShare * f.wordCount;
  }
  return words ? functionWords / words : 1;
}

/**
 * The share of the page's word characters that stand in words of a script set without spaces
 * between its words (Chinese, Japanese, Thai…); 0 for a page without words. Only the words of
 * lines written partly in such a script are asked for their script. O(characters).
 */
export function pageSpacelessShare(features: PageFeatures): number {
  return spacelessShare(features.nonBlank.map(i => features.facts[i]!));
}

/** `pageSpacelessShare` of the page whose non-blank lines' facts are `lineFacts`. O(characters). */
function spacelessShare(lineFacts: readonly LineFacts[]): number {
  let all = 0;
  let spaceless = 0;
  for (const f of lineFacts) {
    const mixed = hasSpacelessScript(f.text);
    for (const w of f.lowerWords) {
      all += w.length;
      if (mixed && hasSpacelessScript(w)) spaceless += w.length;
    }
  }
  return all ? spaceless / all : 0;
}

/**
 * The share of the gaps between consecutive non-blank lines that hold a blank line; 1 for a
 * page of one non-blank line or none. A dump that sets paragraphs apart by line breaks alone
 * has none. O(lines).
 */
export function pageBlankShare(features: PageFeatures): number {
  const lines = features.nonBlank;
  if (lines.length < 2) return 1;
  let spaced = 0;
  for (let k = 1; k < lines.length; k++) if (lines[k] > lines[k - 1] + 1) spaced++;
  return spaced / (lines.length - 1);
}
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
  /** The lines' long words as numbers (see `LongWords`), for the headline search. */
  readonly longWords?: LongWords;
}

/**
 * The lower-cased words longer than three characters of a page's lines (the words the
 * body-overlap column and the headline search compare), as numbers of one `LongWordIndex`:
 * `ids[i]` for line i, undefined for blank lines.
 */
export interface LongWords {
  readonly index: LongWordIndex;
  readonly ids: readonly (Int32Array | undefined)[];
}

/**
 * Numbers for lower-cased words, and a tally of them for one count at a time. A page's
 * body-overlap column and headline search count the words of its prose lines: as numbers in
 * typed arrays that costs an array read per word, where a map keyed by the word hashed and
 * compared every word of every page again. A count begins with `beginCount`, which leaves the
 * tallies of the last count behind instead of clearing them. Grows with the distinct words.
 */
export class LongWordIndex {
  private readonly numbers = new Map<string, number>();
  /** Per word number, the count its tally belongs to; tallies of other counts read as 0. */
  private counted = new Int32Array(256);
  private tallies = new Int32Array(256);
  private count = 0;

  /** The numbers of the words longer than three characters of `lowerWords`, in order, repeats kept. O(words). */
  idsOf(lowerWords: readonly string[]): Int32Array {
    let long = 0;
    for (const w of lowerWords) if (w.length > 3) long++;
    const ids = new Int32Array(long);
    let at = 0;
    for (const w of lowerWords) {
      if (w.length <= 3) continue;
      let id = this.numbers.get(w);
      if (id === undefined) this.numbers.set(w, (id = this.numbers.size));
      ids[at++] = id;
    }
    if (this.numbers.size > this.tallies.length) this.grow(this.numbers.size);
    return ids;
  }

  /** Starts a new count: every tally reads 0. O(1). */
  beginCount(): void {
    if (++this.count === 0x7fffffff) {
      this.counted.fill(0);
      this.count = 1;
    }
  }

  /** Adds one to the tally of each number of `ids`. */
  add(ids: Int32Array): void {
    const { counted, tallies, count } = this;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (counted[id] !== count) {
        counted[id] = count;
        tallies[id] = 0;
      }
      tallies[id]++;
    }
  }

  /** The tally of number `id` in the current count. */
  tally(id: number): number {
    return this.counted[id] === this.count ? this.tallies[id] : 0;
  }

  private grow(size: number): void {
    const capacity = Math.max(size, 2 * this.tallies.length);
    const counted = new Int32Array(capacity);
    counted.set(this.counted);
    const tallies = new Int32Array(capacity);
    tallies.set(this.tallies);
    this.counted = counted;
    this.tallies = tallies;
  }
}

/** The long words of the lines of `facts` (undefined for blank lines), numbered by a new index. O(words). */
export function longWordsOf(facts: readonly (LineFacts | undefined)[]): LongWords {
  const index = new LongWordIndex();
  return { index, ids: facts.map(f => f && index.idsOf(f.lowerWords)) };
}

/**
 * Features of every line of a page. See the module comment. O(n) in the text length. `memo`
 * keeps what a line's text alone gives for the pages analysed with this one. `lineTexts[i]`,
 * when given, must be `text.slice(lines[i].start, lines[i].end)`: a caller that has cut them
 * already (and looked them up, which hashed them) passes them on, and they are looked up in
 * the memo without being cut and hashed again. `byShape` false reads a sparse page's prose by
 * its function words, and a page in a script without spaces by its stops, as any other page's
 * (see `proseLines`; training reads so what the `article` and `meta` models learn from a sparse
 * page, and what the `spaceless` model learns from its forms without stops).
 */
export function pageFeatures(
  text: string,
  lines: readonly LineSpan[],
  lineWords: readonly (readonly string[])[],
  lineWordsLower: readonly (readonly string[])[],
  profile: StopwordProfile,
  memo: LineFeatureMemo = new LineFeatureMemo(),
  lineTexts?: readonly string[],
  byShape = true,
): PageFeatures {
  const raw = lineTexts ?? lines.map(l => text.slice(l.start, l.end));
  const known = memo.linesOf(raw, profile);
  const facts = pageLineFacts(raw, known, lineWords, lineWordsLower, profile);
  const nonBlank: number[] = [];
  for (let i = 0; i < facts.length; i++) if (facts[i]) nonBlank.push(i);
  const ids = new Array<Int32Array | undefined>(lines.length);
  for (const i of nonBlank) ids[i] = known[i].longWordIds ??= memo.longWords.idsOf(lineWordsLower[i]);
  const longWords: LongWords = { index: memo.longWords, ids };
  const page: PageLines = { raw, known, facts: nonBlank.map(i => facts[i]!), lineOf: nonBlank, lineCount: lines.length };
  // One matrix for the page, a row a non-blank line: rows are views into it.
  const width = FEATURE_NAMES.length;
  const matrix = new Float64Array(nonBlank.length * width);
  const table: FeatureTable = { matrix, width };
  writeBaseColumns(page, known, table, memo.baseColumns);
  fromPageMargin(page, table);
  const isProse = proseLines(page.facts, byShape);
  if (isProse !== undefined) proseShapedColumn(isProse, table);
  writeNeighbourColumns(page, table, isProse);
  const prose = proseProfile(page.facts, isProse);
  writeColumns(table, PAGE_AT, [
    positionColumns(page, prose),
    proseColumns(prose),
    blankColumns(page),
    proseDistanceColumn(prose),
    bulletRunColumn(page.facts),
    bodyOverlapColumn(
      page.facts,
      nonBlank.map(i => ids[i]!),
      memo.longWords,
      isProse,
    ),
    pageProseShareColumn(page.facts, prose),
    indentRunColumn(page.facts),
    blockColumns(page, isProse),
    mainRunColumns(page.facts, isProse),
  ]);
  const rows: (Float64Array | undefined)[] = new Array(lines.length).fill(undefined);
  for (let k = 0; k < nonBlank.length; k++) rows[nonBlank[k]] = matrix.subarray(k * width, (k + 1) * width);
  return { rows, facts, nonBlank, longWords };
}

/** The page's non-blank lines: their facts, in order, and where they stand. */
interface PageLines {
  /** Every line's text, blank ones too. */
  readonly raw: readonly string[];
  /** Every line's memo entry. */
  readonly known: readonly KnownLine[];
  /** Facts of the non-blank lines, in order. */
  readonly facts: readonly LineFacts[];
  /** `lineOf[k]`: the line index of the k-th non-blank line. */
  readonly lineOf: readonly number[];
  readonly lineCount: number;
}

/** The page's feature rows, one after the other in one array. */
interface FeatureTable {
  readonly matrix: Float64Array;
  readonly width: number;
}

/** A group of feature columns: how many, and the values of non-blank line k written at `out[at]`, `out[at + 1]`, …. */
interface ColumnGroup {
  readonly count: number;
  write(k: number, out: Float64Array, at: number): void;
}

const PAGE_AT = FEATURE_NAMES.length - PAGE.length;

/** Writes the groups' columns side by side from column `from` on, for every row. */
function writeColumns(table: FeatureTable, from: number, groups: readonly ColumnGroup[]): void {
  const { matrix, width } = table;
  const rowCount = matrix.length / width;
  let at = from;
  for (const group of groups) {
    for (let k = 0; k < rowCount; k++) group.write(k, matrix, k * width + at);
    at += group.count;
  }
}

/**
 * What a line's text alone gives the features (with the page's function words and whether the
 * page prints the line more than once): its facts and its own columns (`BASE`). The versions of
 * one story share most of their lines, so a caller that prepares many pages keeps one memo for
 * them all and each distinct line is read once. It grows with the distinct lines it is shown.
 */
export class LineFeatureMemo {
  /** Numbers for the lines' long words, whatever the profile. */
  readonly longWords = new LongWordIndex();
  /** The own columns of the lines' facts, each kept from its first row on. */
  readonly baseColumns = new BaseColumnStore();
  private readonly byProfile = new Map<ReadonlySet<string>, Map<string, KnownLine>>();

  /** The entry of each line of `raw` under `profile`, made where the text is new. O(n). */
  linesOf(raw: readonly string[], profile: StopwordProfile): KnownLine[] {
    let lines = this.byProfile.get(profile.words);
    if (!lines) this.byProfile.set(profile.words, (lines = new Map()));
    const out = new Array<KnownLine>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      let line = lines.get(raw[i]);
      if (!line) lines.set(raw[i], (line = knownLine(raw[i])));
      out[i] = line;
    }
    return out;
  }
}

/**
 * A line's text as `LineFeatureMemo` keeps it. `facts` is filled on first use, by whether the
 * page repeats the line (index 1) or not (0); `baseSlot` likewise, with the slot of the line's
 * own columns in the memo's `BaseColumnStore` (-1 until the first row is written).
 */
interface KnownLine {
  readonly trimmed: string;
  /** The line as a repeat is recognised: spaces collapsed, lower case; '' for a blank line. */
  readonly repeatKey: string;
  readonly facts: [LineFacts | undefined, LineFacts | undefined];
  readonly baseSlot: [number, number];
  /** The line's long words as numbers of the memo's `LongWordIndex`, once asked for. */
  longWordIds: Int32Array | undefined;
  /** Whether the line holds an ASCII digit, once asked for. */
  hasDigit: boolean | undefined;
}

function knownLine(line: string): KnownLine {
  const trimmed = line.trim();
  return {
    trimmed,
    repeatKey: repeatKey(trimmed),
    facts: [undefined, undefined],
    baseSlot: [-1, -1],
    longWordIds: undefined,
    hasDigit: undefined,
  };
}

/**
 * A trimmed line as "printed again" compares it with the page's other lines: runs of white
 * space as one space, lower case ('' for a blank line). O(length).
 */
export function repeatKey(trimmed: string): string {
  return trimmed ? (hasSpaceToCollapse(trimmed) ? collapseSpaces(trimmed) : trimmed).toLowerCase() : '';
}

/**
 * The own columns (`BASE`) of lines, one slot after another in blocks of one typed array each:
 * kept from a line's first row on without an array per line (reprints and one site's chrome
 * repeat lines verbatim across pages, and a line read once costs a copy into a block). Grows
 * with the slots taken.
 */
class BaseColumnStore {
  private readonly blocks: Float64Array[] = [];
  private slots = 0;

  /** Keeps `matrix[at, at + BASE.length)` in a new slot; returns the slot. */
  keep(matrix: Float64Array, at: number): number {
    const slot = this.slots++;
    const block = slot >> BASE_BLOCK_BITS;
    if (block === this.blocks.length) this.blocks.push(new Float64Array(BASE.length << BASE_BLOCK_BITS));
    this.blocks[block].set(matrix.subarray(at, at + BASE.length), (slot & BASE_BLOCK_MASK) * BASE.length);
    return slot;
  }

  /** Writes the columns kept in `slot` at `matrix[at]`, `matrix[at + 1]`, …. */
  write(slot: number, matrix: Float64Array, at: number): void {
    const block = this.blocks[slot >> BASE_BLOCK_BITS];
    const from = (slot & BASE_BLOCK_MASK) * BASE.length;
    for (let c = 0; c < BASE.length; c++) matrix[at + c] = block[from + c];
  }
}

/** Slots per block of a `BaseColumnStore`: 2^10, 200 KB a block. */
const BASE_BLOCK_BITS = 10;
const BASE_BLOCK_MASK = (1 << BASE_BLOCK_BITS) - 1;

/** Each line's facts (undefined for blank lines), with whether its text is printed more than once in the page. O(n). */
function pageLineFacts(
  raw: readonly string[],
  known: readonly KnownLine[],
  lineWords: readonly (readonly string[])[],
  lineWordsLower: readonly (readonly string[])[],
  profile: StopwordProfile,
): (LineFacts | undefined)[] {
  const repeats = new Map<string, number>();
  for (const { repeatKey } of known) if (repeatKey) repeats.set(repeatKey, (repeats.get(repeatKey) ?? 0) + 1);
  return raw.map((line, i) => {
    const k = known[i];
    if (!k.repeatKey) return undefined;
    const repeated = (repeats.get(k.repeatKey) ?? 0) > 1;
    const variant = +repeated;
    return (k.facts[variant] ??= lineFacts(line, k.trimmed, lineWords[i], lineWordsLower[i], repeated, profile));
  });
}

/** The line's own features (`BASE`), at the start of each row: worked out once per line text and facts in `store`. */
function writeBaseColumns(page: PageLines, known: readonly KnownLine[], table: FeatureTable, store: BaseColumnStore): void {
  const { matrix, width } = table;
  for (let k = 0; k < page.facts.length; k++) {
    const f = page.facts[k];
    const line = page.lineOf[k];
    const entry = known[line];
    const variant = f === entry.facts[1] ? 1 : 0;
    const at = k * width;
    const slot = entry.baseSlot[variant];
    if (slot >= 0) {
      store.write(slot, matrix, at);
      continue;
    }
    baseFeatures(f, page.raw[line], matrix, at);
    entry.baseSlot[variant] = store.keep(matrix, at);
  }
}

const INDENT_COLUMN = BASE_INDEX.get('indent')!;
const CHARS_COLUMN = BASE_INDEX.get('logChars')!;

/**
 * The indent and length columns measured from the page's left margin (the least indent of its
 * non-blank lines), not from the line's first column: a dump that sets the whole page in by a
 * few spaces has lines of the same shape as one that does not. Base columns are kept per line
 * text, so the page's margin is taken off here. O(lines).
 */
function fromPageMargin(page: PageLines, table: FeatureTable): void {
  let margin = Infinity;
  for (const f of page.facts) margin = Math.min(margin, f.indent);
  // A page set at its first column (or without lines) keeps the columns as written.
  if (margin === 0 || margin === Infinity) return;
  const { matrix, width } = table;
  page.facts.forEach((f, k) => {
    matrix[k * width + INDENT_COLUMN] = Math.min(f.indent - margin, MAX_INDENT);
    matrix[k * width + CHARS_COLUMN] = Math.log1p(page.raw[page.lineOf[k]].length - margin);
  });
}

/**
 * The prose lines of a page that its stops or its function words cannot tell, one flag per
 * non-blank line:
 * - on a page written mostly in words set apart by spaces (`pageSpacelessShare` at most
 *   `SPACELESS_ABOVE`) that is not sparse and ends almost none of its prose-shaped lines with a
 *   sentence terminal (`proseEndShare` below `UNPUNCTUATED_BELOW`), its prose-shaped lines;
 * - on such a page that is sparse (`pageFunctionWordShare` below `SPARSE_BELOW`, unless `byShape`
 *   is false), its lines of at least `MIN_PROSE_WORDS` words that end a sentence, whatever their
 *   function words (where the page ends less than `UNPUNCTUATED_BELOW` of those long lines with a
 *   sentence terminal, `proseEndShare`, every such line);
 * - on a page in a script without spaces between words that ends almost none of its lines with
 *   a sentence terminal (`proseEndShare`; as Thai is written), unless `byShape` is false, its
 *   prose-shaped lines, or where it is sparse its lines of at least `MIN_PROSE_WORDS` words, as
 *   on a spaced page.
 * Undefined for any other page, whose prose lines are its `proseLike` ones.
 *
 * Every feature of the prose around a line (the line's and its neighbours' `proseLike`, the
 * prose before it and near it, the distance to prose, the overlap with the page's prose, the
 * block's prose share, the main run) counts these lines on such a page: a page that drops its
 * stops, a script that marks no sentence end, or a language that writes its short function
 * words onto the next word (Hebrew, Arabic, Amharic) would otherwise have little prose or none,
 * and its article's lines would stand as a menu's items do, far from any prose. A page that
 * ends its sentences with words of its list between keeps the features it has always had.
 * O(lines).
 */
function proseLines(facts: readonly LineFacts[], byShape: boolean): boolean[] | undefined {
  const sparse = isSparse(facts);
  const unpunctuated = endShare(facts, sparse) < UNPUNCTUATED_BELOW;
  // Such a script's stops were its prose's sign; the page that has none reads it by shape alone.
  if (spacelessShare(facts) > SPACELESS_ABOVE) return byShape && unpunctuated ? facts.map(sparse ? isLong : isProseShaped) : undefined;
  if (byShape && sparse) return facts.map(f => isLong(f) && (unpunctuated || f.endsSentence));
  return unpunctuated ? facts.map(f => f.proseShaped) : undefined;
}

const PROSE_COLUMN = BASE_INDEX.get('proseLike')!;

/**
 * The `proseLike` column of an unpunctuated or sparse page's lines set to `isProse` (see
 * `proseLines`); base columns are kept per line text, so the page's reading is written here.
 * O(lines).
 */
function proseShapedColumn(isProse: readonly boolean[], table: FeatureTable): void {
  const { matrix, width } = table;
  isProse.forEach((p, k) => (matrix[k * width + PROSE_COLUMN] = +p));
}

/** Whether non-blank line k of the page is prose: `isProse[k]` where the page reads its prose so (`proseLines`), else `proseLike`. */
function isProseLine(facts: readonly LineFacts[], isProse: readonly boolean[] | undefined, k: number): boolean {
  return isProse ? isProse[k] : facts[k].proseLike;
}

/** The previous and next lines' `NEIGHBOUR` features (-1 past either end), and whether the lines two away are prose. */
function writeNeighbourColumns(page: PageLines, table: FeatureTable, isProse?: readonly boolean[]): void {
  const { matrix, width } = table;
  const m = page.facts.length;
  const B = BASE.length;
  const N = NEIGHBOUR.length;
  for (let k = 0; k < m; k++) {
    const at = k * width;
    for (let c = 0; c < N; c++) {
      matrix[at + B + c] = k > 0 ? matrix[at - width + NEIGHBOUR_COLUMNS[c]] : -1;
      matrix[at + B + N + c] = k + 1 < m ? matrix[at + width + NEIGHBOUR_COLUMNS[c]] : -1;
    }
    matrix[at + B + 2 * N] = k > 1 ? +isProseLine(page.facts, isProse, k - 2) : -1;
    matrix[at + B + 2 * N + 1] = k + 2 < m ? +isProseLine(page.facts, isProse, k + 2) : -1;
  }
}

/** Prose mass along the page, in non-blank-line order: each line's prose words and their running sums. */
interface ProseProfile {
  readonly words: readonly number[];
  /** `prefix[k]`: prose words of the lines before k. */
  readonly prefix: Float64Array;
  readonly total: number;
}

function proseProfile(facts: readonly LineFacts[], isProse?: readonly boolean[]): ProseProfile {
  const words = facts.map((f, k) => (isProseLine(facts, isProse, k) ? f.wordCount : 0));
  const prefix = new Float64Array(words.length + 1);
  for (let k = 0; k < words.length; k++) prefix[k + 1] = prefix[k] + words[k];
  return { words, prefix, total: prefix[words.length] };
}

/** Prose words within `radius` non-blank lines of line k. */
function proseWithin(prose: ProseProfile, k: number, radius: number): number {
  const m = prose.words.length;
  return prose.prefix[Math.min(m, k + radius + 1)] - prose.prefix[Math.max(0, k - radius)];
}

/** Where the line stands in the page, its length against the longest line's, and the share of the page's prose above it. */
function positionColumns(page: PageLines, prose: ProseProfile): ColumnGroup {
  const nLines = Math.max(1, page.lineCount - 1);
  let maxWords = 1;
  for (const f of page.facts) maxWords = Math.max(maxWords, f.wordCount);
  return {
    count: 3,
    write: (k, out, at) => {
      out[at] = page.lineOf[k] / nLines;
      out[at + 1] = page.facts[k].wordCount / maxWords;
      out[at + 2] = prose.total ? prose.prefix[k] / prose.total : 0;
    },
  };
}

/** Prose words near the line (3 lines each way) and in a wider window (12), each against the page's densest window. */
function proseColumns(prose: ProseProfile): ColumnGroup {
  let maxNear = 1;
  let maxWide = 1;
  for (let k = 0; k < prose.words.length; k++) {
    maxNear = Math.max(maxNear, proseWithin(prose, k, 3));
    maxWide = Math.max(maxWide, proseWithin(prose, k, 12));
  }
  return {
    count: 2,
    write: (k, out, at) => {
      out[at] = proseWithin(prose, k, 3) / maxNear;
      out[at + 1] = proseWithin(prose, k, 12) / maxWide;
    },
  };
}

/** Blank lines right before and after the line, in the page's unit of spacing (`blankUnit`), up to 3 units; a fraction where a gap is narrower than the unit. */
function blankColumns(page: PageLines): ColumnGroup {
  // Counted in the page's own unit of spacing, so that a dump that doubles every blank line
  // reads as one that does not.
  const unit = blankUnit(page.lineOf);
  const cap = MAX_BLANKS * unit;
  return {
    count: 2,
    write: (k, out, at) => {
      out[at] = blanksAround(page.known, page.lineOf[k], -1, cap) / unit;
      out[at + 1] = blanksAround(page.known, page.lineOf[k], 1, cap) / unit;
    },
  };
}

/** Blank-line counts past this many (in the page's unit) count as this many. */
const MAX_BLANKS = 3;

/**
 * The page's unit of spacing: the most frequent number of blank lines between two non-blank
 * lines that have any (the smallest among equals); 1 on a page with none. O(lines).
 */
export function blankUnit(lineOf: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let k = 1; k < lineOf.length; k++) {
    const gap = lineOf[k] - lineOf[k - 1] - 1;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  let unit = 1;
  let best = 0;
  for (const [gap, n] of counts) if (n > best || (n === best && gap < unit)) [unit, best] = [gap, n];
  return unit;
}

/** Distance (in non-blank lines, log) to the nearest prose line, either way. */
function proseDistanceColumn(prose: ProseProfile): ColumnGroup {
  const m = prose.words.length;
  const distance = new Array<number>(m).fill(m);
  for (let k = 0, last = -Infinity; k < m; k++) {
    if (prose.words[k]) last = k;
    distance[k] = k - last;
  }
  for (let k = m - 1, next = Infinity; k >= 0; k--) {
    if (prose.words[k]) next = k;
    distance[k] = Math.min(distance[k], next - k);
  }
  return { count: 1, write: (k, out, at) => (out[at] = Math.log1p(Math.min(distance[k], 1000))) };
}

/** Length (log) of the run of consecutive bullet lines the line is in; 0 for a line without a bullet. */
function bulletRunColumn(facts: readonly LineFacts[]): ColumnGroup {
  const run = runLengths(
    facts.map(f => (f.bullet ? 1 : 0)),
    v => v === 1,
  );
  return { count: 1, write: (k, out, at) => (out[at] = Math.log1p(run[k])) };
}

/**
 * Share of the line's long words found in the page's prose lines other than itself. `ids[k]`:
 * the long words of `facts[k]` as numbers of `index`.
 */
function bodyOverlapColumn(
  facts: readonly LineFacts[],
  ids: readonly Int32Array[],
  index: LongWordIndex,
  isProse?: readonly boolean[],
): ColumnGroup {
  index.beginCount();
  for (let k = 0; k < facts.length; k++) if (isProseLine(facts, isProse, k)) index.add(ids[k]);
  const overlap = new Float64Array(facts.length);
  for (let k = 0; k < facts.length; k++) overlap[k] = bodyOverlap(ids[k], isProseLine(facts, isProse, k), index);
  return { count: 1, write: (k, out, at) => (out[at] = overlap[k]) };
}

/** The share of the page's words that stand in prose lines (the same for every line). */
function pageProseShareColumn(facts: readonly LineFacts[], prose: ProseProfile): ColumnGroup {
  let totalWords = 0;
  for (const f of facts) totalWords += f.wordCount;
  const share = totalWords ? prose.total / totalWords : 0;
  return { count: 1, write: (_k, out, at) => (out[at] = share) };
}

/** Length (log) of the run of consecutive lines at the line's indent. */
function indentRunColumn(facts: readonly LineFacts[]): ColumnGroup {
  const run = runLengths(
    facts.map(f => f.indent),
    () => true,
  );
  return { count: 1, write: (k, out, at) => (out[at] = Math.log1p(run[k])) };
}

interface Block {
  lines: number;
  prose: number;
  bullets: number;
  digitLines: number;
}

/**
 * The block the line is in (a run of non-blank lines with no blank line between them: a
 * paragraph, a list, a menu): its size (log), its shares of prose, list and digit lines, and
 * whether the line opens or closes it.
 */
function blockColumns(page: PageLines, isProse?: readonly boolean[]): ColumnGroup {
  const { facts, lineOf, known } = page;
  const blocks: Block[] = [];
  for (let k = 0; k < facts.length; k++) {
    const block: Block = k > 0 && lineOf[k - 1] === lineOf[k] - 1 ? blocks[k - 1] : { lines: 0, prose: 0, bullets: 0, digitLines: 0 };
    const f = facts[k];
    block.lines++;
    if (isProseLine(facts, isProse, k)) block.prose++;
    if (f.listMarker) block.bullets++;
    const entry = known[lineOf[k]];
    if ((entry.hasDigit ??= /\d/.test(f.text))) block.digitLines++;
    blocks.push(block);
  }
  return {
    count: 6,
    write: (k, out, at) => {
      const block = blocks[k];
      out[at] = Math.log1p(block.lines);
      out[at + 1] = block.prose / block.lines;
      out[at + 2] = block.bullets / block.lines;
      out[at + 3] = block.digitLines / block.lines;
      out[at + 4] = +(k === 0 || blocks[k - 1] !== block);
      out[at + 5] = +(k + 1 === blocks.length || blocks[k + 1] !== block);
    },
  };
}

/** Which side of the page's main run of article-like lines the line stands (-1 above, 0 in, 1 below), and how far (log). */
function mainRunColumns(facts: readonly LineFacts[], isProse?: readonly boolean[]): ColumnGroup {
  const main = mainRun(facts.map((f, k) => runScore(f, isProseLine(facts, isProse, k))));
  return {
    count: 2,
    write: (k, out, at) => {
      out[at] = k < main.from ? -1 : k >= main.to ? 1 : 0;
      out[at + 1] = Math.log1p(k < main.from ? main.from - k : k >= main.to ? k - main.to + 1 : 0);
    },
  };
}

function lineFacts(
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

/** Writes the line's own features (`BASE`) at `row[from]`, `row[from + 1]`, …. */
function baseFeatures(f: LineFacts, line: string, row: Float64Array, from: number): void {
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

const DIGIT_UNIT = 1;
const LETTER_UNIT = 2;
const KNOWN_UNIT = 4;
const SPACE_UNIT = 8;
/** Punctuation inside a sentence, in several scripts. */
const INNER_PUNCTUATION = 16;
/** Characters that separate the items of a menu or a breadcrumb trail. */
const SEPARATOR = 32;
/** Every match of `ADDRESS_LIKE` holds one of these (":", ".", "@", see `mayStartAddress`); every match of `SENTENCE_INSIDE` a `SENTENCE_END`. */
const LINK_MARK = 64;
const SENTENCE_END = 128;
const QUOTE = 256;
/** Half of a character outside the Basic Multilingual Plane. */
const SURROGATE_UNIT = 512;
/** The punctuation classes, and surrogates. */
const MARKS = INNER_PUNCTUATION | SEPARATOR | LINK_MARK | SENTENCE_END | QUOTE | SURROGATE_UNIT;
const SPACE = /\s/u;
/**
 * Per UTF-16 code unit: the punctuation classes above, set here; and, once `classesOf` has
 * looked at the unit (every ASCII unit when the module loads), `KNOWN_UNIT` with
 * `DIGIT_UNIT`/`LETTER_UNIT`/`SPACE_UNIT` where `DIGIT`/`LETTER`/`SPACE` match it alone,
 * `SURROGATE_UNIT` for a surrogate, and `SENTENCE_END` for a sentence terminal beyond ASCII.
 */
const unitClasses = new Uint16Array(0x10000);
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
function classesOf(code: number): number {
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

/** The end of `text` once the trailing characters found in `closers` are left off. O(trailing run). */
function endBefore(text: string, closers: string): number {
  let end = text.length;
  while (end > 0 && closers.includes(text[end - 1])) end--;
  return end;
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

/** Whether the text ends with an ellipsis ("…" or "...") before any run of `closers`. */
function endsWithEllipsis(text: string, closers: string): boolean {
  const end = endBefore(text, closers);
  return text[end - 1] === '…' || (end >= 3 && text.startsWith('...', end - 3));
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

/** How much a line adds to the run of lines that holds the article: prose up, chrome down. */
function runScore(f: LineFacts, prose: boolean): number {
  if (prose) return 4 + Math.min(f.wordCount, 40);
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

function blanksAround(known: readonly KnownLine[], i: number, step: number, cap: number): number {
  let n = 0;
  for (let j = i + step; j >= 0 && j < known.length && n < cap && !known[j].trimmed; j += step) n++;
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

/**
 * Share of a line's long words (`ids`) found in the page's prose lines other than itself, with
 * the prose lines' long words tallied in `index`.
 */
function bodyOverlap(ids: Int32Array, proseLike: boolean, index: LongWordIndex): number {
  const own = proseLike ? 1 : 0;
  let shared = 0;
  for (let k = 0; k < ids.length; k++) if (index.tally(ids[k]) > own) shared++;
  return ids.length ? shared / ids.length : 0;
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
