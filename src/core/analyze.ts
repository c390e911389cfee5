/**
 * The whole analysis of a corpus: lines classified, sentences found, sentences aligned across
 * sources, and the line verdicts revised with what the other sources show.
 */
import { AlignOptions, AlignRecord, groupRecords, outOfOrder } from './align';
import { BoilerplateOptions, LineVerdict, classifyLines } from './boilerplate';
import { similarityJoin } from './candidates';
import { segmentLine } from './sentences';
import { BigramProfile, bigramProfile, profileSimilarity } from './similarity';
import { StopwordProfile, detectStopwords } from './stopwords';
import { LineSpan, hashText, normalizeForComparison, splitLines, words } from './text';

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
  /** One verdict per element of `text.split("\n")`. */
  readonly lines: readonly LineVerdict[];
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

interface Prepared {
  readonly input: SourceInput;
  readonly lineSpans: LineSpan[];
  readonly profile: StopwordProfile;
  lines: LineVerdict[];
  readonly lineSentences: { start: number; end: number }[][];
}

/**
 * Analyses a corpus. The result does not depend on the order of `inputs` beyond the order of
 * `sources` itself (which follows the input). Sources are independent until alignment, whose
 * cost is the similarity join (see `similarityJoin`). Never throws on any string input.
 */
export function analyzeCorpus(inputs: readonly SourceInput[], options: AnalysisOptions = {}): CorpusAnalysis {
  const prepared = inputs.map(input => prepareSource(input, options));
  // Both passes compare the same content sentences: each profile is built once.
  const profiles = new Map<string, BigramProfile>();
  const profileFor = (sentence: string) => {
    let profile = profiles.get(sentence);
    if (!profile) profiles.set(sentence, (profile = profileOf(sentence)));
    return profile;
  };
  if (options.crossSourceEvidence !== false && prepared.length > 1) reviseWithOtherSources(prepared, options, profileFor);
  return assemble(prepared, options, profileFor);
}

function prepareSource(input: SourceInput, options: AnalysisOptions): Prepared {
  const text = input.text;
  const lineSpans = splitLines(text);
  const profile = detectStopwords(sampleWords(text));
  const lines = classifyLines(text, lineSpans, profile, options.boilerplate);
  const lineSentences = lineSpans.map((span, i) =>
    lines[i].kind === 'blank' ? [] : segmentLine(text, span.start, span.end, profile),
  );
  return { input, lineSpans, profile, lines, lineSentences };
}

function sampleWords(text: string): string[] {
  // Long lines say most about the language; a sample keeps huge files cheap.
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return words(sample).map(w => w.toLowerCase());
}

const PROMOTION_SIMILARITY = 0.5;
const PROTECTED_REASONS = new Set(['copyright notice', 'form field', 'no words']);

/**
 * A boilerplate line whose sentence another source carries as article text is article text
 * too: a single page cannot tell a short paragraph from a teaser, but a second version can.
 */
function reviseWithOtherSources(prepared: Prepared[], options: AnalysisOptions, profileFor: (sentence: string) => BigramProfile): void {
  const records: (AlignRecord & { line: number; content: boolean })[] = [];
  prepared.forEach((p, source) => {
    p.lineSentences.forEach((spans, line) => {
      const verdict = p.lines[line];
      if (verdict.kind === 'blank') return;
      if (verdict.kind === 'boilerplate' && PROTECTED_REASONS.has(verdict.reason ?? '')) return;
      for (const s of spans) {
        const text = p.input.text.slice(s.start, s.end);
        if (verdict.kind === 'boilerplate' && words(text).length < 4) continue;
        records.push({ source, sentence: records.length, profile: profileFor(text), terms: [], line, content: verdict.kind === 'content' });
      }
    });
  });
  const threshold = Math.min(PROMOTION_SIMILARITY, options.align?.strongThreshold ?? PROMOTION_SIMILARITY);
  for (const pair of similarityJoin(records, threshold)) {
    const a = records[pair.a];
    const b = records[pair.b];
    if (a.content === b.content) continue;
    const promoted = a.content ? b : a;
    // Keyword and tag lists echo the story's words without a single function word.
    if (!hasFunctionWord(prepared[promoted.source].input.text, prepared[promoted.source].lineSpans[promoted.line], prepared[promoted.source].profile)) continue;
    const lines = prepared[promoted.source].lines;
    if (lines[promoted.line].kind === 'boilerplate') lines[promoted.line] = { kind: 'content' };
  }
}

/** A first sentence alone on its line with no final stop reads as a headline. */
function isHeadline(first: Sentence, next: Sentence | undefined): boolean {
  return (next === undefined || next.line !== first.line) && !/[.!?。؟…]["'”’»)]*$/u.test(first.text);
}

/** Content-word ids of a sentence: lower-cased, function words dropped, crudely stemmed. */
function contentTerms(sentence: string, stopwords: StopwordProfile, vocabulary: Map<string, number>): number[] {
  const ids = new Set<number>();
  for (const w of words(normalizeForComparison(sentence))) {
    if (stopwords.words.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    // A fixed-length prefix joins inflections ("stormed", "storming") in most alphabetic languages.
    const stem = /\d/.test(w) ? w : [...w].slice(0, 6).join('');
    let id = vocabulary.get(stem);
    if (id === undefined) vocabulary.set(stem, (id = vocabulary.size));
    ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

function hasFunctionWord(text: string, span: LineSpan, profile: StopwordProfile): boolean {
  return words(text.slice(span.start, span.end)).some(w => profile.words.has(w.toLowerCase()));
}

function profileOf(sentence: string): BigramProfile {
  return bigramProfile(normalizeForComparison(sentence));
}

function assemble(prepared: readonly Prepared[], options: AnalysisOptions, profileFor: (sentence: string) => BigramProfile): CorpusAnalysis {
  const sentencesBySource: Sentence[][] = prepared.map(p => {
    const out: Sentence[] = [];
    p.lineSentences.forEach((spans, line) => {
      if (p.lines[line].kind !== 'content') return;
      for (const s of spans) out.push({ start: s.start, end: s.end, line, text: p.input.text.slice(s.start, s.end) });
    });
    return out;
  });
  const records: AlignRecord[] = [];
  const vocabulary = new Map<string, number>();
  sentencesBySource.forEach((list, source) =>
    list.forEach((s, sentence) =>
      records.push({
        source,
        sentence,
        profile: profileFor(s.text),
        terms: contentTerms(s.text, prepared[source].profile, vocabulary),
        headline: sentence === 0 && isHeadline(s, list[1]),
      }),
    ),
  );
  const recordGroups = groupRecords(records, options.align);

  const groups: SentenceGroup[] = recordGroups.map(g => {
    const anchor = pickAnchor(g.records.map(r => records[r].profile));
    const anchorProfile = records[g.records[anchor]].profile;
    const members = g.records.map((r, i) => ({
      source: records[r].source,
      sentence: records[r].sentence,
      similarity: i === anchor ? 1 : profileSimilarity(records[r].profile, anchorProfile),
    }));
    return { members, anchor, sourceCount: new Set(members.map(m => m.source)).size };
  });
  const firstPlace = (g: SentenceGroup) => g.members[0].source * 1e9 + g.members[0].sentence;
  groups.sort((x, y) => y.sourceCount - x.sourceCount || firstPlace(x) - firstPlace(y));

  const groupOf = sentencesBySource.map(list => new Array<number>(list.length).fill(-1));
  groups.forEach((g, gi) => g.members.forEach(m => (groupOf[m.source][m.sentence] = gi)));

  return {
    sources: prepared.map((p, i) => ({
      id: p.input.id,
      language: p.profile.language,
      contentHash: hashText(p.input.text),
      lines: p.lines,
      lineSpans: p.lineSpans,
      sentences: sentencesBySource[i],
      groupOfSentence: groupOf[i],
    })),
    groups,
  };
}

function pickAnchor(profiles: readonly BigramProfile[]): number {
  let best = 0;
  let bestSum = -1;
  for (let i = 0; i < profiles.length; i++) {
    let sum = 0;
    for (let j = 0; j < profiles.length; j++) if (i !== j) sum += profileSimilarity(profiles[i], profiles[j]);
    if (sum > bestSum + 1e-12) {
      bestSum = sum;
      best = i;
    }
  }
  return best;
}

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
 * O(G log G) per other source, G the number of groups the two sources share.
 */
export function counterparts(analysis: CorpusAnalysis, source: number, sentence: number): Counterpart[] {
  const gi = analysis.sources[source]?.groupOfSentence[sentence] ?? -1;
  if (gi < 0) return [];
  const group = analysis.groups[gi];
  const own = analysis.sources[source].sentences[sentence];
  const ownProfile = profileOf(own.text);
  const out: Counterpart[] = [];
  for (const m of group.members) {
    if (m.source === source) continue;
    const other = analysis.sources[m.source].sentences[m.sentence];
    out.push({
      source: m.source,
      sentence: m.sentence,
      similarity: profileSimilarity(ownProfile, profileOf(other.text)),
      moved: movedBetween(analysis, source, m.source).has(gi),
    });
  }
  return out;
}

/**
 * Groups shared by two sources whose order in `b` disagrees with their order in `a`.
 * O(G log G) in the number of shared groups.
 */
export function movedBetween(analysis: CorpusAnalysis, a: number, b: number): Set<number> {
  const firstIndex = (source: number, g: SentenceGroup) =>
    Math.min(...g.members.filter(m => m.source === source).map(m => m.sentence));
  const shared: { group: number; inA: number; inB: number }[] = [];
  analysis.groups.forEach((g, gi) => {
    let hasA = false;
    let hasB = false;
    for (const m of g.members) {
      if (m.source === a) hasA = true;
      if (m.source === b) hasB = true;
    }
    if (hasA && hasB) shared.push({ group: gi, inA: firstIndex(a, g), inB: firstIndex(b, g) });
  });
  shared.sort((x, y) => x.inA - y.inA);
  const flags = outOfOrder(shared.map(s => s.inB));
  return new Set(shared.filter((_, i) => flags[i]).map(s => s.group));
}
