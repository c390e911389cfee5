/**
 * The analyzers of the editor's analyses, shared by the host and its worker thread: the
 * defaults, but for the stories of a folder whose files are versions of one story by the
 * user's word (`synoptic.findStories` off).
 */
import { type AnalysisOptions, type Analyzer, createAnalyzer } from '../core';

const FIND_STORIES: AnalysisOptions = {};
const ONE_STORY: AnalysisOptions = { stories: { oneStory: true } };

/**
 * The analyzer for analyses whose sources are one story (`oneStory`) or tell the stories the
 * story stage finds: one of each, made when first asked for, each keeping what it read between runs.
 */
export function analyzersByGrouping(): (oneStory: boolean) => Analyzer {
  const made = new Map<boolean, Analyzer>();
  return oneStory => {
    let analyzer = made.get(oneStory);
    if (!analyzer) made.set(oneStory, (analyzer = createAnalyzer(oneStory ? ONE_STORY : FIND_STORIES)));
    return analyzer;
  };
}
