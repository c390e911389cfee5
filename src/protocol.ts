/**
 * Messages between the comparison panel (extension side) and its webview script. Both sides
 * import these types, so a change to one side that the other does not follow fails to compile.
 */
import type { DiffPart } from './core/wordDiff';

export type RowFilter = 'all' | 'sharedByAll' | 'uniqueToOne' | 'reworded';

/** A column header: the source's name and counts. */
export interface SourceHeader {
  readonly name: string;
  readonly path: string;
  readonly sentences: number;
  readonly shared: number;
  readonly boilerplateLines: number;
}

export interface CellModel {
  readonly source: number;
  /** The first sentence index (what a click reveals). */
  readonly sentence: number;
  readonly text: string;
  readonly similarity: number;
  readonly diff?: readonly DiffPart[];
  readonly moved: boolean;
}

export interface RowModel {
  readonly kind: 'statement' | 'boilerplate';
  readonly cells: readonly (CellModel | null)[];
  readonly sourceCount: number;
  readonly reworded: boolean;
  readonly reason?: string;
  /** Boilerplate rows: the line's text. */
  readonly text?: string;
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
}

export type ToWebview =
  | { readonly type: 'model'; readonly model: ComparisonModel; readonly state: PanelState }
  | { readonly type: 'highlight'; readonly source: number; readonly sentence: number }
  | { readonly type: 'status'; readonly text: string };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly rows: number; readonly generation: number }
  | { readonly type: 'reveal'; readonly source: number; readonly sentence: number }
  | { readonly type: 'setBase'; readonly source: number }
  | { readonly type: 'setShowBoilerplate'; readonly show: boolean }
  | { readonly type: 'stateChanged'; readonly state: PanelState };
