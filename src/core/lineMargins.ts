/**
 * The trained line model's margins: what the model is (`LineModel`: an article model for each
 * form of page, and a meta model), how the line classifier is tuned (`BoilerplateOptions`), and
 * which of the article models reads a page (`lineMargins`, by whether the page ends its
 * sentences, sets blank lines, writes in a script without spaces or with few function words;
 * `isUnpunctuated`, which the context pass asks too). Apart from `boilerplate.ts` because the
 * context pass (`articleExtent.ts`) reads these options and this test, and `boilerplate.ts`
 * reads the context pass.
 */
import {
  PageFeatures,
  pageBlankShare,
  pageEndShare,
  pageFunctionWordShare,
  pageSpacelessShare,
  SPACELESS_ABOVE,
  SPARSE_BELOW,
  UNPUNCTUATED_BELOW,
  UNSPACED_BELOW,
} from './lineFeatures';
import { BoostedTrees, margin } from './model/boostedTrees';

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
   * near-article or short, and one is near-article (see `joinNearArticle`, articleExtent.ts). Default -0.25
   * (chosen by leave-sites-out cross-validation); the threshold itself turns the rule off.
   */
  readonly nearFloor?: number;
  /**
   * Lowest log-odds of a data line at the article's edge: a run of short lines and data lines
   * (with a number, of a shape some article line of the page has) right after or before the
   * article joins it up to its last such data line (see `joinNearArticle`, articleExtent.ts). Default -1 (chosen
   * by leave-sites-out cross-validation); the threshold itself turns the rule off.
   */
  readonly edgeFloor?: number;
}

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
  const unspaced = pageBlankShare(features) < (options.unspacedBelow ?? UNSPACED_BELOW);
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
 * Whether a page whose share of prose-shaped lines ending a sentence is `endShare`
 * (`pageEndShare`) ends fewer than `options.unpunctuatedBelow`: the page the `unpunctuated` (or
 * `bare`) article model reads. O(1).
 */
export function isUnpunctuated(endShare: number, options: Pick<BoilerplateOptions, 'unpunctuatedBelow'>): boolean {
  return endShare < (options.unpunctuatedBelow ?? UNPUNCTUATED_BELOW);
}
