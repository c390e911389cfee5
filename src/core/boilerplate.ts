/**
 * Boilerplate lines of one page, found from the page alone.
 *
 * A trained line classifier (`model/lineModel.ts`, gradient-boosted trees over the shallow
 * features of `lineFeatures.ts`) scores every non-blank line. A context pass follows, as in
 * jusText's smoothing: a short run of doubtful lines between article lines (a subheading, a
 * one-line quote) takes the article's label. Then the headline is looked for anywhere above
 * the body, by the share of its words (or, in scripts with short words, its character
 * n-grams: bigrams in Chinese and Japanese, trigrams in others) found in the body, and the line
 * above the body that shares the most with it is marked as the page's headline. Last, a
 * comment thread under the article is found by its heading, which quotes the article's title
 * after a count. Each boilerplate line gets a reason a reader can check, derived from what the
 * line shows.
 *
 * The model and its margins are in `lineMargins.ts`, the context pass that decides the
 * article's extent in `articleExtent.ts`, the headline search in `headlineSearch.ts`; this
 * module runs them in order, sets datelines and a comment thread apart and gives the reasons.
 */
import { asciiDigits, numberLexicon } from './numbers';
import { LineSpan, words } from './text';
import { StopwordProfile } from './stopwords';
import { CLOCK_TIME, LineFacts, LineFeatureMemo, PageFeatures, pageFeatures, YEAR } from './lineFeatures';
import { margin } from './model/boostedTrees';
import { LINE_MODEL } from './model/lineModel';
import { BoilerplateOptions, lineMargins } from './lineMargins';
import {
  COPYRIGHT_MAX_WORDS,
  LINK_LIKE,
  amongProse,
  articleLines,
  isDateStamp,
  isMarkedChrome,
  proseBounds,
  tableRowBeside,
} from './articleExtent';
import { headlineSearch } from './headlineSearch';

// The parts of the classifier that callers import from this module.
export { lineMargins, type BoilerplateOptions, type LineModel } from './lineMargins';
export { articleLines } from './articleExtent';
export { headlineSearch } from './headlineSearch';

export type LineKind = 'content' | 'boilerplate' | 'blank';

/**
 * The verdict on one line; `reason` says in a few words why a line is boilerplate, and
 * `headline` marks the article line that is the page's headline (see `headlineSearch`; on a
 * hard-wrapped page, every line of its paragraph).
 */
export interface LineVerdict {
  readonly kind: LineKind;
  readonly reason?: string;
  readonly headline?: true;
}

/**
 * Classifies each line of a page. `lines` come from `splitLines(text)`; the result has one
 * verdict per line, in order. `lineWords[i]`, when given, must be `words()` of line i, and
 * `lineWordsLower[i]` those words lower-cased (a caller that has them saves the work).
 * `memo` keeps what the lines' texts give for other pages (see `LineFeatureMemo`), and
 * `lineTexts[i]`, when given, must be line i's text (see `pageFeatures`).
 * O(n) in the text length (a few microseconds per line for the model).
 */
export function classifyLines(
  text: string,
  lines: readonly LineSpan[],
  profile: StopwordProfile,
  options: BoilerplateOptions = {},
  lineWords?: readonly (readonly string[])[],
  lineWordsLower?: readonly (readonly string[])[],
  memo?: LineFeatureMemo,
  lineTexts?: readonly string[],
): LineVerdict[] {
  const ws = lineWords ?? lines.map(l => words(text.slice(l.start, l.end)));
  const lower = lineWordsLower ?? ws.map(w => w.map(x => x.toLowerCase()));
  const features = pageFeatures(text, lines, ws, lower, profile, memo, lineTexts);
  return datelinesApart(verdictsOf(features, options), features, profile);
}

/**
 * The verdicts with each article line that gives a date or a time and nothing else (a
 * dateline: "17 января 2024, 08:15", "14.08.2024 09:12", "Tuesday, March 12, 2024"), or a date
 * and a time under a label of two words at most ("Stand: 14.05.2024 17:52 Uhr", "Updated 1:33 am
 * CST, November 20, 2019"), read as a byline, date or caption: it tells no statement, and two versions' datelines, a day apart,
 * must not be aligned as one. Month and weekday names, and the function words between them,
 * are read in the page's language (`numberLexicon`, `profile`). Only a line above the article's
 * first prose line or below its last: one among its paragraphs heads a part of it (a timeline's
 * entry). The headline stays. O(lines).
 */
export function datelinesApart(verdicts: LineVerdict[], features: PageFeatures, profile: StopwordProfile): LineVerdict[] {
  let dateWords: ReadonlyMap<string, string> | undefined;
  // A date among the article's paragraphs heads a part of it (a timeline's entry, "9. November 1989").
  const prose = proseBounds(verdicts.length, i => verdicts[i].kind === 'content' && features.facts[i]!.proseLike);
  features.nonBlank.forEach(i => {
    const f = features.facts[i]!;
    if (verdicts[i].kind !== 'content' || verdicts[i].headline || amongProse(i, prose)) return;
    const text = asciiDigits(f.text);
    if (!(YEAR.test(text) || CALENDAR_YEAR.test(text) || CLOCK_TIME.test(text))) return;
    dateWords ??= numberLexicon(profile.language).dateWords;
    if (isDateline(f, text, dateWords, profile.words)) verdicts[i] = boilerplate(META_REASON);
  });
  return verdicts;
}

/** The reason of a line the meta model, or `datelinesApart`, reads as the page's rather than the article's text. */
const META_REASON = 'byline, date or caption';
/**
 * Words a dateline may give its time or its year in besides figures ("9:15 Uhr", "17 января 2024
 * года"), and the signs Chinese, Japanese and Korean write after a figure of a year, a month, a
 * day, an hour or a minute ("2024年7月3日", "2024년 3월 12일"), read without their figures.
 */
const DATELINE_WORDS = new Set([
  'am',
  'pm',
  'uhr',
  'h',
  'gmt',
  'utc',
  'года',
  'год',
  'г',
  'yılı',
  '年',
  '月',
  '日',
  '時',
  '时',
  '分',
  '년',
  '월',
  '일',
  '시',
  '분',
]);
/**
 * A date in figures: day, month and year (any order, "." "/" or "-" between), the year first
 * ("2024-05-17", "2024.03.12", "2024/07/03"), or the year, month and day each under its sign
 * ("2024年7月3日", "2024년 3월 12일").
 */
const DATE_IN_FIGURES =
  /(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}([./-])\d{1,2}\1\d{1,2}|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])(?!\d)/u;
/**
 * A year of the calendars pages count in besides the Gregorian one, which `YEAR` reads: the
 * Solar Hijri and the Hijri (13xx, 14xx) and the Thai Buddhist one (25xx). Read only beside a
 * month's name and a day, where it is a date's year.
 */
const CALENDAR_YEAR = /(?<!\d)(?:13|14|25)\d\d(?!\d)/;

/**
 * Whether every word of the line with a letter names a month, a day or a time, or is a function
 * word of the page's language ("12 de marzo de 2024", "le 12 mars 2024"), and its figures give a
 * full date or a time; or, with up to `LABEL_WORDS` other words and no final stop, a full date
 * and a time apart from it.
 */
function isDateline(f: LineFacts, text: string, dateWords: ReadonlyMap<string, string>, functionWords: ReadonlySet<string>): boolean {
  let names = 0;
  let others = 0;
  for (const word of f.lowerWords) {
    if (!/\p{L}/u.test(word)) continue;
    if (dateWords.has(word)) names++;
    else if (!DATELINE_WORDS.has(word.replace(/\p{Nd}+/gu, '')) && !functionWords.has(word)) others++;
  }
  const year = YEAR.test(text) || (names > 0 && CALENDAR_YEAR.test(text));
  const fullDate = DATE_IN_FIGURES.test(text) || (names > 0 && year && /\d.*\D\d|\d\D.*\d/u.test(text));
  // A date and a time under a label or an agency's name ("Stand: 14.05.2024 17:52 Uhr", "dpa |
  // 14.05.2024 – 12:40", "Updated 2:16 AM EST Nov 20, 2019"): a stamp, not a statement.
  // The time stands apart from the date ("Opening Bell 11.18.19" is a title with a date alone).
  if (others > 0) return others <= LABEL_WORDS && !f.endsSentence && fullDate && CLOCK_TIME.test(text.replace(DATE_IN_FIGURES, ' '));
  return CLOCK_TIME.test(text) || fullDate;
}

/** Most words besides a date and a time that a stamp's label or agency takes (`isDateline`). */
const LABEL_WORDS = 2;

/** The verdicts on a page's lines from their features (see `classifyLines`). O(lines). */
export function verdictsOf(features: PageFeatures, options: BoilerplateOptions = {}): LineVerdict[] {
  const { rows, facts, nonBlank } = features;
  const model = options.model ?? LINE_MODEL;
  const margins = lineMargins(model, features, options);
  const content = articleLines(
    margins,
    nonBlank.map(i => facts[i]!),
    options,
    nonBlank,
  );
  const metaThreshold = options.metaThreshold ?? -2;
  const meta = content.map((c, k) => c && margin(model.meta, rows[nonBlank[k]]!) < metaThreshold);
  const headline = headlineSearch(
    facts,
    nonBlank,
    content.map((c, k) => c && !meta[k]),
    margins,
    options.gapFloor ?? -4,
    features.longWords,
    meta,
  );
  for (const k of headline.found) {
    content[k] = true;
    meta[k] = false;
  }
  const thread = commentThreadStart(
    facts,
    nonBlank,
    content.map((c, k) => c && !meta[k]),
  );

  const verdicts: LineVerdict[] = new Array(rows.length).fill(BLANK);
  nonBlank.forEach((i, k) => {
    verdicts[i] =
      thread >= 0 && k >= thread
        ? // A copyright line or a form field in the thread keeps its own reason (and what it protects).
          boilerplate(isMarkedChrome(facts[i]!) ? reasonFor(facts[i]!, k, nonBlank, facts, content) : 'comment thread')
        : meta[k]
          ? boilerplate(META_REASON)
          : content[k]
            ? k === headline.title
              ? HEADLINE
              : CONTENT
            : boilerplate(reasonFor(facts[i]!, k, nonBlank, facts, content));
  });
  return verdicts;
}

/** Quotation marks of any language, opening or closing (a title is quoted as „…“, «…», »…«, 「…」 as well as “…”). */
const QUOTE_MARKS = '"\'“”„‟«»‹›‘’‚‛「」『』';
/** Most words before the quoted title in a comment thread's heading, its count among them ("5 responses to", "12 Kommentare zu"). */
const THREAD_HEADING_MAX_WORDS = 6;
/** Fewest words of an article line a thread's heading may quote: a title, not a word or two. */
const THREAD_TITLE_MIN_WORDS = 3;
/** How many non-blank lines after a thread's heading its first comment's date or time, or the comment form, must stand within. */
const THREAD_STAMP_REACH = 10;

/**
 * Where a page's comment thread starts: a line that quotes an article line above it whole (the
 * article's title) inside quotation marks, after at most `THREAD_HEADING_MAX_WORDS` words one of
 * which is a number, with nothing after the closing mark but a colon ("5 responses to “Title”",
 * "12 Kommentare zu „Titel“"), and that is followed within `THREAD_STAMP_REACH` lines by a short
 * line with a year or a clock time (a comment's date) or by a form field (the comment form).
 * Blog engines head the comments under an article so in many languages. The date or the form
 * tells such a heading from an article line that cites a title ("Season 2 of “Title”"), and an
 * article line between the title and the heading tells it from a sidebar of recent comments
 * above the body. Everything from that line to the page's end is the thread, its replies and its
 * form. `article[k]` is whether non-blank line k is article text (no byline or caption). Returns
 * a position in `nonBlank`, or -1. O(lines + characters).
 */
export function commentThreadStart(
  facts: readonly (LineFacts | undefined)[],
  nonBlank: readonly number[],
  article: readonly boolean[],
): number {
  // Most pages have no such heading: the article lines' keys are made only for one that has.
  const headings = nonBlank.flatMap((i, k) => {
    const quoted = quotedTitle(facts[i]!.text);
    return quoted === undefined ? [] : [{ k, key: titleKey(words(quoted.toLowerCase())) }];
  });
  if (!headings.length) return -1;
  // Each article line's key, by the position of its first print, and the next article line's position.
  const titles = new Map<string, { at: number; articleAfter: number }>();
  let last: { at: number; articleAfter: number } | undefined;
  nonBlank.forEach((i, k) => {
    if (!article[k]) return;
    if (last) last.articleAfter = k;
    last = undefined;
    const f = facts[i]!;
    const key = titleKey(f.lowerWords);
    if (f.wordCount < THREAD_TITLE_MIN_WORDS || titles.has(key)) return;
    last = { at: k, articleAfter: -1 };
    titles.set(key, last);
  });
  for (const { k, key } of headings) {
    const title = titles.get(key);
    // The heading may read as article text itself; an article line between the title and it
    // puts the article above the thread.
    if (!title || title.at >= k || title.articleAfter < 0 || title.articleAfter >= k) continue;
    for (let j = k + 1; j < nonBlank.length && j <= k + THREAD_STAMP_REACH; j++) {
      const f = facts[nonBlank[j]]!;
      if (f.formField || isDateStamp(f)) return k;
    }
  }
  return -1;
}

/** A title's lower-cased words as one key, a typographic apostrophe inside a word read as a typewriter one. */
function titleKey(lowerWords: readonly string[]): string {
  return lowerWords.join(' ').replace(/’/g, "'");
}

/**
 * The text a thread heading quotes: the line is at most `THREAD_HEADING_MAX_WORDS` words, one
 * of them a number, then a text in quotation marks that ends the line (perhaps before a colon).
 * An apostrophe inside a word ("Today’s", "l’article") opens no quotation. Undefined for any
 * other line.
 */
function quotedTitle(text: string): string | undefined {
  // Every line of every page comes here: the last character is read before anything else, and
  // no pattern runs over the line (one ending in spaces is quadratic in a long run of them).
  let line = text.trim();
  if (line.endsWith(':')) line = line.slice(0, -1).trimEnd();
  if (line.length < 2 || !QUOTE_MARKS.includes(line[line.length - 1])) return undefined;
  let open = -1;
  for (let i = 1; i < line.length - 1 && open < 0; i++)
    if (QUOTE_MARKS.includes(line[i]) && !(LETTER.test(line[i - 1]) && LETTER.test(line[i + 1]))) open = i;
  if (open < 0) return undefined;
  const before = words(line.slice(0, open));
  if (before.length === 0 || before.length > THREAD_HEADING_MAX_WORDS || !before.some(w => DIGIT.test(w))) return undefined;
  return line.slice(open + 1, -1);
}

const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

// Verdicts are read-only, so the lines with the same one share it.
const BLANK: LineVerdict = Object.freeze({ kind: 'blank' });
const CONTENT: LineVerdict = Object.freeze({ kind: 'content' });
const HEADLINE: LineVerdict = Object.freeze({ kind: 'content', headline: true });
const REASONS = [
  'copyright notice',
  'form field',
  'list of short links',
  'navigation list',
  'no sentence structure',
  'no words',
  'outside the article',
  'repeated in this file',
  'short line outside the article',
  'heading outside the article',
  'link or address',
  'byline, date or caption',
  'comment thread',
] as const;
const BOILERPLATE: ReadonlyMap<string, LineVerdict> = new Map(
  REASONS.map(reason => [reason, Object.freeze({ kind: 'boilerplate', reason })]),
);
function boilerplate(reason: string): LineVerdict {
  return BOILERPLATE.get(reason) ?? { kind: 'boilerplate', reason };
}

/** Why a line the classifier put outside the article is chrome, in a reader's words, from what the line shows. */
function reasonFor(
  f: LineFacts,
  k: number,
  nonBlank: readonly number[],
  facts: readonly (LineFacts | undefined)[],
  content: readonly boolean[],
): string {
  if (f.noLetters) return 'no words';
  if (f.copyright && f.wordCount < COPYRIGHT_MAX_WORDS) return 'copyright notice';
  if (f.formField) return 'form field';
  if (f.inlineMenu) return 'navigation list';
  if (f.spacedMenu && !tableRowBeside(k, nonBlank, j => facts[nonBlank[j]]!)) return 'navigation list';
  if (f.printedAgain) return 'repeated in this file';
  if (LINK_LIKE.test(f.text) && f.wordCount < 12) return 'link or address';
  const listNeighbours = [k - 1, k + 1].filter(j => j >= 0 && j < nonBlank.length && facts[nonBlank[j]]!.bullet && !content[j]).length;
  if (f.bullet && f.wordCount <= 12) {
    return listNeighbours && f.titleCaseShare >= 0.5 && f.wordCount <= 4 ? 'navigation list' : 'list of short links';
  }
  if (f.wordCount >= 5 && f.titleCaseShare >= 0.9 && f.stopShare < 0.1 && !f.endsSentence) return 'navigation list';
  if (f.proseLike) return 'outside the article';
  if (f.wordCount <= 3 && !f.endsSentence) return 'no sentence structure';
  if (!f.endsSentence && f.wordCount >= 5 && f.stopShare >= 0.12) return 'heading outside the article';
  return 'short line outside the article';
}
