/**
 * The rows of the comparison panel's model: the core's comparison rows in the compact form the
 * webview renders, built in slices so that a corpus of a thousand sources never holds the
 * extension host's thread for long. Free of `vscode`, so the benchmark measures this code.
 */
import { ComparisonRow, CorpusAnalysis, layoutComparison } from './core';
import type { CellModel, RowModel, SourceHeader, WordingModel } from './protocol';

/** Word diffs for every wording cost too much beyond this many sources; cells then show plain text. */
export const MAX_SOURCES_WITH_DIFFS = 60;

/** Default of the `synoptic.relatedBelowSimilarity` setting. */
export const RELATED_BELOW = 0.6;

/** How long one slice of row building may run before the thread is handed back. */
export const SLICE_MS = 15;

export interface RowModelsRequest {
  readonly analysis: CorpusAnalysis;
  readonly base: number;
  /** The base's text, for its boilerplate lines. */
  readonly baseText: string;
  readonly includeBoilerplate: boolean;
  /** Wordings less similar than this to the reference are marked related and lose their diff. Default `RELATED_BELOW`. */
  readonly relatedBelow?: number;
}

export interface SliceOptions {
  /** Default `SLICE_MS`. */
  readonly sliceMs?: number;
  /** Hands the thread back between slices; default: until the event loop's next turn. */
  readonly pause?: () => Promise<void>;
  /** Checked after every pause: true abandons the work (a newer request replaced it). */
  readonly isStale?: () => boolean;
}

/** The webview's form of one comparison row. */
export function toRowModel(row: ComparisonRow, baseText: string, relatedBelow = RELATED_BELOW): RowModel {
  if (row.kind === 'boilerplate') {
    const line = row.cells[0];
    return {
      kind: 'boilerplate',
      cells: [],
      wordings: [],
      sourceCount: 1,
      reworded: false,
      reason: row.reason,
      text: baseText.slice(line.start, line.end).trim(),
    };
  }
  return {
    kind: 'statement',
    sourceCount: row.sourceCount,
    reworded: row.reworded,
    ...(row.changedFacts ? { changedFacts: true } : {}),
    wordings: row.wordings.map((w): WordingModel => {
      if (w.similarity >= relatedBelow) return w;
      // A related wording loses its word diff, not its changed facts.
      return {
        text: w.text,
        similarity: w.similarity,
        related: true,
        ...(w.facts ? { facts: w.facts } : {}),
        ...(w.factMarks ? { factMarks: w.factMarks } : {}),
      };
    }),
    cells: row.cells.map((c): CellModel => ({
      source: c.source,
      sentence: c.sentences[0],
      ...(c.sentences.length > 1 ? { more: c.sentences.slice(1) } : {}),
      wording: c.wording,
      ...(c.moved ? { moved: true as const } : {}),
    })),
  };
}

/**
 * Every row of the comparison for `request.base`, in order: the layout in one step (linear in
 * the corpus's sentences), then rows in slices of about `sliceMs`. Resolves to undefined when
 * `isStale` turns true between slices.
 */
export async function buildRowModels(request: RowModelsRequest, options: SliceOptions = {}): Promise<RowModel[] | undefined> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const pause = options.pause ?? (() => new Promise<void>(resolve => setImmediate(resolve)));
  const { analysis, base, baseText } = request;
  const layout = layoutComparison(analysis, base, {
    includeBoilerplate: request.includeBoilerplate,
    diffs: analysis.sources.length <= MAX_SOURCES_WITH_DIFFS,
  });
  const rows: RowModel[] = [];
  let sliceStart = performance.now();
  for (let i = 0; i < layout.rowCount; i++) {
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      if (options.isStale?.()) return undefined;
      sliceStart = performance.now();
    }
    rows.push(toRowModel(layout.row(i), baseText, request.relatedBelow));
  }
  return rows;
}

/**
 * The column headers: each source's name, path and counts, its location where `locations` gives
 * one (the column's tooltip), and on the story's likely first version (`origin`, a source of
 * `analysis`) the reason it is taken to be. O(lines + sentences).
 */
export function sourceHeaders(
  analysis: CorpusAnalysis,
  names: readonly string[],
  paths: readonly string[],
  origin?: { readonly source: number; readonly reason: string },
  locations?: readonly string[],
): SourceHeader[] {
  return analysis.sources.map((s, i) => ({
    name: names[i],
    path: paths[i],
    ...(locations ? { location: locations[i] } : {}),
    sentences: s.sentences.length,
    shared: s.groupOfSentence.filter(g => g >= 0).length,
    boilerplateLines: s.lines.filter(l => l.kind === 'boilerplate').length,
    ...(origin?.source === i ? { origin: origin.reason } : {}),
  }));
}
