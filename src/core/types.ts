/**
 * The analysis's public types: what goes in (sources, options) and what comes out (line
 * verdicts, sentences, groups). Plain data throughout, so an analysis can cross a thread.
 */
import type { BoilerplateOptions, LineVerdict } from './boilerplate';
import type { StopwordProfile } from './stopwords';
import type { LineSpan } from './text';

/** One version of the story: an identifier (a path or URI) and its full text. */
export interface SourceInput {
  readonly id: string;
  readonly text: string;
}

/** A content sentence: `[start, end)` UTF-16 offsets into its source's text, and its line. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly text: string;
}

/** What the analysis found in one source. */
export interface SourceAnalysis {
  readonly id: string;
  readonly language: string;
  readonly contentHash: string;
  /** One verdict per line as the editor counts them (ended by LF, CR LF or a lone CR). */
  readonly lines: readonly LineVerdict[];
  /**
   * Only for texts with a lone CR: per line, the element of `text.split("\n")` it lies in
   * (the JSON export reports lines that way). Absent where the two agree.
   */
  readonly lfLineOfLine?: readonly number[];
  readonly lineSpans: readonly LineSpan[];
  /** Sentences of content lines, in reading order. */
  readonly sentences: readonly Sentence[];
  /** For each sentence, the index of its group in `CorpusAnalysis.groups`, or -1. */
  readonly groupOfSentence: readonly number[];
}

/** A sentence in a group; `similarity` is to the group's anchor (1 for the anchor itself). */
export interface GroupMember {
  readonly source: number;
  readonly sentence: number;
  readonly similarity: number;
}

/** Sentences of two or more sources that carry the same statement. */
export interface SentenceGroup {
  readonly members: readonly GroupMember[];
  /** Index in `members` of the wording closest to all others. */
  readonly anchor: number;
  /** Number of distinct sources in the group. */
  readonly sourceCount: number;
}

export interface CorpusAnalysis {
  readonly sources: readonly SourceAnalysis[];
  /** Groups ordered by the number of sources (most first), then by first appearance. */
  readonly groups: readonly SentenceGroup[];
}

/** Tuning of the analysis; every field has a default. */
export interface AnalysisOptions {
  readonly boilerplate?: BoilerplateOptions;
  readonly align?: AlignOptions;
  /** Use other sources to revise boilerplate verdicts. Default true. */
  readonly crossSourceEvidence?: boolean;
}

/**
 * What one source yields on its own, before any other source is looked at: plain data (it can
 * cross a worker boundary), cached by content so unchanged text is never read twice.
 */
export interface PreparedSource {
  readonly text: string;
  readonly hash: string;
  readonly lineSpans: readonly LineSpan[];
  /** Where a lone CR ends a line: for each line, the line of `text.split("\n")` it lies in. */
  readonly lfLineOfLine?: readonly number[];
  readonly profile: StopwordProfile;
  /** Verdicts from the page alone, before other sources revise them. */
  readonly lines: readonly LineVerdict[];
  /** The sentences of article lines and of boilerplate lines another source may show to be article text, in reading order, with their compared form. */
  readonly sentences: readonly PreparedSentence[];
}

/** A sentence as preparation finds it, before other sources are looked at. */
export interface PreparedSentence {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `normalizeForComparison(text)` with white space collapsed: equal forms compare as 1. */
  readonly form: string;
  /** A boilerplate sentence long enough, on a line whose reason is open to doubt, for another source to show it is article text. */
  readonly promotable: boolean;
}

/** How a sentence of one source stands in another source. */
export interface Counterpart {
  readonly source: number;
  readonly sentence: number;
  readonly similarity: number;
  /** True when the pair is out of the reading order the two sources otherwise share. */
  readonly moved: boolean;
}

/** Tuning of the alignment; every field has a default. */
export interface AlignOptions {
  /** Link scores at or above this always count. Default 0.45. */
  readonly strongThreshold?: number;
  /** Link scores between this and `strongThreshold` count only as mutual best matches. Default 0.3. */
  readonly weakThreshold?: number;
  /** Two groups merge only when their members score this much on average. Default 0.3. */
  readonly linkageThreshold?: number;
  /** Weight of the content-word cosine against the bigram similarity in link scores. Default 0.6. */
  readonly wordWeight?: number;
  /** Wordings at least this similar (bigram Dice) are one family before linking. Default 0.85. */
  readonly familyThreshold?: number;
}
