/**
 * The analysis options of the editor's analyses, shared by the host and its worker thread: the
 * defaults, but for the stories of a folder whose files are versions of one story by the
 * user's word (`synoptic.findStories` off).
 */
import type { AnalysisOptions } from '../core';

const FIND_STORIES: AnalysisOptions = {};
const ONE_STORY: AnalysisOptions = { stories: { oneStory: true } };

/** The options of an analysis whose sources are one story (`oneStory`) or tell the stories the story stage finds. */
export function analysisOptions(oneStory: boolean): AnalysisOptions {
  return oneStory ? ONE_STORY : FIND_STORIES;
}
