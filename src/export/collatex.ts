/**
 * CollateX's JSON output shape: `witnesses` (the sigla, here the sources' names) and the
 * alignment `table`, one entry per aligned segment holding, per witness in order, the list of
 * its tokens there (empty where the witness lacks the segment). Segments are whole statements;
 * tokens are words with the white space that follows them, `t` the text and `n` its
 * normalised form, as CollateX's default tokenizer makes them.
 */
import { normalizeForComparison } from '../core';
import { storiesOf } from './stories';
import { ExportInput, ExportOptions, SeveralStories, exportTable, storyList } from './table';

export interface CollatexToken {
  readonly t: string;
  readonly n: string;
}

export interface CollatexJson {
  readonly witnesses: readonly string[];
  readonly table: readonly (readonly (readonly CollatexToken[])[])[];
}

/**
 * The alignment table of the chosen story. CollateX aligns one set of witnesses: a corpus of
 * several stories needs `options.story`, and without it throws `SeveralStories`, whose
 * message lists them. O(table size).
 */
export function toCollatex(input: ExportInput, options: ExportOptions = {}): CollatexJson {
  const stories = storiesOf(input.analysis).length;
  if (options.story === undefined && stories > 1)
    throw new SeveralStories(
      `CollateX's table aligns one story and these files hold ${stories}; choose one with --story N (${storyList(input.analysis)}), or take them all for one story with --one-story`,
    );
  const table = exportTable(input, { ...options, diffs: false });
  return {
    witnesses: table.names,
    table: table.rows.map(row => row.cells.map(cell => (cell ? tokens(cell.text) : []))),
  };
}

// A word and the white space after it, or a run of other characters and its white space.
const TOKEN = /[\p{L}\p{M}\p{N}_]+\s*|[^\p{L}\p{M}\p{N}_\s]+\s*|\s+/gu;

function tokens(text: string): CollatexToken[] {
  return (text.match(TOKEN) ?? []).map(t => ({ t, n: normalizeForComparison(t.trim()) }));
}
