/**
 * Messages between the comparison panel (extension side) and its webview script. Both sides
 * import these types, so a change to one side that the other does not follow fails to compile.
 */
import type { DiffPart, FactChange } from './core';
import type { FactMark } from './core/comparison';
import type { Direction, NavigationTarget } from './navigationTargets';

export type RowFilter = 'all' | 'sharedByAll' | 'uniqueToOne' | 'reworded' | 'changedFacts';

/** A column header: the source's name and counts. */
export interface SourceHeader {
  readonly name: string;
  /** The source's URI as a string: what the panel's state keeps to know its base again. */
  readonly path: string;
  /** Where the file is, as a reader reads it (relative to the workspace): the column's tooltip. */
  readonly location?: string;
  readonly sentences: number;
  readonly shared: number;
  readonly boilerplateLines: number;
  /**
   * Present where Synoptic leaves the source unmarked in the editor (`synoptic.activation`: a
   * note, a folder turned off): why. Its lines are then neither counted (`boilerplateLines` is 0)
   * nor, for the base, shown as boilerplate rows.
   */
  readonly unmarked?: string;
  /** Present on the likely first version of the story: why it is taken to be the origin. */
  readonly origin?: string;
}

/** A source's cell in a row. */
export interface CellModel {
  readonly source: number;
  /** The source's first sentence of the statement: what a click reveals. */
  readonly sentence: number;
  /**
   * The source's further sentences of the statement, where it has several (a headline the page
   * prints twice, a statement it splits in two): the editor's cursor on one of them marks the row.
   */
  readonly more?: readonly number[];
  /** Index of the source's wording in the row's `wordings`. */
  readonly wording: number;
  /** Present when the source has the statement out of the base's order. */
  readonly moved?: true;
}

/** A distinct wording of a row's statement; the first is the reference. */
export interface WordingModel {
  readonly text: string;
  readonly similarity: number;
  /** Word differences from the reference; absent for the reference and for related wordings. */
  readonly diff?: readonly DiffPart[];
  /** Less similar than the user's threshold: shown as related, in its own words, without a diff. */
  readonly related?: true;
  /** Facts this wording gives otherwise than the reference (`base` is the reference's text). */
  readonly facts?: readonly FactChange[];
  /** Where this wording's text holds a fact some other wording gives otherwise. */
  readonly factMarks?: readonly FactMark[];
}

export interface RowModel {
  readonly kind: 'statement' | 'boilerplate';
  /** The cells of the sources that have the statement, by ascending source; none for boilerplate. */
  readonly cells: readonly CellModel[];
  readonly wordings: readonly WordingModel[];
  readonly sourceCount: number;
  readonly reworded: boolean;
  /** Some wording gives a fact (number, quote, name, attribution, negation) otherwise than the reference. */
  readonly changedFacts?: true;
  readonly reason?: string;
  /** Boilerplate rows: the line's text. */
  readonly text?: string;
}

/** The cell of `source` in `row`, or undefined where the source lacks the statement. O(log n). */
export function cellOf(row: RowModel, source: number): CellModel | undefined {
  let lo = 0;
  let hi = row.cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = row.cells[mid].source;
    if (s === source) return row.cells[mid];
    if (s < source) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Everything the webview renders. */
export interface ComparisonModel {
  readonly generation: number;
  readonly base: number;
  readonly sources: readonly SourceHeader[];
  readonly rows: readonly RowModel[];
  /** Shown above the table when part of the corpus was left out (limits hit). */
  readonly notice?: string;
}

/** What the webview keeps across reloads (`setState`) and the panel serializer restores. */
export interface PanelState {
  readonly basePath?: string;
  readonly filter?: RowFilter;
  readonly showBoilerplate?: boolean;
  /** Wide corpora: the first of the other sources on the page of columns shown. */
  readonly firstColumn?: number;
}

export type ToWebview =
  | { readonly type: 'model'; readonly model: ComparisonModel; readonly state: PanelState }
  /**
   * Mark the row of the cursor's sentence. The cursor moved: the row is scrolled to, and its page
   * of columns shown. `markOnly`: a new model is rendered, and the reader's place (scroll, page of
   * columns, focus) stays; only the mark is put back. A new base's first model has no place of the
   * reader's yet: its grid opens at that row.
   */
  | { readonly type: 'highlight'; readonly source: number; readonly sentence: number; readonly markOnly?: true }
  | { readonly type: 'status'; readonly text: string }
  /** Move the cursor row to the next or previous row of a kind (the navigation commands). */
  | { readonly type: 'navigate'; readonly target: NavigationTarget; readonly direction: Direction };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly rows: number; readonly generation: number }
  | { readonly type: 'reveal'; readonly source: number; readonly sentence: number }
  | { readonly type: 'setBase'; readonly source: number }
  | { readonly type: 'setShowBoilerplate'; readonly show: boolean }
  | { readonly type: 'stateChanged'; readonly state: PanelState }
  /** The cell the reader's cursor is on, after a key press, a click or a navigation command. */
  | { readonly type: 'focused'; readonly source?: number; readonly sentence?: number; readonly row: number };
