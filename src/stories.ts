/**
 * Stories of an analysed corpus and the analysis as one story sees it. No `vscode` here: the
 * extension's features and their unit tests share it.
 */
import type { CorpusAnalysis, SentenceGroup, SourceAnalysis } from './core';

/** Sources that tell one story: indices ascending, every source of a corpus in exactly one story. */
export interface Story {
  readonly title: string;
  readonly sources: readonly number[];
}

/**
 * The stories of `analysis`, largest first: the analysis's own when it carries them; otherwise
 * one story of all sources, titled by the first article sentence most sources open with (the
 * one whose group covers the most first sentences; ties go to the earliest source). O(sources).
 */
export function storiesOf(analysis: CorpusAnalysis): readonly Story[] {
  const found = (analysis as { readonly stories?: readonly Story[] }).stories;
  if (found) return found;
  return [{ title: sharedOpening(analysis.sources), sources: analysis.sources.map((_, i) => i) }];
}

function sharedOpening(sources: readonly SourceAnalysis[]): string {
  const counts = new Map<string, { count: number; text: string }>();
  let best: { count: number; text: string } | undefined;
  sources.forEach((source, index) => {
    const first = source.sentences[0];
    if (!first) return;
    const group = source.groupOfSentence[0];
    const key = group >= 0 ? `g${group}` : `s${index}`;
    const entry = counts.get(key) ?? { count: 0, text: first.text };
    entry.count++;
    counts.set(key, entry);
    if (!best || entry.count > best.count) best = entry;
  });
  return best?.text ?? '';
}

/** The story holding source `source`, or undefined when no story holds it. O(stories · log sources). */
export function storyOfSource(stories: readonly Story[], source: number): Story | undefined {
  return stories.find(story => binaryIncludes(story.sources, source));
}

function binaryIncludes(sorted: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * `analysis` with only the sources `keep` (ascending), renumbered 0.. in that order: groups keep
 * only members of those sources and go when fewer than two sources remain; groups stay ordered
 * by number of sources, most first, then as before. The analysis itself is not changed.
 * O(sentences of the kept sources + group members).
 */
export function restrictAnalysis(analysis: CorpusAnalysis, keep: readonly number[]): CorpusAnalysis {
  if (keep.length === analysis.sources.length) return analysis;
  const newIndex = new Map(keep.map((source, i) => [source, i]));
  const kept: { group: SentenceGroup; old: number }[] = [];
  analysis.groups.forEach((group, old) => {
    const members = group.members.filter(m => newIndex.has(m.source)).map(m => ({ ...m, source: newIndex.get(m.source)! }));
    const sourceCount = new Set(members.map(m => m.source)).size;
    if (sourceCount < 2) return;
    const anchorMember = group.members[group.anchor];
    const anchorAt = members.findIndex(m => m.source === newIndex.get(anchorMember.source) && m.sentence === anchorMember.sentence);
    kept.push({ group: { members, anchor: Math.max(0, anchorAt), sourceCount }, old });
  });
  // Stable: groups of equal size keep their order of first appearance.
  kept.sort((a, b) => b.group.sourceCount - a.group.sourceCount);
  const groupIndex = new Map(kept.map((k, i) => [k.old, i]));
  const sources = keep.map(source => {
    const original = analysis.sources[source];
    return { ...original, groupOfSentence: original.groupOfSentence.map(g => groupIndex.get(g) ?? -1) };
  });
  return { ...analysis, sources, groups: kept.map(k => k.group) };
}

/** An analysed corpus as far as a story needs it: its sources' addresses and texts beside the analysis. */
export interface ScopedCorpus<U extends { toString(): string }> {
  readonly uris: readonly U[];
  readonly texts: readonly string[];
  readonly analysis: CorpusAnalysis;
  indexOf(uri: U): number;
}

/**
 * `view` restricted to the story of source `source` (all of `view` when that story has every
 * source, or when `source` is in none). Other fields of `view` are kept.
 */
export function scopeToStory<U extends { toString(): string }, V extends ScopedCorpus<U>>(view: V, source: number): V {
  const story = storyOfSource(storiesOf(view.analysis), source);
  if (!story || story.sources.length === view.analysis.sources.length) return view;
  const uris = story.sources.map(i => view.uris[i]);
  const positions = new Map(uris.map((u, i) => [u.toString(), i]));
  return {
    ...view,
    uris,
    texts: story.sources.map(i => view.texts[i]),
    analysis: restrictAnalysis(view.analysis, story.sources),
    indexOf: (uri: U) => positions.get(uri.toString()) ?? -1,
  };
}
