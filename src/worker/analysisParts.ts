/**
 * An analysis cut into parts of bounded size, and put back together. A thread that receives a
 * large analysis as one message spends hundreds of milliseconds deserialising it in one go;
 * received as parts, each arrives as its own message and no single step blocks for long.
 */
import type { CorpusAnalysis, SentenceGroup, SourceAnalysis } from '../core';

/** One piece of an analysis: a run of consecutive sources or of consecutive groups. */
export type AnalysisPart =
  | { readonly kind: 'sources'; readonly sources: readonly SourceAnalysis[] }
  | { readonly kind: 'groups'; readonly groups: readonly SentenceGroup[] };

export interface SplitOptions {
  /**
   * The most items a part holds, counting each line, sentence and group member as one (a part
   * holds at least one source or group whatever its size). Default 20,000: a part of that
   * size is deserialised in about 15–25 ms on a 2-core machine.
   */
  readonly maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 20_000;

/**
 * The parts of `analysis` in order: sources first, then groups. O(sources + groups); the parts
 * share their objects with `analysis` (nothing is copied).
 */
export function splitAnalysis(analysis: CorpusAnalysis, options: SplitOptions = {}): AnalysisPart[] {
  const maxItems = Math.max(1, options.maxItems ?? DEFAULT_MAX_ITEMS);
  const sourceRuns = runs(analysis.sources, s => s.lines.length + s.sentences.length, maxItems);
  const groupRuns = runs(analysis.groups, g => g.members.length, maxItems);
  return [
    // An analysis of no source still travels as one (empty) part.
    ...(sourceRuns.length ? sourceRuns : [[]]).map((sources): AnalysisPart => ({ kind: 'sources', sources })),
    ...groupRuns.map((groups): AnalysisPart => ({ kind: 'groups', groups })),
  ];
}

/** Consecutive runs of `items` whose weights add up to at most `maxItems` (or one item alone). */
function runs<T>(items: readonly T[], weightOf: (item: T) => number, maxItems: number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let weight = 0;
  for (const item of items) {
    const w = weightOf(item);
    if (run.length && weight + w > maxItems) {
      out.push(run);
      run = [];
      weight = 0;
    }
    run.push(item);
    weight += w;
  }
  if (run.length) out.push(run);
  return out;
}

/** The analysis `parts` were split from, given all of them in order. O(sources + groups). */
export function analysisFromParts(parts: readonly AnalysisPart[]): CorpusAnalysis {
  const sources: SourceAnalysis[] = [];
  const groups: SentenceGroup[] = [];
  for (const part of parts) {
    if (part.kind === 'sources') for (const s of part.sources) sources.push(s);
    else for (const g of part.groups) groups.push(g);
  }
  return { sources, groups };
}
