/**
 * The counterparts a hover lists. Pure (no `vscode`), so the unit tests check it on real analyses.
 */
import type { CorpusAnalysis, Counterpart } from './core';

/**
 * `matches` without the copies a source repeats (a headline printed twice): each source's
 * counterpart is listed once, the repeated copy only where it is all the source has. Ordered by
 * source, then sentence. O(m log m) for m matches.
 */
export function distinctCounterparts(
  analysis: CorpusAnalysis,
  source: number,
  sentence: number,
  matches: readonly Counterpart[],
): Counterpart[] {
  const group = analysis.groups[analysis.sources[source].groupOfSentence[sentence]];
  if (!group) return [...matches];
  const repeats = new Set(group.members.filter(m => m.repeat).map(m => `${m.source}:${m.sentence}`));
  const isRepeat = (m: Counterpart) => repeats.has(`${m.source}:${m.sentence}`);
  const kept = matches.filter(m => !isRepeat(m));
  const keptSources = new Set(kept.map(m => m.source));
  const textsBySource = new Map<number, Set<string>>();
  const out: Counterpart[] = [];
  for (const m of [...kept, ...matches.filter(m => isRepeat(m) && !keptSources.has(m.source))]) {
    // A copy word for word of one already listed adds nothing.
    const text = analysis.sources[m.source].sentences[m.sentence].text;
    const seen = textsBySource.get(m.source) ?? new Set<string>();
    if (seen.has(text)) continue;
    seen.add(text);
    textsBySource.set(m.source, seen);
    out.push(m);
  }
  return out.sort((a, b) => a.source - b.source || a.sentence - b.sentence);
}
