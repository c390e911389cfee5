/**
 * An analysis cut into parts of bounded size, and put back together. A thread that receives a
 * large analysis as one message spends hundreds of milliseconds deserialising it in one go;
 * received as parts, each arrives as its own message and no single step blocks for long.
 */
import type { CorpusAnalysis, SentenceGroup, SourceAnalysis } from './analyze';

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
  const parts: AnalysisPart[] = [];
  let sources: SourceAnalysis[] = [];
  let weight = 0;
  for (const source of analysis.sources) {
    const items = source.lines.length + source.sentences.length;
    if (sources.length && weight + items > maxItems) {
      parts.push({ kind: 'sources', sources });
      sources = [];
      weight = 0;
    }
    sources.push(source);
    weight += items;
  }
  if (sources.length || !analysis.sources.length) parts.push({ kind: 'sources', sources });
  let groups: SentenceGroup[] = [];
  weight = 0;
  for (const group of analysis.groups) {
    const items = group.members.length;
    if (groups.length && weight + items > maxItems) {
      parts.push({ kind: 'groups', groups });
      groups = [];
      weight = 0;
    }
    groups.push(group);
    weight += items;
  }
  if (groups.length) parts.push({ kind: 'groups', groups });
  return parts;
}

/** The analysis `parts` were split from, given all of them in order. O(sources + groups). */
export function joinAnalysis(parts: readonly AnalysisPart[]): CorpusAnalysis {
  const sources: SourceAnalysis[] = [];
  const groups: SentenceGroup[] = [];
  for (const part of parts) {
    if (part.kind === 'sources') for (const s of part.sources) sources.push(s);
    else for (const g of part.groups) groups.push(g);
  }
  return { sources, groups };
}
