/**
 * The changed facts of one sentence as a reader of its source sees them: against each other
 * source of its group, what that source says otherwise (a number, a quote, a name, an
 * attribution, a negation). Pure (no `vscode`): the hover, the decorations, the navigation
 * commands and the unit tests share it.
 */
import type { CorpusAnalysis, FactChange } from './core';
import type { PlacedChange } from './core/changes';
import { SpanWording, statementFactsFor } from './core/factPairs';
import { hoverLine } from './factText';

/** A changed fact's place in a sentence: `[start, end)` offsets in its text, and its kind. */
export interface FactSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: FactChange['kind'];
}

/**
 * `sentence` of `source` in its group, with its source's wording there and every other
 * source's (`SpanWording`); undefined for a sentence in no group. A copy its source repeats
 * is read on its own, as the wording its reader sees.
 */
function wordingsAround(
  analysis: CorpusAnalysis,
  source: number,
  sentence: number,
): { group: number; own: SpanWording; at: number; others: SpanWording[] } | undefined {
  const g = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (g < 0) return undefined;
  const facts = statementFactsFor(analysis);
  const span = facts.wordingOf(g, source);
  if (!span) return undefined;
  const k = span.sentences.indexOf(sentence);
  // A repeated copy has no changes of its own against the anchor: it is compared as it reads.
  const own: SpanWording =
    k >= 0
      ? span
      : {
          ...span,
          sentences: [sentence],
          starts: [0],
          text: analysis.sources[source].sentences[sentence].text,
          changedFacts: true,
          fromAnchor: [],
        };
  const others = [...facts.wordingsOf(g).values()].filter(w => w.source !== source);
  return { group: g, own, at: Math.max(0, k), others };
}

/**
 * For `sentence` of `source`: each other source of its group whose wording differs in a fact,
 * with the changes that turn this source's wording into that source's, each placed in both
 * (`PlacedChange`; `baseRange` here in this sentence's text, `otherRange` in the other's
 * sentences joined, as `SpanWording` joins them). The wordings are whole spans: a fact the
 * other source states in the second sentence of a statement this source says in one is no
 * change. Where this source says the statement in several sentences, a change of a fact it
 * states goes to each sentence that states a part of it, and a fact it lacks to each. Empty for a
 * sentence in no group. O(sources · compare), each pair compared once per analysis.
 */
function placedFrom(
  analysis: CorpusAnalysis,
  source: number,
  sentence: number,
): { readonly source: number; readonly placed: readonly PlacedChange[] }[] {
  const around = wordingsAround(analysis, source, sentence);
  if (!around) return [];
  const { group, own, at, others } = around;
  const start = own.starts[at];
  const end = start + analysis.sources[source].sentences[sentence].text.length;
  const facts = statementFactsFor(analysis);
  const out: { source: number; placed: PlacedChange[] }[] = [];
  for (const other of others) {
    const placed: PlacedChange[] = [];
    for (const p of facts.between(group, own, other)) {
      const range = p.baseRange;
      // A fact that runs over the sentence's end (the span's other sentence goes on with it) is
      // this sentence's too, marked as far as it goes here.
      if (range && (range[1] <= start || range[0] >= end)) continue;
      placed.push(range ? { ...p, baseRange: [Math.max(range[0], start) - start, Math.min(range[1], end) - start] } : p);
    }
    if (placed.length) out.push({ source: other.source, placed });
  }
  return out;
}

/**
 * For `sentence` of `source`: each other source of its group whose wording differs in a fact,
 * with the changes that turn this sentence's wording into that source's (`placedFrom`). Empty
 * for a sentence in no group.
 */
export function factChangesAcross(
  analysis: CorpusAnalysis,
  source: number,
  sentence: number,
): { readonly source: number; readonly changes: readonly FactChange[] }[] {
  return placedFrom(analysis, source, sentence).map(({ source: other, placed }) => ({ source: other, changes: placed.map(p => p.change) }));
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
  const spans = new Map<string, FactSpan>();
  for (const { placed } of placedFrom(analysis, source, sentence))
    for (const { change, baseRange } of placed)
      if (baseRange && baseRange[1] > baseRange[0])
        spans.set(`${baseRange[0]}:${baseRange[1]}`, { start: baseRange[0], end: baseRange[1], kind: change.kind });
  return [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
