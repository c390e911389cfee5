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
 */
import { numberLexicon } from './numbers';
import { LineSpan, words } from './text';
import { StopwordProfile } from './stopwords';
import {
  blankUnit,
  menuSeparator,
  ADDRESS_LIKE,
  CLOCK_TIME,
  LineFacts,
  LineFeatureMemo,
  LongWords,
  MIN_PROSE_WORDS,
  PageFeatures,
  longWordsOf,
  pageBlankShare,
  pageEndShare,
  pageFeatures,
  pageFunctionWordShare,
  pageSpacelessShare,
  proseEndShare,
  YEAR,
  SPACELESS_ABOVE,
  SPARSE_BELOW,
  UNPUNCTUATED_BELOW,
} from './lineFeatures';
import { BoostedTrees, margin } from './model/boostedTrees';
import { LINE_MODEL } from './model/lineModel';

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

/** Tuning of the line classifier; every field has a default. */
export interface BoilerplateOptions {
  /** The line model; default the one trained on the development pages. */
  readonly model?: LineModel;
  /** Log-odds above which a line is article text. Default 0. */
  readonly threshold?: number;
  /** Log-odds (of the meta model) below which an article line is taken for a byline, date or caption. Default -2. */
  readonly metaThreshold?: number;
  /** Longest run of doubtful lines between two article lines that joins the article. Default 3. */
  readonly maxGapLines?: number;
  /** Lowest log-odds a line of such a run may have. Default -4. */
  readonly gapFloor?: number;
  /** Lowest log-odds of a line that continues a list of the article (half of it for the mean of a list below a heading). Default -16. */
  readonly listFloor?: number;
  /**
   * Lowest mean log-odds of a list's items for the list to join the article through one of its
   * items: a list is judged as a whole, so that one teaser the model takes for article text
   * does not carry its list along. Default -1 (chosen by leave-sites-out cross-validation).
   */
  readonly listMeanFloor?: number;
  /**
   * Share of a page's prose-shaped lines ending a sentence (`pageEndShare`) below which the
   * page is read by the model's `unpunctuated` article model (by `bare` where it is unspaced as
   * well, see `unspacedBelow`). Lines cut short with an ellipsis are left out of the share (see
   * `pageEndShare`). Default 0.05 (`UNPUNCTUATED_BELOW`): below the least punctuated development
   * page (0.07), so that every page punctuated as those are is read as before. The features read
   * the prose of a page below `UNPUNCTUATED_BELOW` by its shape whatever this option says (see
   * `proseLines` in lineFeatures.ts), and a page in a script without spaces goes to the
   * `spacelessUnpunctuated` model by that constant too, as its features are read by it.
   */
  readonly unpunctuatedBelow?: number;
  /**
   * Share of the gaps between a page's non-blank lines that hold a blank line
   * (`pageBlankShare`) below which the page is read by the model's `unspaced` article model (by
   * `bare` where it is unpunctuated as well). Default 0.05: far below the least spaced
   * development page (0.13), so that every page laid out as those are is read as before.
   */
  readonly unspacedBelow?: number;
  /**
   * Share of a page's word characters in scripts set without spaces between words
   * (`pageSpacelessShare`) above which a page laid out with blank lines is read by the model's
   * `spaceless` article model (its `spacelessUnpunctuated` one where it ends too few of its
   * lines with a stop, see `lineMargins`). Default 0.5: most of the page's words, whatever
   * script its chrome, names or quotations are in. The features read such a page's prose by
   * `SPACELESS_ABOVE` whatever this option says.
   */
  readonly spacelessAbove?: number;
  /**
   * Share of function words in a page's long lines (`pageFunctionWordShare`) below which the
   * page is read by the model's `sparse` article model. Default `SPARSE_BELOW`. The line features
   * read a sparse page's prose by `SPARSE_BELOW` whatever this option says (see `proseLines` in
   * lineFeatures.ts).
   */
  readonly sparseBelow?: number;
  /**
   * Lowest log-odds of a near-article line, as jusText's near-good blocks: a run of doubtful
   * lines between two article lines, however long, joins the article when each of its lines is
   * near-article or short, and one is near-article (see `joinNearArticle`). Default -0.25
   * (chosen by leave-sites-out cross-validation); the threshold itself turns the rule off.
   */
  readonly nearFloor?: number;
  /**
   * Lowest log-odds of a data line at the article's edge: a run of short lines and data lines
   * (with a number, of a shape some article line of the page has) right after or before the
   * article joins it up to its last such data line (see `joinNearArticle`). Default -1 (chosen
   * by leave-sites-out cross-validation); the threshold itself turns the rule off.
   */
  readonly edgeFloor?: number;
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
    if (!(YEAR.test(f.text) || CLOCK_TIME.test(f.text))) return;
    dateWords ??= numberLexicon(profile.language).dateWords;
    if (isDateline(f, dateWords, profile.words)) verdicts[i] = boilerplate(META_REASON);
  });
  return verdicts;
}

/** The reason of a line the meta model, or `datelinesApart`, reads as the page's rather than the article's text. */
const META_REASON = 'byline, date or caption';
/** Words a dateline may give its time or its year in besides figures ("9:15 Uhr", "17 января 2024 года"). */
const DATELINE_WORDS = new Set(['am', 'pm', 'uhr', 'h', 'gmt', 'utc', 'года', 'год', 'г', 'yılı']);
/** A date in figures: day, month and year (any order, "." "/" or "-" between), or an ISO date. */
const DATE_IN_FIGURES = /(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})(?!\d)/u;

/**
 * Whether every word of the line with a letter names a month, a day or a time, or is a function
 * word of the page's language ("12 de marzo de 2024", "le 12 mars 2024"), and its figures give a
 * full date or a time; or, with up to `LABEL_WORDS` other words and no final stop, a full date
 * and a time apart from it.
 */
function isDateline(f: LineFacts, dateWords: ReadonlyMap<string, string>, functionWords: ReadonlySet<string>): boolean {
  let names = 0;
  let others = 0;
  for (const word of f.lowerWords) {
    if (!/\p{L}/u.test(word)) continue;
    if (dateWords.has(word)) names++;
    else if (!DATELINE_WORDS.has(word) && !functionWords.has(word)) others++;
  }
  const fullDate = DATE_IN_FIGURES.test(f.text) || (names > 0 && YEAR.test(f.text) && /\d.*\D\d|\d\D.*\d/u.test(f.text));
  // A date and a time under a label or an agency's name ("Stand: 14.05.2024 17:52 Uhr", "dpa |
  // 14.05.2024 – 12:40", "Updated 2:16 AM EST Nov 20, 2019"): a stamp, not a statement.
  // The time stands apart from the date ("Opening Bell 11.18.19" is a title with a date alone).
  if (others > 0) return others <= LABEL_WORDS && !f.endsSentence && fullDate && CLOCK_TIME.test(f.text.replace(DATE_IN_FIGURES, ' '));
  return CLOCK_TIME.test(f.text) || fullDate;
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

/**
 * The line model: `article` gives the log-odds that a line is article text rather than chrome;
 * `meta` the log-odds that an article line is text rather than a byline, a date line or a
 * caption (which are marked, so that they are not read as sentences of the story).
 */
export interface LineModel {
  readonly article: BoostedTrees;
  readonly meta: BoostedTrees;
  /**
   * The article model of a page that ends few of its prose-shaped lines with a sentence
   * terminal (a dump that drops them, a script without one): trained on the pages and on their
   * forms without final stops, so that it reads prose by its other features. The prose around
   * a line on such a page is its prose-shaped lines (see `proseLines` in lineFeatures.ts), so
   * that a form without stops shows the model the context its page shows.
   */
  readonly unpunctuated?: BoostedTrees;
  /**
   * The article model of a page that sets no blank lines between its lines (a dump that
   * separates paragraphs by line breaks alone): trained on the pages and on their forms without
   * blank lines, so that it reads the article by other features than the blank lines around
   * its paragraphs.
   */
  readonly unspaced?: BoostedTrees;
  /**
   * The article model of a page that neither ends its sentences nor sets blank lines between
   * its lines: trained on the pages and on their forms without either.
   */
  readonly bare?: BoostedTrees;
  /**
   * The article model of a page laid out with blank lines and written mostly in a script that
   * sets no spaces between its words and has no capitals (Chinese, Japanese, Thai…): trained on
   * the pages and on their forms in such a script, with and without sentence stops, so that it
   * reads prose and chrome by what a segmenter's words show.
   */
  readonly spaceless?: BoostedTrees;
  /**
   * The article model of such a page that ends few of its prose-shaped lines with a sentence
   * terminal (Thai, Lao, Khmer and Burmese mark none): trained on the pages and on their forms
   * in such a script without stops. Its prose is its prose-shaped lines, as an unpunctuated
   * page's is (see `proseLines` in lineFeatures.ts); the `spaceless` model learns from the same
   * forms read as any page is, so that its reading of pages with stops stays as it was.
   */
  readonly spacelessUnpunctuated?: BoostedTrees;
  /**
   * The article model of a page whose long lines hold few function words (a language that
   * writes its articles, prepositions and conjunctions onto the next word, as Hebrew, Arabic and
   * Amharic do, or whose function words no list holds): trained on the pages and on their forms
   * with their short function words so written, so that it reads prose by other features than
   * its function words.
   */
  readonly sparse?: BoostedTrees;
}

/**
 * The article model's log-odds that each non-blank line is article text, in order. A page that
 * ends less than `unpunctuatedBelow` of its prose-shaped lines with a sentence terminal is
 * unpunctuated; one where less than `unspacedBelow` of the gaps between its lines hold a blank
 * line is unspaced. A page that is not unspaced, and has more than `spacelessAbove` of its word
 * characters in a script set without spaces between words (`pageSpacelessShare`), is read by
 * the `spaceless` model, or by `spacelessUnpunctuated` where it ends less than
 * `UNPUNCTUATED_BELOW` of its prose-shaped lines (a sparse page's long lines) with a sentence
 * terminal (the share its prose columns are read by, whatever the options say): such a
 * script's words, as a segmenter finds them, are shorter and more, and it marks no names with
 * capitals, so every feature of length and case reads otherwise. Of other pages, one that is
 * unpunctuated and unspaced is read by the `bare` model, one that is either by the
 * `unpunctuated` or the `unspaced` model; of the rest, one in a spaced script whose long lines
 * hold fewer than `sparseBelow` function words (`pageFunctionWordShare`) by the `sparse` model,
 * any other by `article`. A model the line model lacks leaves the page to the next in that order
 * (`spacelessUnpunctuated` or `spaceless`, `bare`, then `unpunctuated`, `unspaced`, `sparse`,
 * `article`; a page in a script without spaces that lacks its stops goes on to `bare` or
 * `unpunctuated`, which learnt their forms read by shape as it is read, never to `spaceless`,
 * which did not), since without its stops a page loses the
 * whole article to the others, without its blank lines only parts of it. A page with few
 * function words that lacks its stops or blank lines stays with the models of its form, which
 * were measured on such pages; the `sparse` model was not (under leave-sites-out models, the
 * pages with their short function words glued on keep 0.9880 and 0.9422 of their article
 * lines read by it, 0.94 and 0.91 before their prose was read by its shape, `proseLines`; 0.87
 * and 0.86 by `article`). An unspaced page in such a script stays with the models of its
 * layout, which read it better than `spaceless` (trained on pages laid out with blank lines).
 * O(lines), and O(characters) for the script.
 */
export function lineMargins(
  model: LineModel,
  features: PageFeatures,
  options: Pick<BoilerplateOptions, 'unpunctuatedBelow' | 'unspacedBelow' | 'spacelessAbove' | 'sparseBelow'> = {},
): number[] {
  const endShare = pageEndShare(features);
  const unpunctuated = isUnpunctuated(endShare, options);
  const unspaced = pageBlankShare(features) < (options.unspacedBelow ?? 0.05);
  const inSpacelessScript = pageSpacelessShare(features) > (options.spacelessAbove ?? SPACELESS_ABOVE);
  const spaceless =
    !unspaced && inSpacelessScript ? (endShare < UNPUNCTUATED_BELOW ? model.spacelessUnpunctuated : model.spaceless) : undefined;
  // A segmenter's words are no words of a spaced script: their function-word share tells nothing here.
  const sparse =
    !inSpacelessScript && model.sparse && pageFunctionWordShare(features) < (options.sparseBelow ?? SPARSE_BELOW)
      ? model.sparse
      : undefined;
  const trees =
    spaceless ||
    (unpunctuated && unspaced && model.bare) ||
    (unpunctuated && model.unpunctuated) ||
    (unspaced && model.unspaced) ||
    sparse ||
    model.article;
  return features.nonBlank.map(i => margin(trees, features.rows[i]!));
}

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
  if (lineIndex && !content.some(Boolean))
    seedLargestBlock(content, margins, facts, lineIndex, floor, isUnpunctuated(proseEndShare(facts), options));
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
  const unpunctuated = isUnpunctuated(proseEndShare(facts), options);
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
 * Takes out of the article, in place, each menu or breadcrumb set on one line (`isInlineMenu`,
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
 * Whether a non-blank line right above or below menu line `k` (`isInlineMenu` or
 * `LineFacts.spacedMenu`), with no blank line between (`lineOf[j]`: the line of non-blank line
 * j; `factsOf(j)`: its facts), makes
 * a table with it: it holds about as many cells apart by the menu's own mark, runs of spaces or
 * a separator (`sameRowWidth`). A site's name and its login link set with one bar above a menu
 * of nine links make no table with it. O(the two lines' length).
 */
function tableRowBeside(k: number, lineOf: readonly number[], factsOf: (j: number) => LineFacts): boolean {
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
function proseBounds(count: number, isProse: (k: number) => boolean): readonly [first: number, last: number] {
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
function amongProse(k: number, [first, last]: readonly [number, number]): boolean {
  return k > first && k < last;
}

/** Most words of a line that `reasonFor` calls a copyright notice (a footer's notice runs on, an article's paragraph runs longer). */
const COPYRIGHT_MAX_WORDS = 60;
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
 * Whether a page whose share of prose-shaped lines ending a sentence is `endShare`
 * (`pageEndShare`) ends fewer than `options.unpunctuatedBelow`: the page the `unpunctuated` (or
 * `bare`) article model reads. O(1).
 */
function isUnpunctuated(endShare: number, options: Pick<BoilerplateOptions, 'unpunctuatedBelow'>): boolean {
  return endShare < (options.unpunctuatedBelow ?? UNPUNCTUATED_BELOW);
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
function isDateStamp(f: LineFacts): boolean {
  return f.wordCount <= STAMP_MAX_WORDS && isDateLine(f);
}

/**
 * A line that gives a date or a time and no sentence, in few words besides its figures
 * ("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", "14.09.2021 10:51"): a dateline. A
 * short one (`isDateStamp`) is all its words.
 */
function isDateLine(f: LineFacts): boolean {
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

/** Lines whose own form marks them as chrome wherever they stand. */
function isMarkedChrome(f: LineFacts): boolean {
  return f.noLetters || f.copyright || f.formField;
}

const HEADLINE_MIN_SCORE = 0.4;
const HEADLINE_SURE_SCORE = 0.6;
const HEADLINE_NEAR_LINES = 12;
const HEADLINE_MAX_WORDS = 30;
/** Fewest distinct character n-grams of a line compared by them: a share of fewer says little. */
const HEADLINE_MIN_GRAMS = 6;
/** Share of a body's words longer than 3 characters below which its script counts as one of short words (English bodies: over half). */
const SHORT_WORD_SCRIPT_LONG_SHARE = 0.4;

/** The order in which title lines are taken: [ends as a sentence, added by the headline search]. */
const TITLE_TIERS: readonly (readonly [boolean, boolean])[] = [
  [false, false],
  [false, true],
  [true, false],
  [true, true],
];

/** What the headline search finds: positions in `nonBlank`. */
export interface HeadlineSearch {
  /** Lines that are not article text and read as the headline: they join the article. */
  readonly found: readonly number[];
  /**
   * The page's headline: of the qualifying lines above the body that are article text after
   * the search, the one that shares the most with the body (a site's name or menu the article
   * model kept shares little), the highest among equals; the model's article lines before the
   * lines the search adds, and one that ends as a sentence only where no other qualifies; -1
   * where none qualifies.
   */
  readonly title: number;
}

/**
 * The headline stands somewhere above the body (behind share widgets, bylines, a list of
 * popular stories) and shares its words with the body. The best-scoring line among the
 * qualifying lines near the first article line is taken (the nearest among equals), or the
 * best-scoring one further up when none near qualifies, with any near line that scores high.
 * A line the article model scores below `floor` (the context pass's gap floor) is no
 * candidate. One that reads as a sentence (some sites end their headlines with a full stop)
 * is one when it scores high; otherwise only near the body, and only where no other line
 * qualifies. Character n-grams are compared only where the body's script writes short words.
 * Lines that are article text already are scored the same way for the page's title.
 * Input: every line's facts (undefined for blank lines), the non-blank lines' indices, and per
 * non-blank line whether it is article text and its margin; `longWords`, the lines' long words
 * numbered (`pageFeatures` gives them; numbered here when not given). O(lines + body words).
 */
export function headlineSearch(
  facts: readonly (LineFacts | undefined)[],
  nonBlank: readonly number[],
  content: readonly boolean[],
  margins: readonly number[],
  floor: number,
  longWords?: LongWords,
  meta?: readonly boolean[],
): HeadlineSearch {
  // The body is the article's lines that read as sentences. An article that has none (a
  // script without sentence stops, such as Thai; a dump that drops them; a language without a
  // function-word list) is read by its lines long enough to be prose instead.
  const proseBody = content.some((c, k) => c && facts[nonBlank[k]]!.proseLike);
  const inBody = (k: number) => {
    const f = facts[nonBlank[k]]!;
    return content[k] && (proseBody ? f.proseLike : f.wordCount >= MIN_PROSE_WORDS);
  };
  let start = 0;
  while (start < content.length && !inBody(start)) start++;
  if (start === 0 || start === content.length) return { found: [], title: -1 };
  const { index, ids } = longWords ?? longWordsOf(facts);
  // The body's long words are the ones tallied.
  index.beginCount();
  const bodyLines: LineFacts[] = [];
  let bodyWords = 0;
  let bodyLongWords = 0;
  for (let k = start; k < nonBlank.length; k++) {
    if (!inBody(k)) continue;
    const f = facts[nonBlank[k]]!;
    const own = ids[nonBlank[k]]!;
    index.add(own);
    bodyLongWords += own.length;
    bodyWords += f.wordCount;
    bodyLines.push(f);
  }
  // Character n-grams stand in for words only where the body's script writes short words
  // (Chinese, Japanese, Korean), so that few of its words are long enough to compare: in
  // other scripts a line of short words ("Log in or out") shares n-grams with any body by chance.
  const shortWordScript = bodyLongWords < SHORT_WORD_SCRIPT_LONG_SHARE * bodyWords;
  // Chinese and Japanese write a word in one or two characters, each a syllable: there a word
  // is a character bigram (as CJK search indexes them), and a headline that rephrases the body
  // shares its words but seldom three characters in a row.
  let gramLength = 3;
  let grams: Set<string> | undefined;
  const found: number[] = [];
  const outside = new HeadlineChoice();
  // The lines that may be the page's title, article text or not: each with how many of its words (or n-grams) the body has.
  const titleLines: { readonly k: number; readonly shared: number; readonly score: number; readonly endsSentence: boolean }[] = [];
  for (let k = start - 1; k >= 0; k--) {
    const f = facts[nonBlank[k]]!;
    // An address shares the headline's words when it spells them, but is never the headline.
    if (margins[k] < floor || f.bullet || f.wordCount > HEADLINE_MAX_WORDS || isMarkedChrome(f) || LINK_LIKE.test(f.text)) continue;
    const near = start - k <= HEADLINE_NEAR_LINES;
    const own = ids[nonBlank[k]]!;
    const long = own.length;
    let shared = 0;
    for (let j = 0; j < long; j++) if (index.tally(own[j]) > 0) shared++;
    let score: number;
    if (long >= 2) {
      if (shared < 2) continue;
      score = shared / long;
    } else if (shortWordScript && f.wordCount >= 3) {
      // Scripts with short words: the share of the line's character n-grams found in the body.
      // They run across the words of a line (words of one or two characters have none of their own), not across lines.
      if (!grams) {
        const bodyText = bodyLines.map(b => b.lowerWords.join('')).join(' ');
        if (hanOrKanaShare(bodyText) > 0.5) gramLength = 2;
        grams = lineGrams(bodyText, gramLength);
      }
      const own = lineGrams(f.lowerWords.join(''), gramLength);
      if (own.size < HEADLINE_MIN_GRAMS) continue;
      let hits = 0;
      for (const t of own) if (grams.has(t)) hits++;
      score = hits / own.size;
      shared = hits;
    } else {
      continue;
    }
    if (score >= HEADLINE_MIN_SCORE && (!f.proseLike || score >= HEADLINE_SURE_SCORE))
      titleLines.push({ k, shared, score, endsSentence: f.endsSentence });
    if (content[k]) continue;
    if (score >= HEADLINE_SURE_SCORE && near) found.push(k);
    outside.consider(k, score, near, f.proseLike);
  }
  // The body's first line, short and followed at once by a date, a byline or a caption, is the
  // headline itself, kept by the article model: a line far above that shares some of its words
  // is then chrome. (A line near the body that the model kept and that shares the headline's
  // words says less: it may be a share prompt that quotes the headline.)
  const next = start + 1 < nonBlank.length ? facts[nonBlank[start + 1]]! : undefined;
  const leadIsHeadline =
    facts[nonBlank[start]]!.wordCount <= HEADLINE_MAX_WORDS && next !== undefined && (meta?.[start + 1] === true || isDateLine(next));
  const best = outside.chosen(leadIsHeadline);
  if (best >= 0) found.push(best);
  // The title shares the most with the body (a site's name or menu kept as article text shares
  // little); among equals, the one with the larger share of its own words in the body (a
  // breadcrumb or a share prompt that quotes the headline adds words the body lacks), and then
  // the one highest on the page. A line the article model kept comes before one the search adds
  // (a photo caption near the body, a line of chrome that names the story's place), and a line
  // that ends as a sentence (a lede the body does not take in) only where no other qualifies.
  let title = -1;
  for (const [sentences, added] of TITLE_TIERS) {
    let titleShared = 0;
    let titleScore = 0;
    for (const { k, shared, score, endsSentence } of titleLines) {
      const qualifies = endsSentence === sentences && (content[k] ? !added : added && found.includes(k));
      if (qualifies && (shared > titleShared || (shared === titleShared && score >= titleScore)))
        [title, titleShared, titleScore] = [k, shared, score];
    }
    if (title >= 0) break;
  }
  return { found, title };
}

/**
 * The headline among scored lines, met from the body upwards: the best-scoring qualifying line,
 * a near one before any far one. A line that reads as a sentence qualifies when it scores high;
 * otherwise it is kept, near the body, as the fallback where no other line qualifies.
 */
class HeadlineChoice {
  private best = -1;
  private bestScore = 0;
  private bestNear = false;
  private fallback = -1;
  private fallbackScore = 0;

  consider(k: number, score: number, near: boolean, proseLike: boolean): void {
    // A line that reads as a sentence may be a headline with a full stop, but it may as well be
    // a caption or a notice (cookies, sign-up) whose common words the body happens to use: unless
    // it scores high it is taken only near the body, and only where no other line qualifies.
    if (proseLike && score < HEADLINE_SURE_SCORE) {
      if (near && score >= HEADLINE_MIN_SCORE && score > this.fallbackScore + 1e-9) [this.fallback, this.fallbackScore] = [k, score];
      return;
    }
    // A near line that qualifies is preferred to a better-scoring far one: far above the body
    // stand teasers of other stories, whose common words can score high by chance.
    if (
      score >= HEADLINE_MIN_SCORE &&
      (this.best < 0 || (near && !this.bestNear) || (near === this.bestNear && score > this.bestScore + 1e-9))
    ) {
      this.bestScore = score;
      this.bestNear = near;
      this.best = k;
    }
  }

  /** The line chosen; with `nearOnly`, none far above the body. */
  chosen(nearOnly = false): number {
    if (nearOnly && !this.bestNear) return this.fallback;
    return this.best >= 0 ? this.best : this.fallback;
  }
}

/** The character n-grams of `s` (UTF-16 units), none across a space. */
function lineGrams(s: string, n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) {
    const t = s.slice(i, i + n);
    if (!t.includes(' ')) out.add(t);
  }
  return out;
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** The share of the letters and digits of `text` that are Chinese characters or kana. */
function hanOrKanaShare(text: string): number {
  const letters = text.match(LETTER_OR_DIGIT)?.length ?? 0;
  return letters ? (text.match(HAN_OR_KANA)?.length ?? 0) / letters : 0;
}

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

const LINK_LIKE = /https?:\/\/|www\.|\S@\S/i;

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
