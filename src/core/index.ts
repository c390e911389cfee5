/**
 * Synoptic's analysis core: pure TypeScript, no editor and no file system, so the same code
 * runs in the extension host, a worker and the command-line tool. This file exports what they
 * use; the pipeline behind it, and the words its code uses, are in README.md beside it.
 *
 * - `createAnalyzer(options, use)`: analyses corpora: lines classified (content / boilerplate /
 *   blank, with reasons), content sentences with exact UTF-16 offsets, and groups of sentences
 *   across sources that carry the same statement.
 * - `prepareSource(text, options)`: one source's share of that work, for other threads;
 *   `prepareSources(texts, options)` the same for several, each distinct line read once;
 *   `prepareClaimed(texts, claim, options)` those whose indices `claim()` hands out.
 * - `counterparts(analysis, source, sentence)`: the matching sentences of the other sources,
 *   with similarity and whether they moved.
 * - `detectHardWrap(lines, options)`: the width and paragraphs of a hard-wrapped page.
 * - `wordDiff(from, other)`: the words that differ between two wordings.
 * - `layoutComparison(analysis, base)`: the side-by-side rows for a base source.
 * - `toExportFormat1(analysis)`: the JSON export.
 * - `sentenceSimilarity(a, b)` and `normalizeForComparison(text)`: the similarity every link
 *   reports, and the form it compares, for exports that measure wordings themselves.
 */
export { createAnalyzer, storyShareWork } from './analyzer';
export type { StoryShare, StoryShareRunner, StoryTask } from './storyShare';
export type { Analyzer, AnalyzerUse } from './analyzer';
export { prepareClaimed, prepareSource, prepareSources } from './prepare';
export { counterparts } from './counterparts';
export type {
  AlignOptions,
  AnalysisOptions,
  ChangeKind,
  CorpusAnalysis,
  Counterpart,
  FactChange,
  GroupMember,
  PreparedSource,
  Sentence,
  SentenceGroup,
  SourceAnalysis,
  SourceInput,
  Story,
  StoryOptions,
  StoryOrigin,
} from './types';
export type { BoilerplateOptions, LineKind, LineVerdict } from './boilerplate';
export { detectHardWrap } from './hardWrap';
export type { HardWrap, HardWrapOptions, WrappedParagraph } from './hardWrap';
export { wordDiff } from './wordDiff';
export type { DiffPart } from './wordDiff';
export { layoutComparison } from './comparison';
export type { ComparisonLayout, ComparisonRow } from './comparison';
export { toExportFormat1 } from './exportJson';
export { findStories, storyFormsFor } from './stories';
export { MAX_TITLE_CHARS, clippedTitle } from './storyTitle';
export type { SourceStoryForms, StoryGrouping, StorySource } from './stories';
export { sentenceSimilarity } from './similarity';
export { compareCodeUnits, normalizeForComparison } from './text';
export type { ExportFormat1 } from './exportJson';
