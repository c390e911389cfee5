/**
 * The whole analysis of a corpus: lines classified, sentences found, sentences aligned across
 * sources, and the line verdicts revised with what the other sources show.
 */
import { AlignNode, AlignOptions, SimilarPairs, SourceSet, groupNodes, nearDuplicateFamilies, outOfOrder } from './align';
import { BoilerplateOptions, LineVerdict, classifyLines } from './boilerplate';
import { JoinPair, SharedTokens, matchesAmong, selfJoin } from './candidates';
import { FormNumbering, FormSpace } from './forms';
import { segmentLine } from './sentences';
import { BigramProfile, SimilarityTo, concatProfiles, profileSimilarity } from './similarity';
import { StopwordProfile, detectStopwords } from './stopwords';
import { Story, StoryOptions, findStories } from './stories';
import { LineSpan, collapseSpaces, hashText, lfLineOfLines, normalizeForComparison, splitLines, words } from './text';

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
  /** Groups ordered by the number of sources (most first), then by first appearance. Each lies within one story. */
  readonly groups: readonly SentenceGroup[];
  /** The stories the sources tell: every source in exactly one, largest first (see `findStories`). */
  readonly stories: readonly Story[];
}

/** Tuning of the analysis; every field has a default. */
export interface AnalysisOptions {
  readonly boilerplate?: BoilerplateOptions;
  readonly align?: AlignOptions;
  /** Use other sources to revise boilerplate verdicts. Default true. */
  readonly crossSourceEvidence?: boolean;
  readonly stories?: StoryOptions;
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

interface PreparedSentence {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** `normalizeForComparison(text)` with white space collapsed: equal forms compare as 1. */
  readonly form: string;
  /** A boilerplate sentence long enough, on a line whose reason is open to doubt, for another source to show it is article text. */
  readonly promotable: boolean;
}

/** A wording of the alignment pass: equal forms of one language, one occurrence rank per source. */
interface Wording {
  readonly form: number;
  readonly copy: number;
  readonly language: string;
  readonly headline: boolean;
  /** The places (see `assemble`) of its sentences, ascending, and their sources. */
  readonly places: number[];
  readonly sources: number[];
}

/** Analyses corpora, reusing what it computed for texts it has seen in its previous analysis. */
export interface Analyzer {
  /**
   * Same result as `analyzeCorpus(inputs, options)`, except where a wording has more than 256
   * near-identical candidates (a source repeating one line hundreds of times): which of them
   * are looked at then may depend on what the analyzer met before.
   */
  analyze(inputs: readonly SourceInput[]): CorpusAnalysis;
  /**
   * Offers sources prepared elsewhere (`prepareSource` with the same options, e.g. in other
   * threads); the next `analyze` uses them for inputs with the same text.
   */
  adopt(prepared: readonly PreparedSource[]): void;
}

/** How an analyzer will be used. */
export interface AnalyzerUse {
  /**
   * More analyses of a changing corpus will follow (an editor session). Default true: the
   * analyzer then keeps its indexes up to date after each analysis, and probes them instead of
   * joining afresh, which costs a little more once and much less on every edit after.
   */
  readonly expectEdits?: boolean;
}

/**
 * An analyzer for repeated analyses of a changing corpus (an editor session): each source's
 * lines, sentences and content words are kept by content, and every distinct sentence form in
 * one token space with standing prefix indexes that remember what each probe found; so after
 * one document changes, only that document is read again and only its new forms are looked up.
 * What the latest analysis did not use is dropped, except the forms, which are started afresh
 * once most of them are out of use.
 */
export function createAnalyzer(options: AnalysisOptions = {}, use: AnalyzerUse = {}): Analyzer {
  return new CachingAnalyzer(options, use.expectEdits ?? true);
}

/**
 * Analyses a corpus. The result does not depend on the order of `inputs` beyond the order of
 * `sources` itself (which follows the input). Sources are independent until alignment, which
 * works on distinct wordings: cost grows with the number of different sentences, not with the
 * number of copies. Never throws on any string input.
 */
export function analyzeCorpus(inputs: readonly SourceInput[], options: AnalysisOptions = {}): CorpusAnalysis {
  return new CachingAnalyzer(options, false).analyze(inputs);
}

const VOCABULARY_LIMIT = 1 << 20;

/** The prepared sources with every sentence's form as a number. */
interface FormCorpus {
  readonly prepared: readonly PreparedSource[];
  /** Per source, the form number of each prepared sentence. */
  readonly formIds: readonly Int32Array[];
  readonly forms: readonly string[];
  /** The analyzer's forms, and the number there of each form of this corpus. */
  readonly formSpace: FormSpace;
  readonly spaceIds: Int32Array;
  /** More analyses of a changing corpus will follow. */
  readonly session: boolean;
  profileOf(form: number): BigramProfile;
}

class CachingAnalyzer implements Analyzer {
  private prepared = new Map<string, PreparedSource>();
  private preparedText = new Map<string, PreparedSource>();
  private numbering = new FormNumbering();
  /** Per prepared source, the number of each sentence's form in `numbering`. */
  private formIds = new KeptWhileUsed<PreparedSource, Int32Array>();
  /** Per prepared source that no other source revised, its article sentences. */
  private readonly content = new KeptWhileUsed<PreparedSource, ContentSentences>();
  private formSpace: FormSpace | undefined;
  /** Per form number, its number in `formSpace`, or -1 where not looked up yet. */
  private spaceIdOfForm = new Int32Array(0);
  private anchors = new KeptWhileUsed<string, AnchorChoice>();
  private terms = new KeptWhileUsed<string, number[]>();
  private vocabulary = new Map<string, number>();

  /** `session`: more analyses of a changing corpus will follow, so prepare for them. */
  constructor(
    private readonly options: AnalysisOptions,
    private readonly session: boolean,
  ) {}

  adopt(prepared: readonly PreparedSource[]): void {
    for (const p of prepared) {
      this.prepared.set(p.hash, p);
      // The same text handed to `analyze` next is then found without hashing it again.
      this.preparedText.set(p.text, p);
    }
  }

  analyze(inputs: readonly SourceInput[]): CorpusAnalysis {
    if (this.vocabulary.size > VOCABULARY_LIMIT) {
      this.terms = new KeptWhileUsed();
      this.vocabulary = new Map();
    }
    const used = { prepared: new Map<string, PreparedSource>() };
    const prepared = inputs.map(input => {
      // An unchanged text is usually the very string seen before, found without hashing it again.
      let p = this.preparedText.get(input.text);
      if (!p) {
        const hash = hashText(input.text);
        p = used.prepared.get(hash) ?? this.prepared.get(hash);
        if (!p || p.text !== input.text) p = prepare(input.text, hash, this.options);
      }
      used.prepared.set(p.hash, p);
      return p;
    });
    this.preparedText = new Map([...used.prepared.values()].map(p => [p.text, p]));
    // Sources are grouped into stories first; every cross-source pass below works within one
    // story. Text that recurs across stories is chrome wherever it is not its own story's text.
    const grouping = findStories(prepared, this.options.stories);
    const storyOf = grouping.storyOfSource;
    const storySize = (source: number) => grouping.stories[storyOf[source]].sources.length;
    const lines: (readonly LineVerdict[])[] = prepared.map(p => p.lines);
    if (grouping.crossStoryForms.size) markCrossStoryChrome(prepared, lines, grouping.crossStoryForms, storyOf);
    // Every distinct compared form gets a number; the cross-source passes work on numbers.
    // Only forms a join can meet get a profile: article text, and boilerplate that another
    // source of its story may show to be article text.
    const crossEvidence = this.options.crossSourceEvidence !== false && prepared.length > 1;
    // A source's form numbers stay valid as long as the numbering does.
    const numbering = this.numbering;
    const formIds = prepared.map(p => this.formIds.get(p, () => numbering.numbersOf(p.sentences)));
    const forms = numbering.forms;
    const joined = new Uint8Array(forms.length);
    const promotable = new Map<number, { source: number; line: number }[]>();
    prepared.forEach((p, source) => {
      const ids = formIds[source];
      for (let i = 0; i < ids.length; i++) {
        const sentence = p.sentences[i];
        if (lines[source][sentence.line].kind === 'content') joined[ids[i]] = 1;
        else if (crossEvidence && sentence.promotable && storySize(source) > 1 && p.lines[sentence.line].kind === 'boilerplate') {
          joined[ids[i]] = 1;
          const list = promotable.get(ids[i]);
          if (list) list.push({ source, line: sentence.line });
          else promotable.set(ids[i], [{ source, line: sentence.line }]);
        }
      }
    });
    // A promoted line turns all its sentences to article text, the short ones too.
    const promotableLines = prepared.map(() => new Set<number>());
    for (const occurrences of promotable.values()) for (const o of occurrences) promotableLines[o.source].add(o.line);
    prepared.forEach((p, source) => {
      if (promotableLines[source].size) p.sentences.forEach((sentence, i) => promotableLines[source].has(sentence.line) && (joined[formIds[source][i]] = 1));
    });
    let joinedCount = 0;
    for (let f = 0; f < forms.length; f++) joinedCount += joined[f];
    if (!this.formSpace || this.formSpace.isStaleFor(joinedCount)) {
      this.formSpace = new FormSpace(forms.filter((_, f) => joined[f]));
      this.anchors = new KeptWhileUsed(); // keyed by the old space's numbers
      this.spaceIdOfForm = new Int32Array(0);
    }
    const formSpace = this.formSpace;
    // Per form number, its number in the space: looked up by text only the first time.
    if (this.spaceIdOfForm.length < forms.length) {
      const grown = new Int32Array(Math.max(forms.length, 2 * this.spaceIdOfForm.length)).fill(-1);
      grown.set(this.spaceIdOfForm);
      this.spaceIdOfForm = grown;
    }
    const spaceIds = new Int32Array(forms.length).fill(-1);
    for (let f = 0; f < forms.length; f++) {
      if (!joined[f]) continue;
      if (this.spaceIdOfForm[f] < 0) this.spaceIdOfForm[f] = formSpace.idOf(forms[f]);
      spaceIds[f] = this.spaceIdOfForm[f];
    }
    const profileOf = (id: number) => formSpace.profile(spaceIds[id]);
    const termsFor = (form: string, stopwords: StopwordProfile) => {
      return this.terms.get(`${stopwords.language}\u0000${form}`, () => contentTerms(form, stopwords, this.vocabulary));
    };
    const corpus: FormCorpus = { prepared, formIds, forms, formSpace, spaceIds, session: this.session, profileOf };
    // The anchor and the similarities to it depend only on the group's wordings and how often
    // each occurs, in canonical order; most groups come back unchanged after an edit.
    const anchorOf = (distinct: readonly number[], counts: ArrayLike<number>, wordingIds: readonly number[], shared: SharedTokens) => {
      if (!this.session) return chooseAnchor(distinct, counts, wordingIds, shared);
      const key = distinct.map(w => `${wordingIds[w]}:${counts[w]}`).join(' ');
      return this.anchors.get(key, () => chooseAnchor(distinct, counts, wordingIds, shared));
    };
    // A source no other source revised has the same article sentences as last time.
    const contentOf = (p: PreparedSource, verdicts: readonly LineVerdict[]) => {
      return verdicts === p.lines ? this.content.get(p, () => contentSentences(p, verdicts)) : contentSentences(p, verdicts);
    };
    const analysis = analyzeStories(inputs, corpus, grouping.stories, promotable, lines, crossEvidence, this.options, termsFor, anchorOf, contentOf);
    this.prepared = used.prepared;
    for (const cache of [this.terms, this.anchors, this.formIds, this.content]) cache.endAnalysis();
    if (numbering.isStaleFor(joinedCount)) {
      this.numbering = new FormNumbering();
      this.formIds = new KeptWhileUsed();
      this.spaceIdOfForm = new Int32Array(0);
    }
    if (this.session) formSpace.catchUp();
    return analysis;
  }
}

type TermsFor = (form: string, stopwords: StopwordProfile) => number[];
type AnchorOf = (distinct: readonly number[], counts: ArrayLike<number>, wordingIds: readonly number[], shared: SharedTokens) => AnchorChoice;
type ContentOf = (p: PreparedSource, verdicts: readonly LineVerdict[]) => ContentSentences;

/**
 * Cross-source revision and alignment, story by story, put together as one analysis. A corpus
 * that is one story goes through exactly as before; a story of one source has nothing to align
 * with and keeps its own verdicts. Groups of all stories are ordered as one list. O(sum of the
 * stories' costs) plus O(G log G) for G groups.
 */
function analyzeStories(
  inputs: readonly SourceInput[],
  corpus: FormCorpus,
  stories: readonly Story[],
  promotable: ReadonlyMap<number, readonly { source: number; line: number }[]>,
  lines: (readonly LineVerdict[])[],
  crossEvidence: boolean,
  options: AnalysisOptions,
  termsFor: TermsFor,
  anchorOf: AnchorOf,
  contentOf: ContentOf,
): CorpusAnalysis {
  if (stories.length === 1) {
    // A source's verdicts are copied only when another source revises one.
    if (crossEvidence) reviseWithOtherSources(corpus, promotable, lines, options);
    return { ...assemble(inputs, corpus, lines, options, termsFor, anchorOf, contentOf), stories };
  }
  const sources: SourceAnalysis[] = new Array(inputs.length);
  const groups: SentenceGroup[] = [];
  // Per source, its place in its story's analysis.
  const placeInStory = new Int32Array(inputs.length);
  for (const story of stories) story.sources.forEach((source, i) => (placeInStory[source] = i));
  const promotableByStory = new Map<Story, Map<number, { source: number; line: number }[]>>();
  const storyOfSource = new Array<Story>(inputs.length);
  for (const story of stories) for (const source of story.sources) storyOfSource[source] = story;
  for (const [form, occurrences] of promotable) {
    for (const o of occurrences) {
      const story = storyOfSource[o.source];
      let byForm = promotableByStory.get(story);
      if (!byForm) promotableByStory.set(story, (byForm = new Map()));
      let list = byForm.get(form);
      if (!list) byForm.set(form, (list = []));
      list.push({ source: placeInStory[o.source], line: o.line });
    }
  }
  for (const story of stories) {
    const members = story.sources;
    if (members.length === 1) {
      const source = members[0];
      const p = corpus.prepared[source];
      const content = contentOf(p, lines[source]);
      sources[source] = {
        id: inputs[source].id,
        language: p.profile.language,
        contentHash: p.hash,
        ...(p.lfLineOfLine ? { lfLineOfLine: p.lfLineOfLine } : {}),
        lines: lines[source],
        lineSpans: p.lineSpans,
        sentences: content.sentences,
        groupOfSentence: new Array<number>(content.sentences.length).fill(-1),
      };
      continue;
    }
    const part: FormCorpus = { ...corpus, prepared: members.map(s => corpus.prepared[s]), formIds: members.map(s => corpus.formIds[s]) };
    const partLines = members.map(s => lines[s]);
    if (crossEvidence) reviseWithOtherSources(part, promotableByStory.get(story) ?? new Map(), partLines, options);
    const analysed = assemble(
      members.map(s => inputs[s]),
      part,
      partLines,
      options,
      termsFor,
      anchorOf,
      contentOf,
    );
    members.forEach((source, i) => (sources[source] = analysed.sources[i]));
    for (const g of analysed.groups) groups.push({ ...g, members: g.members.map(m => ({ ...m, source: members[m.source] })) });
  }
  const firstPlace = (g: SentenceGroup) => g.members[0].source * 1e9 + g.members[0].sentence;
  groups.sort((x, y) => y.sourceCount - x.sourceCount || firstPlace(x) - firstPlace(y));
  const groupOf = sources.map(s => new Array<number>(s.sentences.length).fill(-1));
  groups.forEach((g, gi) => g.members.forEach(m => (groupOf[m.source][m.sentence] = gi)));
  return { sources: sources.map((s, i) => ({ ...s, groupOfSentence: groupOf[i] })), groups, stories };
}

/**
 * Lines whose every sentence recurs across stories (`chrome`: per form, the story whose text it
 * is, or -1) turn to boilerplate, except in the form's own story: a site's sign-up line on
 * pages of many stories, a story's headline teased on the pages of others. Copies a source's
 * verdicts only when one changes.
 */
function markCrossStoryChrome(
  prepared: readonly PreparedSource[],
  lines: (readonly LineVerdict[])[],
  chrome: ReadonlyMap<string, number>,
  storyOf: Int32Array,
): void {
  prepared.forEach((p, source) => {
    // Per content line: whether all its sentences seen so far recur across stories.
    const recurring = new Map<number, boolean>();
    for (const s of p.sentences) {
      if (p.lines[s.line].kind !== 'content') continue;
      const home = chrome.get(s.form);
      const isChrome = home !== undefined && home !== storyOf[source];
      recurring.set(s.line, (recurring.get(s.line) ?? true) && isChrome);
    }
    for (const [line, isChrome] of recurring) {
      if (!isChrome) continue;
      if (lines[source] === p.lines) lines[source] = [...p.lines];
      (lines[source] as LineVerdict[])[line] = { kind: 'boilerplate', reason: 'repeated across stories' };
    }
  });
}

/** A cache that keeps, from one analysis to the next, only what the latest analysis used. */
class KeptWhileUsed<K, V> {
  private kept = new Map<K, V>();
  private used = new Map<K, V>();

  /** The value for `key`: kept from the last analysis, found earlier in this one, or made now. */
  get(key: K, make: () => V): V {
    let value = this.used.get(key) ?? this.kept.get(key);
    if (value === undefined) value = make();
    this.used.set(key, value);
    return value;
  }

  /** Drops what the analysis that ends did not use. */
  endAnalysis(): void {
    this.kept = this.used;
    this.used = new Map();
  }
}

/**
 * Prepares one source on its own: lines, language, line verdicts from the page alone, and
 * sentences. O(n) in the text length. Independent of every other source, so a large corpus can
 * be prepared in several threads and handed to `Analyzer.adopt`.
 */
export function prepareSource(text: string, options: AnalysisOptions = {}): PreparedSource {
  return prepare(text, hashText(text), options);
}

function prepare(text: string, hash: string, options: AnalysisOptions): PreparedSource {
  const lineSpans = splitLines(text);
  const lineWords = lineSpans.map(span => words(text.slice(span.start, span.end)));
  const lineWordsLower = lineWords.map(ws => ws.map(w => w.toLowerCase()));
  const profile = detectStopwords(sampleWords(lineSpans, lineWordsLower));
  const lines = classifyLines(text, lineSpans, profile, options.boilerplate, lineWords, lineWordsLower);
  const sentences: PreparedSentence[] = [];
  lineSpans.forEach((span, line) => {
    const verdict = lines[line];
    if (verdict.kind === 'blank') return;
    // Boilerplate that no other source can show to be article text needs no sentences.
    if (verdict.kind === 'boilerplate' && (PROTECTED_REASONS.has(verdict.reason ?? '') || lineWords[line].length < MIN_PROMOTABLE_WORDS)) return;
    for (const s of segmentLine(text, span.start, span.end, profile)) {
      const sentence = text.slice(s.start, s.end);
      sentences.push({ line, start: s.start, end: s.end, text: sentence, form: comparedForm(sentence), promotable: isPromotable(verdict, sentence) });
    }
  });
  // Worked out once here, not by every analysis that reuses this source.
  const lfLineOfLine = hasLoneCr(text) ? lfLineOfLines(text, lineSpans) : undefined;
  return { text, hash, lineSpans, ...(lfLineOfLine ? { lfLineOfLine } : {}), profile, lines, sentences };
}

function hasLoneCr(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

function comparedForm(sentence: string): string {
  return collapseSpaces(normalizeForComparison(sentence));
}

const LANGUAGE_SAMPLE_CHARS = 200_000;

/** The words the language is guessed from: those of the first 200,000 characters (given lower-cased). */
function sampleWords(lineSpans: readonly LineSpan[], lineWordsLower: readonly (readonly string[])[]): string[] {
  let lines = 0;
  let count = 0;
  for (; lines < lineSpans.length && lineSpans[lines].start < LANGUAGE_SAMPLE_CHARS; lines++) count += lineWordsLower[lines].length;
  // Sized once: growing the array word by word copies it over and over.
  const out = new Array<string>(count);
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const ws = lineWordsLower[i];
    for (let k = 0; k < ws.length; k++) out[at++] = ws[k];
  }
  return out;
}

const PROMOTION_SIMILARITY = 0.5;
/** Below this many boilerplate × article form pairs, a one-shot analysis compares them all. */
const SMALL_PROBE_PAIRS = 50_000;
const PROTECTED_REASONS = new Set(['copyright notice', 'form field', 'no words']);
const MIN_PROMOTABLE_WORDS = 4;

/**
 * A boilerplate line whose sentence another source carries as article text is article text
 * too: a single page cannot tell a short paragraph from a teaser, but a second version can.
 * Works on distinct forms: each boilerplate form is looked up once among the content forms.
 */
function reviseWithOtherSources(
  corpus: FormCorpus,
  boilerplate: ReadonlyMap<number, readonly { source: number; line: number }[]>,
  lines: (readonly LineVerdict[])[],
  options: AnalysisOptions,
): void {
  const { prepared, formIds, forms } = corpus;
  // Per content form, the first two sources that carry it (enough to know one is not "this" source).
  const firstCarrier = new Int32Array(forms.length).fill(-1);
  const secondCarrier = new Int32Array(forms.length).fill(-1);
  prepared.forEach((p, source) => {
    p.sentences.forEach((s, i) => {
      if (p.lines[s.line].kind !== 'content') return;
      const form = formIds[source][i];
      if (firstCarrier[form] < 0) firstCarrier[form] = source;
      else if (secondCarrier[form] < 0 && firstCarrier[form] !== source) secondCarrier[form] = source;
    });
  });
  const contentForms: number[] = [];
  for (let f = 0; f < forms.length; f++) if (firstCarrier[f] >= 0) contentForms.push(f);
  if (!boilerplate.size || !contentForms.length) return;
  const { formSpace, spaceIds } = corpus;
  const space = formSpace.space;
  const threshold = Math.min(PROMOTION_SIMILARITY, options.align?.strongThreshold ?? PROMOTION_SIMILARITY);
  const contentFormAt = new Int32Array(space.profiles.length).fill(-1);
  for (const f of contentForms) contentFormAt[spaceIds[f]] = f;
  const contentIds = contentForms.map(f => spaceIds[f]);
  let matches: (id: number) => readonly JoinPair[];
  if (!corpus.session && contentIds.length * boilerplate.size <= SMALL_PROBE_PAIRS) {
    // A few pages: comparing every pair costs less than building an index.
    const shared = new SharedTokens(space);
    matches = id => matchesAmong(space, shared, id, contentIds, threshold);
  } else {
    // The standing index holds every content form met so far; a match counts if it is content now.
    const index = formSpace.index(threshold);
    index.addAll(contentIds);
    matches = id => index.matches(id, j => contentFormAt[j] >= 0);
  }
  const promote = (source: number, line: number) => {
    const p = prepared[source];
    // Keyword and tag lists echo the story's words without a single function word.
    if (lines[source][line].kind !== 'boilerplate' || !hasFunctionWord(p.text, p.lineSpans[line], p.profile)) return;
    const revised = lines[source] === p.lines ? (lines[source] = [...p.lines]) : lines[source];
    (revised as LineVerdict[])[line] = { kind: 'content' };
  };
  const promoteWhereOthersCarry = (occurrences: readonly { source: number; line: number }[], form: number) => {
    for (const o of occurrences) {
      if (firstCarrier[form] !== o.source || secondCarrier[form] >= 0) promote(o.source, o.line);
    }
  };
  for (const [form, occurrences] of boilerplate) {
    const id = spaceIds[form];
    if (contentFormAt[id] >= 0) promoteWhereOthersCarry(occurrences, form);
    for (const pair of matches(id)) promoteWhereOthersCarry(occurrences, contentFormAt[pair.b]);
  }
}

/** A first sentence alone on its line with no final stop reads as a headline. */
function isHeadline(first: Sentence, next: Sentence | undefined): boolean {
  return (next === undefined || next.line !== first.line) && !/[.!?。؟…]["'”’»)]*$/u.test(first.text);
}

/** Content-word ids of a compared form: function words dropped, crudely stemmed. */
function contentTerms(form: string, stopwords: StopwordProfile, vocabulary: Map<string, number>): number[] {
  const ids = new Set<number>();
  for (const w of words(form)) {
    const digits = HAS_DIGIT.test(w);
    if (stopwords.words.has(w) || (w.length < 2 && !digits)) continue;
    // A fixed-length prefix joins inflections ("stormed", "storming") in most alphabetic languages.
    const stem = digits ? w : firstCodePoints(w, 6);
    let id = vocabulary.get(stem);
    if (id === undefined) vocabulary.set(stem, (id = vocabulary.size));
    ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const HAS_DIGIT = /\d/;

/** The first `n` code points of `w` (a surrogate pair counts as one). */
function firstCodePoints(w: string, n: number): string {
  let end = 0;
  for (let k = 0; k < n && end < w.length; k++) {
    const c = w.charCodeAt(end);
    const next = end + 1 < w.length ? w.charCodeAt(end + 1) : 0;
    end += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return end >= w.length ? w : w.slice(0, end);
}

/** Whether a boilerplate sentence is long enough, and its line's reason open to doubt, for another source to show it is article text. */
function isPromotable(verdict: LineVerdict, sentence: string): boolean {
  return verdict.kind === 'boilerplate' && !PROTECTED_REASONS.has(verdict.reason ?? '') && words(sentence).length >= MIN_PROMOTABLE_WORDS;
}

function hasFunctionWord(text: string, span: LineSpan, profile: StopwordProfile): boolean {
  return words(text.slice(span.start, span.end)).some(w => profile.words.has(w.toLowerCase()));
}

function assemble(
  inputs: readonly SourceInput[],
  corpus: FormCorpus,
  lines: readonly (readonly LineVerdict[])[],
  options: AnalysisOptions,
  termsFor: (form: string, stopwords: StopwordProfile) => number[],
  anchorOf: (distinct: readonly number[], counts: ArrayLike<number>, wordingIds: readonly number[], shared: SharedTokens) => AnchorChoice,
  contentOf: (p: PreparedSource, verdicts: readonly LineVerdict[]) => ContentSentences,
): Omit<CorpusAnalysis, 'stories'> {
  const { prepared, formIds, forms } = corpus;
  const sourceCount = prepared.length;
  // Every content sentence of the corpus is a place, numbered source by source in reading
  // order: sorting places sorts by source, then by sentence, with no objects to compare.
  const sentencesBySource: Sentence[][] = [];
  const placeStart = new Int32Array(sourceCount + 1);
  const formOfPlace: number[] = [];
  prepared.forEach((p, source) => {
    const content = contentOf(p, lines[source]);
    const ids = formIds[source];
    for (let k = 0; k < content.indices.length; k++) formOfPlace.push(ids[content.indices[k]]);
    sentencesBySource.push(content.sentences);
    placeStart[source + 1] = placeStart[source] + content.sentences.length;
  });
  const sourceOfPlace = new Int32Array(formOfPlace.length);
  for (let source = 0; source < sourceCount; source++) sourceOfPlace.fill(source, placeStart[source], placeStart[source + 1]);

  // Wordings: equal forms of one language and headline role; a form a source repeats is a
  // second wording there (its k-th copy), so no source ever has two sentences in one wording.
  const languages = [...new Set(prepared.map(p => p.profile.language))];
  const languageNumber = new Map(languages.map((language, i) => [language, i]));
  // Per form, headline role and language (as one number), the wordings by copy rank.
  const byBase = new Map<number, Wording[]>();
  const copies = new Map<number, number>();
  sentencesBySource.forEach((list, source) => {
    const language = prepared[source].profile.language;
    copies.clear();
    list.forEach((s, sentence) => {
      const place = placeStart[source] + sentence;
      const form = formOfPlace[place];
      const headline = sentence === 0 && isHeadline(s, list[1]);
      const base = (form * 2 + (headline ? 1 : 0)) * languages.length + languageNumber.get(language)!;
      const copy = copies.get(base) ?? 0;
      copies.set(base, copy + 1);
      let ranks = byBase.get(base);
      if (!ranks) byBase.set(base, (ranks = []));
      let w = ranks[copy];
      if (!w) ranks[copy] = w = { form, copy, language, headline, places: [], sources: [] };
      w.places.push(place);
      w.sources.push(source);
    });
  });
  const wordings = canonicalOrder([...byBase.values()].flat(), corpus);
  const stopwordsOf = new Map(prepared.map(p => [p.profile.language, p.profile]));
  const wordingProfiles = wordings.map(w => corpus.profileOf(w.form));
  const wordingSets = wordings.map(w => new SourceSet(sourceCount, w.sources));

  const familyThreshold = options.align?.familyThreshold ?? 0.85;
  const widespreadFirst = wordings.map((_, i) => i).sort((x, y) => wordings[y].sources.length - wordings[x].sources.length || x - y);
  // One source alone has nothing to align with (and may repeat itself thousands of times).
  const wordingIds = wordings.map(w => corpus.spaceIds[w.form]);
  const families = sourceCount < 2 ? [] : nearDuplicateFamilies(corpus.formSpace.index(familyThreshold), wordingIds, wordingSets, widespreadFirst);
  const nodes: AlignNode[] = families.map(family => {
    const leader = family[0];
    const sources = family.length === 1 ? wordings[leader].sources : sortedSources(family.map(w => wordings[w].sources));
    return {
      profile: wordingProfiles[leader],
      terms: termsFor(forms[wordings[leader].form], stopwordsOf.get(wordings[leader].language)!),
      headline: wordings[leader].headline,
      sources,
      weight: sources.length,
    };
  });
  // In a session, through the standing index, so an edit's re-analysis checks only new leaders;
  // once, the plain join over the analyzer's token space is faster.
  const leaderIds = families.map(family => wordingIds[family[0]]);
  const throughStandingIndex: SimilarPairs = (threshold, separate) => {
    const index = corpus.formSpace.index(threshold);
    const space = corpus.formSpace.space;
    // Per leader profile, its nodes (usually one) as a chain in ascending order.
    const firstNodeOf = new Int32Array(space.profiles.length).fill(-1);
    const nextNode = new Int32Array(leaderIds.length).fill(-1);
    for (let node = leaderIds.length - 1; node >= 0; node--) {
      nextNode[node] = firstNodeOf[leaderIds[node]];
      firstNodeOf[leaderIds[node]] = node;
    }
    const leaders = leaderIds.filter((id, node) => firstNodeOf[id] === node);
    index.addAll(leaders);
    const pairs: JoinPair[] = [];
    const pair = (a: number, b: number, similarity: number) => {
      if (a !== b && separate(Math.min(a, b), Math.max(a, b))) pairs.push({ a: Math.min(a, b), b: Math.max(a, b), similarity });
    };
    for (const id of leaders) {
      // As the plain join: a text too short for a bigram pairs with nothing.
      if (space.size(id) === 0) continue;
      for (let a = firstNodeOf[id]; a >= 0; a = nextNode[a]) for (let b = nextNode[a]; b >= 0; b = nextNode[b]) pair(a, b, 1);
      for (const m of index.matches(id, j => j > id && firstNodeOf[j] >= 0)) {
        for (let a = firstNodeOf[id]; a >= 0; a = nextNode[a]) for (let b = firstNodeOf[m.b]; b >= 0; b = nextNode[b]) pair(a, b, m.similarity);
      }
    }
    return pairs;
  };
  const throughSpace: SimilarPairs = (threshold, separate) => selfJoin(corpus.formSpace.space, threshold, separate, leaderIds);
  const clusters = groupNodes(nodes, sourceCount, options.align, corpus.session ? throughStandingIndex : throughSpace);

  const wordingOfPlace = new Int32Array(formOfPlace.length);
  wordings.forEach((w, i) => {
    for (const place of w.places) wordingOfPlace[place] = i;
  });
  const memberLists = clusters.map(cluster => {
    const places: number[] = [];
    for (const f of cluster) for (const w of families[f]) for (const place of wordings[w].places) places.push(place);
    return places;
  });
  attachSplitHalves(memberLists, placeStart, sourceOfPlace, wordingOfPlace, wordingProfiles);

  const shared = new SharedTokens(corpus.formSpace.space);
  // Per wording: how many members of the group at hand it has, and its index among the group's distinct wordings.
  const countOf = new Int32Array(wordings.length);
  const slotOf = new Int32Array(wordings.length);
  const groups: SentenceGroup[] = memberLists.map(list => {
    const places = Int32Array.from(list).sort();
    const distinct: number[] = [];
    for (let i = 0; i < places.length; i++) if (countOf[wordingOfPlace[places[i]]]++ === 0) distinct.push(wordingOfPlace[places[i]]);
    distinct.sort((a, b) => a - b);
    const choice = anchorOf(distinct, countOf, wordingIds, shared);
    const anchorWording = distinct[choice.at];
    for (let i = 0; i < distinct.length; i++) {
      slotOf[distinct[i]] = i;
      countOf[distinct[i]] = 0;
    }
    let anchor = -1;
    let sourceCount = 0;
    const members: GroupMember[] = [];
    for (let i = 0; i < places.length; i++) {
      const source = sourceOfPlace[places[i]];
      const w = wordingOfPlace[places[i]];
      if (i === 0 || sourceOfPlace[places[i - 1]] !== source) sourceCount++;
      let similarity = choice.similarities[slotOf[w]];
      if (anchor < 0 && w === anchorWording) {
        anchor = i;
        similarity = 1;
      }
      members.push({ source, sentence: places[i] - placeStart[source], similarity });
    }
    return { members, anchor, sourceCount };
  });
  const firstPlace = (g: SentenceGroup) => g.members[0].source * 1e9 + g.members[0].sentence;
  groups.sort((x, y) => y.sourceCount - x.sourceCount || firstPlace(x) - firstPlace(y));

  const groupOf = sentencesBySource.map(list => new Array<number>(list.length).fill(-1));
  groups.forEach((g, gi) => g.members.forEach(m => (groupOf[m.source][m.sentence] = gi)));

  return {
    sources: prepared.map((p, i) => ({
      id: inputs[i].id,
      language: p.profile.language,
      contentHash: p.hash,
      ...(p.lfLineOfLine ? { lfLineOfLine: p.lfLineOfLine } : {}),
      lines: lines[i],
      lineSpans: p.lineSpans,
      sentences: sentencesBySource[i],
      groupOfSentence: groupOf[i],
    })),
    groups,
  };
}

const SPLIT_SAMPLE = 8;
const NEIGHBOUR_STEPS = [-1, 1];

/**
 * Where a source split one sentence in two, the second half is left out of every group by the
 * one-sentence-per-source rule. It joins its neighbour's group when the two halves together
 * are closer to the group's other wordings than the neighbour alone. The verdict depends only
 * on the wordings involved, so it is computed once per distinct case.
 */
function attachSplitHalves(
  groups: number[][],
  placeStart: Int32Array,
  sourceOfPlace: Int32Array,
  wordingOfPlace: Int32Array,
  profiles: readonly BigramProfile[],
): void {
  const grouped = new Uint8Array(sourceOfPlace.length);
  for (const g of groups) for (const place of g) grouped[place] = 1;
  groups.forEach(group => {
    const distinct = [...new Set(group.map(place => wordingOfPlace[place]))];
    const verdicts = new Map<string, boolean>();
    const additions: number[] = [];
    for (const place of group) {
      const own = wordingOfPlace[place];
      const source = sourceOfPlace[place];
      for (const step of NEIGHBOUR_STEPS) {
        const neighbour = place + step;
        if (neighbour < placeStart[source] || neighbour >= placeStart[source + 1] || grouped[neighbour]) continue;
        const other = wordingOfPlace[neighbour];
        const key = `${own} ${other} ${step}`;
        let attach = verdicts.get(key);
        if (attach === undefined) {
          const others = distinct.filter(w => w !== own).slice(0, SPLIT_SAMPLE);
          const joined = step < 0 ? concatProfiles(profiles[other], profiles[own]) : concatProfiles(profiles[own], profiles[other]);
          let alone = 0;
          let together = 0;
          for (const o of others) {
            alone += profileSimilarity(profiles[own], profiles[o]);
            together += profileSimilarity(joined, profiles[o]);
          }
          attach = together > alone + 0.1 * others.length;
          verdicts.set(key, attach);
        }
        if (attach) {
          additions.push(neighbour);
          grouped[neighbour] = 1;
          break;
        }
      }
    }
    group.push(...additions);
  });
}

/** The sentences of a source's article lines, and the index of each among the prepared sentences. */
interface ContentSentences {
  readonly sentences: Sentence[];
  readonly indices: Int32Array;
}

function contentSentences(p: PreparedSource, verdicts: readonly LineVerdict[]): ContentSentences {
  const sentences: Sentence[] = [];
  const indices: number[] = [];
  for (let i = 0; i < p.sentences.length; i++) {
    const s = p.sentences[i];
    if (verdicts[s.line].kind !== 'content') continue;
    sentences.push({ start: s.start, end: s.end, line: s.line, text: s.text });
    indices.push(i);
  }
  return { sentences, indices: Int32Array.from(indices) };
}

/** A group's anchor, as its place among the group's distinct wordings, and each distinct wording's similarity to it. */
interface AnchorChoice {
  readonly at: number;
  readonly similarities: Float64Array;
}

function chooseAnchor(distinct: readonly number[], counts: ArrayLike<number>, wordingIds: readonly number[], shared: SharedTokens): AnchorChoice {
  const anchor = pickAnchor(distinct, counts, wordingIds, shared);
  shared.mark(wordingIds[anchor]);
  const similarities = new Float64Array(distinct.length);
  for (let i = 0; i < distinct.length; i++) similarities[i] = shared.similarity(wordingIds[distinct[i]]);
  return { at: distinct.indexOf(anchor), similarities };
}

/**
 * Wordings in a canonical order: by text, then language, headline role and copy rank, so that
 * every tie later on is independent of the order of the sources. A bucket per text rank:
 * O(W + F) for W wordings and F forms in the space, with few comparisons (only wordings of one
 * text compare).
 */
function canonicalOrder(wordings: readonly Wording[], corpus: FormCorpus): Wording[] {
  const textRank = corpus.formSpace.textRanks();
  const head = new Int32Array(textRank.length).fill(-1);
  const next = new Int32Array(wordings.length);
  for (let i = 0; i < wordings.length; i++) {
    const rank = textRank[corpus.spaceIds[wordings[i].form]];
    next[i] = head[rank];
    head[rank] = i;
  }
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const sameText = (x: Wording, y: Wording) => compare(x.language, y.language) || Number(x.headline) - Number(y.headline) || x.copy - y.copy;
  const out: Wording[] = [];
  for (let rank = 0; rank < head.length; rank++) {
    if (head[rank] < 0) continue;
    if (next[head[rank]] < 0) {
      out.push(wordings[head[rank]]);
      continue;
    }
    const bucket: Wording[] = [];
    for (let i = head[rank]; i >= 0; i = next[i]) bucket.push(wordings[i]);
    for (const w of bucket.sort(sameText)) out.push(w);
  }
  return out;
}

/** The union of disjoint ascending lists of sources, ascending. */
function sortedSources(lists: readonly (readonly number[])[]): number[] {
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) all[at++] = list[i];
  return Array.from(all.sort());
}

/**
 * The wording closest to all others of its group, each counted as often as sources carry it.
 * Only the most frequent wordings are candidates, which keeps huge groups cheap.
 */
function pickAnchor(distinct: readonly number[], counts: ArrayLike<number>, profileOf: readonly number[], shared: SharedTokens): number {
  const candidates = [...distinct].sort((x, y) => counts[y] - counts[x] || x - y).slice(0, ANCHOR_CANDIDATES);
  let best = candidates[0];
  let bestSum = -1;
  for (const c of candidates) {
    shared.mark(profileOf[c]);
    let sum = (counts[c] - 1) * 1;
    for (const o of distinct) if (o !== c) sum += counts[o] * shared.similarity(profileOf[o]);
    if (sum > bestSum + 1e-12) {
      bestSum = sum;
      best = c;
    }
  }
  return best;
}

const ANCHOR_CANDIDATES = 16;

/** How a sentence of one source stands in another source. */
export interface Counterpart {
  readonly source: number;
  readonly sentence: number;
  readonly similarity: number;
  /** True when the pair is out of the reading order the two sources otherwise share. */
  readonly moved: boolean;
}

/**
 * The sentences of every other source that carry the same statement as `sentence` of
 * `source`, with their similarity to it and whether they stand out of order.
 * O(M·(n + m)) for M members of its group, n and m the sentence counts of the two sources,
 * without sorting or per-source allocation beyond a short list; the similarity of each
 * distinct wording is computed once.
 */
export function counterparts(analysis: CorpusAnalysis, source: number, sentence: number): Counterpart[] {
  const gi = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (gi < 0) return [];
  const group = analysis.groups[gi];
  const own = analysis.sources[source].sentences[sentence];
  const similarityToOwn = new SimilarityTo(normalizeForComparison(own.text));
  const similarityOf = new Map<string, number>();
  const order = new GroupOrder(analysis, source);
  const movedIn = new Map<number, boolean>();
  const out: Counterpart[] = [];
  for (const m of group.members) {
    if (m.source === source) continue;
    const text = analysis.sources[m.source].sentences[m.sentence].text;
    let similarity = similarityOf.get(text);
    if (similarity === undefined) similarityOf.set(text, (similarity = similarityToOwn.of(normalizeForComparison(text))));
    let moved = movedIn.get(m.source);
    if (moved === undefined) movedIn.set(m.source, (moved = order.isMoved(m.source, gi)));
    out.push({ source: m.source, sentence: m.sentence, similarity, moved });
  }
  return out;
}

/**
 * The groups of one source `a` in the order they first appear there, and what another source
 * does with that order. Built in O(n + G) for n sentences and G groups; each `movedIn(b)` is
 * O(m + k log k) for m sentences of `b` and k groups the two share.
 */
export class GroupOrder {
  /** Groups of `a` in order of first appearance. */
  private readonly groupsInA: number[] = [];
  /** Per group, its first sentence in the source last looked at, stamped with that source. */
  private readonly firstInB: Int32Array;
  private readonly stamp: Int32Array;
  /** The groups `a` shares with the source last looked at, in `a`'s order, and where each first stands there. */
  private readonly shared: Int32Array;
  private readonly positions: Int32Array;

  constructor(
    private readonly analysis: CorpusAnalysis,
    a: number,
  ) {
    const seen = new Uint8Array(analysis.groups.length);
    for (const g of analysis.sources[a].groupOfSentence) {
      if (g >= 0 && !seen[g]) {
        seen[g] = 1;
        this.groupsInA.push(g);
      }
    }
    this.firstInB = new Int32Array(analysis.groups.length);
    this.stamp = new Int32Array(analysis.groups.length);
    this.shared = new Int32Array(this.groupsInA.length);
    this.positions = new Int32Array(this.groupsInA.length);
  }

  /** Groups shared with `b` whose order in `b` disagrees with their order in `a`. */
  movedIn(b: number): Set<number> {
    const count = this.compare(b);
    const flags = outOfOrder(this.positions.subarray(0, count));
    const moved = new Set<number>();
    for (let i = 0; i < count; i++) if (flags[i]) moved.add(this.shared[i]);
    return moved;
  }

  /** Whether group `g` stands out of order in `b`. */
  isMoved(b: number, g: number): boolean {
    const count = this.compare(b);
    const at = this.shared.subarray(0, count).indexOf(g);
    if (at < 0) return false;
    // Most sources keep the shared groups in order; then there is no subsequence to find.
    let inOrder = true;
    for (let i = 1; i < count && inOrder; i++) inOrder = this.positions[i - 1] < this.positions[i];
    return !inOrder && outOfOrder(this.positions.subarray(0, count))[at];
  }

  /** Fills `shared` and `positions` for `b`; returns how many groups the two share. */
  private compare(b: number): number {
    const mark = b + 1;
    const groups = this.analysis.sources[b].groupOfSentence;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (g >= 0 && this.stamp[g] !== mark) {
        this.stamp[g] = mark;
        this.firstInB[g] = i;
      }
    }
    let count = 0;
    for (let k = 0; k < this.groupsInA.length; k++) {
      const g = this.groupsInA[k];
      if (this.stamp[g] !== mark) continue;
      this.shared[count] = g;
      this.positions[count++] = this.firstInB[g];
    }
    return count;
  }
}

/**
 * Groups shared by two sources whose order in `b` disagrees with their order in `a`.
 * O(n + m + G) for n and m sentences in the two sources and G groups in the analysis.
 */
export function movedBetween(analysis: CorpusAnalysis, a: number, b: number): Set<number> {
  return new GroupOrder(analysis, a).movedIn(b);
}
