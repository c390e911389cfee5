/**
 * The JSON export, format 1: the shape batch tools and the reference scorer read.
 * Other fields may be added; these never change meaning.
 */
import { outOfOrder } from './align';
import { CorpusAnalysis } from './analyze';
import { LineVerdict } from './boilerplate';

export interface ExportedLine {
  readonly kind: 'content' | 'boilerplate' | 'blank';
  readonly reason?: string;
}
export interface ExportedSource {
  readonly path: string;
  readonly language: string;
  readonly lines: readonly ExportedLine[];
  /** `text` is the sentence, `text.slice(start, end)` of the source. */
  readonly sentences: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}
export interface ExportedGroup {
  /**
   * `similarity` to the group's anchor; `moved` when the member's source has the statement out
   * of the reading order it shares with the anchor's source.
   */
  readonly members: readonly { readonly source: number; readonly sentence: number; readonly similarity: number; readonly moved: boolean }[];
}
export interface ExportFormat1 {
  readonly format: 1;
  readonly sources: readonly ExportedSource[];
  readonly groups: readonly ExportedGroup[];
}

/**
 * Converts an analysis to format 1. `paths[i]` names source i (default: its id). O(size), plus
 * O(m + k log k) for each pair of a group's anchor source and a member's source (m sentences,
 * k shared groups), worked out once per pair.
 */
export function toExportFormat1(analysis: CorpusAnalysis, paths?: readonly string[]): ExportFormat1 {
  const moved = new MovedFromAnchor(analysis);
  return {
    format: 1,
    sources: analysis.sources.map((s, i) => ({
      path: paths?.[i] ?? s.id,
      language: s.language,
      lines: byLfLine(s.lines, s.lfLineOfLine).map(l => (l.reason ? { kind: l.kind, reason: l.reason } : { kind: l.kind })),
      sentences: s.sentences.map(x => ({ start: x.start, end: x.end, text: x.text })),
    })),
    groups: analysis.groups.map((g, gi) => {
      const anchorSource = g.members[g.anchor].source;
      return {
        members: g.members.map(m => ({ source: m.source, sentence: m.sentence, similarity: round(m.similarity), moved: moved.isMoved(anchorSource, m.source, gi) })),
      };
    }),
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

/**
 * Which groups stand out of order between two sources, worked out once per pair of sources
 * (as `GroupOrder` does, but holding per pair only the few groups that moved, not arrays as
 * long as the corpus's groups, since a corpus may have a thousand anchor sources).
 */
class MovedFromAnchor {
  private readonly groupsInOrder = new Map<number, readonly number[]>();
  private readonly movedSets = new Map<string, ReadonlySet<number>>();

  constructor(private readonly analysis: CorpusAnalysis) {}

  isMoved(anchorSource: number, source: number, group: number): boolean {
    if (anchorSource === source) return false;
    const key = `${anchorSource}:${source}`;
    let moved = this.movedSets.get(key);
    if (!moved) this.movedSets.set(key, (moved = this.movedBetween(anchorSource, source)));
    return moved.has(group);
  }

  private movedBetween(a: number, b: number): ReadonlySet<number> {
    let inA = this.groupsInOrder.get(a);
    if (!inA) this.groupsInOrder.set(a, (inA = firstAppearances(this.analysis.sources[a].groupOfSentence)));
    const firstInB = new Map<number, number>();
    this.analysis.sources[b].groupOfSentence.forEach((g, i) => {
      if (g >= 0 && !firstInB.has(g)) firstInB.set(g, i);
    });
    const shared: number[] = [];
    const positions: number[] = [];
    for (const g of inA) {
      const at = firstInB.get(g);
      if (at === undefined) continue;
      shared.push(g);
      positions.push(at);
    }
    const flags = outOfOrder(positions);
    return new Set(shared.filter((_, i) => flags[i]));
  }
}

/** The groups of a source in the order they first appear there. */
function firstAppearances(groupOfSentence: readonly number[]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const g of groupOfSentence) {
    if (g >= 0 && !seen.has(g)) {
      seen.add(g);
      out.push(g);
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
