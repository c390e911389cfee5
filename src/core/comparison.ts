/**
 * The side-by-side comparison: one column per source, one row per statement, in the reading
 * order of a chosen base source. Statements the base lacks are placed where they stand in
 * their own source, right after the row of the sentence that precedes them there.
 */
import { groupHasFactChanges, statementFactsFor } from './factPairs';
import { GroupOrder } from './order';
import type { ChangeKind, CorpusAnalysis, FactChange } from './types';
import { SimilarityTo } from './similarity';
import { normalizeForComparison } from './text';
import { DiffPart, wordDiff } from './wordDiff';

/** One source's sentence (or two, where it split one) in a row. */
export interface ComparisonCell {
  readonly source: number;
  /** Sentence indices in the source, in order (two where the source split a sentence). */
  readonly sentences: readonly number[];
  /** Index in the row's `wordings`: 0 is the reference wording. */
  readonly wording: number;
  /** Line of the first sentence, and the offsets of the whole cell in the source text. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** True when the source has this statement out of the order it shares with the base. */
  readonly moved: boolean;
}

/** One distinct wording of a row's statement, shared by every cell that reads the same. */
export interface RowWording {
  readonly text: string;
  /** Similarity to the reference wording (the base's, or the first source's); 1 for itself. */
  readonly similarity: number;
  /** Differences from the reference wording; absent for the reference and without diffs. */
  readonly diff?: readonly DiffPart[];
  /** Facts this wording gives otherwise than the reference (`base` the reference's text); absent when none. */
  readonly facts?: readonly FactChange[];
  /** Where this wording's text holds a fact some other wording gives otherwise; absent when none. */
  readonly factMarks?: readonly FactMark[];
}

/** A changed fact's place in a wording: `[start, end)` offsets in its text, and its kind. */
export interface FactMark {
  readonly start: number;
  readonly end: number;
  readonly kind: ChangeKind;
  /** For `number`: the fact is a date (`FactChange.date`). */
  readonly date?: true;
}

export type RowKind = 'statement' | 'boilerplate';

/**
 * A row: a statement with the cells of the sources that have it, or a boilerplate line of the
 * base. Cells are sparse (a source without the statement has none) and ordered by source, so
 * a row's size follows the sources that have it, not the corpus.
 */
export interface ComparisonRow {
  readonly kind: RowKind;
  readonly cells: readonly ComparisonCell[];
  /** Distinct wordings, the reference first. Empty for boilerplate rows. */
  readonly wordings: readonly RowWording[];
  /** Index in `analysis.groups`, or -1 for a sentence found in one source only. */
  readonly group: number;
  readonly sourceCount: number;
  /** True when some cell's wording differs from the reference. */
  readonly reworded: boolean;
  /** True when some cell's wording gives a fact otherwise than the reference. */
  readonly changedFacts: boolean;
  /** For boilerplate rows: the reason the line was marked. */
  readonly reason?: string;
}

export interface Comparison {
  readonly base: number;
  readonly rows: readonly ComparisonRow[];
}

/**
 * The rows' order, decided up front, with each row built only when asked for: a caller can
 * build thousands of rows in slices (or only those on screen) without one long step.
 */
export interface ComparisonLayout {
  readonly base: number;
  readonly rowCount: number;
  /** Builds row `index` (0 ≤ index < rowCount); each call builds it anew. */
  row(index: number): ComparisonRow;
}

/** Options of `buildComparison`; every field has a default. */
export interface ComparisonOptions {
  /** Include the base's boilerplate lines as rows of their own. Default false. */
  readonly includeBoilerplate?: boolean;
  /** Compute word differences for every wording (costly for huge corpora). Default true. */
  readonly diffs?: boolean;
}

/** All rows for `base` at once: `layoutComparison` with every row built. */
export function buildComparison(analysis: CorpusAnalysis, base: number, options: ComparisonOptions = {}): Comparison {
  const layout = layoutComparison(analysis, base, options);
  return { base, rows: Array.from({ length: layout.rowCount }, (_, i) => layout.row(i)) };
}

/**
 * Orders the rows for `base` in O(S) for S sentences in the corpus. Building a row then costs
 * O(m log m) for its m cells, plus one similarity and one word diff per distinct wording.
 * Which sources have a group out of order is worked out once per source, when a row first
 * needs it (O(g log g) for the g groups of that source).
 */
export function layoutComparison(analysis: CorpusAnalysis, base: number, options: ComparisonOptions = {}): ComparisonLayout {
  if (base < 0 || base >= analysis.sources.length) throw new RangeError(`no source ${base}`);
  const withDiffs = options.diffs !== false;
  const isMoved = movedLookup(analysis, base);
  const board = new DraftBoard(analysis);
  placeBase(board, analysis, base, options.includeBoilerplate === true);
  placeOthers(board, analysis, base);
  const drafts = flatten(board.top);
  return {
    base,
    rowCount: drafts.length,
    row: index => {
      const d = drafts[index];
      if (!d) throw new RangeError(`no row ${index}`);
      return d.boilerplateLine !== undefined
        ? boilerplateRow(analysis, base, d.boilerplateLine)
        : statementRow(analysis, base, d.group, d.single, isMoved, withDiffs);
    },
  };
}

/** Whether a source has a group out of the base's order; each source's moved groups worked out on first need. */
function movedLookup(analysis: CorpusAnalysis, base: number): (source: number, group: number) => boolean {
  const order = new GroupOrder(analysis, base);
  const movedBySource: (ReadonlySet<number> | undefined)[] = new Array(analysis.sources.length);
  return (source, group) => {
    if (source === base) return false;
    let moved = movedBySource[source];
    if (!moved) moved = movedBySource[source] = order.movedIn(source);
    return moved.has(group);
  };
}

/** A row to be: a group, a sentence in no group, or a boilerplate line of the base; and the rows that go right after it. */
interface Draft {
  readonly group: number;
  readonly single?: { readonly source: number; readonly sentence: number };
  readonly boilerplateLine?: number;
  readonly after: Draft[];
}

/** Where each sentence's row goes: rows are drafted as a linked order, then flattened. */
class DraftBoard {
  /** Rows in order, each followed (when flattened) by the rows after it. */
  readonly top: Draft[] = [];
  readonly registered = new Set<Draft>();
  private readonly draftOfGroup = new Map<number, Draft>();
  private readonly placed: (Draft | undefined)[][];

  constructor(private readonly analysis: CorpusAnalysis) {
    this.placed = analysis.sources.map(s => new Array<Draft | undefined>(s.sentences.length));
  }

  /** The draft of a sentence's row: its group's (one per group), or one of its own. */
  draftFor(source: number, sentence: number): Draft {
    const g = this.analysis.sources[source].groupOfSentence[sentence];
    if (g >= 0) {
      let d = this.draftOfGroup.get(g);
      if (!d) {
        d = { group: g, after: [] };
        this.draftOfGroup.set(g, d);
      }
      return d;
    }
    return { group: -1, single: { source, sentence }, after: [] };
  }

  /** Records the draft as the row of every sentence it holds. */
  placeAll(d: Draft): void {
    if (d.group >= 0) for (const m of this.analysis.groups[d.group].members) this.placed[m.source][m.sentence] = d;
    else if (d.single) this.placed[d.single.source][d.single.sentence] = d;
  }

  placedAt(source: number, sentence: number): Draft | undefined {
    return this.placed[source][sentence];
  }
}

/** The base in its reading order, boilerplate lines interleaved when asked for. */
function placeBase(board: DraftBoard, analysis: CorpusAnalysis, base: number, includeBoilerplate: boolean): void {
  const baseSource = analysis.sources[base];
  let sentenceIndex = 0;
  for (let line = 0; line < baseSource.lines.length; line++) {
    const verdict = baseSource.lines[line];
    if (verdict.kind === 'boilerplate' && includeBoilerplate) {
      board.top.push({ group: -1, boilerplateLine: line, after: [] });
    }
    while (sentenceIndex < baseSource.sentences.length && baseSource.sentences[sentenceIndex].line === line) {
      const d = board.draftFor(base, sentenceIndex);
      if (!board.registered.has(d)) {
        board.registered.add(d);
        board.top.push(d);
        board.placeAll(d);
      }
      sentenceIndex++;
    }
  }
}

/** Other sources: what the base lacks goes right after its predecessor in that source. */
function placeOthers(board: DraftBoard, analysis: CorpusAnalysis, base: number): void {
  for (let s = 0; s < analysis.sources.length; s++) {
    if (s === base) continue;
    let previous: Draft | undefined;
    const sentences = analysis.sources[s].sentences;
    for (let i = 0; i < sentences.length; i++) {
      const existing = board.placedAt(s, i);
      if (existing) {
        previous = existing;
        continue;
      }
      const d = board.draftFor(s, i);
      board.registered.add(d);
      board.placeAll(d);
      if (previous) previous.after.push(d);
      else board.top.unshift(d);
      previous = d;
    }
  }
}

/** The drafts in row order. Iterative, which keeps deep chains of insertions off the call stack. */
function flatten(top: readonly Draft[]): Draft[] {
  const drafts: Draft[] = [];
  const stack = [...top].reverse();
  while (stack.length) {
    const d = stack.pop()!;
    drafts.push(d);
    for (let k = d.after.length - 1; k >= 0; k--) stack.push(d.after[k]);
  }
  return drafts;
}

function boilerplateRow(analysis: CorpusAnalysis, base: number, line: number): ComparisonRow {
  const source = analysis.sources[base];
  const span = source.lineSpans[line];
  const cell: ComparisonCell = { source: base, sentences: [], wording: 0, line, start: span.start, end: span.end, moved: false };
  return {
    kind: 'boilerplate',
    cells: [cell],
    wordings: [],
    group: -1,
    sourceCount: 1,
    reworded: false,
    changedFacts: false,
    reason: source.lines[line].reason,
  };
}

function statementRow(
  analysis: CorpusAnalysis,
  base: number,
  group: number,
  single: { source: number; sentence: number } | undefined,
  isMoved: (source: number, group: number) => boolean,
  withDiffs: boolean,
): ComparisonRow {
  const bySource = new Map<number, number[]>();
  // A copy its source repeats (a headline printed twice) stays in the row, so the cursor on it
  // finds the row, but is not read again as part of the statement's text or its range.
  const repeats = new Set<string>();
  if (group >= 0) {
    for (const m of analysis.groups[group].members) {
      const list = bySource.get(m.source);
      if (list) list.push(m.sentence);
      else bySource.set(m.source, [m.sentence]);
      if (m.repeat) repeats.add(`${m.source}:${m.sentence}`);
    }
  } else if (single) {
    bySource.set(single.source, [single.sentence]);
  }
  const present = [...bySource.keys()].sort((a, b) => a - b);
  const referenceSource = bySource.has(base) ? base : present[0];
  const readOf = (s: number): number[] => {
    const list = bySource.get(s)!.sort((a, b) => a - b);
    const read = repeats.size ? list.filter(i => !repeats.has(`${s}:${i}`)) : list;
    return read.length ? read : list;
  };
  const textOf = (s: number): string => {
    const list = readOf(s);
    const sentences = analysis.sources[s].sentences;
    return list.length === 1 ? sentences[list[0]].text : list.map(i => sentences[i].text).join(' ');
  };
  const referenceText = textOf(referenceSource);
  const facts = group >= 0 ? factReader(analysis, group, referenceSource) : undefined;
  const referenceNormalized = normalizeForComparison(referenceText);
  const similarityToReference = new SimilarityTo(referenceNormalized);
  const wordings: RowWording[] = [{ text: referenceText, similarity: 1 }];
  // A reprinted statement has far fewer wordings than sources: compare each wording once.
  const wordingOf = new Map<string, number>([[referenceText, 0]]);
  let reworded = false;
  const cells = present.map((s): ComparisonCell => {
    const list = bySource.get(s)!;
    const text = s === referenceSource ? referenceText : textOf(s);
    let wording = wordingOf.get(text);
    if (wording === undefined) {
      const normalized = normalizeForComparison(text);
      if (normalized !== referenceNormalized) reworded = true;
      wording = wordings.length;
      wordings.push({
        text,
        similarity: similarityToReference.of(normalized),
        diff: withDiffs ? wordDiff(referenceText, text) : undefined,
        ...facts?.of(s),
      });
      wordingOf.set(text, wording);
    }
    const read = readOf(s);
    const first = analysis.sources[s].sentences[read[0]];
    const last = analysis.sources[s].sentences[read[read.length - 1]];
    return {
      source: s,
      sentences: list,
      wording,
      line: first.line,
      start: first.start,
      end: last.end,
      moved: group >= 0 && isMoved(s, group),
    };
  });
  const referenceMarks = facts?.referenceMarks();
  if (referenceMarks) wordings[0] = { ...wordings[0], factMarks: referenceMarks };
  return { kind: 'statement', cells, wordings, group, sourceCount: present.length, reworded, changedFacts: !!referenceMarks };
}

/**
 * The fact changes of a row's wordings against its reference wording, each compared with it
 * directly (`FactComparer`), for a group where some member differs from the anchor in a fact
 * (undefined otherwise, at the cost of one look at the members). `of` gives a source's wording
 * fields, placed in its joined text as the row shows it; `referenceMarks` then gives the
 * reference's marks, gathered from every wording asked about, or undefined when none differs
 * in a fact.
 */
function factReader(
  analysis: CorpusAnalysis,
  groupIndex: number,
  referenceSource: number,
):
  | {
      of(source: number): Pick<RowWording, 'facts' | 'factMarks'>;
      referenceMarks(): FactMark[] | undefined;
    }
  | undefined {
  const group = analysis.groups[groupIndex];
  if (!groupHasFactChanges(group)) return undefined;
  const facts = statementFactsFor(analysis);
  const reference = facts.wordingOf(groupIndex, referenceSource);
  if (!reference) return undefined;
  const referenceMarks = new Map<string, FactMark>();
  let anyFacts = false;
  return {
    of(source) {
      const wording = facts.wordingOf(groupIndex, source);
      if (!wording) return {};
      const placed = facts.between(groupIndex, reference, wording);
      if (!placed.length) return {};
      anyFacts = true;
      const changes = placed.map(p => p.change);
      // One comparison marks both wordings: the reference's side of each change where it lies there.
      for (const { change, baseRange } of placed) {
        const mark = baseRange && markOf({ ...change, otherRange: baseRange });
        if (mark) referenceMarks.set(`${mark.start}:${mark.end}`, mark);
      }
      const marks = changes.map(markOf).filter((m): m is FactMark => m !== undefined);
      return marks.length ? { facts: changes, factMarks: sortMarks(marks) } : { facts: changes };
    },
    referenceMarks: () => (anyFacts ? sortMarks([...referenceMarks.values()]) : undefined),
  };
}

function markOf(change: FactChange): FactMark | undefined {
  const range = change.otherRange;
  if (!range || range[1] <= range[0]) return undefined;
  return change.date
    ? { start: range[0], end: range[1], kind: change.kind, date: true }
    : { start: range[0], end: range[1], kind: change.kind };
}

function sortMarks(marks: FactMark[]): FactMark[] {
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}
