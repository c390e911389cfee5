/**
 * What every tabular export shows: the statements of a story in one reading order, one column
 * per source. Built on the comparison's rows (the story's first source is the base), so the
 * exports list statements in the order the panel shows them.
 */
import { CorpusAnalysis, DiffPart, layoutComparison, sentenceSimilarity, wordDiff } from '../core';
import { NO_TITLE, Story, restrictAnalysisWithGroups, storiesOf } from './stories';

/** An analysed corpus and what an export needs beside the analysis. */
export interface ExportInput {
  readonly analysis: CorpusAnalysis;
  /** How each source is named in the export (its path as the user gave it). */
  readonly paths: readonly string[];
  /** Each source's text as analysed (needed by the passim export only). */
  readonly texts?: readonly string[];
}

/** Options every export takes; every field has a default. */
export interface ExportOptions {
  /**
   * Index into `storiesOf(analysis)` of the story to export. Default: every story (each format
   * says how it shows several; `exportTable` alone puts every source in one table).
   */
  readonly story?: number;
  /** Word differences from the reference wording (HTML only); default true. */
  readonly diffs?: boolean;
  /**
   * List a sentence only one source has, which that source prints more than once between the
   * same two shared statements (a photo caption above a picture and under it), in one row
   * with its `printed` count, as the panel shows it; default false: a row for each copy, as
   * an edition of the texts needs.
   */
  readonly repeatsOnce?: boolean;
}

/** A source's sentence in a row. */
export interface TableCell {
  readonly text: string;
  /** Similarity to the row's reference wording (1 for the reference itself). */
  readonly similarity: number;
  /** True when the source has the statement out of the order it shares with the base. */
  readonly moved: boolean;
  /** True for the row's reference wording (the base's, or the first source's that has it). */
  readonly reference: boolean;
  /** Differences from the reference wording, when asked for. */
  readonly diff?: readonly DiffPart[];
}

/** `statement`: a group of sentences across sources; `unique`: a sentence found in one source only. */
export type TableRowKind = 'statement' | 'unique';

export interface TableRow {
  readonly kind: TableRowKind;
  /** Index in `analysis.groups`, or -1 for a unique sentence. */
  readonly group: number;
  /** One entry per column: the source's sentence, or undefined where it lacks the statement. */
  readonly cells: readonly (TableCell | undefined)[];
  /** Lowest similarity of a cell to the reference wording (1 where all read alike). */
  readonly similarity: number;
  /** With `repeatsOnce`, how many times the row's one source prints its sentence there, where more than once. */
  readonly printed?: number;
}

export interface ExportTable {
  readonly title: string;
  /** Source index of each column; the first is the base. */
  readonly columns: readonly number[];
  /** Name of each column's source. */
  readonly names: readonly string[];
  readonly rows: readonly TableRow[];
}

/** The story `options.story` names, or one story of every source; throws RangeError for a story that does not exist. */
export function chosenStory(analysis: CorpusAnalysis, options: ExportOptions = {}): Story {
  const stories = storiesOf(analysis);
  if (options.story === undefined) {
    if (stories.length === 1) return stories[0];
    const sources = analysis.sources.map((_, i) => i);
    return { title: stories[0]?.title ?? '', sources };
  }
  const story = stories[options.story];
  if (!story) throw new RangeError(`there is no story ${options.story + 1} (the corpus has ${stories.length})`);
  return story;
}

/**
 * The corpus holds several stories and the export can show only one (CollateX's table aligns
 * one set of witnesses): the message lists the stories and asks for one.
 */
export class SeveralStories extends RangeError {}

/** The stories of `analysis` for a message: `1 "Title" (5 sources); 2 "…" (2 sources)`, titles cut at 60 characters, the first `LISTED_STORIES` of them and how many more. */
export function storyList(analysis: CorpusAnalysis): string {
  const stories = storiesOf(analysis);
  const listed = stories.slice(0, LISTED_STORIES).map((story, i) => {
    const title = story.title.length > 60 ? `${story.title.slice(0, 59)}…` : story.title;
    return `${i + 1} ${title ? `"${title}"` : NO_TITLE} (${story.sources.length} source${story.sources.length === 1 ? '' : 's'})`;
  });
  // A message is one line: a corpus of hundreds of stories is for `synoptic stories` to list.
  if (stories.length > LISTED_STORIES) listed.push(`${stories.length - LISTED_STORIES} more (\`synoptic stories\` lists them all)`);
  return listed.join('; ');
}

/** Most stories a message lists. */
const LISTED_STORIES = 10;

/**
 * The tables an export shows: of the story `options.story` names, or of every story of the
 * corpus in the order `storiesOf` gives them (one table when it holds one story). Each table's
 * `story` is its index into `storiesOf`. O(sum of the tables).
 */
export function exportTables(input: ExportInput, options: ExportOptions = {}): (ExportTable & { readonly story: number })[] {
  if (options.story !== undefined) return [{ ...exportTable(input, options), story: options.story }];
  return storiesOf(input.analysis).map((_, story) => ({ ...exportTable(input, { ...options, story }), story }));
}

/**
 * The rows of a story in the base's reading order, statements the base lacks where they stand
 * in their own source. O(S) to order the rows for S sentences of the story (and the members of
 * its groups), plus one similarity (and with `diffs`, one word diff) per distinct wording of a
 * row. A group of the analysis that spans stories is read as its members in the story.
 */
export function exportTable(input: ExportInput, options: ExportOptions = {}): ExportTable {
  const { analysis, paths } = input;
  const story = chosenStory(analysis, options);
  const columns = [...story.sources];
  if (columns.length === 0) return { title: story.title, columns, names: [], rows: [] };
  // The story's sources alone are laid out (a corpus's other stories add rows the table leaves
  // out, and laying them out for each story would make an export of every story quadratic),
  // then named again by their sources and groups in `analysis`.
  const kept = [...columns].sort((x, y) => x - y);
  const { analysis: scoped, groupOrigin } = restrictAnalysisWithGroups(analysis, kept);
  const columnOfSource = new Map(columns.map((s, i) => [s, i]));
  const columnOf = new Map(kept.map((s, i) => [i, columnOfSource.get(s)!]));
  const layout = layoutComparison(scoped, kept.indexOf(columns[0]), { diffs: options.diffs !== false });
  const rows: TableRow[] = [];
  // The rows of lone sentences since the last shared statement, by column and text.
  let loneRows = new Map<string, number>();
  for (let i = 0; i < layout.rowCount; i++) {
    const row = layout.row(i);
    if (row.kind !== 'statement') continue;
    const cells: (TableCell | undefined)[] = new Array(columns.length).fill(undefined);
    let present = 0;
    for (const cell of row.cells) {
      const column = columnOf.get(cell.source);
      if (column === undefined) continue;
      const wording = row.wordings[cell.wording];
      cells[column] = {
        text: wording.text,
        similarity: wording.similarity,
        moved: cell.moved,
        reference: cell.wording === 0,
        diff: wording.diff,
      };
      present++;
    }
    if (present === 0) continue;
    rebaseOnFirstPresent(cells, options.diffs !== false);
    if (row.group < 0 && options.repeatsOnce) {
      const column = cells.findIndex(c => c !== undefined);
      const key = `${column}\u0000${cells[column]!.text}`;
      const earlier = loneRows.get(key);
      if (earlier !== undefined) {
        rows[earlier] = { ...rows[earlier], printed: (rows[earlier].printed ?? 1) + 1 };
        continue;
      }
      loneRows.set(key, rows.length);
    } else if (row.group >= 0) {
      loneRows = new Map();
    }
    const similarity = Math.min(...cells.filter((c): c is TableCell => c !== undefined).map(c => c.similarity));
    const group = row.group >= 0 ? groupOrigin[row.group] : -1;
    rows.push({ kind: group >= 0 && present > 1 ? 'statement' : 'unique', group, cells, similarity });
  }
  return { title: story.title, columns, names: columns.map(s => paths[s] ?? analysis.sources[s].id), rows };
}

/**
 * A row whose cells hold no reference wording (the story is laid out alone, so its anchor is
 * among its own sources, but a hand-made analysis may say otherwise) takes the story's first
 * cell as the reference, and the others are measured (and diffed) against it, so no cell is
 * compared with a wording the export does not show.
 */
function rebaseOnFirstPresent(cells: (TableCell | undefined)[], withDiffs: boolean): void {
  if (cells.some(c => c?.reference)) return;
  const first = cells.findIndex(c => c !== undefined);
  const reference = cells[first]!.text;
  for (let i = first; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) continue;
    const same = cell.text === reference;
    cells[i] = {
      ...cell,
      reference: same,
      similarity: same ? 1 : sentenceSimilarity(reference, cell.text),
      diff: same || !withDiffs ? undefined : wordDiff(reference, cell.text),
    };
  }
}
