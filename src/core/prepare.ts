/**
 * Stage 1, one source on its own: lines, language, line verdicts from the page alone, and the
 * sentences the later stages compare. Independent of every other source, so a large corpus can
 * be prepared in several threads and handed to `Analyzer.adopt`.
 */
import { LineVerdict, classifyLines } from './boilerplate';
import { segmentLine } from './sentences';
import { detectStopwords } from './stopwords';
import { LineSpan, collapseSpaces, hashText, lfLineOfLines, normalizeForComparison, splitLines, words } from './text';
import type { AnalysisOptions, PreparedSentence, PreparedSource } from './types';

/**
 * Prepares one source: input its text, output its `PreparedSource`. O(n) in the text length.
 */
export function prepareSource(text: string, options: AnalysisOptions = {}): PreparedSource {
  return prepare(text, hashText(text), options);
}

/** `prepareSource` for a text whose hash is known already. O(n) in the text length. */
export function prepare(text: string, hash: string, options: AnalysisOptions): PreparedSource {
  const lineSpans = splitLines(text);
  const lineWords = lineSpans.map(span => words(text.slice(span.start, span.end)));
  const lineWordsLower = lineWords.map((ws, line) => lowerCased(ws, text, lineSpans[line]));
  const profile = detectStopwords(sampleWords(lineSpans, lineWordsLower));
  const lines = classifyLines(text, lineSpans, profile, options.boilerplate, lineWords, lineWordsLower);
  const sentences: PreparedSentence[] = [];
  lineSpans.forEach((span, line) => {
    const verdict = lines[line];
    if (verdict.kind === 'blank') return;
    // Boilerplate that no other source can show to be article text needs no sentences.
    if (verdict.kind === 'boilerplate' && (PROTECTED_REASONS.has(verdict.reason ?? '') || lineWords[line].length < MIN_PROMOTABLE_WORDS))
      return;
    for (const s of segmentLine(text, span.start, span.end, profile)) {
      const sentence = text.slice(s.start, s.end);
      sentences.push({
        line,
        start: s.start,
        end: s.end,
        text: sentence,
        form: comparedForm(sentence),
        promotable: isPromotable(verdict, sentence),
      });
    }
  });
  // Worked out once here, not by every analysis that reuses this source.
  const lfLineOfLine = hasLoneCr(text) ? lfLineOfLines(text, lineSpans) : undefined;
  return { text, hash, lineSpans, ...(lfLineOfLine ? { lfLineOfLine } : {}), profile, lines, sentences };
}

/**
 * A line's words lower-cased, as `ws.map(w => w.toLowerCase())`: for a line without capitals
 * the same array, for another ASCII line the words of its lower-cased text (ASCII case changes
 * neither which characters form words nor their number), one string operation per line
 * instead of one per word.
 */
function lowerCased(ws: readonly string[], text: string, span: LineSpan): readonly string[] {
  if (ws.length === 0) return ws;
  const line = text.slice(span.start, span.end);
  const lower = line.toLowerCase();
  if (lower === line) return ws;
  if (NON_ASCII.test(line)) return ws.map(w => w.toLowerCase());
  return words(lower);
}

const NON_ASCII = /[^\x00-\x7f]/;

const PROTECTED_REASONS = new Set(['copyright notice', 'form field', 'no words']);
const MIN_PROMOTABLE_WORDS = 4;
const LANGUAGE_SAMPLE_CHARS = 200_000;

function hasLoneCr(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

function comparedForm(sentence: string): string {
  return collapseSpaces(normalizeForComparison(sentence));
}

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

/** Whether a boilerplate sentence is long enough, and its line's reason open to doubt, for another source to show it is article text. */
function isPromotable(verdict: LineVerdict, sentence: string): boolean {
  return verdict.kind === 'boilerplate' && !PROTECTED_REASONS.has(verdict.reason ?? '') && words(sentence).length >= MIN_PROMOTABLE_WORDS;
}
