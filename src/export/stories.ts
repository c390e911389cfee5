/**
 * The stories of an analysis: sets of sources that tell one story. The analysis carries them
 * once a story stage has grouped the sources; until then every source belongs to one story.
 */
import { CorpusAnalysis } from '../core';

/** One story: a title and the indices of its sources (every source in exactly one story). */
export interface Story {
  readonly title: string;
  readonly sources: readonly number[];
  /** The likely first version and why, where the analysis found one. */
  readonly origin?: { readonly source: number; readonly reason: string };
}

/** An analysis that may carry its stories. */
type WithStories = CorpusAnalysis & { readonly stories?: readonly Story[] };

/**
 * The analysis's stories, largest first: `analysis.stories` when present, otherwise one story
 * holding every source, titled by `storyTitle`. O(sources) without stories.
 */
export function storiesOf(analysis: CorpusAnalysis): readonly Story[] {
  const given = (analysis as WithStories).stories;
  if (given && given.length) return given;
  const sources = analysis.sources.map((_, i) => i);
  return [{ title: storyTitle(analysis, sources), sources }];
}

/**
 * A title for a set of sources: the first sentence most of them open with (the group of first
 * sentences shared by the most sources, in the wording of its anchor); where none is shared,
 * the first source's first sentence; for sources without sentences, the first source's id.
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
    return analysis.sources[member.source].sentences[member.sentence].text;
  }
  const first = analysis.sources[sources[0]];
  return first?.sentences[0]?.text ?? first?.id ?? '';
}
