/**
 * The columns of a page's rows that need the page (`PageLines`): a line's own columns taken from
 * the memo and measured from the page's margin, its prose as the page reads it, the previous
 * and next lines' columns, and the page-level columns (`PAGE`: where the line stands, the prose
 * near it and before it, blank lines, runs of bullets and of one indent, its words in the body,
 * its block, the main run of the article). Apart from `lineFeatures.ts`, which reads how the
 * page writes its prose and assembles the rows, so that each group of columns reads on its own.
 */
import { LineFacts } from './lineFacts';
import { BASE, BASE_INDEX, ColumnGroup, FeatureTable, MAX_INDENT, NEIGHBOUR, NEIGHBOUR_COLUMNS, baseFeatures } from './featureColumns';
import { BaseColumnStore, KnownLine, LongWordIndex } from './lineFeatureMemo';

/** The page's non-blank lines: their facts, in order, and where they stand. */
export interface PageLines {
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

/** The line's own features (`BASE`), at the start of each row: worked out once per line text and facts in `store`. */
export function writeBaseColumns(page: PageLines, known: readonly KnownLine[], table: FeatureTable, store: BaseColumnStore): void {
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
export function fromPageMargin(page: PageLines, table: FeatureTable): void {
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

const PROSE_COLUMN = BASE_INDEX.get('proseLike')!;

/**
 * The `proseLike` column of an unpunctuated or sparse page's lines set to `isProse` (see
 * `proseLines`); base columns are kept per line text, so the page's reading is written here.
 * O(lines).
 */
export function proseShapedColumn(isProse: readonly boolean[], table: FeatureTable): void {
  const { matrix, width } = table;
  isProse.forEach((p, k) => (matrix[k * width + PROSE_COLUMN] = +p));
}

/** Whether non-blank line k of the page is prose: `isProse[k]` where the page reads its prose so (`proseLines`), else `proseLike`. */
function isProseLine(facts: readonly LineFacts[], isProse: readonly boolean[] | undefined, k: number): boolean {
  return isProse ? isProse[k] : facts[k].proseLike;
}

/** The previous and next lines' `NEIGHBOUR` features (-1 past either end), and whether the lines two away are prose. */
export function writeNeighbourColumns(page: PageLines, table: FeatureTable, isProse?: readonly boolean[]): void {
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
export interface ProseProfile {
  readonly words: readonly number[];
  /** `prefix[k]`: prose words of the lines before k. */
  readonly prefix: Float64Array;
  readonly total: number;
}

/** The page's prose mass (`ProseProfile`), its prose lines read as `isProseLine` reads them. O(lines). */
export function proseProfile(facts: readonly LineFacts[], isProse?: readonly boolean[]): ProseProfile {
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
export function positionColumns(page: PageLines, prose: ProseProfile): ColumnGroup {
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
export function proseColumns(prose: ProseProfile): ColumnGroup {
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
export function blankColumns(page: PageLines): ColumnGroup {
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
export function proseDistanceColumn(prose: ProseProfile): ColumnGroup {
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
export function bulletRunColumn(facts: readonly LineFacts[]): ColumnGroup {
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
export function bodyOverlapColumn(
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
export function pageProseShareColumn(facts: readonly LineFacts[], prose: ProseProfile): ColumnGroup {
  let totalWords = 0;
  for (const f of facts) totalWords += f.wordCount;
  const share = totalWords ? prose.total / totalWords : 0;
  return { count: 1, write: (_k, out, at) => (out[at] = share) };
}

/** Length (log) of the run of consecutive lines at the line's indent. */
export function indentRunColumn(facts: readonly LineFacts[]): ColumnGroup {
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
export function blockColumns(page: PageLines, isProse?: readonly boolean[]): ColumnGroup {
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
export function mainRunColumns(facts: readonly LineFacts[], isProse?: readonly boolean[]): ColumnGroup {
  const main = mainRun(facts.map((f, k) => runScore(f, isProseLine(facts, isProse, k))));
  return {
    count: 2,
    write: (k, out, at) => {
      out[at] = k < main.from ? -1 : k >= main.to ? 1 : 0;
      out[at + 1] = Math.log1p(k < main.from ? main.from - k : k >= main.to ? k - main.to + 1 : 0);
    },
  };
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
