/**
 * Synoptic's analysis core: pure TypeScript, no editor and no file system, so the same code
 * runs in the extension host, a worker and the command-line tool.
 *
 * - `analyzeCorpus(sources)`: lines classified (content / boilerplate / blank, with reasons),
 *   content sentences with exact UTF-16 offsets, and groups of sentences across sources that
 *   carry the same statement.
 * - `counterparts(analysis, source, sentence)`: the matching sentences of the other sources,
 *   with similarity and whether they moved.
 * - `wordDiff(base, other)`: the words that differ between two wordings.
 * - `sentenceSimilarity(a, b)`: the similarity every link reports (string-similarity's
 *   `compareTwoStrings` on the normalised sentences).
 * - `layoutComparison(analysis, base)` / `buildComparison`: the side-by-side rows for a base
 *   source, built one at a time or all at once.
 * - `toExportFormat1(analysis)`: the JSON export.
 * - `splitAnalysis(analysis)` / `joinAnalysis(parts)`: an analysis in parts of bounded size,
 *   so that a thread receiving it never deserialises it all in one step.
 */
import { bigramProfile, profileSimilarity } from './similarity';
import { normalizeForComparison } from './text';

export { analyzeCorpus, counterparts, createAnalyzer, movedBetween, prepareSource } from './analyze';
export type {
  AnalysisOptions,
  Analyzer,
  AnalyzerUse,
  PreparedSource,
  CorpusAnalysis,
  Counterpart,
  GroupMember,
  Sentence,
  SentenceGroup,
  SourceAnalysis,
  SourceInput,
} from './analyze';
export type { LineKind, LineVerdict, BoilerplateOptions } from './boilerplate';
export type { AlignOptions } from './align';
export { wordDiff, summarizeDiff } from './wordDiff';
export type { DiffPart, DiffSummary } from './wordDiff';
export { buildComparison, layoutComparison } from './comparison';
export type { Comparison, ComparisonCell, ComparisonLayout, ComparisonOptions, ComparisonRow, RowKind, RowWording } from './comparison';
export { toExportFormat1 } from './exportJson';
export { findStories } from './stories';
export type { Story, StoryGrouping, StoryOptions, StorySource } from './stories';
export { joinAnalysis, splitAnalysis } from './parts';
export type { AnalysisPart, SplitOptions } from './parts';
export type { ExportFormat1 } from './exportJson';
export { normalizeForComparison, splitLines } from './text';
export type { LineSpan } from './text';

/** Similarity of two sentences as every link reports it. O(n log n) in their length. */
export function sentenceSimilarity(a: string, b: string): number {
  return profileSimilarity(bigramProfile(normalizeForComparison(a)), bigramProfile(normalizeForComparison(b)));
}
