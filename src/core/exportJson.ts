/**
 * The JSON export, format 1: the shape batch tools and the reference scorer read.
 * Other fields may be added; these never change meaning.
 */
import { outOfOrder } from './order';
import type { ChangeKind, CorpusAnalysis, GroupMember } from './types';
import { LineVerdict } from './boilerplate';

export interface ExportedLine {
  readonly kind: 'content' | 'boilerplate' | 'blank';
  readonly reason?: string;
}
export interface ExportedSource {
  readonly path: string;
  readonly language: string;
  readonly lines: readonly ExportedLine[];
  /** `text` is the sentence, `text.slice(start, end)` of the source, a line break inside a hard-wrapped paragraph given as spaces. */
  readonly sentences: readonly { readonly start: number; readonly end: number; readonly text: string }[];
  /** The publication date or time the page gives near its headline, ISO 8601 (present only when found). */
  readonly published?: string;
}
/** One change of a member against its group's anchor: what it touches, the anchor's text and the member's. */
export interface ExportedChange {
  readonly kind: ChangeKind;
  readonly base: string;
  readonly other: string;
  /** For `name`: the two are spellings of one name. */
  readonly variant?: true;
  /** For `number`: what changes is a date and nothing else. */
  readonly date?: true;
}
export interface ExportedMember {
  readonly source: number;
  readonly sentence: number;
  readonly similarity: number;
  readonly moved: boolean;
  /** What this wording changes against the anchor's (present only when it changes something). */
  readonly changes?: readonly ExportedChange[];
}
export interface ExportedGroup {
  /**
   * The aligned sentences: every two of different sources are a link. `similarity` to the
   * group's anchor; `moved` when the member's source has the statement out of the reading order
   * it shares with the anchor's source.
   */
  readonly members: readonly ExportedMember[];
  /** Sentences a source repeats whose other copy is a member (present only when there are some). */
  readonly repeats?: readonly ExportedMember[];
  /** The source of the earliest version carrying the statement. */
  readonly earliest?: number;
}
/** A story: the sources (indices, ascending) that tell it, and its best-supported headline. */
export interface ExportedStory {
  readonly title: string;
  readonly sources: readonly number[];
  /** The likely first version and the reason (present for stories of two or more versions with something to go by). */
  readonly origin?: { readonly source: number; readonly reason: string };
}
export interface ExportFormat1 {
  readonly format: 1;
  readonly sources: readonly ExportedSource[];
  readonly groups: readonly ExportedGroup[];
  /** Every source in exactly one story, largest story first. */
  readonly stories: readonly ExportedStory[];
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
    sources: analysis.sources.map((s, i) => {
      const source: { -readonly [K in keyof ExportedSource]: ExportedSource[K] } = {
        path: paths?.[i] ?? s.id,
        language: s.language,
        lines: byLfLine(s.lines, s.lfLineOfLine).map(exportedLine),
        sentences: s.sentences.map(x => ({ start: x.start, end: x.end, text: x.text })),
      };
      if (s.published) source.published = s.published;
      return source;
    }),
    groups: analysis.groups.map((g, gi) => {
      const anchorSource = g.members[g.anchor].source;
      // Most members and groups have no changes, repeats or earliest: their optional fields are
      // set only where present, in the order the format lists them, without spreading objects.
      const members: ExportedMember[] = [];
      const repeats: ExportedMember[] = [];
      for (const m of g.members) (m.repeat ? repeats : members).push(exportedMember(m, moved.isMoved(anchorSource, m.source, gi)));
      const group: { -readonly [K in keyof ExportedGroup]: ExportedGroup[K] } = { members };
      if (repeats.length) group.repeats = repeats;
      if (g.earliest !== undefined) group.earliest = g.earliest;
      return group;
    }),
    stories: analysis.stories.map(story => ({
      title: story.title,
      sources: story.sources,
      ...(story.origin ? { origin: { source: story.origin.source, reason: story.origin.reason } } : {}),
    })),
  };
}

function exportedLine(l: LineVerdict): ExportedLine {
  return l.reason ? { kind: l.kind, reason: l.reason } : { kind: l.kind };
}

function exportedMember(m: GroupMember, moved: boolean): ExportedMember {
  const member: { -readonly [K in keyof ExportedMember]: ExportedMember[K] } = {
    source: m.source,
    sentence: m.sentence,
    similarity: round(m.similarity),
    moved,
  };
  if (m.changes?.length) member.changes = m.changes.map(exportedChange);
  return member;
}

function exportedChange(c: { kind: ChangeKind; base: string; other: string; variant?: boolean; date?: boolean }): ExportedChange {
  const change: { -readonly [K in keyof ExportedChange]: ExportedChange[K] } = { kind: c.kind, base: c.base, other: c.other };
  if (c.variant) change.variant = true;
  if (c.date) change.date = true;
  return change;
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

const NONE_MOVED: ReadonlySet<number> = new Set();

/**
 * Which groups stand out of order between two sources, worked out once per pair of sources
 * as `GroupOrder` does, with one set of scratch arrays for all pairs (a corpus may have a
 * thousand anchor sources) and nothing kept per pair but the few groups that moved.
 */
class MovedFromAnchor {
  private readonly groupsInOrder = new Map<number, Int32Array>();
  private readonly movedSets = new Map<number, ReadonlySet<number>>();
  private readonly stamp: Int32Array;
  private readonly firstInB: Int32Array;
  private mark = 0;

  constructor(private readonly analysis: CorpusAnalysis) {
    this.stamp = new Int32Array(analysis.groups.length);
    this.firstInB = new Int32Array(analysis.groups.length);
  }

  isMoved(anchorSource: number, source: number, group: number): boolean {
    if (anchorSource === source) return false;
    const key = anchorSource * this.analysis.sources.length + source;
    let moved = this.movedSets.get(key);
    if (!moved) this.movedSets.set(key, (moved = this.movedBetween(anchorSource, source)));
    return moved.has(group);
  }

  private movedBetween(a: number, b: number): ReadonlySet<number> {
    let inA = this.groupsInOrder.get(a);
    if (!inA) this.groupsInOrder.set(a, (inA = this.firstAppearances(a)));
    const mark = ++this.mark;
    const groups = this.analysis.sources[b].groupOfSentence;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (g >= 0 && this.stamp[g] !== mark) {
        this.stamp[g] = mark;
        this.firstInB[g] = i;
      }
    }
    const shared: number[] = [];
    const positions: number[] = [];
    let inOrder = true;
    for (const g of inA) {
      if (this.stamp[g] !== mark) continue;
      const at = this.firstInB[g];
      if (positions.length && at < positions[positions.length - 1]) inOrder = false;
      shared.push(g);
      positions.push(at);
    }
    // Most pairs of sources keep their shared statements in order: nothing to look for.
    if (inOrder) return NONE_MOVED;
    const flags = outOfOrder(positions);
    return new Set(shared.filter((_, i) => flags[i]));
  }

  /** The groups of source `a` in the order they first appear there. */
  private firstAppearances(a: number): Int32Array {
    const mark = ++this.mark;
    const out: number[] = [];
    for (const g of this.analysis.sources[a].groupOfSentence) {
      if (g >= 0 && this.stamp[g] !== mark) {
        this.stamp[g] = mark;
        out.push(g);
      }
    }
    return Int32Array.from(out);
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
