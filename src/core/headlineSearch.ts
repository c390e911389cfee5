/**
 * The headline search: the page's headline stands somewhere above the article's body and shares
 * its words with it (or, in scripts with short words, its character n-grams: bigrams in Chinese
 * and Japanese, trigrams in others). Lines above the body that the model doubts and that share
 * enough join the article (`HeadlineSearch.found`), and the line above the body that shares the
 * most is the page's title (`HeadlineSearch.title`). Apart from `boilerplate.ts` because it
 * reads a body the context pass (`articleExtent.ts`) has already decided, and only the line
 * tests of that pass.
 */
import { LINK_LIKE, isDateLine, isMarkedChrome } from './articleExtent';
import { LineFacts, LongWords, MIN_PROSE_WORDS, longWordsOf } from './lineFeatures';

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
   * lines the search adds, and one that ends as a sentence only where no other qualifies;
   * where none does, the body's first line when it reads as the headline itself (short, with a
   * date, byline or caption right under it); -1 otherwise.
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
  if (start === content.length) return { found: [], title: -1 };
  // The body's first line, short and followed at once by a date, a byline or a caption, is the
  // headline itself, kept by the article model: a line far above that shares some of its words
  // is then chrome. (A line near the body that the model kept and that shares the headline's
  // words says less: it may be a share prompt that quotes the headline.)
  const next = start + 1 < nonBlank.length ? facts[nonBlank[start + 1]]! : undefined;
  const leadIsHeadline =
    facts[nonBlank[start]]!.wordCount <= HEADLINE_MAX_WORDS && next !== undefined && (meta?.[start + 1] === true || isDateLine(next));
  if (start === 0) return { found: [], title: leadIsHeadline ? 0 : -1 };
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
  const titleLines: {
    readonly k: number;
    readonly shared: number;
    readonly score: number;
    readonly endsSentence: boolean;
    readonly listItem: boolean;
  }[] = [];
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
    // A menu set on one line shares a few common words with a body of short words by chance
    // (Vietnamese "Thời sự | Giải trí" with "thời gian", "giải phóng"): it is the headline only
    // where most of its words are the body's ("Big news | Rain in Delhi | Alert issued").
    if ((f.inlineMenu || f.spacedMenu) && score < HEADLINE_SURE_SCORE) continue;
    if (score >= HEADLINE_MIN_SCORE && (!f.proseLike || score >= HEADLINE_SURE_SCORE))
      titleLines.push({ k, shared, score, endsSentence: f.endsSentence, listItem: f.listMarker && !f.bullet });
    if (content[k]) continue;
    if (score >= HEADLINE_SURE_SCORE && near) found.push(k);
    outside.consider(k, score, near, f.proseLike);
  }
  const best = outside.chosen(leadIsHeadline);
  if (best >= 0) found.push(best);
  // The title shares the most with the body (a site's name or menu kept as article text shares
  // little); among equals, the one with the larger share of its own words in the body (a
  // breadcrumb or a share prompt that quotes the headline adds words the body lacks), and then
  // the one highest on the page that is no numbered list item (a breadcrumb's last step,
  // "3. <headline>", repeats the headline's words above it). A line the article model kept
  // comes before one the search adds (a photo caption near the body, a line of chrome that
  // names the story's place), and a line that ends as a sentence (a lede the body does not take
  // in) only where no other qualifies.
  let title = -1;
  for (const [sentences, added] of TITLE_TIERS) {
    let titleShared = 0;
    let titleScore = 0;
    let titleListItem = false;
    for (const { k, shared, score, endsSentence, listItem } of titleLines) {
      const qualifies = endsSentence === sentences && (content[k] ? !added : added && found.includes(k));
      const better =
        shared > titleShared || (shared === titleShared && (score > titleScore || (score === titleScore && (titleListItem || !listItem))));
      if (qualifies && better) [title, titleShared, titleScore, titleListItem] = [k, shared, score, listItem];
    }
    if (title >= 0) break;
  }
  // Where no line above the body is the title, the body's first line is, when it reads as the
  // headline itself (short, a date, byline or caption right under it): a headline of two
  // sentences ("Doubles down on ‘Meth. We’re on it.’ They just might be.") is then one title.
  if (title < 0 && leadIsHeadline) title = start;
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
