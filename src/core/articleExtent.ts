/**
 * The context pass over the line model's margins, which decides the article's extent
 * (`articleLines`): short runs of doubtful lines between article lines join it, as in jusText's
 * smoothing, and so do runs of near-article lines (`joinNearArticle`), the lists that continue
 * an article line's shape (`continueLists`), the largest block of a page the model doubts
 * throughout (`seedLargestBlock`); menus set on one line outside the article's prose
 * (`menusApart`), lines printed again under a line printed again (`printedAgainUnderIt`) and
 * copyright notices leave it. With them the small tests of a line's own form (marked chrome,
 * time and date stamps, addresses, links) and of a table row beside a menu, which the headline
 * search (`headlineSearch.ts`) and the reasons and datelines of `boilerplate.ts` ask too. Apart
 * from `boilerplate.ts`, which runs the model, this pass and the headline search, then reads
 * the result as verdicts.
 */
import { blankUnit, menuSeparator, ADDRESS_LIKE, CLOCK_TIME, LineFacts, MIN_PROSE_WORDS, proseEndShare, YEAR } from './lineFeatures';
import { BoilerplateOptions, isUnpunctuated } from './lineMargins';

/**
 * Which non-blank lines are article text: the model's verdict, then the context pass (runs of
 * at most `maxGapLines` doubtful lines between article lines join the article, unless one of
 * them is marked chrome, printed twice, a time stamp or a short address line, or the line above
 * them is a dateline above the article's first prose line (`isDateStamp`: the page's metadata,
 * not its text, so the share prompts and widgets between it and the body stay as the model read
 * them); longer runs of
 * short and near-article lines join too, see `joinNearArticle`). O(lines).
 */
export function articleLines(
  margins: readonly number[],
  facts: readonly LineFacts[],
  options: BoilerplateOptions = {},
  lineIndex?: readonly number[],
): boolean[] {
  const threshold = options.threshold ?? 0;
  const maxGap = options.maxGapLines ?? 3;
  const floor = options.gapFloor ?? -4;
  const content = margins.map(m => m > threshold);
  const unpunctuated = isUnpunctuated(proseEndShare(facts, lineIndex), options);
  if (lineIndex && !content.some(Boolean)) seedLargestBlock(content, margins, facts, lineIndex, floor, unpunctuated);
  // Above the article's first prose line, a dateline is the page's metadata; among the
  // paragraphs a date may head a part of the article (a timeline), and its gap joins as any.
  const [firstProse] = proseBounds(content.length, k => content[k] && facts[k].proseLike);
  let last = -1;
  for (let k = 0; k < content.length; k++) {
    if (!content[k]) continue;
    const gap = k - last - 1;
    if (last >= 0 && gap > 0 && gap <= maxGap && !(last < firstProse && isDateStamp(facts[last]))) {
      let joins = true;
      for (let j = last + 1; j < k && joins; j++)
        joins =
          margins[j] >= floor &&
          !isMarkedChrome(facts[j]) &&
          !(facts[j].repeated && !facts[j].proseLike) &&
          !isTimeStamp(facts[j]) &&
          !isAddressLine(facts[j]);
      if (joins) for (let j = last + 1; j < k; j++) content[j] = true;
    }
    last = k;
  }
  // Prose right after the article's last line (a closing paragraph the model doubts) continues it.
  for (let k = 1, run = 0; k < content.length; k++) {
    if (content[k]) {
      run = 0;
      continue;
    }
    const f = facts[k];
    if (content[k - 1 - run] && run < maxGap && f.proseLike && margins[k] >= floor / 2 && !isMarkedChrome(f) && !f.repeated) {
      content[k] = true;
      run++;
    } else {
      run = 0;
    }
  }
  const nearFloor = Math.min(threshold, options.nearFloor ?? -0.25);
  joinNearArticle(content, margins, facts, nearFloor, floor, undefined, unpunctuated);
  if (lineIndex) continueLists(content, margins, facts, lineIndex, options.listFloor ?? -16, floor, options.listMeanFloor ?? -1);
  // At the article's edges, after the lists: a list's heading is the lists' to take.
  joinNearArticle(content, margins, facts, nearFloor, floor, Math.min(threshold, options.edgeFloor ?? -1));
  // A short line printed more than once in the page (a share prompt, a section name, a lone
  // "Advertisement" between paragraphs) is chrome wherever it stands; a paragraph printed twice
  // (a pull quote) is not.
  for (let k = 0; k < content.length; k++) if (facts[k].printedAgain && !facts[k].proseLike) content[k] = false;
  const boxed = printedAgainUnderIt(facts, content);
  for (let k = 0; k < content.length; k++) if (boxed[k] || isCopyrightNotice(facts[k])) content[k] = false;
  if (lineIndex) menusApart(content, facts, lineIndex);
  return content;
}

/**
 * Takes out of the article, in place, each menu or breadcrumb set on one line (`isInlineMenu` of lineFacts.ts,
 * `LineFacts.spacedMenu`) that stands before the article's first prose line or after its last: a site's
 * menu heads or closes the page, where the model may take a short page's menu for its first line.
 * A line among the article's prose may be its own list (a team's line-up, a cast) and stays as the
 * model read it; so does a line that a line right above or below it (no blank line between) joins
 * in a table, each holding about as many cells apart by the same mark (`tableRowBeside`: a table of
 * names set with bars; a table set with runs of spaces under its header). O(lines).
 */
function menusApart(content: boolean[], facts: readonly LineFacts[], lineIndex: readonly number[]): void {
  const prose = proseBounds(content.length, k => content[k] && facts[k].proseLike);
  for (let k = 0; k < content.length; k++) {
    if (!content[k] || !(facts[k].inlineMenu || facts[k].spacedMenu) || amongProse(k, prose)) continue;
    if (tableRowBeside(k, lineIndex, j => facts[j])) continue;
    content[k] = false;
  }
}

/**
 * Whether a non-blank line right above or below menu line `k` (lineFacts.ts `isInlineMenu` or
 * `LineFacts.spacedMenu`), with no blank line between (`lineOf[j]`: the line of non-blank line
 * j; `factsOf(j)`: its facts), makes
 * a table with it: it holds about as many cells apart by the menu's own mark, runs of spaces or
 * a separator (`sameRowWidth`). A site's name and its login link set with one bar above a menu
 * of nine links make no table with it. O(the two lines' length).
 */
export function tableRowBeside(k: number, lineOf: readonly number[], factsOf: (j: number) => LineFacts): boolean {
  const menu = factsOf(k);
  const separator = menu.spacedMenu ? undefined : menuSeparator(menu.text)!;
  const cellsOf = (f: LineFacts) => (separator ? f.text.trim().split(separator).length : f.spacedCells);
  return [k - 1, k + 1].some(
    j => j >= 0 && j < lineOf.length && Math.abs(lineOf[j] - lineOf[k]) === 1 && sameRowWidth(cellsOf(menu), cellsOf(factsOf(j))),
  );
}

/**
 * Whether two lines of `cells` and `other` cells can be rows of one table: the other holds two
 * cells at least, and at most one more or fewer (a header may leave out the rows' label cell).
 */
function sameRowWidth(cells: number, other: number): boolean {
  return other > 1 && Math.abs(cells - other) <= 1;
}

/** The first and the last of `count` lines where `isProse` holds, -1 for both where it holds for none. O(count). */
export function proseBounds(count: number, isProse: (k: number) => boolean): readonly [first: number, last: number] {
  let first = -1;
  let last = -1;
  for (let k = 0; k < count; k++) {
    if (!isProse(k)) continue;
    if (first < 0) first = k;
    last = k;
  }
  return [first, last];
}

/** Whether line `k` stands between the article's first and last prose lines (`proseBounds`), where a menu-shaped line or a date may be the article's own. */
export function amongProse(k: number, [first, last]: readonly [number, number]): boolean {
  return k > first && k < last;
}

/** Most words of a line that `reasonFor` (boilerplate.ts) calls a copyright notice (a footer's notice runs on, an article's paragraph runs longer). */
export const COPYRIGHT_MAX_WORDS = 60;
/**
 * The copyright sign, or "(c)" before a year: the same in every language; or the circled sign
 * (ⓒ, Ⓒ) beside a year or after the word, as a notice sets it (alone it may letter a list).
 */
const COPYRIGHT_SIGN = /©|\(c\)\s*\d{4}|[ⓒⒸ]\s*\d{4}|\d{4}\s*[ⓒⒸ]|copyright\s*[ⓒⒸ]/i;

/**
 * A copyright notice ("© 2019 Example Media. All rights reserved.") belongs to the page, never to
 * its article, wherever it stands and however it reads to the model: the sign marks it in any
 * language. (The word "copyright" alone does not: an article may be about copyright; nor does a
 * paragraph of prose that mentions the sign, unless it sets the sign as a notice does.)
 */
function isCopyrightNotice(f: LineFacts): boolean {
  if (!f.copyright || f.wordCount >= COPYRIGHT_MAX_WORDS || !COPYRIGHT_SIGN.test(f.text)) return false;
  return !f.proseLike || NOTICE_SIGN.test(f.text);
}
/**
 * The sign where a notice or a credit sets it: opening the line, beside a year ("© 2019", "2019
 * ©"), or before a name ("© John Brecher"); prose names the sign before a word in small letters
 * ("the © sign").
 */
const NOTICE_SIGN = /^\W*(?:©|\([cC]\))|©\s*(?:\d{4}|\p{Lu})|\d{4}\s*[©ⓒⒸ]|[ⓒⒸ]\s*\d{4}|(?:[Cc]opyright|COPYRIGHT)\s*[ⓒⒸ]/u;

/**
 * A page whose lines the model all doubts still holds an article (every source is a version of
 * a story): its largest block, the run of lines without a blank line between them that holds
 * the most words, is taken for it, as boilerpipe's article extractor keeps its largest text
 * block, and the context pass grows it from there. A short page of short sentences in a
 * language whose prose the model reads weakly (one Chinese sentence per line) is so read. Only
 * a block whose lines mostly end a sentence, one of them at least `MIN_PROSE_WORDS` words long,
 * is prose enough (a list of 50,000 labels is none, nor a footer of short lines with stops); on
 * an `unpunctuated` page (a script that marks no sentence end, as Thai is written, or a dump that
 * drops the marks), whose lines end no sentence, a block whose lines are mostly that long is.
 * Only lines the model doubts count (a margin of at least the gap floor, as a gap's lines
 * need), not those it is sure are chrome, nor lines marked as chrome (a copyright line, a form
 * field). O(lines).
 */
function seedLargestBlock(
  content: boolean[],
  margins: readonly number[],
  facts: readonly LineFacts[],
  lineIndex: readonly number[],
  floor: number,
  unpunctuated: boolean,
): void {
  const counts = (k: number) => margins[k] >= floor && !isMarkedChrome(facts[k]);
  const sentenceLike = (f: LineFacts) => (unpunctuated ? f.wordCount >= MIN_PROSE_WORDS : f.endsSentence);
  let best = -1;
  let bestWords = 0;
  let bestEnd = -1;
  for (let from = 0; from < content.length;) {
    let to = from + 1;
    while (to < content.length && lineIndex[to] - lineIndex[to - 1] === 1) to++;
    let words = 0;
    let sentences = 0;
    let longest = 0;
    for (let k = from; k < to; k++) {
      if (!counts(k)) continue;
      words += facts[k].wordCount;
      longest = Math.max(longest, facts[k].wordCount);
      if (sentenceLike(facts[k])) sentences++;
    }
    if (words > bestWords && sentences * 2 >= to - from && longest >= MIN_PROSE_WORDS) [best, bestEnd, bestWords] = [from, to, words];
    from = to;
  }
  for (let k = best; k >= 0 && k < bestEnd; k++) if (counts(k)) content[k] = true;
}

/** Most paragraphs under a short line printed again that its box takes: a teaser's snippet is one or two. */
const BOX_PARAGRAPHS = 2;

/**
 * Which non-blank lines are printed again each time under the same short line that is printed
 * again too (or under such a line's paragraph, `BOX_PARAGRAPHS` at most): a block the page
 * prints twice, as a teaser's headline and snippet in two boxes of one page. A paragraph printed
 * twice alone is a pull quote and stays; printed with the short line above it, it belongs to
 * that line's box. A page whose article prose is mostly printed twice (an article and its print
 * copy in one dump) has none: its headline and subheadings are printed again too.
 * Input: the lines' facts, in page order, and which are article text so far. Output: one flag
 * per line. O(lines).
 */
export function printedAgainUnderIt(facts: readonly LineFacts[], content: readonly boolean[]): boolean[] {
  const boxed = new Array<boolean>(facts.length).fill(false);
  let once = 0;
  let again = 0;
  facts.forEach((f, k) => {
    if (content[k] && f.proseLike) f.printedAgain ? again++ : once++;
  });
  if (once <= again) return boxed;
  // As `printedAgain` counts a line printed again: its text without case and runs of spaces.
  const keys = facts.map(f => (f.printedAgain ? f.text.toLowerCase().replace(/\s+/g, ' ') : undefined));
  // Per line printed again, by its text: the text of the line above every one of its prints,
  // where that is one line printed again, else `MIXED`.
  const MIXED = '';
  const aboveOf = new Map<string, string>();
  keys.forEach((key, k) => {
    if (key === undefined) return;
    const above = k > 0 ? (keys[k - 1] ?? MIXED) : MIXED;
    const known = aboveOf.get(key);
    aboveOf.set(key, known === undefined || known === above ? above : MIXED);
  });
  // How many paragraphs of its box stand above and at each line (0 where it is none).
  const depth = new Array<number>(facts.length).fill(0);
  for (let k = 1; k < facts.length; k++) {
    const f = facts[k];
    const above = facts[k - 1];
    if (!f.printedAgain || !f.proseLike || !above.printedAgain) continue;
    const paragraphs = above.proseLike ? depth[k - 1] + 1 : 1;
    if ((above.proseLike && !boxed[k - 1]) || paragraphs > BOX_PARAGRAPHS) continue;
    const aboveKey = aboveOf.get(keys[k]!);
    if (aboveKey !== MIXED && aboveKey === keys[k - 1]) {
      boxed[k] = true;
      depth[k] = paragraphs;
    }
  }
  return boxed;
}

/**
 * jusText's revision of short and near-good blocks between good ones, over the model's
 * margins: a line the model doubts but scores at least `nearFloor` is near-article; a short
 * line (a heading, a label, a score line) scoring at least `gapFloor` carries no evidence of its
 * own. A run of such lines between two article lines joins the article whatever its length,
 * when one of them at least is near-article (a run of short lines alone is left to the gap
 * rule's length limit). With `edgeFloor`, a run next to the article on one side only joins it
 * up to its last data line (`isDataShape`, scoring at least `edgeFloor`), over short lines: the
 * last section of a results list, not the teasers and comments that follow an article. Lines
 * marked chrome, short lines printed twice, time stamps and address lines end a run, as they end
 * a gap.
 *
 * On an `unpunctuated` page (one that ends almost none of its prose-shaped lines with a stop:
 * `isUnpunctuated`, the share that also chooses the model's `unpunctuated` and `bare` article
 * models) a prose-shaped line scoring at least
 * `gapFloor` is near-article too, between two article lines: without stops a paragraph differs
 * from a heading mostly by its length and its function words, which is how jusText tells a
 * near-good block; the model's margin, taught mostly by punctuated pages, doubts both. Leave-
 * sites-out on the development pages read without their stops, and in a script without spaces
 * or stops: more article lines kept, at the cost of fewer chrome lines (teaser headlines that
 * read as sentences); pages as they are read as before. O(lines).
 */
function joinNearArticle(
  content: boolean[],
  margins: readonly number[],
  facts: readonly LineFacts[],
  nearFloor: number,
  gapFloor: number,
  edgeFloor?: number,
  unpunctuated = false,
): void {
  const n = content.length;
  const short = (k: number) => facts[k].wordCount <= HEADING_MAX_WORDS;
  // Only between two article lines: the pass over the article's edges (`edgeFloor`) is given no
  // `unpunctuated`, so there data lines alone join.
  const unpunctuatedProse = (k: number) => unpunctuated && facts[k].proseShaped && margins[k] >= gapFloor;
  const near = (k: number) => !short(k) && (margins[k] >= nearFloor || unpunctuatedProse(k));
  const doubtful = (k: number) =>
    !content[k] &&
    (short(k) ? margins[k] >= gapFloor : margins[k] >= Math.min(nearFloor, edgeFloor ?? 0) || unpunctuatedProse(k)) &&
    !isMarkedChrome(facts[k]) &&
    !(facts[k].repeated && !facts[k].proseLike) &&
    !isTimeStamp(facts[k]) &&
    !isAddressLine(facts[k]);
  let articleShapes: Set<string> | undefined;
  const edgeJoined: number[] = [];
  for (let a = 0; a < n;) {
    if (!doubtful(a)) {
      a++;
      continue;
    }
    // [a, b) is a maximal run of doubtful lines.
    let b = a;
    let anyNear = false;
    let allNear = true;
    for (; b < n && doubtful(b); b++) {
      anyNear ||= near(b);
      allNear &&= short(b) || near(b);
    }
    anyNear &&= allNear;
    const before = a > 0 && content[a - 1];
    const after = b < n && content[b];
    if (anyNear && before && after) for (let j = a; j < b; j++) content[j] = true;
    else if (edgeFloor !== undefined && (before || after)) {
      articleShapes ??= shapesOf(content, facts);
      const shapes = articleShapes;
      const edgeNear = (k: number) => !short(k) && margins[k] >= edgeFloor && isDataShape(shapeOf(facts[k]), shapes);
      if (before) {
        let last = a - 1;
        for (let j = a; j < b && (short(j) || edgeNear(j)); j++) if (edgeNear(j)) last = j;
        for (let j = a; j <= last; j++) edgeJoined.push(j);
      }
      if (after) {
        let first = b;
        for (let j = b - 1; j >= a && (short(j) || edgeNear(j)); j--) if (edgeNear(j)) first = j;
        for (let j = first; j < b; j++) edgeJoined.push(j);
      }
    }
    a = b;
  }
  for (const k of edgeJoined) content[k] = true;
}

/** Whether a line of shape `shape` reads as a data line (one with a number) of a shape some article line has. */
function isDataShape(shape: string, articleShapes: ReadonlySet<string>): boolean {
  return shape.includes('9') && articleShapes.has(shape);
}

/** The shapes (`lineShape`) of the page's article lines that are not prose. O(lines). */
function shapesOf(content: readonly boolean[], facts: readonly LineFacts[]): Set<string> {
  const out = new Set<string>();
  content.forEach((c, k) => {
    if (c && !facts[k].proseLike) out.add(shapeOf(facts[k]));
  });
  return out;
}

/**
 * The shape (`lineShape`) of the line of `facts`, worked out once per facts object: a page's
 * facts come from a memo that keeps one per line text, and one site's list and score lines
 * recur verbatim on its pages. The shapes go when their facts go.
 */
function shapeOf(facts: LineFacts): string {
  let shape = shapes.get(facts);
  if (shape === undefined) shapes.set(facts, (shape = lineShape(facts.text)));
  return shape;
}

const shapes = new WeakMap<LineFacts, string>();

/** Tokens of a line's shape: a word (with its inner apostrophes and hyphens), a number, a mark. */
const SHAPE_TOKEN = /\p{L}[\p{L}\p{M}'’-]*|\p{Nd}+|[^\s\p{L}\p{Nd}]/gu;
/** Classes of a line's shape, after runs of one class are made one. */
const SHAPE_CLASSES = 5;

/**
 * The shape of a line: the classes of its first tokens (W a capitalised word, w another word, 9
 * a number, a mark itself), a run of one class counted once, the first `SHAPE_CLASSES` of them.
 * "Riverside d. Oakfield 2-0" and "Harbour Town d. Millbrook 3-1" have one shape. O(length).
 */
function lineShape(text: string): string {
  const classes: string[] = [];
  // Tokens are read one at a time, up to the first that would add a class too many: a long
  // line's later tokens never change its shape.
  SHAPE_TOKEN.lastIndex = 0;
  for (let m = SHAPE_TOKEN.exec(text); m; m = SHAPE_TOKEN.exec(text)) {
    const t = m[0];
    const c = /^\p{Lu}/u.test(t) ? 'W' : /^\p{L}/u.test(t) ? 'w' : /^\p{Nd}/u.test(t) ? '9' : t;
    if (classes[classes.length - 1] !== c) classes.push(c);
    if (classes.length > SHAPE_CLASSES) break;
  }
  return classes.slice(0, SHAPE_CLASSES).join('');
}

/**
 * A list inside the article (tour dates, steps, ingredients) continues the shape of an article
 * line next to it: the lines right after or before it, with no blank line between, the same
 * indent and the same list marker and final punctuation, take its label, when the mean
 * log-odds of the whole run reaches `meanFloor`. A heading of the article heads the list that
 * stands at most one blank line (in the page's spacing, `blankUnit`) below it, unless the list
 * runs straight into chrome, which tells a list of the chrome below it only on a page that has
 * blank lines between its lines. O(lines).
 */
function continueLists(
  content: boolean[],
  margins: readonly number[],
  facts: readonly LineFacts[],
  lineIndex: readonly number[],
  floor: number,
  gapFloor: number,
  meanFloor: number,
): void {
  // Items of one list share their indent and marker; marked items may differ in final
  // punctuation (the last item of a list often closes it with a full stop).
  const sameShape = (a: LineFacts, b: LineFacts) =>
    a.indent === b.indent && a.listMarker === b.listMarker && (a.listMarker || a.endsSentence === b.endsSentence);
  const joins = (k: number, from: number) =>
    lineIndex[k] - lineIndex[from] === k - from &&
    sameShape(facts[k], facts[from]) &&
    margins[k] >= floor &&
    !isMarkedChrome(facts[k]) &&
    !facts[k].repeated;
  // An article line seeds a list unless it is a plain paragraph: a paragraph's neighbours of
  // the same shape are other paragraphs, judged on their own.
  // Lines that join while the pass goes down the page seed in turn.
  const seed = (k: number) => content[k] && (!facts[k].proseLike || facts[k].listMarker);
  // A short heading the model doubts, right below an article line or one line further
  // ("Instructions" between a recipe's two lists), heads a list too, if the list below it
  // reads as the article's.
  const doubtfulHeading = (k: number) =>
    !content[k] &&
    k > 0 &&
    (content[k - 1] || (k > 1 && content[k - 2])) &&
    !facts[k].endsSentence &&
    !facts[k].listMarker &&
    facts[k].wordCount <= HEADING_MAX_WORDS &&
    margins[k] >= gapFloor &&
    !isMarkedChrome(facts[k]) &&
    !facts[k].repeated;
  // A heading stands at most one blank line, in the page's spacing, above its list.
  const spacing = blankUnit(lineIndex);
  // On a page without blank lines between its lines, no two lines are set apart, so a list that
  // runs straight into chrome says nothing about where it belongs.
  const hasBlankLines = lineIndex.some((line, k) => k > 0 && line - lineIndex[k - 1] > 1);
  // A heading above the article's first paragraph (a site's name over its menu) heads no list
  // whose items hold no function word, as a menu's do not; one whose items read as phrases (a
  // summary's key points under the headline) it does. A paragraph is told by its shape, not its
  // stops, which some pages drop.
  const noFunctionWords = (from: number, to: number) => {
    for (let j = from; j < to; j++) if (facts[j].stopShare > 0) return false;
    return true;
  };
  let bodyStart = 0;
  while (bodyStart < content.length && !(content[bodyStart] && facts[bodyStart].proseShaped)) bodyStart++;
  for (let k = 0; k < content.length; k++) {
    const seeds = seed(k);
    const doubtful = !seeds && doubtfulHeading(k);
    if (!seeds && !doubtful) continue;
    if (seeds) {
      // The run of lines of the seed's shape around it, [from, to), joins as a whole or not at all.
      let to = k + 1;
      while (to < content.length && joins(to, k)) to++;
      let from = k;
      while (from > 0 && joins(from - 1, k)) from--;
      let sum = 0;
      for (let j = from; j < to; j++) sum += margins[j];
      // Two unmarked lines of one shape are no list (a caption and its credit line), unless
      // both end a sentence, as two short paragraphs do.
      const list = facts[k].listMarker || to - from >= MIN_LIST_ITEMS || facts.slice(from, to).every(f => f.endsSentence);
      if (list && sum >= meanFloor * (to - from)) for (let j = from; j < to; j++) content[j] = true;
    }
    // A heading of the article followed by a list: a block of lines of one shape right below it.
    const next = k + 1;
    if (facts[k].endsSentence || next >= content.length || content[next] || lineIndex[next] - lineIndex[k] - 1 > spacing) continue;
    // A bare marker without words (a dump's stray bullet) may open the list, and so may a short
    // line printed more than once (a table's header row, repeated above each table of the
    // article); either stays chrome.
    let first = next;
    while (
      first < content.length &&
      (facts[first].noLetters || (facts[first].repeated && !facts[first].proseLike)) &&
      lineIndex[first + 1] - lineIndex[first] === 1
    )
      first++;
    let end = first + 1;
    while (end < content.length && lineIndex[end] - lineIndex[end - 1] === 1 && sameShape(facts[end], facts[first])) end++;
    if (
      end - first < MIN_LIST_ITEMS ||
      (hasBlankLines && end < content.length && lineIndex[end] - lineIndex[end - 1] === 1 && !content[end])
    )
      continue;
    if (k < bodyStart && noFunctionWords(first, end)) continue;
    let sum = 0;
    let chrome = false;
    for (let j = first; j < end; j++) {
      sum += margins[j];
      chrome ||= isMarkedChrome(facts[j]) || facts[j].repeated;
    }
    // Below a doubted heading the list must read as the article's on its own: its mean margin
    // must clear half the gap floor, not half the list floor.
    if (chrome || sum / (end - first) < (doubtful ? gapFloor / 2 : floor / 2)) continue;
    for (let j = first; j < end; j++) content[j] = true;
    if (doubtful) content[k] = true;
  }
}

/** Fewest lines of a list without markers, and of a list under a heading, that the context pass takes as one. */
const MIN_LIST_ITEMS = 3;

/** Most words of a heading the context pass may add to the article. */
const HEADING_MAX_WORDS = 6;

/** Most words of a time stamp or address line. */
const STAMP_MAX_WORDS = 10;

/**
 * A short line with a clock time and no sentence ("May 2, 2024 at 9:15 am"): between two
 * article lines it heads a post or a comment, and the gap it stands in does not join the article.
 */
function isTimeStamp(f: LineFacts): boolean {
  return !f.endsSentence && f.wordCount <= STAMP_MAX_WORDS && CLOCK_TIME.test(f.text);
}

/** A short line with a year or a clock time and no sentence ("March 4, 2024", "9:15 am"): the date of a comment or a post. */
export function isDateStamp(f: LineFacts): boolean {
  return f.wordCount <= STAMP_MAX_WORDS && isDateLine(f);
}

/**
 * A line that gives a date or a time and no sentence, in few words besides its figures
 * ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "14.09.2021 10:51"): a dateline. A
 * short one (`isDateStamp`) is all its words.
 */
export function isDateLine(f: LineFacts): boolean {
  if (f.endsSentence || !(YEAR.test(f.text) || CLOCK_TIME.test(f.text))) return false;
  let lettered = 0;
  for (const w of f.words) if (HAS_LETTER.test(w)) lettered++;
  return lettered <= STAMP_MAX_WORDS;
}
const HAS_LETTER = /\p{L}/u;

/**
 * A short line with a web address or a domain name and no sentence ("example.org/news",
 * "3 shares example.com Travel"): a link, a credit or a teaser's source, not the article's
 * text, so the gap it stands in does not join the article either.
 */
function isAddressLine(f: LineFacts): boolean {
  return !f.endsSentence && f.wordCount <= STAMP_MAX_WORDS && ADDRESS_LIKE.test(f.text);
}

/** A web or e-mail address in a line: never the headline (`headlineSearch`); a short line with one is a link or address (`reasonFor`). */
export const LINK_LIKE = /https?:\/\/|www\.|\S@\S/i;

/** Lines whose own form marks them as chrome wherever they stand. */
export function isMarkedChrome(f: LineFacts): boolean {
  return f.noLetters || f.copyright || f.formField;
}
