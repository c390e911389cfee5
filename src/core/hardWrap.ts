/**
 * Hard-wrapped text: a page (an e-mail, wire copy, a plain-text draft) whose paragraphs were
 * broken into lines of at most some width by a greedy wrapper, which puts on each line as many
 * words as fit and moves the word that would not fit to the next line.
 *
 * The width is read from the page itself. A line ending before column W, followed by a line
 * whose first word would have taken it past W, is a break at W; only a line over half of W
 * counts, as a greedy wrapper leaves a line that short only before a word as long as half the
 * line. The page is wrapped at the width with the most breaks, when the breaks are many and
 * make up most of the lines that are long for that width: few lines run past it (a line with
 * no space to break at within the width, a long address or a rule, runs past it in any wrapped
 * text and is not counted), and most lines between half of it and it end in a break. A page of
 * one paragraph a line has its prose lines far past any width, and a menu or a list of short
 * lines never fills a line to its width; neither is wrapped. A paragraph is then a run of
 * lines each ending in a break, and the line after the last of them, unless the page prints
 * that line again where it follows no break (a line of its own: "Advertisement" between
 * paragraphs set without blank lines).
 *
 * Input: the page's lines (without their terminators). Output: the width and the paragraphs of
 * two or more lines, or undefined for a page that is not hard-wrapped. O(lines + maxWidth), and
 * the lines' length for a wrapped page.
 */

import { repeatKey } from './lineFeatures';

/** Tuning of the detection; every field has a default. */
export interface HardWrapOptions {
  /** Narrowest width looked for. Default 40: narrower lines are menus and lists, not wrapped prose. */
  readonly minWidth?: number;
  /** Widest width looked for. Default 200. */
  readonly maxWidth?: number;
  /** Fewest breaks a wrapped page shows. Default 3. */
  readonly minBreaks?: number;
  /** Lowest share of breaks among the breaks and the lines that run past the width with a space to break at within it. Default 0.75. */
  readonly minBreakShare?: number;
  /**
   * Lowest share of breaks among the lines over half the width that a non-blank line follows
   * (a wrapped paragraph's lines but its last). Default 0.4.
   */
  readonly minFullShare?: number;
}

/** Lines `first` to `last` (inclusive, `first < last`) that hold one paragraph. */
export interface WrappedParagraph {
  readonly first: number;
  readonly last: number;
}

/** A hard-wrapped page: the width its lines were wrapped at, and its paragraphs of two or more lines, in order. */
export interface HardWrap {
  readonly width: number;
  readonly paragraphs: readonly WrappedParagraph[];
}

/**
 * See the module comment. O(lines + maxWidth), and the lines' length for a wrapped page; a page
 * with no line long enough to be broken costs one pass over its lines.
 */
export function detectHardWrap(lines: readonly string[], options: HardWrapOptions = {}): HardWrap | undefined {
  const minWidth = options.minWidth ?? 40;
  const maxWidth = options.maxWidth ?? 200;
  const minBreaks = options.minBreaks ?? 3;
  const n = lines.length;
  // A line of white space alone has length 0: blank.
  const lengths = Int32Array.from(lines, trimmedEnd);
  let candidates = 0;
  // A break needs a line over half of the narrowest width with a non-blank line after it.
  for (let i = 0; i + 1 < n; i++) if (2 * lengths[i] > minWidth && lengths[i + 1] > 0) candidates++;
  if (candidates < minBreaks) return undefined;

  // Per width W (difference arrays): breaks at W, lines over half of W a non-blank line follows
  // that are no longer than W, and lines of each length.
  const breaks = new Int32Array(maxWidth + 2);
  const halfFull = new Int32Array(maxWidth + 2);
  const overlong = new Int32Array(maxWidth + 2);
  for (let i = 0; i < n; i++) {
    const length = lengths[i];
    if (length === 0) continue;
    if (length > minWidth) {
      // Longer than W and breakable within it: W in [first space after a word, length - 1].
      const from = Math.max(firstBreak(lines[i]), minWidth);
      const to = Math.min(length - 1, maxWidth);
      if (from <= to) {
        overlong[from]++;
        overlong[to + 1]--;
      }
    }
    if (i + 1 >= n || lengths[i + 1] === 0) continue;
    // W in [length, 2 · length - 1]: the line is over half of W and within it.
    const from = Math.max(length, minWidth);
    const halfTo = Math.min(2 * length - 1, maxWidth);
    if (from > halfTo) continue;
    halfFull[from]++;
    halfFull[halfTo + 1]--;
    const breakTo = Math.min(halfTo, length + firstWordLength(lines[i + 1]));
    if (from > breakTo) continue;
    breaks[from]++;
    breaks[breakTo + 1]--;
  }
  // The width with the most breaks; of equals, the widest, which fewest lines run past.
  let best = -1;
  let bestBreaks = 0;
  let bestHalfFull = 0;
  let longer = 0;
  for (let w = 0, b = 0, h = 0, o = 0; w <= maxWidth; w++) {
    b += breaks[w];
    h += halfFull[w];
    o += overlong[w];
    if (w >= minWidth && b > 0 && b >= bestBreaks) [best, bestBreaks, bestHalfFull, longer] = [w, b, h, o];
  }
  if (bestBreaks < minBreaks) return undefined;
  if (bestBreaks < (options.minBreakShare ?? 0.75) * (bestBreaks + longer)) return undefined;
  if (bestBreaks < (options.minFullShare ?? 0.4) * bestHalfFull) return undefined;
  return { width: best, paragraphs: paragraphsAt(lines, lengths, best) };
}

/**
 * The runs of lines joined by breaks at `width`, each with the line after its last break,
 * unless the page prints that line's text again as a line that follows no break: a line of its
 * own ("Advertisement" between paragraphs) that the paragraph above happened to fill to the
 * width before. O(lines) and the lines' length.
 */
function paragraphsAt(lines: readonly string[], lengths: Int32Array, width: number): WrappedParagraph[] {
  const breaks = Uint8Array.from(lines, (_, i) => (isBreak(lines, lengths, i, width) ? 1 : 0));
  // The texts of the lines that follow no break, each read as a line printed again is
  // (`repeatKey`): each stands on its own.
  const keyOf = (line: string) => repeatKey(line.trim());
  const onItsOwn = new Set<string>();
  for (let i = 0; i < lines.length; i++) if (lengths[i] > 0 && !(i > 0 && breaks[i - 1])) onItsOwn.add(keyOf(lines[i]));
  const out: WrappedParagraph[] = [];
  let first = -1;
  for (let i = 0; i < lines.length; i++) {
    if (breaks[i] && first < 0) first = i;
    if (!breaks[i] && first >= 0) {
      const last = onItsOwn.has(keyOf(lines[i])) ? i - 1 : i;
      if (last > first) out.push({ first, last });
      first = -1;
    }
  }
  return out;
}

/** Whether line i ends in a break at `width`. */
function isBreak(lines: readonly string[], lengths: Int32Array, i: number, width: number): boolean {
  const length = lengths[i];
  if (length === 0 || length > width || 2 * length <= width || i + 1 >= lines.length || lengths[i + 1] === 0) return false;
  return length + 1 + firstWordLength(lines[i + 1]) > width;
}

/**
 * The paragraph holding `line`, or undefined where the line stands alone. `paragraphs` as
 * `detectHardWrap` gives them. O(log paragraphs).
 */
export function paragraphOf(paragraphs: readonly WrappedParagraph[], line: number): WrappedParagraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid];
    if (p.last < line) lo = mid + 1;
    else if (p.first > line) hi = mid - 1;
    else return p;
  }
  return undefined;
}

/** The line's length without trailing white space (UTF-16 code units). */
function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Where a wrapper could first break the line: the first white space after its first word (the
 * length of the line before it), or the line's length where there is none.
 */
function firstBreak(line: string): number {
  let at = 0;
  while (at < line.length && isSpace(line.charCodeAt(at))) at++;
  while (at < line.length && !isSpace(line.charCodeAt(at))) at++;
  return at;
}

/** Length of the line's first word: its first run of characters other than white space. */
function firstWordLength(line: string): number {
  let start = 0;
  while (start < line.length && isSpace(line.charCodeAt(start))) start++;
  let end = start;
  while (end < line.length && !isSpace(line.charCodeAt(end))) end++;
  return end - start;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 13 || code === 12;
}
