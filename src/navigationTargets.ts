/**
 * Which sentence the navigation commands go to next. Pure (no `vscode`): the editor's commands
 * and the unit tests share it.
 *
 * A sentence is a *difference* when the sources do not all carry it in the same words: no other
 * source has it, some source lacks it, or some source words it otherwise. A sentence is
 * *unique* when no other source has it. A sentence is a *fact* when another source words one of
 * its facts otherwise (a number, a quote, a name, an attribution, a negation).
 */
import type { CorpusAnalysis } from './core';
import { hasChangedFact } from './sentenceFacts';
import { ScopedCorpus, scopeToStory } from './stories';

export type NavigationTarget = 'difference' | 'unique' | 'fact';
export type Direction = 1 | -1;

/** True when sentence `sentence` of source `source` is a `target`. For `fact`, `hasChangedFact`: a comparison with each other source of its group, kept with the analysis. */
export function isTarget(analysis: CorpusAnalysis, source: number, sentence: number, target: NavigationTarget): boolean {
  // A sentence no other source carries has no fact another source gives otherwise.
  if (target === 'fact') return hasChangedFact(analysis, source, sentence);
  const group = analysis.sources[source].groupOfSentence[sentence];
  if (group < 0) return analysis.sources.length > 1;
  if (target === 'unique') return false;
  const members = analysis.groups[group];
  return members.sourceCount < analysis.sources.length || members.members.some(m => m.similarity < 1);
}

/**
 * The sentence of `source` to go to from `offset` in `direction`: the nearest `target` that
 * starts after (before) the sentence at `offset`, wrapping around the end (start) of the
 * source as the diff editor does. -1 when the source has none. O(sentences).
 */
export function nextTarget(
  analysis: CorpusAnalysis,
  source: number,
  offset: number,
  direction: Direction,
  target: NavigationTarget,
): number {
  const sentences = analysis.sources[source].sentences;
  const count = sentences.length;
  if (!count) return -1;
  // The sentence holding the cursor, or the gap it stands in: `from` sits between two sentences.
  let from = direction > 0 ? -1 : count;
  for (let i = 0; i < count; i++) {
    if (sentences[i].start <= offset && offset < Math.max(sentences[i].end, sentences[i].start + 1)) {
      from = i;
      break;
    }
    if (sentences[i].start > offset) {
      from = direction > 0 ? i - 1 : i;
      break;
    }
  }
  for (let step = 1; step <= count; step++) {
    const i = (((from + direction * step) % count) + count) % count;
    if (isTarget(analysis, source, i, target)) return i;
  }
  return -1;
}

/**
 * `nextTarget` for the source at `uri` of an analysed corpus, within that source's story
 * (`scopeToStory`), as the hover, the marks and the panel read a source: the sources of the
 * folder's other stories lack every sentence of it, so that over the whole corpus every sentence
 * would be a difference. Output: the sentence's index in the source (the same in its story), or
 * -1 where the source has none or the corpus does not hold `uri`. O(sentences) beside the scoping.
 */
export function nextTargetInStory<U extends { toString(): string }>(
  corpus: ScopedCorpus<U>,
  uri: U,
  offset: number,
  direction: Direction,
  target: NavigationTarget,
): number {
  const index = corpus.indexOf(uri);
  if (index < 0) return -1;
  const story = scopeToStory(corpus, index);
  return nextTarget(story.analysis, story.indexOf(uri), offset, direction, target);
}
