/**
 * Boilerplate lines of one page, found from the page alone.
 *
 * Every non-blank line gets a quality from what it shows (length, function-word share, final
 * punctuation, bullets, title case, copyright and form cues, repetition in the file). The
 * article is the run of lines with the largest sum of qualities (prose scores up, chrome
 * down), so short headings and one-line paragraphs inside the article stay with it while
 * menus, teasers and footers around it fall away. The headline is looked for just above.
 */
import { LineSpan, collapseSpaces, words } from './text';
import { StopwordProfile } from './stopwords';

export type LineKind = 'content' | 'boilerplate' | 'blank';

/** The verdict on one line; `reason` says in a few words why a line is boilerplate. */
export interface LineVerdict {
  readonly kind: LineKind;
  readonly reason?: string;
}

/** Tuning of the line classifier; every field has a default. */
export interface BoilerplateOptions {
  /** Words a line needs to count as a prose paragraph. Default 7. */
  readonly minProseWords?: number;
  /** Function-word share a prose line needs. Default 0.12. */
  readonly minStopwordShare?: number;
}

type Quality = 'prose' | 'neutral' | 'chrome';

interface LineFacts {
  readonly text: string;
  readonly words: readonly string[];
  /** `words`, lower-cased. */
  readonly lowerWords: readonly string[];
  readonly wordCount: number;
  readonly stopShare: number;
  readonly endsSentence: boolean;
  readonly bullet: boolean;
  /** Leading white space, and whether a list marker ("•", "1.") follows it. */
  readonly indent: number;
  readonly listMarker: boolean;
  readonly titleCaseShare: number;
  readonly quality: Quality;
  readonly reason?: string;
  /** Long enough, punctuated and dense in function words, whatever else marks it. */
  readonly proseLike?: boolean;
}

const TERMINAL = /[.!?。！？؟…।]["'”’»)\]]*$/u;
const BULLET_START = /^[\u2022\u25e6\u25aa\u25ab\u25a1\u25a0\u2023\u2043\u25cb\u25cf\u2606\u2605\u00b7\u2219*>]\s*|^[-–—]\s+/u;
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b/i;
const FORM_FIELD = /\[[ xX_]*\]|\{\*.*\*\}|_{4,}/u;

/**
 * Classifies each line of a page. `lines` come from `splitLines(text)`; the result has one
 * verdict per line, in order. `lineWords[i]`, when given, must be `words()` of line i, and
 * `lineWordsLower[i]` those words lower-cased (a caller that has them saves the work). O(n) in the text length.
 */
export function classifyLines(
  text: string,
  lines: readonly LineSpan[],
  profile: StopwordProfile,
  options: BoilerplateOptions = {},
  lineWords?: readonly (readonly string[])[],
  lineWordsLower?: readonly (readonly string[])[],
): LineVerdict[] {
  const minProseWords = options.minProseWords ?? 7;
  const minStopwordShare = options.minStopwordShare ?? 0.12;
  const raw = lines.map(l => text.slice(l.start, l.end));
  const keys = raw.map(normalizeLine);
  const repeats = countRepeats(keys);
  const facts = raw.map((line, i) =>
    lineFacts(line, lineWords?.[i] ?? words(line), lineWordsLower?.[i], repeats.get(keys[i]) ?? 0, profile, minProseWords, minStopwordShare),
  );
  markNavigationRuns(facts);

  const nonBlank = facts.map((f, i) => (f.text ? i : -1)).filter(i => i >= 0);
  const blocks = articleBlocks(facts, nonBlank);
  const headlines = blocks.length ? findHeadlines(facts, nonBlank, blocks[0]) : new Set<number>();
  const inArticle = (i: number) => blocks.some(b => i >= b.first && i <= b.last);

  return facts.map((f, i): LineVerdict => {
    if (!f.text) return BLANK;
    if (headlines.has(i)) return CONTENT;
    if (inArticle(i)) {
      if (f.quality === 'chrome' && isStrong(f)) return boilerplate(f.reason!);
      return CONTENT;
    }
    if (f.quality === 'chrome' && f.reason) return boilerplate(f.reason);
    if (!blocks.length) {
      // No article found: keep prose, mark the rest.
      return f.quality === 'prose' ? CONTENT : boilerplate('no sentence structure');
    }
    return boilerplate(f.quality === 'prose' ? 'outside the article' : 'short line outside the article');
  });
}

// Verdicts are read-only, so the lines with the same one share it.
const BLANK: LineVerdict = Object.freeze({ kind: 'blank' });
const CONTENT: LineVerdict = Object.freeze({ kind: 'content' });
const BOILERPLATE: ReadonlyMap<string, LineVerdict> = new Map(
  [
    'copyright notice', 'form field', 'list of short links', 'navigation list', 'no sentence structure', 'no words',
    'outside the article', 'repeated in this file', 'short line outside the article',
  ].map(reason => [reason, Object.freeze({ kind: 'boilerplate', reason })]),
);
function boilerplate(reason: string): LineVerdict {
  return BOILERPLATE.get(reason) ?? { kind: 'boilerplate', reason };
}

// Reasons strong enough to mark a line even inside the article.
const STRONG_REASONS = new Set(['copyright notice', 'repeated in this file', 'form field', 'navigation list']);

function isStrong(f: LineFacts): boolean {
  if (!f.reason || !STRONG_REASONS.has(f.reason)) return false;
  // A paragraph printed twice (a pull quote) keeps its place in the article.
  return !(f.reason === 'repeated in this file' && f.proseLike);
}

function normalizeLine(line: string): string {
  return collapseSpaces(line.trim()).toLowerCase();
}

function countRepeats(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function lineFacts(
  line: string,
  ws: readonly string[],
  lower: readonly string[] | undefined,
  repeatCount: number,
  profile: StopwordProfile,
  minProseWords: number,
  minStopwordShare: number,
): LineFacts {
  const text = line.trim();
  if (!text) return { text: '', words: [], lowerWords: [], wordCount: 0, stopShare: 0, endsSentence: false, bullet: false, indent: 0, listMarker: false, titleCaseShare: 0, quality: 'neutral' };
  const indent = line.length - line.trimStart().length;
  const bullet = BULLET_START.test(text);
  const listMarker = bullet || /^\d{1,3}[.)]\s/u.test(text);
  const lowerWords = lower ?? ws.map(w => w.toLowerCase());
  const wordCount = ws.length;
  let stops = 0;
  let capitalised = 0;
  let alphabetic = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (profile.words.has(lowerWords[i])) stops++;
    const initial = initialClass(w);
    if (initial !== NOT_LETTER) {
      alphabetic++;
      if (initial === UPPER) capitalised++;
    }
  }
  const stopShare = wordCount ? stops / wordCount : 0;
  const titleCaseShare = alphabetic ? capitalised / alphabetic : 0;
  const endsSentence = TERMINAL.test(text);
  const proseLike = wordCount >= minProseWords && stopShare >= minStopwordShare && endsSentence;
  const facts = (quality: Quality, reason?: string, prose?: boolean): LineFacts => ({
    text,
    words: ws,
    lowerWords,
    wordCount,
    stopShare,
    endsSentence,
    bullet,
    indent,
    listMarker,
    titleCaseShare,
    quality,
    reason,
    proseLike: prose,
  });

  if (!/[\p{L}]/u.test(text)) return facts('chrome', 'no words');
  if (COPYRIGHT.test(text) && wordCount < 60) return facts('chrome', 'copyright notice');
  if (FORM_FIELD.test(text)) return facts('chrome', 'form field');
  if (repeatCount > 1 && wordCount >= 2) return facts('chrome', 'repeated in this file', proseLike);
  if (proseLike && !(bullet && wordCount < 12)) return facts('prose');
  // Short bullets in title case are links; in running lower case they are list items (steps, ingredients).
  if (bullet && wordCount <= 12 && (titleCaseShare >= 0.5 || wordCount <= 1)) return facts('chrome', 'list of short links');
  if (wordCount <= 3 && !endsSentence) return facts('chrome', 'no sentence structure');
  if (wordCount >= 5 && titleCaseShare >= 0.9 && stopShare < 0.1 && !endsSentence) {
    return facts('chrome', 'navigation list');
  }
  return facts('neutral');
}

const NOT_LETTER = 0;
const LETTER = 1;
const UPPER = 2;

/** Whether a word starts with a letter, and an upper-case one; ASCII without a regular expression. */
function initialClass(word: string): number {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 97 && c <= 122) return LETTER;
  if (c < 128) return NOT_LETTER;
  if (!/^\p{L}/u.test(word)) return NOT_LETTER;
  return /^\p{Lu}/u.test(word) ? UPPER : LETTER;
}

/** Runs of three or more short bullet items are menus, wherever they stand. */
function markNavigationRuns(facts: LineFacts[]): void {
  let runStart = -1;
  const close = (end: number) => {
    if (runStart >= 0 && end - runStart >= 3) {
      for (let j = runStart; j < end; j++) {
        const f = facts[j];
        if (f.text && f.bullet && f.wordCount <= 4 && f.titleCaseShare >= 0.99 && !/\d/.test(f.text)) {
          facts[j] = { ...f, quality: 'chrome', reason: 'navigation list' };
        }
      }
    }
    runStart = -1;
  };
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!f.text) continue;
    const menuItem = f.bullet && f.wordCount <= 4 && f.titleCaseShare >= 0.99 && !/\d/.test(f.text);
    if (menuItem) {
      if (runStart < 0) runStart = i;
    } else {
      close(i);
    }
  }
  close(facts.length);
}

function lineScore(f: LineFacts): number {
  switch (f.quality) {
    case 'prose':
      return 4 + Math.min(f.wordCount, 40);
    case 'chrome':
      return -6;
    default:
      return f.endsSentence ? 0 : -2;
  }
}

interface Block {
  readonly first: number;
  readonly last: number;
}

/** The maximum-sum run of the non-blank lines `nonBlank[from..to)` (Kadane), as positions in `nonBlank`. */
function maxRun(scores: readonly number[], from: number, to: number): { from: number; to: number; sum: number } | undefined {
  let best = 0;
  let bestRun: { from: number; to: number; sum: number } | undefined;
  let sum = 0;
  let start = from;
  for (let k = from; k < to; k++) {
    if (sum <= 0) {
      sum = scores[k];
      start = k;
    } else {
      sum += scores[k];
    }
    if (sum > best) {
      best = sum;
      bestRun = { from: start, to: k + 1, sum };
    }
  }
  return bestRun;
}

const MIN_ARTICLE_PROSE_WORDS = 15;
const SECONDARY_MIN_SCORE = 40;
const SECONDARY_MAX_GAP = 20;
const TRAILING_LINES = 6;
const LEADING_LIST_LINES = 14;

/**
 * The article: the maximum-sum run of lines, then further runs close to it that hold at least
 * two prose paragraphs (a recipe card, a second part after an embedded block). Short lines
 * right after a run (a closing one-line quote, a graphic note) join it, and list items and
 * headings right before a further run (ingredients above the steps) join that run.
 */
export function articleBlocks(facts: readonly LineFacts[], nonBlank: readonly number[]): Block[] {
  const margin = proseMargin(facts, nonBlank);
  const scores = nonBlank.map(i => {
    const f = facts[i];
    // Prose set in from the page's prose margin is a box beside the article: it may join the
    // article, but cannot carry a run on its own.
    if (f.quality === 'prose' && !f.listMarker && f.indent !== margin) return 0;
    return lineScore(f);
  });
  const main = maxRun(scores, 0, nonBlank.length);
  if (!main || proseWords(facts, nonBlank, main.from, main.to) < MIN_ARTICLE_PROSE_WORDS) return [];
  const runs = [main];
  const queue: [number, number][] = [[0, main.from], [main.to, nonBlank.length]];
  while (queue.length) {
    const [from, to] = queue.pop()!;
    const run = maxRun(scores, from, to);
    if (!run || run.sum < SECONDARY_MIN_SCORE || proseLines(facts, nonBlank, run.from, run.to) < 2) continue;
    // Prose set in from the article's margin is a box beside it (newsletter blurb, teaser).
    if (indentedShare(facts, nonBlank, run.from, run.to) > 0.5 + indentedShare(facts, nonBlank, main.from, main.to)) continue;
    const gap = Math.min(...runs.map(r => (run.from >= r.to ? run.from - r.to : r.from - run.to)));
    if (gap > SECONDARY_MAX_GAP) continue;
    runs.push(run);
    queue.push([from, run.from], [run.to, to]);
  }
  runs.sort((a, b) => a.from - b.from);
  return runs.map((run, r) => {
    let from = run.from;
    let to = run.to;
    const limitAfter = r + 1 < runs.length ? runs[r + 1].from : nonBlank.length;
    while (to < limitAfter && to - run.to < TRAILING_LINES && joinsAfter(facts[nonBlank[to]])) to++;
    if (run !== main) {
      const limitBefore = r > 0 ? runs[r - 1].to : 0;
      while (from > limitBefore && run.from - from < LEADING_LIST_LINES && joinsBefore(facts[nonBlank[from - 1]])) from--;
    }
    return { first: nonBlank[from], last: nonBlank[to - 1] };
  });
}

function joinsAfter(f: LineFacts): boolean {
  return f.quality === 'neutral' && /\p{Ll}/u.test(f.text);
}

function joinsBefore(f: LineFacts): boolean {
  return f.quality !== 'prose' && !isStrong(f) && f.reason !== 'no words';
}

function proseWords(facts: readonly LineFacts[], nonBlank: readonly number[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (facts[nonBlank[k]].quality === 'prose') n += facts[nonBlank[k]].wordCount;
  return n;
}

/** The indentation most prose words of the page stand at. */
function proseMargin(facts: readonly LineFacts[], nonBlank: readonly number[]): number {
  const weight = new Map<number, number>();
  for (const i of nonBlank) {
    const f = facts[i];
    if (f.quality === 'prose' && !f.listMarker) weight.set(f.indent, (weight.get(f.indent) ?? 0) + f.wordCount);
  }
  let margin = 0;
  let best = -1;
  for (const [indent, w] of weight) if (w > best || (w === best && indent < margin)) [margin, best] = [indent, w];
  return margin;
}

/** Share of prose lines indented by two or more spaces without a list marker. */
function indentedShare(facts: readonly LineFacts[], nonBlank: readonly number[], from: number, to: number): number {
  let prose = 0;
  let indented = 0;
  for (let k = from; k < to; k++) {
    const f = facts[nonBlank[k]];
    if (f.quality !== 'prose') continue;
    prose++;
    if (f.indent >= 2 && !f.listMarker) indented++;
  }
  return prose ? indented / prose : 0;
}

function proseLines(facts: readonly LineFacts[], nonBlank: readonly number[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (facts[nonBlank[k]].quality === 'prose') n++;
  return n;
}

/**
 * The headline usually stands a few lines above the article, among bylines and dates, and
 * shares words with the article body. Returns the lines that look like it.
 */
function findHeadlines(facts: readonly LineFacts[], nonBlank: readonly number[], block: Block): Set<number> {
  const bodyWords = new Set<string>();
  for (let i = block.first; i <= block.last; i++) {
    if (facts[i].quality !== 'prose') continue;
    const { words: ws, lowerWords } = facts[i];
    for (let k = 0; k < ws.length; k++) if (ws[k].length > 3) bodyWords.add(lowerWords[k]);
  }
  const startK = nonBlank.indexOf(block.first);
  const found = new Set<number>();
  let best = -1;
  let bestScore = 0;
  for (let k = startK - 1; k >= 0 && startK - k <= 12; k--) {
    const i = nonBlank[k];
    const f = facts[i];
    if (f.bullet || f.wordCount < 3 || f.wordCount > 30 || f.reason === 'form field') continue;
    if (isStrong(f) && f.reason !== 'repeated in this file') continue;
    let long = 0;
    let shared = 0;
    for (let k = 0; k < f.words.length; k++) {
      if (f.words[k].length <= 3) continue;
      long++;
      if (bodyWords.has(f.lowerWords[k])) shared++;
    }
    if (!long) continue;
    const score = shared / long;
    if (shared < 2) continue;
    if (score >= 0.6) found.add(i);
    if (score >= 0.4 && score >= bestScore) {
      bestScore = score;
      best = i;
    }
  }
  if (best >= 0) found.add(best);
  return found;
}
