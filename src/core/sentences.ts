/**
 * Sentence segmentation of one line: `Intl.Segmenter` (Unicode UAX #29, any script), with the
 * breaks it gets wrong on news text mended. It breaks after any period followed by a capital,
 * so "Mr. Smith", "U.S. President", "Sept. 13" and "J.P. Morgan" come out in pieces.
 */
import { StopwordProfile, isSentenceOpener } from './stopwords';

/** A sentence as `[start, end)` UTF-16 offsets into the document text, trimmed of spaces. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

// Abbreviations that are practically never the last word of a sentence.
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm',
  'cmdr', 'pres', 'rev', 'hon', 'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'cf', 'approx', 'dept', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'z.b', 'bzw', 'nr', 'ca', 'vgl', 'usw', 'u.a', 'd.h', 'т.е', 'т.к', 'т.д', 'т.п', 'г', 'гг', 'ул', 'им', 'см',
]);
// Abbreviations that may end a sentence: joined only when lower-case text follows.
const SOMETIMES_FINAL = new Set(['inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'etc', 'bros', 'al', 'llc', 'plc']);

/**
 * A line without these cannot hold a sentence break (UAX #29 breaks only after full stops,
 * "!", "?", other terminal punctuation and separators): printable ASCII other than ".!?", and
 * the list bullets "•" and "·". Lines with anything else go to the segmenter.
 */
const MAY_BREAK = /[^\t\x20-\x7e\u2022\u00b7]|[.!?]/;

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language === 'und' ? undefined : language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/**
 * Splits `text.slice(lineStart, lineEnd)` into sentences.
 * Leading list bullets and surrounding white space are left out of every span; a line with no
 * final punctuation (a headline) stays one sentence. O(line length).
 */
export function segmentLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  profile: StopwordProfile,
): SentenceSpan[] {
  const line = text.slice(lineStart, lineEnd);
  if (!MAY_BREAK.test(line)) {
    // Nothing in the line can end a sentence, so the segmenter would return it whole.
    const whole = trimSpan(line, 0, line.length);
    return whole ? [{ start: lineStart + whole.start, end: lineStart + whole.end }] : [];
  }
  const pieces: { start: number; end: number }[] = [];
  for (const [start, end] of segmentBounds(line, sentenceSegmenter(profile.language))) {
    const span = trimSpan(line, start, end);
    if (span) pieces.push(span);
  }
  const merged: { start: number; end: number }[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(line.slice(prev.start, prev.end), line.slice(piece.start, piece.end), profile)) {
      prev.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged.map(s => ({ start: lineStart + s.start, end: lineStart + s.end }));
}

const WINDOW = 8_192;
const WINDOW_MARGIN = 256;

/**
 * The segmenter's sentence bounds in `line`. Iterating V8's segments grows faster than
 * linearly with the string's length, so a long line is read in windows: each window's bounds
 * are kept up to the last one well before its end (where the segmenter saw enough of what
 * follows), and the next window starts there. O(n) overall.
 */
function* segmentBounds(line: string, segmenter: Intl.Segmenter): Generator<[number, number]> {
  let from = 0;
  while (from < line.length) {
    let size = WINDOW;
    for (;;) {
      const to = Math.min(line.length, from + size);
      const bounds: [number, number][] = [];
      for (const seg of segmenter.segment(line.slice(from, to))) bounds.push([from + seg.index, from + seg.index + seg.segment.length]);
      if (to === line.length) {
        yield* bounds;
        return;
      }
      // Keep the bounds that end well before the window's end; the rest is read again.
      let keep = bounds.length;
      while (keep > 0 && bounds[keep - 1][1] > to - WINDOW_MARGIN) keep--;
      if (keep === 0) {
        size *= 2;
        continue;
      }
      yield* bounds.slice(0, keep);
      from = bounds[keep - 1][1];
      break;
    }
  }
}

const BULLET = /^[\s\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*\-–—>]+/u;

function trimSpan(line: string, start: number, end: number): { start: number; end: number } | undefined {
  const lead = BULLET.exec(line.slice(start, end));
  if (lead) start += lead[0].length;
  while (end > start && /\s/.test(line[end - 1])) end--;
  while (start < end && /\s/.test(line[start])) start++;
  return end > start ? { start, end } : undefined;
}

function shouldJoin(previous: string, next: string, profile: StopwordProfile): boolean {
  // A piece with no letters ("1.", "—") belongs to its neighbour.
  if (!/\p{L}/u.test(next) || !/\p{L}/u.test(previous)) return true;
  const m = /(?:^|[\s(\["'“‘«])((?:\p{L}{1,4}\.)+)$/u.exec(previous);
  if (!m) return false;
  const abbreviation = m[1];
  const bare = abbreviation.slice(0, -1).toLowerCase();
  const nextWord = /^[\s"'“‘«(]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? '';
  const startsLower = /^\p{Ll}/u.test(nextWord) || /^\p{N}/u.test(nextWord);
  if (startsLower) return true;
  if (NEVER_FINAL.has(bare)) return true;
  if (SOMETIMES_FINAL.has(bare)) return false;
  const letters = abbreviation.split('.').filter(Boolean);
  // A single initial ("J." in "J. Smith") or a dotted initialism ("U.S.", "J.P."): joined unless a
  // function word opens what follows ("… in the U.S. The talks …").
  const isInitials = letters.every(l => l.length === 1 && /\p{Lu}/u.test(l));
  if (isInitials) return !isSentenceOpener(nextWord.toLowerCase(), profile);
  return false;
}
