/**
 * The analysis's public types: what goes in (sources, options) and what comes out (line
 * verdicts, sentences, groups). Plain data throughout, so an analysis can cross a thread.
 */
import type { BoilerplateOptions, LineVerdict } from './boilerplate';
import type { FactOptions } from './facts';
import type { HardWrapOptions, WrappedParagraph } from './hardWrap';
import type { StopwordProfile } from './stopwords';
import type { LineSpan } from './text';

/** One version of the story: an identifier (a path or URI) and its full text. */
export interface SourceInput {
  readonly id: string;
  readonly text: string;
}

/**
 * A content sentence: `[start, end)` UTF-16 offsets into its source's text, and its line. In a
 * hard-wrapped paragraph a sentence may run over several lines: `line` is then the paragraph's
 * first line (all its lines share one verdict), and `text` has each line break as spaces.
 */
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
  /** When the page gives a publication date or time near its headline: that moment, ISO 8601. */
  readonly published?: string;
}

/** What a difference between two wordings of one statement touches; `wording` is everything else. */
export type ChangeKind = 'number' | 'quote' | 'name' | 'attribution' | 'negation' | 'wording';

/** One change between a group's anchor and one member. */
export interface FactChange {
  readonly kind: ChangeKind;
  /** The anchor's text of the change ('' when the member adds it). */
  readonly base: string;
  /** The member's text of the change ('' when the member drops it). */
  readonly other: string;
  /** Where `other` lies in the member sentence's text: [start, end) UTF-16 offsets; absent when dropped. */
  readonly otherRange?: readonly [number, number];
  /** For `name`: the two are spelling variants of one name (shown as such, never dropped). */
  readonly variant?: true;
  /** For `number`: what changes is a date and nothing else ("on Friday", "13 July", "March 2011"); shown as a date. */
  readonly date?: true;
}

/** The likely first version of a story, with the reason a reader is shown. */
export interface StoryOrigin {
  /** Index of the source in `CorpusAnalysis.sources`. */
  readonly source: number;
  readonly reason: string;
}

/** A sentence in a group; `similarity` is to the group's anchor (1 for the anchor itself). */
export interface GroupMember {
  readonly source: number;
  readonly sentence: number;
  readonly similarity: number;
  /**
   * True for a sentence its source repeats (a headline printed twice) whose other copy is the
   * member that aligns: it is in the group so that it reads as shared, but adds no link.
   */
  readonly repeat?: true;
  /** How this wording differs from the anchor's; absent or empty for identical wording and for the anchor. */
  readonly changes?: readonly FactChange[];
}

/** Sentences of two or more sources that carry the same statement. */
export interface SentenceGroup {
  readonly members: readonly GroupMember[];
  /** Index in `members` of the wording closest to all others. */
  readonly anchor: number;
  /** Number of distinct sources in the group. */
  readonly sourceCount: number;
  /** Source index of the earliest version carrying the statement (see `origin.ts` for the rule). */
  readonly earliest?: number;
}

export interface CorpusAnalysis {
  readonly sources: readonly SourceAnalysis[];
  /** Groups ordered by the number of sources (most first), then by first appearance. Each lies within one story. */
  readonly groups: readonly SentenceGroup[];
  /**
   * The stories the sources tell: every source in exactly one, largest first, ties by first
   * source (the command line numbers ties by their first path instead, whatever the order the
   * files are named in).
   */
  readonly stories: readonly Story[];
}

/** Sources that tell one story: their indices, ascending, and the story's best-supported headline. */
export interface Story {
  readonly title: string;
  readonly sources: readonly number[];
  /** The likely first version of the story and why. */
  readonly origin?: { readonly source: number; readonly reason: string };
}

/** Tuning of the story stage (`stories.ts`); every field has a default. */
export interface StoryOptions {
  /** Words in a shingle (function words left out). Default 2. */
  readonly shingleWords?: number;
  /** A sentence is found in another source when this many of its shingles occur there (or half of them, if fewer). Default 2. */
  readonly foundShingles?: number;
  /** Sentences each side must have found in the other. Default 2. */
  readonly minSharedSentences?: number;
  /** Share of the smaller side's sentences that must be found in the other. Default 0.2. */
  readonly minSharedShare?: number;
  /** Sources each source of a shingle's list is paired with (fewer in lists longer than this many). Default 16. */
  readonly window?: number;
  /** Share of the smaller side's sentences the first pass asks for. Default 0.35. */
  readonly firstPassShare?: number;
  /** Sentences found on the side with fewer that make two sources one story in the first pass, whatever their share. Default 8. */
  readonly firstPassSentences?: number;
  /** A shingle carried in this many first-pass stories or more (none holding half its sources) is chrome. Default 3. */
  readonly chromeStories?: number;
  /**
   * Every source is a version of one story, as the caller knows (agencies' copies of one event
   * that share facts but few words): the stage only titles that story. Default false.
   */
  readonly oneStory?: boolean;
}

/** Tuning of the analysis; every field has a default. */
export interface AnalysisOptions {
  readonly boilerplate?: BoilerplateOptions;
  readonly align?: AlignOptions;
  /** Use other sources to revise boilerplate verdicts. Default true. */
  readonly crossSourceEvidence?: boolean;
  readonly stories?: StoryOptions;
  /** Tuning of the changed facts and the publication dates (`facts.ts`). */
  readonly facts?: FactOptions;
  /** Tuning of the detection of hard-wrapped pages (`hardWrap.ts`). */
  readonly hardWrap?: HardWrapOptions;
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
  /**
   * Only for a hard-wrapped page: its paragraphs of two or more lines, in order. Each was read
   * as one line; its lines share one verdict, and a verdict revised for one is revised for all.
   */
  readonly paragraphs?: readonly WrappedParagraph[];
}

/** A sentence as preparation finds it, before other sources are looked at. */
export interface PreparedSentence {
  /** The line it stands on; in a hard-wrapped paragraph, the paragraph's first line. */
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
  /**
   * Clusters of different sources whose members score this much on average join when the join
   * lies between clusters both sides share and crosses none (`orderedJoin.ts`). Default 0.2:
   * lower than `linkageThreshold`, since the order stands in for the mutual-best test.
   */
  readonly orderedThreshold?: number;
}
