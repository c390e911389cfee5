/**
 * Sentence segmentation of one line: Unicode UAX #29 sentence boundaries (any script), with the
 * breaks they get wrong on news text mended. UAX #29 breaks after any period followed by a
 * capital, so "Mr. Smith", "U.S. President", "Sept. 13" and "J.P. Morgan" come out in pieces.
 *
 * Lines written only in characters whose sentence-break class is known here (ASCII, Latin-1,
 * basic Cyrillic and Arabic letters, common quotes, dashes and symbols) are split by a direct
 * implementation of the UAX #29 rules; any other line goes to `Intl.Segmenter`. Both give the
 * same bounds (an oracle test checks it), and the direct path spares loading ICU's break data.
 */
import { barsAsDandas } from './barDandas';
import { numberLexicon } from './numbers';
import { windowedSegments } from './segmentWindows';
import { StopwordProfile, isSentenceOpener } from './stopwords';

/** A sentence as `[start, end)` UTF-16 offsets into the document text, trimmed of spaces. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

// Abbreviations that are practically never the last word of a sentence.
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'cmdr',
  'pres',
  'rev',
  'hon',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'cf',
  'approx',
  'dept',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'z.b',
  'bzw',
  'nr',
  'ca',
  'vgl',
  'usw',
  'u.a',
  'd.h',
  'т.е',
  'т.к',
  'т.д',
  'т.п',
  'г',
  'гг',
  'ул',
  'им',
  'см',
  // Titles, streets and "for example" in other languages written with letters of their own.
  'sra',
  'srta',
  'dra',
  'mme',
  'mlle',
  'mgr',
  'dott',
  'sig',
  'dhr',
  'mevr',
  'ing',
  'ul',
  'str',
  'esim',
  'napr',
  'tzv',
  'np',
  'проф',
  'акад',
  // Longer than `ABBREVIATION_END` reads, as "approx": told by `LONG_ABBREVIATION`.
  'aprox',
]);
/** A word of five or six letters and a full stop ending a piece: an abbreviation only where `NEVER_FINAL` lists it. */
const LONG_ABBREVIATION = /(?:^|[\s(["'“‘«])(\p{L}{5,6})\.$/u;
/**
 * Abbreviations that stand before a noun in one language, which it writes with a capital, and
 * may end a sentence: German scales ("2,5 Mio. Euro", but "Der Rekord lag bei 45 Mio. Der
 * Spieler …"); joined unless a function word opens what follows. Italian "mio" is "my".
 */
const BEFORE_NOUNS_OF_LANGUAGE: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set(['mio', 'mrd', 'tsd']),
};
/**
 * Letters of a script that writes its one-letter words onto the next word (Arabic "و", "ب", "ل"),
 * which stand alone before a full stop as a title before a name ("د. سامي", doctor), unless
 * what follows opens a sentence: a function word, or a word with the conjunction "و" before it
 * ("… فيتامين د. وينصح الأطباء …"). A letter after a year ("1990 م.") or naming a group ("المجموعة
 * أ.") ends a sentence as often, so only these are listed.
 */
const TITLE_LETTERS = new Set(['د']);
const CONJUNCTION_PREFIX = 'و';
/**
 * Titles that stand before a name in one language and may end a sentence in another: Spanish
 * and Portuguese "Sr." is "Señor", "Senhor", English "Sr." a suffix after the name
 * ("John Smith Sr.", see `SOMETIMES_FINAL`).
 */
const TITLES_OF_LANGUAGE: Readonly<Record<string, ReadonlySet<string>>> = {
  es: new Set(['sr', 'sres', 'srs']),
  pt: new Set(['sr', 'srs']),
  ca: new Set(['sr', 'srs']),
  gl: new Set(['sr', 'srs']),
};
/**
 * A piece that ends in a one-letter word in small letters and a full stop, and the next that
 * opens with a capital and a full stop: an abbreviation written with spaces between its parts
 * whose second part is a capital ("z. B.", "u. U.", "m. E."), where the pair is one of
 * `SPACED_PAIRS` or a word in small letters follows it. A sentence may end in a one-letter
 * word ("… is 300 m.", "… как и я.") before an initial ("J. Smith said"), so neither alone
 * tells. (A second part in small letters, "d. h.", is joined as any piece that opens so.)
 */
const SPACED_ABBREVIATION_START = /(?:^|\s)(\p{Ll})\.$/u;
const SPACED_ABBREVIATION_NEXT = /^(\p{Lu})\.\s*(\p{L})?/u;
/** German abbreviations written with a space and a capital: "z. B.", "u. U.", "m. E.", "z. T.", "d. R." (of "i. d. R."). */
const SPACED_PAIRS: ReadonlySet<string> = new Set(['zb', 'uu', 'me', 'zt', 'dr']);
// Signs for "number" that are also words: an abbreviation only before a number (a figure, which
// `shouldJoin` joins before any other test, or a Roman numeral of two letters or more).
const NUMBER_SIGNS = new Set(['no', 'nos', 'nr']);
const ROMAN_NUMERAL = /^[IVXLCDM]{2,}$/;
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
export function segmentLine(text: string, lineStart: number, lineEnd: number, profile: StopwordProfile): SentenceSpan[] {
  // Bars typed for dandas end sentences as dandas do; the spans are offsets, so they hold in the text as written.
  const line = barsAsDandas(text.slice(lineStart, lineEnd));
  if (!MAY_BREAK.test(line)) {
    // Nothing in the line can end a sentence, so the segmenter would return it whole.
    const whole = trimSpan(line, 0, line.length);
    return whole ? [{ start: lineStart + whole.start, end: lineStart + whole.end }] : [];
  }
  const pieces: { start: number; end: number }[] = [];
  const ends = uax29SentenceEnds(line);
  if (ends) {
    let start = 0;
    for (const end of ends) {
      const span = trimSpan(line, start, end);
      if (span) pieces.push(span);
      start = end;
    }
  } else {
    for (const [start, end] of segmentBounds(line, sentenceSegmenter(profile.language))) {
      const span = trimSpan(line, start, end);
      if (span) pieces.push(span);
    }
  }
  movePiecesOpeners(line, pieces);
  movePiecesSpacedClosers(line, pieces);
  const merged: { start: number; end: number }[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && shouldJoin(line.slice(prev.start, prev.end), line.slice(piece.start, piece.end), profile, line, piece.start)) {
      prev.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  const out: SentenceSpan[] = [];
  for (const s of merged) {
    let start = s.start;
    const figures = figureBreaks(line, s.start, s.end);
    const glued = gluedBreaks(line, s.start, s.end);
    for (const cut of figures.length ? [...glued, ...figures].sort((a, b) => a - b) : glued) {
      // A cut after a figure's break follows the spaces after the stop, which the sentence before leaves out.
      let before = cut;
      while (before > start && /\s/.test(line[before - 1])) before--;
      out.push({ start: lineStart + start, end: lineStart + before });
      start = cut;
    }
    out.push({ start: lineStart + start, end: lineStart + s.end });
  }
  return out;
}

/**
 * Opening marks that UAX #29 gives to the sentence before them: after a terminal it reads
 * every bracket and quotation mark as closing, so "…指摘する。「冬眠前…" ends in "「". An
 * opening bracket, or after an ideographic terminal an opening curly quote (Chinese writes
 * “…” the English way round; German closes with “, but after a full stop of its own).
 */
const OPENER = /[\p{Ps}“‘]/u;
const TRAILING_OPENERS = /(?:\p{Ps}|(?<=[。！？][\p{Pe}\p{Pf}]*)[“‘])+$/u;

/**
 * Moves each piece's trailing opening marks (`TRAILING_OPENERS`) to the start of the piece
 * after it, in place: they open that sentence. O(n) for the pieces' length.
 */
function movePiecesOpeners(line: string, pieces: { start: number; end: number }[]): void {
  for (let k = 0; k + 1 < pieces.length; k++) {
    const piece = pieces[k];
    // Most pieces end in a letter, a terminal or a closing mark: no pattern to run.
    if (!OPENER.test(line[piece.end - 1])) continue;
    const m = TRAILING_OPENERS.exec(line.slice(piece.start, piece.end));
    if (!m || m.index === 0) continue;
    const at = piece.start + m.index;
    piece.end = at;
    while (piece.end > piece.start && /\s/.test(line[piece.end - 1])) piece.end--;
    pieces[k + 1].start = at;
  }
}

// A word of five letters or more ending in a small letter, its full stop, space, and a figure
// followed by a word in small letters: "on Monday. 20 people" (not a citation's "Anaesthesiol. 2015; 28").
const FIGURE_AFTER_STOP = /(?<![\p{L}\p{M}])(\p{L}{4,}\p{Ll})\.\s+(?=\p{Nd}+(?:[.,]\p{Nd}+)*\s+\p{Ll})/gu;

/**
 * Where a sentence of `line[start, end)` opens with a figure and a word in small letters after
 * a sentence that ends in a word ("… on Monday. 20 people were hurt."): UAX #29 breaks after a
 * full stop only before a capital or where no small letter follows, and a figure then a word
 * in small letters is neither. A word of five letters or more before the stop that is no abbreviation `NEVER_FINAL`
 * or `SOMETIMES_FINAL` lists ends its sentence; a shorter one may be an abbreviation before a
 * figure ("ca. 20", "No. 5", "Art. 3") and keeps it. Returns the offsets the next sentences start
 * at, ascending. O(end - start).
 */
function figureBreaks(line: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  if (!mayHoldFigureAfterStop(line, start, end)) return cuts;
  const piece = line.slice(start, end);
  FIGURE_AFTER_STOP.lastIndex = 0;
  for (let m = FIGURE_AFTER_STOP.exec(piece); m; m = FIGURE_AFTER_STOP.exec(piece)) {
    const bare = m[1].toLowerCase();
    if (NEVER_FINAL.has(bare) || SOMETIMES_FINAL.has(bare)) continue;
    cuts.push(start + m.index + m[0].length);
  }
  return cuts;
}

/** Whether `line[start, end)` holds a full stop, spaces and an ASCII digit, which most matches of `FIGURE_AFTER_STOP` need; any other character after the spaces counts as a possible digit. O(end - start). */
function mayHoldFigureAfterStop(line: string, start: number, end: number): boolean {
  for (let dot = line.indexOf('. ', start + 1); dot >= 0 && dot < end - 2; dot = line.indexOf('. ', dot + 1)) {
    let k = dot + 1;
    while (k < end && line.charCodeAt(k) === 0x20) k++;
    const c = line.charCodeAt(k);
    if ((c >= 0x30 && c <= 0x39) || c > 0x7f) return true;
  }
  return false;
}

// A full stop between a lower-case letter and a capitalised word, with no space: "Monday.The".
const GLUED_STOP = /(\p{L}+)\.(?=\p{Lu}\p{Ll})/gu;

/**
 * Where a sentence of `line[start, end)` continues without a space after its full stop
 * ("on Monday.The talks"): UAX #29 breaks only after a space, so both paths leave these
 * joined. The word before the stop must end in a lower-case letter and not be an abbreviation,
 * and the token must not be a web or mail address. Returns the offsets the next sentences
 * start at, ascending. O(end - start).
 */
function gluedBreaks(line: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  if (!mayHoldGluedStop(line, start, end)) return cuts;
  const piece = line.slice(start, end);
  GLUED_STOP.lastIndex = 0;
  for (let m = GLUED_STOP.exec(piece); m; m = GLUED_STOP.exec(piece)) {
    const word = m[1];
    if (!/\p{Ll}$/u.test(word) || word.length < 2) continue;
    const bare = word.toLowerCase();
    if (NEVER_FINAL.has(bare) || SOMETIMES_FINAL.has(bare)) continue;
    // The whole non-space token: a web or mail address keeps its dots.
    const from = piece.lastIndexOf(' ', m.index) + 1;
    let to = piece.indexOf(' ', m.index);
    if (to < 0) to = piece.length;
    if (/[/@]|www|\.\p{L}+\./iu.test(piece.slice(from, to))) continue;
    cuts.push(start + m.index + word.length + 1);
  }
  return cuts;
}

/**
 * Whether `line[start, end)` holds a full stop with a letter before it and a capital then a
 * small letter after it, which every match of `GLUED_STOP` needs: ASCII letters are told apart
 * here, and so are capitals and small letters of the Basic Multilingual Plane (each code unit
 * looked up once per process); any other character above U+007F counts as a possible letter, so
 * the pattern's Unicode classes run only on the few sentences that may match (not on every one
 * with a closing quote after its full stop). O(end - start).
 */
export function mayHoldGluedStop(line: string, start: number, end: number): boolean {
  for (let dot = line.indexOf('.', start + 1); dot >= 0 && dot < end - 2; dot = line.indexOf('.', dot + 1)) {
    const after = line.charCodeAt(dot + 1);
    if (!(after >= 0x41 && after <= 0x5a) && !(after > 0x7f && caseOfUnit(after) & MAY_BE_CAPITAL)) continue;
    // A capital outside the BMP stands in two code units: what follows it is not looked at.
    if (!isSurrogate(after)) {
      const next = line.charCodeAt(dot + 2);
      if (!(next >= 0x61 && next <= 0x7a) && !(next > 0x7f && caseOfUnit(next) & MAY_BE_SMALL)) continue;
    }
    const before = line.charCodeAt(dot - 1);
    if ((before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a) || before > 0x7f) return true;
  }
  return false;
}

const LOOKED_AT = 1;
/** `\p{Lu}` matches the code unit, or it is a surrogate (half of a character that may be one). */
const MAY_BE_CAPITAL = 2;
/** `\p{Ll}` matches the code unit, or it is a surrogate. */
const MAY_BE_SMALL = 4;
/** Per code unit above U+007F, once looked at: `LOOKED_AT` with `MAY_BE_CAPITAL` and `MAY_BE_SMALL`. */
const unitCases = new Uint8Array(0x10000);

function caseOfUnit(code: number): number {
  let cases = unitCases[code];
  if (!cases) {
    const unit = String.fromCharCode(code);
    cases =
      LOOKED_AT |
      (isSurrogate(code) || /\p{Lu}/u.test(unit) ? MAY_BE_CAPITAL : 0) |
      (isSurrogate(code) || /\p{Ll}/u.test(unit) ? MAY_BE_SMALL : 0);
    unitCases[code] = cases;
  }
  return cases;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

// Sentence_Break classes (UAX #29) of the characters the direct path knows.
const OTHER = 0;
const SP = 1;
const LOWER = 2;
const UPPER = 3;
const OLETTER = 4;
const NUMERIC = 5;
const ATERM = 6;
const STERM = 7;
const CLOSE = 8;
const SCONTINUE = 9;
const UNKNOWN = 10;

const LOW_CLASSES = (() => {
  const table = new Uint8Array(0x700).fill(UNKNOWN);
  const set = (cls: number, from: number, to = from) => table.fill(cls, from, to + 1);
  set(SP, 0x09);
  set(OTHER, 0x20, 0x7e);
  set(SP, 0x20);
  set(NUMERIC, 0x30, 0x39);
  set(UPPER, 0x41, 0x5a);
  set(LOWER, 0x61, 0x7a);
  set(ATERM, 0x2e);
  for (const c of '!?') set(STERM, c.charCodeAt(0));
  for (const c of `"'()[]{}`) set(CLOSE, c.charCodeAt(0));
  for (const c of ',-:;') set(SCONTINUE, c.charCodeAt(0));
  set(SP, 0xa0);
  for (const c of [0xa3, 0xa5, 0xa7, 0xa9, 0xae, 0xb0, 0xb7, 0xd7, 0xf7]) set(OTHER, c);
  for (const c of [0xab, 0xbb]) set(CLOSE, c);
  set(UPPER, 0xc0, 0xd6);
  set(UPPER, 0xd8, 0xde);
  set(LOWER, 0xdf, 0xf6);
  set(LOWER, 0xf8, 0xff);
  set(UPPER, 0x401);
  set(UPPER, 0x410, 0x42f);
  set(LOWER, 0x430, 0x44f);
  set(LOWER, 0x451);
  set(SCONTINUE, 0x60c);
  set(STERM, 0x61f);
  set(OLETTER, 0x621, 0x63a);
  set(OLETTER, 0x641, 0x64a);
  set(NUMERIC, 0x660, 0x669);
  return table;
})();

const HIGH_CLASSES = new Map<number, number>([
  ...[0x2013, 0x2014].map(c => [c, SCONTINUE] as const),
  ...[0x2018, 0x2019, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a].map(c => [c, CLOSE] as const),
  ...[
    0x2010, 0x2011, 0x2022, 0x2023, 0x2026, 0x2032, 0x2033, 0x2043, 0x20ac, 0x2116, 0x2122, 0x2190, 0x2192, 0x2219, 0x2501, 0x25a0, 0x25a1,
    0x25aa, 0x25ab, 0x25cb, 0x25cf, 0x25e6, 0x2605, 0x2606, 0x2630,
  ].map(c => [c, OTHER] as const),
]);

function sentenceClass(code: number): number {
  return code < 0x700 ? LOW_CLASSES[code] : (HIGH_CLASSES.get(code) ?? UNKNOWN);
}

/**
 * The ends of the UAX #29 sentences of `line`, in order (the last is `line.length`), or
 * undefined when the line holds a character whose class is not known here. The same bounds as
 * `Intl.Segmenter` with sentence granularity. O(n): the look-ahead after a period stops at the
 * next letter or terminal, so no character is looked at twice by it.
 */
export function uax29SentenceEnds(line: string): number[] | undefined {
  const n = line.length;
  const classes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = sentenceClass(line.charCodeAt(i));
    if (c === UNKNOWN) return undefined;
    classes[i] = c;
  }
  const ends: number[] = [];
  let i = 0;
  while (i < n) {
    const terminal = classes[i];
    if (terminal !== ATERM && terminal !== STERM) {
      i++;
      continue;
    }
    // A break can only come after the terminal, its closing marks and spaces (SB9–SB11).
    let next = i + 1;
    while (next < n && classes[next] === CLOSE) next++;
    while (next < n && classes[next] === SP) next++;
    if (next === n) break;
    const following = classes[next];
    let joined = following === ATERM || following === STERM || following === SCONTINUE; // SB8a
    if (!joined && terminal === ATERM) {
      const before = i > 0 ? classes[i - 1] : OTHER;
      if (next === i + 1 && following === NUMERIC)
        joined = true; // SB6: "3.5"
      else if (next === i + 1 && following === UPPER && (before === UPPER || before === LOWER))
        joined = true; // SB7: "U.S"
      else {
        // SB8: no break when the next letter, past anything that is not a letter or terminal, is lower case.
        let k = next;
        while (
          k < n &&
          classes[k] !== LOWER &&
          classes[k] !== UPPER &&
          classes[k] !== OLETTER &&
          classes[k] !== ATERM &&
          classes[k] !== STERM
        )
          k++;
        joined = k < n && classes[k] === LOWER;
      }
    }
    if (!joined) ends.push(next);
    i = next;
  }
  if (n > 0) ends.push(n);
  return ends;
}

/** The segmenter's sentence bounds in `line`, read in windows (`windowedSegments`). O(n). */
function* segmentBounds(line: string, segmenter: Intl.Segmenter): Generator<[number, number]> {
  for (const seg of windowedSegments(line, segmenter)) yield [seg.index, seg.index + seg.segment.length];
}

// A list's marker before a sentence: a bullet sign, or dashes followed by a space (a dash glued
// to what follows is a minus sign, "-5 degrees", or part of the sentence, and stays).
const BULLET = /^(?:[\s\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*>]|[-–—]+(?=\s))+/u;

function trimSpan(line: string, start: number, end: number): { start: number; end: number } | undefined {
  const lead = BULLET.exec(line.slice(start, end));
  if (lead) start += lead[0].length;
  while (end > start && /\s/.test(line[end - 1])) end--;
  while (start < end && /\s/.test(line[start])) start++;
  return end > start ? { start, end } : undefined;
}

/**
 * False where `ABBREVIATION_END` cannot match `text`'s last word: it does not end in a full
 * stop, or five ASCII letters stand right before that stop (the pattern's last piece holds at
 * most four letters, and the letter before it is neither a stop nor one of the marks that may
 * open it). Most sentences end so, and this reads at most six characters where the pattern
 * tries every start in the word. O(1).
 */
export function mayEndInAbbreviation(text: string): boolean {
  const stop = text.length - 1;
  if (stop < 0 || text.charCodeAt(stop) !== 0x2e) return false;
  if (stop < 5) return true;
  for (let i = stop - 5; i < stop; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) return true;
  }
  return false;
}

/**
 * An abbreviation ending a word: one to four letters (each with its marks: "डॉ.") and a full
 * stop, once or more ("U.S.", "Gen."), after a space, an opening mark or nothing.
 */
export const ABBREVIATION_END = /(?:^|[\s(["'“‘«])((?:(?:\p{L}\p{M}*){1,4}\.)+)$/u;

/**
 * Letters of a script without capitals, in which an abbreviation cannot be told by the case of
 * the next word; not Hangul, as Korean ends its sentences with full stops after short words.
 */
const CASELESS_LETTER = /^(?!\p{Script=Hangul})\p{Lo}/u;
const GEORGIAN = /^\p{Script=Georgian}/u;
/** The letters of a word, its marks not counted ("डॉ" is one). */
function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}
/**
 * Closing quotation marks set apart from the terminal they follow, as French sets its
 * guillemets ("« Il faut partir ! »"): UAX #29 keeps a closing mark with the sentence only
 * right after its terminal, so it opens the next piece. A mark followed by a letter or a digit
 * opens what follows (German and Danish open with "»"), so only one followed by a space, a
 * punctuation mark or the piece's end is taken, and only a mark that closes (a straight quote
 * set apart opens as often: `… he said. " You have …`).
 */
const SPACED_CLOSERS = /^[\p{Pe}\p{Pf}]+(?=[\s\p{P}]|$)/u;
/**
 * A piece that ends with a question or exclamation mark inside quotation marks: closing ones,
 * and the marks German closes with ("“", "‘", "«"), which UAX #29 gives the next piece where
 * they open a quotation after a space.
 */
const QUOTED_TERMINAL_END = /[!?！？‼⁇⁈⁉]\s*[\p{Pe}\p{Pf}«»"'“‘]+$/u;
/** How much of the end of a piece `QUOTED_TERMINAL_END` reads: a joined piece grows, and the pattern would try every start in it. */
const QUOTED_TERMINAL_REACH = 16;
/** The first letter of a piece, after the punctuation and spaces that open it. */
const FIRST_LETTER = /^[\s\p{P}\p{S}]*(\p{L})/u;

/**
 * Moves a piece's leading spaced closing marks (`SPACED_CLOSERS`) to the end of the piece before
 * it, in place, where that piece ends with a sentence terminal: they close its quotation.
 * O(n) for the pieces' length.
 */
function movePiecesSpacedClosers(line: string, pieces: { start: number; end: number }[]): void {
  for (let k = 1; k < pieces.length; k++) {
    const piece = pieces[k];
    // Most pieces open with a letter: no pattern to run.
    if (/[\p{L}\p{N}]/u.test(line[piece.start]) || !/[.!?。！？‼⁇⁈⁉]\s*$/u.test(line.slice(pieces[k - 1].start, pieces[k - 1].end)))
      continue;
    const m = SPACED_CLOSERS.exec(line.slice(piece.start, piece.end));
    if (!m) continue;
    pieces[k - 1].end = piece.start + m[0].length;
    piece.start += m[0].length;
    while (piece.start < piece.end && /\s/u.test(line[piece.start])) piece.start++;
  }
  for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k].start >= pieces[k].end) pieces.splice(k, 1);
}

/** Scripts that end no sentence with a full stop: Thai, Lao and Khmer set none, the others their own. */
const NO_FULL_STOP_SCRIPT = /^[\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Ethiopic}\p{scx=Tibetan}]/u;
/** Sentence terminals of scripts' own (danda, Ethiopic, Armenian, Myanmar and Tibetan stops, the ideographic full stop). */
const OWN_STOP = /[।॥።։။།。]/u;

function shouldJoin(previous: string, next: string, profile: StopwordProfile, line: string, nextStart: number): boolean {
  // A piece with no letters ("1.", "—") belongs to its neighbour.
  if (!/\p{L}/u.test(next) || !/\p{L}/u.test(previous)) return true;
  if (DAY_ORDINAL_END.test(previous) && isDayOrdinalDate(next, profile.language)) return true;
  if (insideCornerBrackets(previous, line, nextStart)) return true;
  // Japanese closes a quotation in corner brackets and goes on with the particle that makes it
  // what the verb after it says (「…です。」と話した): no sentence opens with that particle.
  if (/[」』]$/u.test(previous) && QUOTATIVE_PARTICLE.test(next)) return true;
  // Burmese "၊" is a comma (its full stop is "။"), though UAX #29 ends a sentence at it.
  if (previous.endsWith('၊')) return true;
  // A quoted question or exclamation and its attribution are one sentence ("“Why now?” she
  // asked", "« Il faut partir ! », s'indigne-t-elle"): in a script with capitals no sentence
  // opens with a small letter (Georgian writes all of them in small letters). UAX #29 joins so
  // only after a full stop.
  if (QUOTED_TERMINAL_END.test(previous.slice(-QUOTED_TERMINAL_REACH))) {
    const letter = FIRST_LETTER.exec(next)?.[1] ?? '';
    if (/\p{Ll}/u.test(letter) && !GEORGIAN.test(letter)) return true;
  }
  const spacedStart = SPACED_ABBREVIATION_START.exec(previous.slice(-3));
  const spacedNext = spacedStart ? SPACED_ABBREVIATION_NEXT.exec(next) : null;
  if (spacedNext && (SPACED_PAIRS.has(`${spacedStart![1]}${spacedNext[1].toLowerCase()}`) || /\p{Ll}/u.test(spacedNext[2] ?? '')))
    return true;
  // The abbreviation holds no space, so the last word is all the patterns need to see.
  const lastWord = previous.slice(previous.lastIndexOf(' ') + 1);
  const m = mayEndInAbbreviation(previous) ? ABBREVIATION_END.exec(lastWord) : null;
  if (!m) {
    // A word of five or six letters, its stop and perhaps an opening mark: eight characters at most.
    const long = lastWord.length <= 8 && previous.endsWith('.') ? LONG_ABBREVIATION.exec(lastWord) : null;
    return long !== null && NEVER_FINAL.has(long[1].toLowerCase());
  }
  const abbreviation = m[1];
  const bare = abbreviation.slice(0, -1).toLowerCase();
  const nextWord = /^[\s"'“‘«(]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? '';
  const letters = abbreviation.split('.').filter(Boolean);
  // Georgian writes its sentences in small letters, so the case of the next word tells nothing:
  // an abbreviation is one of one or two letters a piece ("ქ.", "ე.წ.", "ა.შ."), not "იყო.".
  if (GEORGIAN.test(abbreviation)) return letters.every(l => letterCount(l) <= 2);
  const startsLower = /^\p{Ll}/u.test(nextWord) || /^\p{N}/u.test(nextWord);
  if (startsLower) return true;
  // In a script without capitals, a full stop after a short word is an abbreviation's where the
  // script ends its sentences otherwise ("กทม.", "ዓ.ም"), or where the sentence it stands in ends
  // with the script's own stop and the word has one letter ("डॉ. शर्मा ने कहा … है।"):
  // a Hindi page written with full stops keeps its breaks.
  if (CASELESS_LETTER.test(abbreviation))
    return (
      NO_FULL_STOP_SCRIPT.test(abbreviation) ||
      (letters.every(l => letterCount(l) <= 1) && OWN_STOP.test(next)) ||
      (TITLE_LETTERS.has(bare) && !nextWord.startsWith(CONJUNCTION_PREFIX) && !isSentenceOpener(nextWord, profile))
    );
  // "No." is the word "no" ending a reply ("No. I have …") unless a number follows it.
  if (NUMBER_SIGNS.has(bare)) return ROMAN_NUMERAL.test(nextWord);
  if (NEVER_FINAL.has(bare) || TITLES_OF_LANGUAGE[profile.language]?.has(bare)) return true;
  if (BEFORE_NOUNS_OF_LANGUAGE[profile.language]?.has(bare)) return !isSentenceOpener(nextWord.toLowerCase(), profile);
  // "at 6 a.m. Wednesday": a time of day is often followed by its day's name, which a capital
  // opens in English as in a new sentence.
  // A weekday's possessive opens a sentence of its own ("… at 8 p.m. Wednesday's results …").
  if (
    MERIDIEM_MARKS.has(bare) &&
    /\p{N}\s*$/u.test(previous.slice(0, -abbreviation.length)) &&
    isWeekdayName(nextWord, profile.language) &&
    !POSSESSIVE_START.test(next)
  )
    return true;
  if (SOMETIMES_FINAL.has(bare)) return false;
  // A single initial ("J." in "J. Smith") or a dotted initialism ("U.S.", "J.P."): joined unless a
  // function word opens what follows ("… in the U.S. The talks …").
  const isInitials = letters.every(l => l.length === 1 && /\p{Lu}/u.test(l));
  if (isInitials) return !isSentenceOpener(nextWord.toLowerCase(), profile);
  return false;
}

/**
 * Whether the break falls inside a quotation in corner brackets that the line closes further on
 * ("「…来ていた。夜は…」と話した。"): Japanese and Chinese quote so within a sentence, whose verb
 * of saying follows the quotation, and the brackets open and close unambiguously (unlike
 * quotation marks, which languages pair differently). The brackets the piece before leaves
 * open must all be closed in the rest of the line, brackets opened there counted too.
 * O(n) in the line's length, and only where the piece before holds a corner bracket.
 */
function insideCornerBrackets(previous: string, line: string, nextStart: number): boolean {
  if (!previous.includes('「') && !previous.includes('『')) return false;
  let depth = 0;
  for (const c of previous) depth += c === '「' || c === '『' ? 1 : c === '」' || c === '』' ? -1 : 0;
  if (depth <= 0) return false;
  for (let i = nextStart; i < line.length; i++) {
    const c = line[i];
    if (c === '「' || c === '『') depth++;
    else if ((c === '」' || c === '』') && --depth === 0) return true;
  }
  return false;
}

/**
 * The Japanese quotative particles after a closing corner bracket: "って", and "と" before the
 * verb of saying or a comma ("と話した", "と述べ", "という", "との", "とした", "と、"), not
 * the words that open a sentence with "と" ("とても", "ところが", "ともに", "というのも",
 * "といっても").
 */
const QUOTATIVE_PARTICLE = /^\s*(?:って|と(?!いうのも|いっても|言っても)(?=[\p{Script=Han}、，いのし]))/u;

/** A piece that opens with a word and its possessive ending ("Wednesday's"). */
const POSSESSIVE_START = /^[\s"'“‘«(]*\p{L}+['’]s\b/u;
/** The marks of the half of the day written with full stops ("a.m.", "p.m."), without the last stop. */
const MERIDIEM_MARKS = new Set(['a.m', 'p.m']);
/** Whether `word` is the name of a weekday in `language` (`numberLexicon`'s date words, in any case). */
function isWeekdayName(word: string, language: string): boolean {
  return numberLexicon(language).dateWords.get(word.toLowerCase())?.startsWith('weekday:') === true;
}

/** A piece ending in a day of the month written as an ordinal with a full stop ("am 3.", "am 03."). */
const DAY_ORDINAL_END = /(?<![\p{N}.])(?:0?[1-9]|[12]\d|3[01])\.$/u;
const FIRST_WORD = /^[\s"'“‘«(]*(\p{L}+)/u;
/** Per language, the month names its dates write after a day with a full stop; empty where they write none so. */
const monthsAfterDayOrdinal = new Map<string, ReadonlySet<string>>();

/**
 * Whether `next` continues a date whose day the piece before it ends with ("am 3." "Oktober
 * 2023 …"): it opens with a month's name as the language's dates write it after a day, in a
 * language whose dates the runtime writes with the day as an ordinal with a full stop (German
 * "3. Oktober", Czech "3. října", Finnish "3. lokakuuta"). Only the long names: a short one is
 * often a word or a name too ("Jan", "svi"). In English, "until March 3. October …" is two
 * sentences.
 */
function isDayOrdinalDate(next: string, language: string): boolean {
  const word = FIRST_WORD.exec(next)?.[1];
  return word !== undefined && monthsAfterDayOrdinalOf(language).has(word.toLowerCase());
}

/** The month names `language` writes after a day with a full stop ("3. Oktober"), from the runtime's date formats; none where it writes dates otherwise. Once per language. */
function monthsAfterDayOrdinalOf(language: string): ReadonlySet<string> {
  let months = monthsAfterDayOrdinal.get(language);
  if (months === undefined) {
    const found = new Set<string>();
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(language).length) {
        const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' });
        for (let m = 0; m < 12; m++) {
          const date = new Date(Date.UTC(2021, m, 3));
          if (!/^\d+\.\s+\p{L}/u.test(format.format(date))) continue;
          for (const part of format.formatToParts(date)) if (part.type === 'month') found.add(part.value.toLowerCase());
        }
      }
    } catch {
      // A language tag the runtime cannot read writes no such dates.
    }
    monthsAfterDayOrdinal.set(language, (months = found));
  }
  return months;
}
