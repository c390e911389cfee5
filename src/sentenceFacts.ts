/**
 * The changed facts of one sentence as a reader of its source sees them: against each other
 * source of its group, what that source says otherwise (a number, a quote, a name, an
 * attribution, a negation). Pure (no `vscode`): the hover, the decorations, the navigation
 * commands and the unit tests share it.
 */
import type { CorpusAnalysis, FactChange, SentenceGroup } from './core';
import { factChangesBetween } from './core/factPairs';
import { hoverLine } from './factText';

/** A changed fact's place in a sentence: `[start, end)` offsets in its text, and its kind. */
export interface FactSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: FactChange['kind'];
}

/** Per source, the member of `group` that speaks for it: its first that is not a repeated copy. */
function membersBySource(group: SentenceGroup): Map<number, number> {
  const bySource = new Map<number, number>();
  group.members.forEach((m, i) => {
    const held = bySource.get(m.source);
    if (held === undefined || (group.members[held].repeat && !m.repeat)) bySource.set(m.source, i);
  });
  return bySource;
}

/**
 * For `sentence` of `source`: each other source of its group whose wording differs in a fact,
 * with the changes from this sentence to that source's wording. Empty for a sentence in no
 * group. O(members · c²) for c changes per member.
 */
export function factChangesAcross(
  analysis: CorpusAnalysis,
  source: number,
  sentence: number,
): { readonly source: number; readonly changes: readonly FactChange[] }[] {
  const g = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (g < 0) return [];
  const group = analysis.groups[g];
  const own = group.members.findIndex(m => m.source === source && m.sentence === sentence);
  if (own < 0) return [];
  const out: { source: number; changes: FactChange[] }[] = [];
  for (const [other, member] of membersBySource(group)) {
    if (other === source) continue;
    const changes = factChangesBetween(group, own, member);
    if (changes.length) out.push({ source: other, changes });
  }
  return out.sort((a, b) => a.source - b.source);
}

/** True when some other source words a fact of this sentence otherwise. */
export function hasChangedFact(analysis: CorpusAnalysis, source: number, sentence: number): boolean {
  return factChangesAcross(analysis, source, sentence).length > 0;
}

/**
 * The hover's lines for `sentence` of `source`: one per distinct change, with the sources
 * (`names[i]` names source i) that make it, in the order the sentence's changes first appear.
 */
export function factHoverLines(analysis: CorpusAnalysis, source: number, sentence: number, names: readonly string[]): string[] {
  const lines = new Map<string, { change: FactChange; sources: string[] }>();
  for (const { source: other, changes } of factChangesAcross(analysis, source, sentence))
    for (const change of changes) {
      const key = `${change.kind}\u0000${change.base}\u0000${change.other}`;
      const entry = lines.get(key) ?? { change, sources: [] };
      entry.sources.push(names[other]);
      lines.set(key, entry);
    }
  return [...lines.values()].map(({ change, sources }) => hoverLine(change, sources));
}

/**
 * Where this sentence's text holds a fact some other source of its group words otherwise,
 * sorted, without repeats. Facts this sentence lacks have no place in it and are left out.
 */
export function changedFactSpans(analysis: CorpusAnalysis, source: number, sentence: number): FactSpan[] {
  const g = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (g < 0) return [];
  const group = analysis.groups[g];
  const own = group.members.findIndex(m => m.source === source && m.sentence === sentence);
  if (own < 0) return [];
  const text = analysis.sources[source].sentences[sentence].text;
  const spans = new Map<string, FactSpan>();
  for (const [other, member] of membersBySource(group)) {
    if (other === source) continue;
    for (const change of factChangesBetween(group, member, own, text)) {
      if (!change.otherRange || change.otherRange[1] <= change.otherRange[0]) continue;
      const [start, end] = change.otherRange;
      spans.set(`${start}:${end}`, { start, end, kind: change.kind });
    }
  }
  return [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
