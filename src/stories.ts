/**
 * Stories of an analysed corpus and the analysis as one story sees it. No `vscode` here: the
 * extension's features and their unit tests share it.
 */
import { clippedTitle } from './core';
import type { CorpusAnalysis, SentenceGroup } from './core';

/** What a story without a title is called wherever one is listed: the CLI, the exports, the Export Comparison command. */
export const NO_TITLE = '(no title)';

/** Sources that tell one story: indices ascending, every source of a corpus in exactly one story. */
export interface Story {
  readonly title: string;
  readonly sources: readonly number[];
  /** The likely first version and why, where the analysis found one. */
  readonly origin?: { readonly source: number; readonly reason: string };
}

/** An analysis that may carry its stories (one made before the story stage, or by hand, may not). */
type WithStories = CorpusAnalysis & { readonly stories?: readonly Story[] };
/** A story read from passim's output: its passages name sources by number. */
type StoryWithPassages = Story & { readonly passages?: readonly { readonly source: number }[] };

/**
 * The stories of `analysis`, largest first: the analysis's own when it carries them; otherwise
 * one story holding every source, titled by `storyTitle`. O(sources) without stories.
 */
export function storiesOf(analysis: CorpusAnalysis): readonly Story[] {
  const given = (analysis as WithStories).stories;
  if (given && given.length) return given;
  const sources = analysis.sources.map((_, i) => i);
  return [{ title: storyTitle(analysis, sources), sources }];
}

/**
 * A title for a set of sources: the first sentence most of them open with (the group of first
 * sentences shared by the most sources, in the wording of its anchor, or of its first member
 * among these sources); where none is shared, the first source's first sentence; for sources
 * without sentences, the first source's id; cut by `clippedTitle`, as the story stage's titles are.
 * O(k) for k sources.
 */
export function storyTitle(analysis: CorpusAnalysis, sources: readonly number[]): string {
  const inStory = new Set(sources);
  const supportOfGroup = new Map<number, number>();
  for (const s of sources) {
    const g = analysis.sources[s]?.groupOfSentence[0] ?? -1;
    if (g >= 0) supportOfGroup.set(g, (supportOfGroup.get(g) ?? 0) + 1);
  }
  let best = -1;
  let bestSupport = 1;
  for (const [g, support] of supportOfGroup) {
    if (support > bestSupport || (support === bestSupport && best >= 0 && g < best)) {
      best = g;
      bestSupport = support;
    }
  }
  if (best >= 0) {
    const group = analysis.groups[best];
    const anchor = group.members[group.anchor];
    const member = inStory.has(anchor.source) ? anchor : group.members.find(m => inStory.has(m.source))!;
    return clippedTitle(analysis.sources[member.source].sentences[member.sentence].text);
  }
  const first = analysis.sources[sources[0]];
  return clippedTitle(first?.sentences[0]?.text ?? first?.id ?? '');
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
 * only members of those sources (and their earliest version, where kept) and go when fewer than
 * two sources remain; groups stay ordered by number of sources, most first, then as before.
 * Stories keep their kept sources and their origin where kept. The analysis itself is not changed.
 * O(sentences of the kept sources + members of their groups + sources of the stories), after
 * one pass over every group member per analysis (kept while the analysis is: an analysis is
 * never changed in place), so that a caller scoping each of a corpus's stories in turn reads
 * each group once, not once per story.
 */
export function restrictAnalysis(analysis: CorpusAnalysis, keep: readonly number[]): CorpusAnalysis {
  return restrictAnalysisWithGroups(analysis, keep).analysis;
}

/**
 * `restrictAnalysis`, and for each group of the restricted analysis the index of the group of
 * `analysis` it comes from.
 */
export function restrictAnalysisWithGroups(
  analysis: CorpusAnalysis,
  keep: readonly number[],
): { readonly analysis: CorpusAnalysis; readonly groupOrigin: readonly number[] } {
  if (keep.length === analysis.sources.length) return { analysis, groupOrigin: analysis.groups.map((_, g) => g) };
  const newIndex = new Map(keep.map((source, i) => [source, i]));
  const bySource = groupsBySource(analysis);
  // The groups with a member in a kept source, in their order.
  const candidates = [...new Set(keep.flatMap(source => bySource[source] ?? []))].sort((x, y) => x - y);
  const kept: { group: SentenceGroup; old: number }[] = [];
  for (const old of candidates) {
    const group = analysis.groups[old];
    const members = group.members.filter(m => newIndex.has(m.source)).map(m => ({ ...m, source: newIndex.get(m.source)! }));
    const sourceCount = new Set(members.map(m => m.source)).size;
    if (sourceCount < 2) continue;
    const anchorMember = group.members[group.anchor];
    const anchorAt = members.findIndex(m => m.source === newIndex.get(anchorMember.source) && m.sentence === anchorMember.sentence);
    const earliest = group.earliest === undefined ? undefined : newIndex.get(group.earliest);
    kept.push({ group: { members, anchor: Math.max(0, anchorAt), sourceCount, ...(earliest === undefined ? {} : { earliest }) }, old });
  }
  // Stable: groups of equal size keep their order of first appearance.
  kept.sort((a, b) => b.group.sourceCount - a.group.sourceCount);
  const groupIndex = new Map(kept.map((k, i) => [k.old, i]));
  const sources = keep.map(source => {
    const original = analysis.sources[source];
    return { ...original, groupOfSentence: original.groupOfSentence.map(g => groupIndex.get(g) ?? -1) };
  });
  // Stories keep their kept sources, renumbered; an origin outside them goes.
  const stories = (analysis as WithStories).stories?.flatMap(story => {
    const storySources = story.sources.filter(s => newIndex.has(s)).map(s => newIndex.get(s)!);
    if (!storySources.length) return [];
    const { origin, ...rest } = story;
    const originSource = origin && newIndex.get(origin.source);
    // An imported passim cluster carries passages by source number: they follow the renumbering.
    const passages = (story as StoryWithPassages).passages
      ?.filter(p => newIndex.has(p.source))
      .map(p => ({ ...p, source: newIndex.get(p.source)! }));
    return [
      {
        ...rest,
        sources: storySources,
        ...(origin && originSource !== undefined ? { origin: { ...origin, source: originSource } } : {}),
        ...(passages ? { passages } : {}),
      },
    ];
  });
  return {
    analysis: { ...analysis, sources, groups: kept.map(k => k.group), ...(stories ? { stories } : {}) },
    groupOrigin: kept.map(k => k.old),
  };
}

/** Per analysis, per source, the groups with a member in it, ascending: one pass over the members, kept while the analysis is. */
const groupsOfSources = new WeakMap<CorpusAnalysis, readonly (readonly number[])[]>();

function groupsBySource(analysis: CorpusAnalysis): readonly (readonly number[])[] {
  let known = groupsOfSources.get(analysis);
  if (!known) {
    const lists: number[][] = analysis.sources.map(() => []);
    analysis.groups.forEach((group, g) => {
      for (const m of group.members) {
        const list = lists[m.source];
        // Each group's members are read before the next group's: a group already listed for the source is last in its list.
        if (list && list[list.length - 1] !== g) list.push(g);
      }
    });
    groupsOfSources.set(analysis, (known = lists));
  }
  return known;
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
