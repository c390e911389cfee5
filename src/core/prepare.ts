/**
 * Stage 1, one source on its own: lines, language, line verdicts from the page alone, and the
 * sentences the later stages compare. A hard-wrapped page (`hardWrap.ts`) is read a paragraph
 * at a time: the line classifier reads each paragraph as one line and gives its verdict to
 * every line of it, and sentences are cut from the whole paragraph, so one may run over
 * several lines. Independent of every other source, so a large corpus can
 * be prepared in several threads and handed to `Analyzer.adopt`.
 */
import { LineVerdict, classifyLines } from './boilerplate';
import { WrappedParagraph, detectHardWrap } from './hardWrap';
import { LineFeatureMemo } from './lineFeatures';
import { segmentLine } from './sentences';
import { StopwordProfile, functionWordCounts, stopwordsFromCounts } from './stopwords';
import { LineSpan, collapseSpaces, hashText, lfLineOfLines, lowerCaseWords, normalizeForComparison, splitLines, words } from './text';
import type { AnalysisOptions, PreparedSentence, PreparedSource } from './types';

/**
 * Prepares one source: input its text, output its `PreparedSource`. O(n) in the text length.
 */
export function prepareSource(text: string, options: AnalysisOptions = {}): PreparedSource {
  return prepare(text, hashText(text), options);
}

/**
 * Prepares several sources, each as `prepareSource` does, reading each distinct line once for
 * them all: the versions of one story share most of their lines. O(n) in the texts' length.
 */
export function prepareSources(texts: readonly string[], options: AnalysisOptions = {}): PreparedSource[] {
  const memo = new PreparationMemo();
  return texts.map(text => prepare(text, hashText(text), options, memo));
}

/**
 * Prepares the texts whose indices `claim()` hands out, one claim after another, until it hands
 * out one past the end; each distinct line read once for them all, as `prepareSources` does.
 * Threads that share one counter as `claim` split the texts between them as they go, so none
 * waits for another that drew the longer texts. Output: each claimed index with its prepared
 * source, in the order claimed. O(n) in the claimed texts' length.
 */
export function prepareClaimed(
  texts: readonly string[],
  claim: () => number,
  options: AnalysisOptions = {},
): { readonly index: number; readonly prepared: PreparedSource }[] {
  const memo = new PreparationMemo();
  const out: { index: number; prepared: PreparedSource }[] = [];
  for (let index = claim(); index < texts.length; index = claim()) {
    out.push({ index, prepared: prepare(texts[index], hashText(texts[index]), options, memo) });
  }
  return out;
}

/**
 * `prepareSource` for a text whose hash is known already. O(n) in the text length. `memo`
 * keeps what the text's lines give for the other sources prepared with it.
 */
export function prepare(text: string, hash: string, options: AnalysisOptions, memo = new PreparationMemo()): PreparedSource {
  const lineSpans = splitLines(text);
  const lineTexts = lineSpans.map(span => text.slice(span.start, span.end));
  const wrap = detectHardWrap(lineTexts, options.hardWrap);
  // A hard-wrapped page is read a paragraph at a time: each paragraph is one line of a reading
  // text, the page with the line breaks inside its paragraphs turned to spaces (offsets agree).
  const reading = wrap?.paragraphs.length ? paragraphReading(text, lineSpans, lineTexts, wrap.paragraphs) : undefined;
  const spans = reading?.spans ?? lineSpans;
  const unitTexts = reading?.texts ?? lineTexts;
  const known = unitTexts.map(line => memo.wordsOf(line));
  const unitWords = known.map(k => k.words);
  const unitWordsLower = known.map(k => k.lower);
  const profile = languageProfile(spans, known);
  const verdicts = classifyLines(
    reading?.text ?? text,
    spans,
    profile,
    options.boilerplate,
    unitWords,
    unitWordsLower,
    memo.lineFeatures,
    unitTexts,
  );
  const firstLines = reading?.firstLines;
  const sentencesOfLine = memo.sentencesUnder(profile);
  const sentences: PreparedSentence[] = [];
  spans.forEach((span, unit) => {
    const verdict = verdicts[unit];
    if (verdict.kind === 'blank') return;
    // Boilerplate that no other source can show to be article text needs no sentences.
    if (verdict.kind === 'boilerplate' && (PROTECTED_REASONS.has(verdict.reason ?? '') || unitWords[unit].length < MIN_PROMOTABLE_WORDS))
      return;
    const unitText = unitTexts[unit];
    let pieces = sentencesOfLine.get(unitText);
    if (!pieces) sentencesOfLine.set(unitText, (pieces = sentencePieces(unitText, profile, memo)));
    const line = firstLines ? firstLines[unit] : unit;
    for (const piece of pieces) {
      sentences.push({
        line,
        start: span.start + piece.start,
        end: span.start + piece.end,
        text: piece.text,
        form: piece.form,
        promotable: isPromotable(verdict, piece),
      });
    }
  });
  const lines = firstLines ? lineVerdicts(verdicts, firstLines, lineSpans.length) : verdicts;
  // Worked out once here, not by every analysis that reuses this source.
  const lfLineOfLine = hasLoneCr(text) ? lfLineOfLines(text, lineSpans) : undefined;
  return {
    text,
    hash,
    lineSpans,
    ...(lfLineOfLine ? { lfLineOfLine } : {}),
    profile,
    lines,
    sentences,
    ...(reading ? { paragraphs: wrap!.paragraphs } : {}),
  };
}

/** A hard-wrapped page as it is read: its text with the breaks inside paragraphs as spaces, and its units (a paragraph or a line each). */
interface ParagraphReading {
  readonly text: string;
  readonly spans: readonly LineSpan[];
  readonly texts: readonly string[];
  /** Per unit, the first line it holds. */
  readonly firstLines: readonly number[];
}

/**
 * The reading of a page whose `paragraphs` (in order, as `detectHardWrap` gives them) are read
 * as one line each. The reading text has the page's length: each line break inside a paragraph
 * (LF, CR LF or CR) becomes as many spaces. O(n) in the text length.
 */
function paragraphReading(
  text: string,
  lineSpans: readonly LineSpan[],
  lineTexts: readonly string[],
  paragraphs: readonly WrappedParagraph[],
): ParagraphReading {
  const pieces: string[] = [];
  const spans: LineSpan[] = [];
  const texts: string[] = [];
  const firstLines: number[] = [];
  let copied = 0;
  let next = 0;
  for (let line = 0; line < lineSpans.length; line++) {
    const paragraph = paragraphs[next];
    if (!paragraph || paragraph.first !== line) {
      spans.push(lineSpans[line]);
      texts.push(lineTexts[line]);
      firstLines.push(line);
      continue;
    }
    for (let l = paragraph.first; l < paragraph.last; l++) {
      const breakStart = lineSpans[l].end;
      const breakEnd = lineSpans[l + 1].start;
      pieces.push(text.slice(copied, breakStart), ' '.repeat(breakEnd - breakStart));
      copied = breakEnd;
    }
    const span = { start: lineSpans[paragraph.first].start, end: lineSpans[paragraph.last].end };
    spans.push(span);
    firstLines.push(line);
    texts.push('');
    line = paragraph.last;
    next++;
  }
  pieces.push(text.slice(copied));
  const reading = pieces.join('');
  // Paragraph texts are read from the reading text, once it is whole.
  spans.forEach((span, unit) => {
    if (texts[unit] === '' && span.end > span.start) texts[unit] = reading.slice(span.start, span.end);
  });
  return { text: reading, spans, texts, firstLines };
}

/** Each line's verdict: the verdict of the unit it stands in. O(lines). */
function lineVerdicts(verdicts: readonly LineVerdict[], firstLines: readonly number[], lineCount: number): LineVerdict[] {
  const out = new Array<LineVerdict>(lineCount);
  for (let unit = 0; unit < firstLines.length; unit++) {
    const end = unit + 1 < firstLines.length ? firstLines[unit + 1] : lineCount;
    for (let line = firstLines[unit]; line < end; line++) out[line] = verdicts[unit];
  }
  return out;
}

/**
 * What preparing reads from a line's text alone (its words, its sentences, its line features),
 * kept for the other sources prepared with the same memo: one per batch of sources, as it
 * grows with their distinct lines.
 */
export class PreparationMemo {
  readonly lineFeatures = new LineFeatureMemo();
  private readonly words = new Map<string, LineWords>();
  /** Each sentence text's compared form (`formOf`). */
  private readonly forms = new Map<string, string>();
  /** Per function-word list and language, the sentences of each line text. */
  private readonly sentences = new Map<ReadonlySet<string>, Map<string, Map<string, readonly SentencePiece[]>>>();

  /** The line's words, as they stand and lower-cased, and how many of them each function-word list holds. */
  wordsOf(line: string): LineWords {
    let known = this.words.get(line);
    if (!known) {
      const ws = words(line);
      // Every field set here, so that all entries share one shape.
      known = { words: ws, lower: lowerCaseWords(line, ws), functionWords: undefined };
      this.words.set(line, known);
    }
    return known;
  }

  /**
   * `comparedForm(sentence)`, kept by the sentence's text: one sentence stands in many line
   * texts (versions that add or drop a sentence of a paragraph), and half the sentences of the
   * benchmark's corpora had been given their form before.
   */
  formOf(sentence: string): string {
    let form = this.forms.get(sentence);
    if (form === undefined) this.forms.set(sentence, (form = comparedForm(sentence)));
    return form;
  }

  /** The sentences of line texts segmented with `profile`, by line text; the caller fills it. */
  sentencesUnder(profile: StopwordProfile): Map<string, readonly SentencePiece[]> {
    let byLanguage = this.sentences.get(profile.words);
    if (!byLanguage) this.sentences.set(profile.words, (byLanguage = new Map()));
    let lines = byLanguage.get(profile.language);
    if (!lines) byLanguage.set(profile.language, (lines = new Map()));
    return lines;
  }
}

interface LineWords {
  readonly words: readonly string[];
  readonly lower: readonly string[];
  /** `functionWordCounts(lower)`, once asked for. */
  functionWords?: Uint32Array;
}

/** A sentence of a line: `[start, end)` in the line, its text and compared form; its word count once asked for. */
interface SentencePiece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly form: string;
  wordCount?: number;
}

function sentencePieces(line: string, profile: StopwordProfile, memo: PreparationMemo): SentencePiece[] {
  return segmentLine(line, 0, line.length, profile).map(s => {
    const text = line.slice(s.start, s.end);
    return { start: s.start, end: s.end, text, form: memo.formOf(text) };
  });
}

const PROTECTED_REASONS = new Set(['copyright notice', 'form field', 'no words']);
const MIN_PROMOTABLE_WORDS = 4;
const LANGUAGE_SAMPLE_CHARS = 200_000;

function hasLoneCr(text: string): boolean {
  // Most texts hold no CR at all: `indexOf` finds that without the pattern's pass.
  const cr = text.indexOf('\r');
  return cr >= 0 && LONE_CR.test(text.slice(cr));
}

const LONE_CR = /\r(?!\n)/;

function comparedForm(sentence: string): string {
  return collapseSpaces(normalizeForComparison(sentence));
}

/**
 * The page's function words, guessed from the words of its first 200,000 characters as
 * `detectStopwords(those words)` guesses them: from counts kept per line text, summed. O(lines).
 */
function languageProfile(lineSpans: readonly LineSpan[], lineWords: readonly LineWords[]): StopwordProfile {
  let lines = 0;
  let count = 0;
  let sums: Uint32Array | undefined;
  for (; lines < lineSpans.length && lineSpans[lines].start < LANGUAGE_SAMPLE_CHARS; lines++) {
    const line = lineWords[lines];
    if (!line.lower.length) continue;
    count += line.lower.length;
    const counts = (line.functionWords ??= functionWordCounts(line.lower));
    if (!sums) sums = new Uint32Array(counts.length);
    for (let k = 0; k < counts.length; k++) sums[k] += counts[k];
  }
  return stopwordsFromCounts(sums ?? functionWordCounts([]), count, () => sampleWords(lineWords.slice(0, lines), count));
}

/** The lower-cased words of the lines, `count` in all. */
function sampleWords(lineWords: readonly LineWords[], count: number): string[] {
  // Sized once: growing the array word by word copies it over and over.
  const out = new Array<string>(count);
  let at = 0;
  for (const { lower } of lineWords) for (let k = 0; k < lower.length; k++) out[at++] = lower[k];
  return out;
}

/** Whether a boilerplate sentence is long enough, and its line's reason open to doubt, for another source to show it is article text. */
function isPromotable(verdict: LineVerdict, piece: SentencePiece): boolean {
  if (verdict.kind !== 'boilerplate' || PROTECTED_REASONS.has(verdict.reason ?? '')) return false;
  piece.wordCount ??= words(piece.text).length;
  return piece.wordCount >= MIN_PROMOTABLE_WORDS;
}
