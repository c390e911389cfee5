/**
 * The JSON export, format 1: the shape batch tools and the reference scorer read.
 * Other fields may be added; these never change meaning.
 */
import type { CorpusAnalysis } from './types';
import { LineVerdict } from './boilerplate';

export interface ExportedLine {
  readonly kind: 'content' | 'boilerplate' | 'blank';
  readonly reason?: string;
}
export interface ExportedSource {
  readonly path: string;
  readonly language: string;
  readonly lines: readonly ExportedLine[];
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
}
export interface ExportedGroup {
  readonly members: readonly { readonly source: number; readonly sentence: number; readonly similarity: number }[];
}
export interface ExportFormat1 {
  readonly format: 1;
  readonly sources: readonly ExportedSource[];
  readonly groups: readonly ExportedGroup[];
}

/** Converts an analysis to format 1. `paths[i]` names source i (default: its id). O(size). */
export function toExportFormat1(analysis: CorpusAnalysis, paths?: readonly string[]): ExportFormat1 {
  return {
    format: 1,
    sources: analysis.sources.map((s, i) => ({
      path: paths?.[i] ?? s.id,
      language: s.language,
      lines: byLfLine(s.lines, s.lfLineOfLine).map(l => (l.reason ? { kind: l.kind, reason: l.reason } : { kind: l.kind })),
      sentences: s.sentences.map(x => ({ start: x.start, end: x.end })),
    })),
    groups: analysis.groups.map(g => ({
      members: g.members.map(m => ({ source: m.source, sentence: m.sentence, similarity: round(m.similarity) })),
    })),
  };
}

/**
 * Verdicts per element of `text.split("\n")`: where lone CRs make several editor lines of one
 * element, it is content if any of them is, else boilerplate if any is, else blank.
 */
function byLfLine(lines: readonly LineVerdict[], lfLineOfLine: readonly number[] | undefined): readonly LineVerdict[] {
  if (!lfLineOfLine) return lines;
  const rank = { content: 2, boilerplate: 1, blank: 0 } as const;
  const out: LineVerdict[] = [];
  lines.forEach((verdict, i) => {
    const k = lfLineOfLine[i];
    if (!out[k] || rank[verdict.kind] > rank[out[k].kind]) out[k] = verdict;
  });
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
