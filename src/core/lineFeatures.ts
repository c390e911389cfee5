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
 *
 * A line's own facts are read in `lineFacts.ts`; the columns' names and a line's own columns
 * are in `featureColumns.ts`, kept by line text in `lineFeatureMemo.ts`; the columns that need
 * the page (the neighbours', the page-level ones) are written in `pageColumns.ts`. This module
 * reads how the page writes its prose (its shares of lines that end a sentence, of function
 * words, of a script without spaces and of blank lines) and assembles the rows (`pageFeatures`).
 */
import { LineSpan } from './text';
import { StopwordProfile } from './stopwords';
import { LineFacts, MIN_PROSE_WORDS, TERMINAL_CLOSERS, endsWithEllipsis, lineFacts } from './lineFacts';
import { FEATURE_NAMES, FeatureTable, PAGE_AT, writeColumns } from './featureColumns';
import { KnownLine, LineFeatureMemo, LongWordIndex } from './lineFeatureMemo';
import {
  PageLines,
  blankColumns,
  blockColumns,
  bodyOverlapColumn,
  bulletRunColumn,
  fromPageMargin,
  indentRunColumn,
  mainRunColumns,
  pageProseShareColumn,
  positionColumns,
  proseColumns,
  proseDistanceColumn,
  proseProfile,
  proseShapedColumn,
  writeBaseColumns,
  writeNeighbourColumns,
} from './pageColumns';

// The parts of the features that callers import from this module.
export { type LineFacts, MIN_PROSE_WORDS, isInlineMenu, menuSeparator, repeatKey } from './lineFacts';
export { ADDRESS_LIKE, CLOCK_TIME, FEATURE_NAMES, YEAR } from './featureColumns';
export { LineFeatureMemo } from './lineFeatureMemo';
export { blankUnit } from './pageColumns';

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

/**
 * Share of the gaps between a page's non-blank lines that hold a blank line (`pageBlankShare`)
 * below which the page is unspaced: the default of `BoilerplateOptions.unspacedBelow`, and the
 * layout by which a page in a script without spaces weighs its lines by their words in its end
 * share (`pageEndShare`).
 */
export const UNSPACED_BELOW = 0.05;

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
 * cut or not, so that one line does not decide for the page. On a page in a script without
 * spaces laid out with blank lines, each counted line weighs its words (`weighsByWords`).
 * O(lines).
 */
export function pageEndShare(features: PageFeatures): number {
  return proseEndShare(
    features.nonBlank.map(i => features.facts[i]!),
    features.nonBlank,
  );
}

/**
 * `pageEndShare` of the page whose non-blank lines' facts are `lineFacts`, standing at the line
 * indices `lineOf` (where given). O(lines).
 */
export function proseEndShare(lineFacts: readonly LineFacts[], lineOf?: readonly number[]): number {
  return endShare(lineFacts, isSparse(lineFacts), lineOf !== undefined && weighsByWords(lineFacts, lineOf));
}

/**
 * Whether a page's end share weighs each counted line by its words: a page in a script without
 * spaces between words (`SPACELESS_ABOVE`) laid out with blank lines (at least
 * `UNSPACED_BELOW` of the gaps between its lines, as `lineMargins` reads its layout). A
 * segmenter cuts a teaser or a caption of such a page into as many words as a paragraph has,
 * so its chrome, which ends no sentence, counts as many prose-shaped lines as its article
 * does, and a page of a short article among many teasers ends as few of its lines as a page
 * that marks no sentence end. Weighed by words, its paragraphs count as the longer lines they
 * are. A page without blank lines, which this share sends to the `bare` or the `unspaced`
 * model, keeps the count by lines: weighed by words, development pages in that form with a few
 * long lines ending in a stop went to `unspaced` and lost most of their article (see
 * docs/accuracy.md). O(lines), and O(characters) for the script.
 */
function weighsByWords(lineFacts: readonly LineFacts[], lineOf: readonly number[], inSpacelessScript?: boolean): boolean {
  return blankShare(lineOf) >= UNSPACED_BELOW && (inSpacelessScript ?? spacelessShare(lineFacts) > SPACELESS_ABOVE);
}

/**
 * `proseEndShare` of a page known to be sparse or not (`isSparse`), each counted line weighing
 * one, or its words where `byWords` (`weighsByWords`). O(lines).
 */
function endShare(lineFacts: readonly LineFacts[], sparse: boolean, byWords = false): number {
  const counted = sparse ? isLong : isProseShaped;
  let countedLines = 0;
  let counts = 0;
  let ending = 0;
  let uncutLines = 0;
  let uncut = 0;
  let uncutEnding = 0;
  for (const f of lineFacts) {
    if (!counted(f)) continue;
    const weight = byWords ? f.wordCount : 1;
    countedLines++;
    counts += weight;
    if (f.endsSentence) ending += weight;
    if (endsCutShort(f.text)) continue;
    uncutLines++;
    uncut += weight;
    if (f.endsSentence) uncutEnding += weight;
  }
  if (uncutLines >= MIN_UNCUT_PROSE) return uncutEnding / uncut;
  return countedLines ? ending / counts : 1;
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
 * lines written partly in such a script are asked for their script, once per line text
 * (`LineFacts.spacelessChars`). O(lines).
 */
export function pageSpacelessShare(features: PageFeatures): number {
  return spacelessShare(features.nonBlank.map(i => features.facts[i]!));
}

/** `pageSpacelessShare` of the page whose non-blank lines' facts are `lineFacts`: the sums of their `spacelessChars` and `wordChars`. O(lines). */
function spacelessShare(lineFacts: readonly LineFacts[]): number {
  let all = 0;
  let spaceless = 0;
  for (const f of lineFacts) {
    all += f.wordChars;
    spaceless += f.spacelessChars;
  }
  return all ? spaceless / all : 0;
}

/**
 * The share of the gaps between consecutive non-blank lines that hold a blank line; 1 for a
 * page of one non-blank line or none. A dump that sets paragraphs apart by line breaks alone
 * has none. O(lines).
 */
export function pageBlankShare(features: PageFeatures): number {
  return blankShare(features.nonBlank);
}

/** `pageBlankShare` of the page whose non-blank lines stand at the line indices `lineOf`. O(lines). */
function blankShare(lineOf: readonly number[]): number {
  if (lineOf.length < 2) return 1;
  let spaced = 0;
  for (let k = 1; k < lineOf.length; k++) if (lineOf[k] > lineOf[k - 1] + 1) spaced++;
  return spaced / (lineOf.length - 1);
}

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
  const isProse = proseLines(page.facts, nonBlank, byShape);
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
function proseLines(facts: readonly LineFacts[], lineOf: readonly number[], byShape: boolean): boolean[] | undefined {
  const sparse = isSparse(facts);
  const inSpacelessScript = spacelessShare(facts) > SPACELESS_ABOVE;
  const unpunctuated = endShare(facts, sparse, weighsByWords(facts, lineOf, inSpacelessScript)) < UNPUNCTUATED_BELOW;
  // Such a script's stops were its prose's sign; the page that has none reads it by shape alone.
  if (inSpacelessScript) return byShape && unpunctuated ? facts.map(sparse ? isLong : isProseShaped) : undefined;
  if (byShape && sparse) return facts.map(f => isLong(f) && (unpunctuated || f.endsSentence));
  return unpunctuated ? facts.map(f => f.proseShaped) : undefined;
}
