/**
 * Stage 11, changed facts: what each member of a group changes against the group's anchor,
 * each change classified by what it touches (number, quote, name, attribution, negation) or
 * else `wording`.
 *
 * Both wordings are read as tokens: numbers (digits of any script with their separators, or
 * written out, with a following "million" and the like folded in), a word for half (the share
 * 50 %, or before a scale word that figure), and month, weekday and relative day names stand
 * as their values, so "twelve" and "12" or "1,000" and "1000" are the same token; words
 * compare in lower case; quotation marks of every script are one token. The two token lists
 * are aligned word by word (jsdiff's `diffArrays`, Myers' O(ND) diff, the algorithm `wordDiff`
 * uses, in `diffRuns`), and each run of differing tokens is one change, classified by the first kind that
 * applies:
 *
 * 1. negation: the two sentences carry different numbers of negation words, and the run holds one;
 * 2. number: the run holds a figure, date or share that the other sentence does not carry; a
 *    day told from the day of writing ("yesterday", "heute") against a weekday, a day of a
 *    month, or a relative day one day off ("on Tuesday", "July 13", "today") is not one, as a
 *    reprint a day later tells the same day so;
 * 3. attribution: the run lies in the agent of a speech verb (the words before "said", after
 *    "according to"), outside quotation marks;
 * 4. quote: the run lies inside quotation marks, or adds or drops them;
 * 5. name: the run holds a capitalised word, not sentence-initial, that the other sentence
 *    lacks (only in scripts with case, and not in a sentence set in title case); marked
 *    `variant` where the names on the two sides are spellings of one (similar letters);
 * 6. wording: everything else.
 *
 * A fact is reported on its own tokens and the rest of its run is read again beside it, so a
 * name inside a rewritten clause is a change of its own (`classifiedHunks`). A pair too far
 * apart to align within `maxEdits` is one `wording` change plus each fact one side lacks
 * (`rewrittenHunks`). Nothing is kept between calls: a caller that compares the same pairs
 * again passes a `ChangeCache` (the analyzer does).
 */
import { QUOTE_CLOSERS } from './quotationMarks';
import {
  agentFollows,
  hedgeBefore,
  invertsCompoundSpeech,
  isCompoundSpeech,
  isCommonAcronym,
  isDefiniteArticle,
  isNegation,
  isProperAdjective,
  isTellingVerb,
  isTitle,
  speechVerbs,
} from './factWords';
import { DIGITS, REFERENCE, WORD, hasCapital, tokenSpans } from './factTokenSpans';
import { writesMonthFirst } from './published';
import { diffRuns } from './keyDiff';
import {
  AMBIGUOUS_DATE_WORDS,
  CURRENCY_SCALES,
  GLUED_SCALES,
  PERCENT_PHRASES,
  asciiDigits,
  NumberLexicon,
  CURRENCY_WORDS,
  PERCENT_WORDS,
  digitValue,
  groupsThousandsBySpace,
  monthKey,
  numberLexicon,
  phraseKey,
} from './numbers';
import { bigramProfile, profileSimilarity } from './similarity';
import { capitalisesNouns, functionWordsOf } from './stopwords';
import { withoutInvisibles } from './text';
import type { ChangeKind, FactChange } from './types';

/** Verbs whose agent follows only with "by" ("quoted by the agency"; "the agency quoted him"). */
const QUOTING = new Set(['quoted', 'cited', 'zitiert', 'cité', 'citado', 'citato', 'geciteerd']);

/** Words on one side of a run that a fact on the other side is read as replacing, not cut from. */
const FEW_WORDS = 3;

/** The word that introduces an agent ("by the Kremlin"), per language. */
const BY = /^(by|von|par|por|da|door|av)$/;

/** Words besides negations that a hunk may hold and still read as a negation added or dropped. */
const MAX_NEGATION_CONTEXT = 4;

type TokenKind = 'word' | 'number' | 'date' | 'quote' | 'punct';

/** A token of a sentence: its comparison key, kind and `[start, end)` in the sentence's text. */
export interface FactToken {
  readonly key: string;
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter. */
  readonly capital: boolean;
  /** A number written as an ordinal ("third", "3rd"): it counts even after "the". */
  readonly ordinal: boolean;
}

/** A token; every token is made here, so that all have one shape and code reading them stays monomorphic. */
function factToken(key: string, kind: TokenKind, start: number, end: number, capital: boolean, ordinal = false): FactToken {
  return { key, kind, start, end, capital, ordinal };
}

/** The apostrophes that join a possessive ending to its word ("UN's", "UN’s"). */
const APOSTROPHES = "'\u2019";
/** A currency sign ($, €, £, ¥, ₹…). */
const CURRENCY_SIGN = /^\p{Sc}$/u;
/** A minus sign: the hyphen-minus as typed, the minus of typesetting, or the en dash some typesetting sets for it. */
const MINUS_SIGNS = '-\u2212\u2013';
/** What may stand right before a sign that opens a figure: a space, an opening bracket or quotation mark. */
const BEFORE_SIGN = /[\s([{"“„«‘'‚]/u;

/**
 * Where the one-letter capital word at span `k` opens initials set apart by full stops ("U.N.",
 * "U.S.", "E.U."): the letters (with the word a hyphen joins to the last stop, "U.N.-brokered",
 * or the possessive ending an apostrophe joins to it, "U.N.'s"), where they end, and the index
 * of their last span.
 * Undefined for a single initial ("J. Smith") and where no stop follows. O(initials).
 */
function dottedInitials(text: string, spans: readonly number[], k: number): { letters: string; end: number; last: number } | undefined {
  let letters = text[spans[k]];
  let j = k;
  // Each step: a stop right after the letter, then another capital letter alone right after the
  // stop or one space after it ("J. R. R. Tolkien" and "J.R.R. Tolkien" are one name).
  while (
    j + 6 < spans.length &&
    spans[j + 3] === spans[j + 1] &&
    text[spans[j + 3]] === '.' &&
    (spans[j + 6] === spans[j + 3] + 1 || (spans[j + 6] === spans[j + 3] + 2 && text[spans[j + 3] + 1] === ' ')) &&
    spans[j + 7] === spans[j + 6] + 1 &&
    spans[j + 8] === WORD &&
    /\p{Lu}/u.test(text[spans[j + 6]])
  ) {
    letters += text[spans[j + 6]];
    j += 6;
  }
  if (letters.length < 2 || !(j + 3 < spans.length && spans[j + 3] === spans[j + 1] && text[spans[j + 3]] === '.')) return undefined;
  const stop = j + 3;
  // "U.N.-brokered" is "UN-brokered", one word as written without the stops.
  const hyphen = stop + 3;
  if (
    hyphen + 3 < spans.length &&
    spans[hyphen] === spans[stop] + 1 &&
    spans[hyphen + 1] === spans[hyphen] + 1 &&
    text[spans[hyphen]] === '-' &&
    spans[hyphen + 3] === spans[hyphen + 1] &&
    spans[hyphen + 5] === WORD
  )
    return { letters: `${letters}-${text.slice(spans[hyphen + 3], spans[hyphen + 4])}`, end: spans[hyphen + 4], last: hyphen + 3 };
  // "U.N.'s" is "UN's", which the word pattern reads as one word with its possessive ending.
  const apostrophe = stop + 3;
  if (
    apostrophe + 3 < spans.length &&
    spans[apostrophe] === spans[stop] + 1 &&
    spans[apostrophe + 1] === spans[apostrophe] + 1 &&
    APOSTROPHES.includes(text[spans[apostrophe]]) &&
    spans[apostrophe + 3] === spans[apostrophe + 1] &&
    spans[apostrophe + 5] === WORD
  )
    return {
      letters: `${letters}${text[spans[apostrophe]]}${text.slice(spans[apostrophe + 3], spans[apostrophe + 4])}`,
      end: spans[apostrophe + 4],
      last: apostrophe + 3,
    };
  return { letters, end: spans[stop] + 1, last: stop };
}

/**
 * Where the figure of plain digits `figure` at `start` begins, and its value where what stands
 * before it changes that value: a minus sign after a space, an opening bracket or mark, or at
 * the start of the text ("-5", "to −5", "(–5 °C)"), and not after a figure with only spaces
 * between ("5 -6" is a range, "2 -1" a score; "COVID-19" and "pp.-12" are no minus either),
 * makes it negative; a full stop after a space or at the start of the text (".5 percent")
 * makes it a fraction. Undefined `value` where nothing does. O(1), but for the spaces before a sign.
 */
function figureLead(text: string, start: number, figure: string): { readonly start: number; readonly value?: string } {
  const before = text[start - 1];
  if (before === undefined) return { start };
  const opens = start < 2 || BEFORE_SIGN.test(text[start - 2]);
  if (opens && MINUS_SIGNS.includes(before) && !afterFigure(text, start - 1)) return { start: start - 1, value: `-${digitValue(figure)}` };
  if (opens && before === '.' && (start < 2 || /\s/.test(text[start - 2])) && /^[0-9]+$/.test(figure))
    return { start: start - 1, value: String(Number(`0.${figure}`)) };
  return { start };
}

/**
 * Whether the tokens read so far end in an amount: a figure, a written number ("cent", "three")
 * or a scale word ("3 million", "a thousand"; a short one with its stop, "4,5 Mio."), which the
 * tokens are read into later.
 */
function afterAmount(raw: readonly FactToken[], lexicon: NumberLexicon): boolean {
  const last = raw[raw.length - 1];
  if (!last) return false;
  if (last.kind === 'number') return last.key.startsWith('#');
  // "4,5 Mio. Euro": the stop of a scale written short.
  if (last.kind === 'punct' && last.key === '.' && raw.length >= 2) {
    const scale = raw[raw.length - 2];
    return scale.kind === 'word' && scale.end === last.start && lexicon.scales.has(scale.key);
  }
  return last.kind === 'word' && (lexicon.scales.has(last.key) || lexicon.phrases.has(phraseKey([last.key])));
}

/** Whether a digit stands before `at` with nothing but spaces between. */
function afterFigure(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\u00a0')) k--;
  return k >= 0 && /\p{Nd}/u.test(text[k]);
}

/** A quotation mark left as a character reference, with or without its ampersand. */
const ENTITY_QUOTE = /(?:quot|[lr][sd]quo|#3[49]|#822[01]);/;
const QUOTE_MARKS = '"“”„‟«»‹›「」『』‘’‚\'';

/** The key prefix of a day named by its distance from the day of writing ("yesterday" is `relday:-1`). */
const RELATIVE_DAY = 'relday:';

/** A figure of one to three digits, and a group of exactly three digits that may follow it ("200", "200,5"). */
const LEADING_GROUP = /^\p{Nd}{1,3}$/u;
const FOLLOWING_GROUP = /^\p{Nd}{3}(?!\p{Nd})/u;

/**
 * Where a figure written with spaces between its groups of thousands ends: the index in
 * `spans` (flat triples, see `tokenSpans`) of its last group, or `k` itself. French, Russian,
 * Polish, the Nordic languages and SI style set thousands apart by a space, which a page dump
 * keeps as a plain one ("1 200"); read as two numbers, "1 200" against "1 200" with a no-break
 * space, or "1200", would be a changed figure. A group joins when the figure so far is one group of one to three digits, or
 * groups joined so, and the next token, one space (or thin space) on, opens with exactly three
 * digits. A year before a count ("2022 300") never joins. O(g) for g groups.
 */
function spaceGroupsAfter(text: string, spans: readonly number[], k: number): number {
  if (!LEADING_GROUP.test(text.slice(spans[k], spans[k + 1]))) return k;
  let last = k;
  for (let next = k + 3; next < spans.length && spans[next + 2] === DIGITS; next += 3) {
    const gap = spans[next] - spans[last + 1];
    const space = text.charCodeAt(spans[last + 1]);
    if (gap !== 1 || (space !== 0x20 && space !== 0x2009)) break;
    if (!FOLLOWING_GROUP.test(text.slice(spans[next], spans[next + 1]))) break;
    last = next;
    // A group with a decimal mark or another separator in it ends the figure.
    if (spans[next + 1] - spans[next] !== 3) break;
  }
  return last;
}

/** A piece of a word token as a key: lower case, invisible format characters (a soft hyphen) left out. */
function pieceKey(piece: string): string {
  return withoutInvisibles(piece.toLowerCase());
}

/**
 * The tokens of one sentence in a language (ISO 639-1). Written numbers are matched longest
 * first, up to the longest phrase of the language. O(n · k) for n tokens, k that phrase length.
 */
export function factTokens(text: string, language: string, words: WordForms = new WordForms()): FactToken[] {
  const lexicon = numberLexicon(language);
  const known = words.language(language);
  const raw: FactToken[] = [];
  const spans = tokenSpans(text);
  const spaceGrouped = groupsThousandsBySpace(language);
  let date: FigureDate | undefined;
  for (let k = 0; k < spans.length; k += 3) {
    const start = spans[k];
    const end = spans[k + 1];
    const part = spans[k + 2];
    // A character reference left in the text by a page dump stands for punctuation, not a number or a word.
    if (part === REFERENCE) continue;
    const token = text.slice(start, end);
    const word = part === WORD ? words.word(token) : undefined;
    const hyphen = word ? word.hyphen : -1;
    if (
      hyphen > 0 &&
      lexicon.phrases.has(pieceKey(token.slice(0, hyphen))) &&
      !lexicon.phrases.has(phraseKey([withoutInvisibles(token)]))
    ) {
      // "six-week": a number word fused to its noun is a number and a word.
      raw.push(factToken(pieceKey(token.slice(0, hyphen)), 'word', start, start + hyphen, false));
      raw.push(factToken(pieceKey(token.slice(hyphen + 1)), 'word', start + hyphen + 1, end, false));
    } else if (part === DIGITS && (date = figureDate(text, start, language)) !== undefined) {
      // "05/05/2024": the day, the month and the year, as "5 May 2024" reads.
      for (const [from, to, key, kind] of date.parts) raw.push(factToken(key, kind, from, to, false));
      while (k + 3 < spans.length && spans[k + 3] < date.end) k += 3;
    } else if (part === DIGITS) {
      // "1 200": in a language that writes its figures so, groups of three set apart by a space
      // are one figure (see `spaceGroupsAfter`). English "June 12 300 people" is two.
      const groups = spaceGrouped ? spaceGroupsAfter(text, spans, k) : k;
      const figureEnd = spans[groups + 1];
      const figure = groups === k ? token : text.slice(start, figureEnd).replace(/[ \u2009]/g, '\u00a0');
      k = groups;
      const glued = k + 3 < spans.length && spans[k + 3] === figureEnd && spans[k + 5] === WORD;
      // "120万元": a scale written onto the figure, the rest of the word a word of its own.
      let scale = 1;
      let scaleEnd = figureEnd;
      while (glued && scaleEnd < spans[k + 4] && GLUED_SCALES.has(text[scaleEnd])) scale *= GLUED_SCALES.get(text[scaleEnd++])!;
      if (scaleEnd > figureEnd) {
        raw.push(factToken(`#${String(scaled(Number(digitValue(figure)), scale))}`, 'number', start, scaleEnd, false));
        if (scaleEnd < spans[k + 4]) {
          const rest = words.word(text.slice(scaleEnd, spans[k + 4]));
          raw.push(factToken(rest.key, 'word', scaleEnd, spans[k + 4], rest.capital));
        }
        k += 3;
        continue;
      }
      // "21st", "2e", "3º": the ordinal's ending is part of the figure, which is the number it counts.
      const ordinalEnd = glued && lexicon.ordinalSuffixes.has(text.slice(figureEnd, spans[k + 4]).toLowerCase()) ? spans[k + 4] : figureEnd;
      // "-5", "−5 °C", ".5": a sign or a decimal mark right before the figure is part of its value.
      const lead = figureLead(text, start, figure);
      if (lead.start < start && raw.length && raw[raw.length - 1].kind === 'punct' && raw[raw.length - 1].start >= lead.start) raw.pop();
      raw.push(factToken(`#${lead.value ?? digitValue(figure)}`, 'number', lead.start, ordinalEnd, false));
      if (ordinalEnd !== figureEnd) k += 3;
    } else if (word && CURRENCY_WORDS.has(word.key) && afterAmount(raw, lexicon)) {
      // "250 euros", "3 million dollars": a currency's name after an amount; elsewhere the word
      // is any word ("storms pound the coast", "un livre").
      raw.push(factToken(CURRENCY_WORDS.get(word.key)!, 'number', start, end, false));
    } else if (word) {
      // "U.N.", "U.S.": capitals set apart by full stops are the one word "UN", "US" that other
      // papers write without them, not a name "U" and a letter.
      const initials = word.capital && end - start === 1 ? dottedInitials(text, spans, k) : undefined;
      if (initials) {
        raw.push(factToken(words.word(initials.letters).key, 'word', start, initials.end, true));
        k = initials.last;
      } else raw.push(factToken(word.key, 'word', start, end, word.capital));
    } else if (QUOTE_MARKS.includes(token)) raw.push(factToken('"', 'quote', start, end, false));
    else if (PERCENT_WORDS.has(token)) raw.push(factToken('%', 'number', start, end, false));
    // "$3 million", "€3 million": the currency is part of the amount, and another is another amount.
    else if (CURRENCY_SIGN.test(token)) raw.push(factToken(token, 'number', start, end, false));
    else raw.push(factToken(token, 'punct', start, end, false));
  }
  const out: FactToken[] = [];
  for (let i = 0; i < raw.length;) {
    const t = raw[i];
    let value: number | undefined;
    let next = i + 1;
    const facts = t.kind === 'word' ? known.of(t.key) : undefined;
    const ordinal = facts && i > 0 && lexicon.ordinalDeterminers.has(raw[i - 1].key) ? ordinalAt(raw, i, lexicon) : undefined;
    if (ordinal) {
      out.push(factToken(`#${ordinal.value}`, 'number', t.start, raw[ordinal.next - 1].end, false, true));
      i = ordinal.next;
      continue;
    }
    const clock = t.kind === 'number' ? clockAt(text, raw, i) : undefined;
    if (clock) {
      out.push(factToken(clock.key, 'number', t.start, raw[clock.next - 1].end, false));
      i = clock.next;
      continue;
    }
    // "a million", "a hundred thousand": one of the scale, as "1 million" and "100,000" read.
    const single = facts && lexicon.shareArticles.has(t.key) ? singleScaleAt(text, raw, i, lexicon) : undefined;
    if (single) {
      out.push(factToken(`#${String(single.value)}`, 'number', t.start, raw[single.next - 1].end, false));
      i = single.next;
      continue;
    }
    if (facts?.startsNumber) {
      for (let n = Math.min(lexicon.longest, raw.length - i); n >= 1 && value === undefined; n--) {
        const run = raw.slice(i, i + n);
        if (run.some(x => x.kind !== 'word')) continue;
        const found = lexicon.phrases.get(phraseKey(run.map(x => x.key)));
        if (found !== undefined) {
          value = found;
          next = i + n;
        }
      }
    } else if (t.kind === 'number' && t.key.startsWith('#') && !t.key.includes(':')) value = Number(t.key.slice(1));
    if (value !== undefined) {
      const scale = next < raw.length && raw[next].kind === 'word' ? scaleAfter(text, raw, i, next, lexicon) : undefined;
      if (scale) {
        value = scaled(value, scale);
        next++;
      }
      out.push(factToken(`#${String(value)}`, 'number', t.start, raw[next - 1].end, false));
      i = next;
      continue;
    }
    if (
      facts &&
      out[out.length - 1]?.kind === 'number' &&
      i + 1 < raw.length &&
      raw[i + 1].kind === 'word' &&
      PERCENT_PHRASES.has(`${t.key} ${raw[i + 1].key}`)
    ) {
      // "50 per cent", "50 pour cent": one word for percent in two, after a figure ("pour cent
      // euros" is "for a hundred euros").
      out.push(factToken('%', 'number', t.start, raw[i + 1].end, t.capital));
      i += 2;
      continue;
    }
    if (facts) {
      const amount = facts.amount;
      if (amount !== undefined) {
        out.push(factToken(`#~${amount}`, 'number', t.start, t.end, t.capital));
        i++;
        continue;
      }
      const share = facts.share;
      // "the second half", "two and a half": a half counted, not a share of a whole.
      if (share !== undefined && !(i > 0 && (out[out.length - 1]?.ordinal || lexicon.shareArticles.has(raw[i - 1].key)))) {
        // "half a million", "نصف مليون" are a figure; "half the votes" the share "50 %" of them.
        const at = i + 1 < raw.length && raw[i + 1].kind === 'word' && lexicon.shareArticles.has(raw[i + 1].key) ? i + 2 : i + 1;
        const scale = at < raw.length && raw[at].kind === 'word' ? lexicon.scales.get(raw[at].key) : undefined;
        if (scale) {
          out.push(factToken(`#${String(share * scale)}`, 'number', t.start, raw[at].end, t.capital));
          i = at + 1;
        } else {
          out.push(factToken(`#${String(share * 100)}`, 'number', t.start, t.end, t.capital));
          out.push(factToken('%', 'number', t.start, t.end, false));
          i++;
        }
        continue;
      }
      // A capital inside a sentence or an article before it makes a noun of it: "am Morgen",
      // "por la mañana" (the morning).
      if (
        facts.relativeDay !== undefined &&
        (!t.capital || sentenceInitial(raw, i)) &&
        !(i > 0 && raw[i - 1].kind === 'word' && lexicon.articles.has(raw[i - 1].key))
      ) {
        out.push(factToken(`${RELATIVE_DAY}${facts.relativeDay}`, 'date', t.start, t.end, t.capital));
        i++;
        continue;
      }
      const date = facts.date;
      if (facts.percent) {
        out.push(factToken('%', 'number', t.start, t.end, t.capital));
        i++;
        continue;
      }
      // A month name that is an everyday word too ("may", "mai") is a month where capitalised,
      // or, in a language that writes its months in lower case, beside a figure ("le 5 mai").
      const month = t.capital || !AMBIGUOUS_DATE_WORDS.has(t.key) || (lexicon.datesInLowerCase && besideFigure(raw, i));
      if (date && month && !capitalisedName(text, raw, i, lexicon, language)) {
        out.push(factToken(date, 'date', t.start, t.end, t.capital));
        i++;
        continue;
      }
    }
    out.push(t);
    i++;
  }
  return out;
}

/**
 * The figure an indefinite article `raw[i]` makes with the scale word after it ("a million": 1
 * million; "a hundred thousand": 100,000) and the token after the figure; undefined where no
 * scale of at least a hundred follows ("a half", "a dozen eggs" are read elsewhere or not at all).
 */
function singleScaleAt(
  text: string,
  raw: readonly FactToken[],
  i: number,
  lexicon: NumberLexicon,
): { value: number; next: number } | undefined {
  const word = raw[i + 1];
  // "hundred" counts only after a number ("one hundred"), the larger ones are scales. The
  // articles are English ones (`shareArticles`), and so is the number read for the article.
  const scale =
    word?.kind === 'word'
      ? (lexicon.scales.get(word.key) ?? (lexicon.phrases.get(phraseKey(['one', word.key])) === 100 ? 100 : undefined))
      : undefined;
  if (scale === undefined || scale < 100) return undefined;
  const more = i + 2 < raw.length && raw[i + 2].kind === 'word' ? scaleAfter(text, raw, i, i + 2, lexicon) : undefined;
  return more ? { value: scaled(scale, more), next: i + 3 } : { value: scale, next: i + 2 };
}

/** `value` times `scale`, without the binary fraction's residue ("0.7 million" is 700000, not 699999.9999999999). */
function scaled(value: number, scale: number): number {
  return Number((value * scale).toPrecision(12));
}

/** A date written in figures: its parts' `[start, end)`, keys and kinds, in text order, and where it ends. */
interface FigureDate {
  readonly parts: readonly (readonly [number, number, string, TokenKind])[];
  readonly end: number;
}
/** Day, month and year in figures ("05/05/2024", "5.5.2024", "05-05-2024"), or the year first ("2024-05-05"). */
const FIGURE_DATE = /(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d.,/-]\d)|(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.,/-]\d)/y;

/**
 * The date written in figures at `start` of `text`, or undefined: the day and the year as
 * numbers and the month as the date key a month's name gives (`monthKey`), so that "05/05/2024"
 * and "5 May 2024" are one date. Day and month are read in the order the language writes them
 * (`writesMonthFirst`: "5/7/2024" is 7 May in US English, 5 July elsewhere); a year-first date
 * is year, month, day. A day above 31 or a month above 12 is no date. O(1).
 */
function figureDate(text: string, start: number, language: string): FigureDate | undefined {
  FIGURE_DATE.lastIndex = start;
  const m = FIGURE_DATE.exec(text);
  if (!m || (start > 0 && /[\d.,/-]/.test(text[start - 1]))) return undefined;
  let day: number, month: number, dayAt: number, monthAt: number, year: number, yearAt: number;
  if (m[5]) {
    [year, month, day] = [Number(m[5]), Number(m[6]), Number(m[7])];
    yearAt = start;
    monthAt = yearAt + m[5].length + 1;
    dayAt = monthAt + m[6].length + 1;
  } else {
    const monthFirst = writesMonthFirst(language);
    const first = start;
    const second = first + m[1].length + 1;
    [day, month] = monthFirst ? [Number(m[3]), Number(m[1])] : [Number(m[1]), Number(m[3])];
    [dayAt, monthAt] = monthFirst ? [second, first] : [first, second];
    year = Number(m[4]);
    yearAt = second + m[3].length + 1;
  }
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const width = (from: number) => {
    let to = from;
    while (to < text.length && text.charCodeAt(to) >= 48 && text.charCodeAt(to) <= 57) to++;
    return to;
  };
  const parts: [number, number, string, TokenKind][] = [
    [dayAt, width(dayAt), `#${day}`, 'number'],
    [monthAt, width(monthAt), monthKey(month), 'date'],
    [yearAt, width(yearAt), `#${year}`, 'number'],
  ];
  parts.sort((a, b) => a[0] - b[0]);
  return { parts, end: start + m[0].length };
}

/** Marks of the half of the day after an hour, as token keys: "pm", "p.m." (read as "p", ".", "m", "."). */
const MERIDIEM: readonly (readonly [readonly string[], number])[] = [
  [['p', '.', 'm', '.'], 12],
  [['a', '.', 'm', '.'], 0],
  [['p', '.', 'm'], 12],
  [['a', '.', 'm'], 0],
  [['pm'], 12],
  [['am'], 0],
];
/** Words that follow an hour on the 24-hour clock: German "18 Uhr", French "18 h" and "18h30". */
const HOUR_WORDS = new Set(['uhr', 'h']);
const CLOCK_FIGURE = /^(\d{1,2})(?:[:.](\d{2}))?$/;

/**
 * The time of day a figure at `raw[i]` gives with the words after it, as one key on the 24-hour
 * clock ("6 p.m.", "6pm", "18:00", "18 Uhr", "18h" are all `#18:00`; "6:30 a.m." is `#6:30`),
 * and the token after it; undefined for a figure that gives no time of day. A figure of hours
 * and minutes ("18:00", "06:00") is a time by itself; an hour alone only with a mark of the
 * half of the day or an hour word. O(1).
 */
function clockAt(text: string, raw: readonly FactToken[], i: number): { key: string; next: number } | undefined {
  const t = raw[i];
  const m = CLOCK_FIGURE.exec(asciiDigits(text.slice(t.start, t.end)));
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minutes = m[2] ?? '00';
  const timed = (next: number) => (hour < 24 && Number(minutes) < 60 ? { key: `#${hour}:${minutes}`, next } : undefined);
  if (hour >= 1 && hour <= 12) {
    for (const [keys, add] of MERIDIEM) {
      if (!keys.every((key, k) => raw[i + 1 + k]?.key === key)) continue;
      hour = (hour % 12) + add;
      return timed(i + 1 + keys.length);
    }
  }
  const word = raw[i + 1];
  if (word?.kind === 'word' && HOUR_WORDS.has(word.key) && (m[2] !== undefined || text[t.end] !== '.')) return timed(i + 2);
  // "18h30": the minutes written onto the hour word.
  const glued = word?.kind === 'word' && word.start === t.end ? /^h(\d{2})$/.exec(word.key) : null;
  if (glued && m[2] === undefined && Number(glued[1]) < 60) return { key: `#${hour}:${glued[1]}`, next: i + 2 };
  return m[2] !== undefined && text[t.start + m[1].length] === ':' ? timed(i + 1) : undefined;
}

/**
 * The scale the word `raw[next]` gives the figure that starts at `raw[i]` ("5 million", "5bn"),
 * or undefined: a scale word of the language, or a scale letter written onto the figure right
 * after a currency sign ("$5m", see `CURRENCY_SCALES`). O(1).
 */
function scaleAfter(text: string, raw: readonly FactToken[], i: number, next: number, lexicon: NumberLexicon): number | undefined {
  const word = raw[next].key;
  const scale = lexicon.scales.get(word);
  if (scale !== undefined || !CURRENCY_SCALES.has(word)) return scale;
  const glued = raw[next].start === raw[next - 1].end;
  const afterCurrency = i > 0 && raw[i - 1].end === raw[i].start && CURRENCY_SIGN.test(text.slice(raw[i - 1].start, raw[i - 1].end));
  return glued && afterCurrency ? CURRENCY_SCALES.get(word) : undefined;
}

/**
 * Whether the month or weekday name `raw[i]` is a name instead ("Mars" the planet, "Jan de
 * Vries"): written with a capital inside a sentence, in a language that writes those names in
 * lower case. Not where a number stands before it (with one short word between, "15 de Março")
 * or after it ("Mars 2024"), nor where the word is in capitals throughout or most words of the
 * sentence are capitalised (a headline in title case): there the capital says nothing.
 */
function capitalisedName(text: string, raw: readonly FactToken[], i: number, lexicon: NumberLexicon, language: string): boolean {
  const t = raw[i];
  if (!t.capital || !lexicon.datesInLowerCase || sentenceInitial(raw, i) || besideFigure(raw, i)) return false;
  return !inCapitals(text, t) && !inTitleCase(raw, functionWordsOf(language), labelTokens(raw), language);
}

/** Whether a figure stands right before `raw[i]` (or one short word before it: "15 de Março") or right after it ("Mars 2024"). */
function besideFigure(raw: readonly FactToken[], i: number): boolean {
  const isNumber = (k: number) => k >= 0 && k < raw.length && raw[k].kind === 'number';
  return isNumber(i - 1) || isNumber(i + 1) || (isNumber(i - 2) && raw[i - 1].kind === 'word' && raw[i - 1].end - raw[i - 1].start <= 3);
}

/** The written ordinal of one or two words that starts at `raw[i]` ("third", "twenty first"): its value and the token after it. */
function ordinalAt(raw: readonly FactToken[], i: number, lexicon: NumberLexicon): { value: number; next: number } | undefined {
  if (i + 1 < raw.length && raw[i + 1].kind === 'word') {
    const value = lexicon.ordinals.get(`${raw[i].key} ${raw[i + 1].key}`);
    if (value !== undefined) return { value, next: i + 2 };
  }
  const value = lexicon.ordinals.get(raw[i].key);
  return value === undefined ? undefined : { value, next: i + 1 };
}

/** Where the first hyphen (ASCII or U+2010) of a word stands, or -1: `word.search(/[-‐]/)` without a pattern. */
export function firstHyphen(word: string): number {
  const ascii = word.indexOf('-');
  const unicode = word.indexOf('‐');
  return ascii < 0 ? unicode : unicode < 0 ? ascii : Math.min(ascii, unicode);
}

/**
 * `quoted` (per token, whether it stands inside quotation marks) with each name in quotation
 * marks taken out: a span of one to four words, each with a capital (and figures), inside a
 * sentence, as Russian, Ukrainian and French set the names of companies, ships and teams
 * («Норд Ритейл», « Ever Given »). It is a name, not someone's words: another is another name,
 * and the marks added or dropped change nothing. Not in a language that capitalises every noun
 * (German: „Katastrophe" is a word quoted), nor after a colon, where a quotation opens with a
 * capital ("said: «Победа»"). One word only after a word of its own (a company's «Северный»),
 * not after a speech verb or a function word, where it is as often a reply or a verdict ("ответил
 * «Нет»", "calificó de «Inaceptable»"). O(tokens).
 */
function quotedNamesApart(tokens: readonly FactToken[], quoted: boolean[], language: string, known: LanguageWords): boolean[] {
  if (capitalisesNouns(language)) return quoted;
  const functionWords = functionWordsOf(language);
  for (let open = 1; open < tokens.length; open++) {
    if (!quoted[open] || quoted[open - 1] || tokens[open].kind !== 'quote') continue;
    const before = tokens[open - 1];
    // After a colon a quotation opens; after a comma or a word a name may stand.
    if (before.kind !== 'word' && before.key !== ',') continue;
    const afterOwnWord =
      before.kind === 'word' &&
      !known.of(before.key).speechVerb &&
      !(functionWords ? functionWords.has(before.key) : before.end - before.start < 4);
    let close = open + 1;
    let words = 0;
    let named = true;
    for (; close < tokens.length && tokens[close].kind !== 'quote'; close++) {
      const t = tokens[close];
      if (t.kind === 'word') {
        words++;
        named &&= t.capital;
      } else if (t.kind !== 'number' && !(t.kind === 'punct' && t.key === '-')) named = false;
    }
    if (close < tokens.length && named && (words >= 2 ? words <= 4 : words === 1 && afterOwnWord)) quoted.fill(false, open, close + 1);
    open = close;
  }
  return quoted;
}

/** Per token, whether it stands inside quotation marks (the marks themselves count as inside). */
export function quotedTokens(text: string, tokens: readonly FactToken[]): boolean[] {
  const inside = new Array<boolean>(tokens.length).fill(false);
  let openDouble = -1;
  let openSingle = -1;
  const mark = (from: number, to: number) => {
    for (let k = from; k <= to; k++) inside[k] = true;
  };
  tokens.forEach((t, i) => {
    if (t.kind !== 'quote') return;
    const ch = text[t.start];
    const before = t.start === 0 ? ' ' : text[t.start - 1];
    const after = t.end >= text.length ? ' ' : text[t.end];
    if ("‘‚'".includes(ch) || (ch === '’' && openSingle >= 0)) {
      // A single mark opens before a word and closes after one; an apostrophe does neither.
      if (openSingle < 0 && /[\s([{—–-]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) openSingle = i;
      else if (openSingle >= 0 && /[\p{L}\p{N}.,!?…]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        mark(openSingle, i);
        openSingle = -1;
      }
      return;
    }
    if (ch === '’') return;
    if (
      '“„«‹「『'.includes(ch) &&
      !(ch === '«' && openDouble >= 0) &&
      !(ch === '“' && openDouble >= 0 && text[tokens[openDouble].start] === '„')
    ) {
      if (openDouble < 0) openDouble = i;
      else {
        mark(openDouble, i);
        openDouble = -1;
      }
      return;
    }
    if (openDouble >= 0) {
      mark(openDouble, i);
      openDouble = -1;
    } else openDouble = i;
  });
  // A mark left open that stands where a quotation closes (after a word or punctuation, before a
  // space or the end: "…alone,” he added.") closes one that began before the sentence or lost
  // its opening mark: the words from the start are inside.
  if (openDouble >= 0) {
    const t = tokens[openDouble];
    const before = t.start === 0 ? ' ' : text[t.start - 1];
    const after = t.end >= text.length ? ' ' : text[t.end];
    const firstMark = tokens.findIndex(x => x.kind === 'quote');
    if (firstMark === openDouble && /[\p{L}\p{N}.,!?…]/u.test(before) && /[\s.,;:!?)]/u.test(after)) mark(0, openDouble);
  }
  return inside;
}

/** A sentence read for comparison (`readSentence`). */
interface ReadSentence {
  readonly text: string;
  readonly tokens: readonly FactToken[];
  readonly quoted: readonly boolean[];
  /** The words inside quotation marks, in order, space-joined. */
  readonly quotedWords: string;
  /** The tokens' keys, as a set: what the other sentence is asked whether it lacks a token. */
  readonly keys: ReadonlySet<string>;
  /** The tokens' keys, in order: what the alignment compares. */
  readonly keyList: readonly string[];
  readonly negations: number;
  /**
   * Some token is a speech verb (`speechVerbTokens`). Without one no token is a speaker's
   * (`agentTokens` marks only tokens around speech verbs), so a change needs no `names` to tell that.
   */
  readonly speaks: boolean;
  readonly language: string;
  /** Where the stems and name forms of its words are looked up (shared by the sentences read together). */
  readonly words: WordForms;
  /** What tells its speakers and names, read the first time it is asked for. */
  readonly names: NameReading;
  /** Where the wire dateline it opens with ends (`DATELINE`), or 0; read the first time it is asked for. */
  readonly datelineEnd: number;
}

/**
 * A sentence read for comparison: its tokens, keys and quotations at once; what tells its
 * speakers and names (`NameReading`) only when a change asks for it, since a change of figures
 * alone never does.
 */
function readSentence(text: string, language: string, words: WordForms): ReadSentence {
  const tokens = factTokens(text, language, words);
  const known = words.language(language);
  const quoted = quotedNamesApart(tokens, quotedTokens(text, tokens), language, known);
  const quotedKeys: string[] = [];
  const keys = new Set<string>();
  const keyList = new Array<string>(tokens.length);
  let negations = 0;
  let speaks = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    keys.add(t.key);
    keyList[i] = t.key;
    if (quoted[i] && t.kind !== 'quote' && t.kind !== 'punct') quotedKeys.push(t.key);
    if (t.kind === 'word' && known.of(t.key).negation) negations++;
    if (!speaks && isSpeechVerbAt(tokens, quoted, i, known)) speaks = true;
  }
  return new SentenceReading(text, language, words, tokens, quoted, quotedKeys.join(' '), keys, keyList, negations, speaks);
}

/** The part of a `ReadSentence` about speakers and names, read on first use. */
interface NameReading {
  /** Per token, whether it belongs to the name of a speaker (`agentTokens`). */
  readonly agent: readonly boolean[];
  /** Per token, whether it opens a sentence or a quotation (a capital there says nothing about names). */
  readonly initial: readonly boolean[];
  /** The name stems (`nameStem`) of every word: a name whose stem is here is not missing. */
  readonly stems: ReadonlySet<string>;
  /** The stems of the words that name a speaker (`agent`). */
  readonly agentStems: ReadonlySet<string>;
  /** The initials of every run of two or more capitalised words ("United Nations" → "un"). */
  readonly acronyms: ReadonlySet<string>;
  /** Per token, the initials of the run of capitalised words it stands in ('' outside one). */
  readonly runInitials: readonly string[];
  /** Most of its longer words capitalised: a headline in title case, where capitals tell no names. */
  readonly titleCase: boolean;
  /**
   * Per token, whether it stands in a label beside the sentence's text: a page title's parts
   * are set apart by vertical bars ("Headline | Site | Section"), and all but the longest part
   * label the page rather than tell the story. The bars themselves count as labels.
   */
  readonly label: readonly boolean[];
  /** The words written with a capital, as `nameForm`s: a name kept on the other side, with or without its particle or possessive. */
  readonly capitalForms: ReadonlySet<string>;
  /** The language's function words (empty without a list): never names. */
  readonly functionWords: ReadonlySet<string>;
  /** Per token, whether it is a speech verb outside quotation marks, or the auxiliary right before one (it belongs to an attribution). */
  readonly speech: readonly boolean[];
}

/** A `ReadSentence` whose `NameReading` (`readNames`) is made the first time it is asked for. */
class SentenceReading implements ReadSentence {
  private nameReading: NameReading | undefined;
  private dateline: number | undefined;

  constructor(
    readonly text: string,
    readonly language: string,
    readonly words: WordForms,
    readonly tokens: readonly FactToken[],
    readonly quoted: readonly boolean[],
    readonly quotedWords: string,
    readonly keys: ReadonlySet<string>,
    readonly keyList: readonly string[],
    readonly negations: number,
    readonly speaks: boolean,
  ) {}

  get names(): NameReading {
    return (this.nameReading ??= readNames(this.tokens, this.quoted, this.language, this.words));
  }

  get datelineEnd(): number {
    return (this.dateline ??= datelineEnd(this.text, this.tokens));
  }
}

/**
 * Whether most of a sentence's content words are capitalised, four at least: a headline in title
 * case, where capitals tell no names. Function words (articles, prepositions) stay in lower case
 * there; in a language without a list, short words stand for them. Words of a page title's label
 * (`labelTokens`) do not count. Never in a language that capitalises every noun (German): its
 * headlines are not set in title case, and a short sentence of nouns and names is mostly capitals
 * all the same. O(n).
 */
function inTitleCase(
  tokens: readonly FactToken[],
  functionWords: ReadonlySet<string> | undefined,
  label: readonly boolean[],
  language: string,
): boolean {
  if (capitalisesNouns(language)) return false;
  let contentCount = 0;
  let capitalCount = 0;
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || label[i] || (functionWords ? functionWords.has(t.key) : t.end - t.start < 4)) return;
    contentCount++;
    if (t.capital) capitalCount++;
  });
  return contentCount >= 4 && capitalCount >= 0.8 * contentCount;
}

/** Whether token `t` of `text` is written in capitals throughout ("MAI", "TV"). */
function inCapitals(text: string, t: FactToken): boolean {
  const written = text.slice(t.start, t.end);
  return written === written.toUpperCase();
}

/** What tells a sentence's speakers and names (see `ReadSentence`). O(n) for n tokens. */
function readNames(tokens: readonly FactToken[], quoted: readonly boolean[], language: string, words: WordForms): NameReading {
  const known = words.language(language);
  const speech = speechVerbTokens(tokens, quoted, known);
  const agent = agentTokens(tokens, quoted, speech, language);
  // A name in quotation marks inside a sentence (`quotedNamesApart`: its marks are no quotation's) opens nothing.
  const initial = tokens.map(
    (_, i) => sentenceInitial(tokens, i) && !(i >= 2 && tokens[i - 1].kind === 'quote' && !quoted[i - 1] && tokens[i - 2].kind === 'word'),
  );
  const functionWords = functionWordsOf(language);
  const label = labelTokens(tokens);
  // One pass over the tokens for the word sets, the capitals and the counts.
  const stems = new Set<string>();
  const agentStems = new Set<string>();
  const capitalForms = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const facts = known.of(t.key);
    const stem = facts.stem;
    stems.add(stem);
    // A speaker is told by its names and common words, not by "the".
    if (agent[i] && !facts.functionWord && (t.capital || t.end - t.start > 3)) agentStems.add(stem);
    if (t.capital) capitalForms.add(words.form(t.key));
  }
  const runInitials = new Array<string>(tokens.length).fill('');
  const acronyms = new Set<string>();
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j].kind === 'word' && tokens[j].capital) j++;
    if (j - i >= 2) {
      const initials = tokens
        .slice(i, j)
        .map(t => t.key[0])
        .join('');
      acronyms.add(initials);
      for (let k = i; k < j; k++) runInitials[k] = initials;
    }
    i = Math.max(j, i + 1);
  }
  const titleCase = inTitleCase(tokens, functionWords, label, language);
  return {
    agent,
    // The auxiliary before a speech verb is part of the attribution's words ("a déclaré").
    speech: speech.map((verb, i) => verb || (speech[i + 1] === true && followsSpeechAuxiliary(tokens, quoted, i + 1, language))),
    initial,
    stems,
    agentStems,
    acronyms,
    runInitials,
    titleCase,
    capitalForms,
    functionWords: functionWords ?? new Set(),
    label,
  };
}

/** Per token, whether it lies in a label part of the sentence (see `ReadSentence.label`). O(n). */
function labelTokens(tokens: readonly FactToken[]): boolean[] {
  const label = new Array<boolean>(tokens.length).fill(false);
  const bars: number[] = [];
  tokens.forEach((t, i) => t.key === '|' && bars.push(i));
  if (!bars.length) return label;
  // The parts between bars, by token range; the one with the most words is the text.
  const parts: [number, number][] = [];
  let from = 0;
  for (const bar of bars) {
    parts.push([from, bar]);
    from = bar + 1;
  }
  parts.push([from, tokens.length]);
  const wordsIn = ([a, b]: [number, number]) => tokens.slice(a, b).filter(t => t.kind === 'word').length;
  let main = 0;
  parts.forEach((p, k) => wordsIn(p) > wordsIn(parts[main]) && (main = k));
  tokens.forEach((_, i) => (label[i] = i < parts[main][0] || i >= parts[main][1]));
  return label;
}

/**
 * The keys, stems (`nameStem`) and name forms (`nameForm`) of words, each worked out once per
 * word for all the sentences read with it: the sentences of one analysis share most of their words.
 * It grows with the distinct words it is asked about, so keep one for one analysis.
 */
export class WordForms {
  private readonly stems = new Map<string, string>();
  private readonly forms = new Map<string, string>();
  private readonly words = new Map<string, WordKey>();
  private readonly keys = new Map<string, string>();
  private readonly languages = new Map<string, LanguageWords>();

  /**
   * A word token's key (lower case, straight apostrophes as ’) and whether it has a capital
   * (`hasCapital`). Equal keys are one string, so the sets and maps of every sentence read
   * with this find them without hashing them again.
   */
  word(token: string): WordKey {
    let word = this.words.get(token);
    if (!word) {
      // Invisible format characters inside the word (a soft hyphen) are no part of its key.
      const lower = withoutInvisibles(token.toLowerCase());
      let key = lower.includes("'") ? lower.replace(/'/g, '’') : lower;
      const known = this.keys.get(key);
      if (known === undefined) this.keys.set(key, key);
      else key = known;
      word = { key, capital: hasCapital(token), hyphen: firstHyphen(token) };
      this.words.set(token, word);
    }
    return word;
  }

  /** What the word lists of `language` say about each word key, worked out once per key. */
  language(language: string): LanguageWords {
    let known = this.languages.get(language);
    if (!known) this.languages.set(language, (known = new LanguageWords(language, this)));
    return known;
  }

  /** `nameStem(lowerWord)`. */
  stem(lowerWord: string): string {
    let stem = this.stems.get(lowerWord);
    if (stem === undefined) this.stems.set(lowerWord, (stem = nameStem(lowerWord)));
    return stem;
  }

  /** `nameForm(lowerWord)`. */
  form(lowerWord: string): string {
    let form = this.forms.get(lowerWord);
    if (form === undefined) this.forms.set(lowerWord, (form = nameForm(lowerWord)));
    return form;
  }
}

interface WordKey {
  readonly key: string;
  readonly capital: boolean;
  /** Where its first hyphen stands (`firstHyphen`), or -1. */
  readonly hyphen: number;
}

/** What a language's word lists say about one word key (lower case). */
interface WordFacts {
  /** It may open a written number (`NumberLexicon.firstWords`, hyphens read as spaces). */
  readonly startsNumber: boolean;
  /** The order of size it names (`NumberLexicon.amounts`). */
  readonly amount: number | undefined;
  /** The month or weekday it names (`NumberLexicon.dateWords`). */
  readonly date: string | undefined;
  /** A word for percent (`PERCENT_WORDS`). */
  readonly percent: boolean;
  /** The day it names by its distance from the day of writing (`NumberLexicon.relativeDays`). */
  readonly relativeDay: number | undefined;
  /** The share of a whole it names (`NumberLexicon.shares`). */
  readonly share: number | undefined;
  /** On the language's list of function words (false without a list). */
  readonly functionWord: boolean;
  readonly negation: boolean;
  readonly speechVerb: boolean;
  /** `nameStem` of the key. */
  readonly stem: string;
}

/**
 * The `WordFacts` of the word keys of one language, each looked up in the lists once: a
 * sentence's words then cost one lookup each, not one per list.
 */
class LanguageWords {
  private readonly facts = new Map<string, WordFacts>();
  private readonly lexicon: NumberLexicon;
  private readonly functionWords: ReadonlySet<string> | undefined;
  private readonly verbs: ReadonlySet<string>;

  constructor(
    readonly language: string,
    private readonly words: WordForms,
  ) {
    this.lexicon = numberLexicon(language);
    this.functionWords = functionWordsOf(language);
    this.verbs = speechVerbs(language);
  }

  of(key: string): WordFacts {
    let facts = this.facts.get(key);
    if (!facts) {
      const lexicon = this.lexicon;
      facts = {
        startsNumber: lexicon.firstWords.has(/[-‐‑\s]/.test(key) ? phraseKey([key]).split(' ')[0] : key),
        amount: lexicon.amounts.get(key),
        date: lexicon.dateWords.get(key),
        percent: PERCENT_WORDS.has(key),
        relativeDay: lexicon.relativeDays.get(key),
        share: lexicon.shares.get(key),
        functionWord: this.functionWords?.has(key) ?? false,
        negation: isNegation(key, this.language),
        speechVerb: this.verbs.has(key),
        stem: this.words.stem(key),
      };
      this.facts.set(key, facts);
    }
    return facts;
  }
}

/** A name as written without a particle or a possessive, whole ("al-Assad’s" → "assad"); lower case in. */
function nameForm(lowerWord: string): string {
  return lowerWord
    .normalize('NFD')
    .replace(/^\p{L}{1,3}[-‐]/u, '')
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{Nd}]/gu, '');
}

/** A word's stem for finding a name again: letters without diacritics or a possessive, at most 5 ("India", "Indian's" → "india"). */
export function nameStem(lowerWord: string): string {
  // Most words are plain ASCII letters, which need none of the steps below.
  if (/^[a-z]+$/.test(lowerWord)) return lowerWord.slice(0, 5);
  return lowerWord
    .normalize('NFD')
    .replace(/^\p{L}{1,3}[-‐]/u, '') // a particle: "al-Assad" is found as "Assad"
    .replace(/[’']s$/u, '')
    .replace(/[^\p{L}\p{Nd}]/gu, '')
    .slice(0, 5);
}

/**
 * Words that name who said or reported something: the capitalised words (with one short word
 * before them, "the") right before a speech verb, or up to 5 words after one whose agent
 * follows ("according to a security official", "…,” said the Kremlin). In scripts without
 * case, the 2 words before the verb.
 */
function agentTokens(tokens: readonly FactToken[], quoted: readonly boolean[], speech: readonly boolean[], language: string): boolean[] {
  const agent = new Array<boolean>(tokens.length).fill(false);
  const isWord = (i: number) => i >= 0 && i < tokens.length && (tokens[i].kind === 'word' || tokens[i].kind === 'number') && !quoted[i];
  // A word of a script without case (not a figure, which has no case either).
  const caseless = (i: number) => /\p{L}/u.test(tokens[i].key) && tokens[i].key.toUpperCase() === tokens[i].key;
  const functionWords = functionWordsOf(language);
  // A word that can head or modify a speaker: a name, or a common word that is no function word ("state media").
  const contentWord = (i: number) =>
    isWord(i) &&
    tokens[i].kind === 'word' &&
    (tokens[i].capital ||
      (functionWords ? !functionWords.has(tokens[i].key) && tokens[i].end - tokens[i].start > 3 : tokens[i].end - tokens[i].start > 3));
  tokens.forEach((t, v) => {
    if (!speech[v]) return;
    // An auxiliary belongs to its verb: the speaker stands before both ("the Kremlin has
    // said"), or after both where the language puts it there ("…, a déclaré le Kremlin").
    const compound = followsSpeechAuxiliary(tokens, quoted, v, language);
    const before = compound ? v - 2 : v - 1;
    // "…," the Kremlin said / "…," said the Kremlin: after a quotation or a comma the agent may follow the verb.
    const byNext = v + 1 < tokens.length && BY.test(tokens[v + 1].key);
    // After a comma the verb only precedes its speaker where the clause ends a few words on
    // ("…, said the minister."); "…, announced the mission's triumph in a broadcast" has an object.
    const clauseEndsSoon = () => {
      for (let k = v + 1; k <= v + 7; k++) {
        if (k >= tokens.length) return true;
        const initial = tokens[k].key === '.' && tokens[k - 1].capital && tokens[k - 1].end - tokens[k - 1].start === 1;
        if ((tokens[k].kind === 'punct' || tokens[k].kind === 'quote') && !initial) return true;
      }
      return false;
    };
    const follows =
      agentFollows(t.key) ||
      (QUOTING.has(t.key) && byNext) ||
      (before >= 0 &&
        (tokens[before].kind === 'quote' ||
          (tokens[before].key === ',' && clauseEndsSoon() && (!compound || invertsCompoundSpeech(language)))));
    if (follows) {
      let k = v + 1;
      if (isWord(k) && /^(to|by|von|à|a|de|al|di)$/.test(tokens[k].key)) k++;
      let byAt = -1;
      for (let n = 0; n < 5 && k < tokens.length; n++, k++) {
        // An initial's full stop stays in the name ("said S. Somanath").
        if (tokens[k].key === '.' && k > 0 && tokens[k - 1].capital && tokens[k - 1].end - tokens[k - 1].start === 1) continue;
        if (!isWord(k)) break;
        agent[k] = true;
        if (BY.test(tokens[k].key)) byAt = k;
      }
      // "according to a statement released by the Kremlin": the one the statement is by is the speaker too.
      if (byAt >= 0) {
        k = byAt + 1;
        while (k < tokens.length && isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) agent[k++] = true;
        while (k < tokens.length && isWord(k) && tokens[k].capital) agent[k++] = true;
      }
    } else if (isWord(before) && caseless(before)) {
      for (let k = before, n = 0; n < 2 && isWord(k); n++, k--) agent[k] = true;
    } else {
      // The subject right before the verb: a name ("the Kremlin"), or a common noun with what
      // modifies it ("the air force", "state media in Damascus": one function word between two
      // content words).
      let k = before;
      let named = false;
      for (let n = 0; n < 5 && isWord(k); n++, k--) {
        const bridged = k < before && agent[k + 1] && !contentWord(k + 1);
        // A common word before a name belongs to the speaker only across a function word ("media in Damascus", not "student Reshani Samarakoon").
        if (contentWord(k) && (tokens[k].capital || !named || bridged)) {
          agent[k] = true;
          named = tokens[k].capital && !bridged ? true : tokens[k].capital && named;
        } else if (k < before && agent[k + 1] && contentWord(k - 1) && tokens[k].end - tokens[k].start <= 3) agent[k] = true;
        else break;
      }
      if (k < before && isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) agent[k] = true;
    }
    if (isTellingVerb(t.key, language)) {
      // "told the BBC": the one told (a capitalised name, after one short word) reported it too.
      let k = v + 1;
      if (isWord(k) && !tokens[k].capital && tokens[k].end - tokens[k].start <= 3) k++;
      const from = k;
      for (let n = 0; n < 4 && isWord(k) && tokens[k].capital; n++, k++) agent[k] = true;
      if (k > from && from > v + 1) agent[v + 1] = true;
    }
  });
  return agent;
}

/**
 * Per token, whether it is a speech verb: a listed word outside quotation marks, and not a
 * capitalised word inside a sentence, which is part of a name ("the United States"). O(n).
 */
function speechVerbTokens(tokens: readonly FactToken[], quoted: readonly boolean[], known: LanguageWords): boolean[] {
  return tokens.map((_, v) => isSpeechVerbAt(tokens, quoted, v, known));
}

/** Whether token `v` is a speech verb as `speechVerbTokens` reads it, alone or after its auxiliary. O(1). */
function isSpeechVerbAt(tokens: readonly FactToken[], quoted: readonly boolean[], v: number, known: LanguageWords): boolean {
  const t = tokens[v];
  return (
    t.kind === 'word' &&
    !quoted[v] &&
    (known.of(t.key).speechVerb || followsSpeechAuxiliary(tokens, quoted, v, known.language)) &&
    !(t.capital && v > 0 && tokens[v - 1].kind === 'word')
  );
}

/** Whether the token before `v` is the auxiliary of a compound tense of the speech verb at `v` ("has said", "a déclaré"). O(1). */
function followsSpeechAuxiliary(tokens: readonly FactToken[], quoted: readonly boolean[], v: number, language: string): boolean {
  const aux = tokens[v - 1];
  return v > 0 && aux.kind === 'word' && !quoted[v - 1] && tokens[v].kind === 'word' && isCompoundSpeech(aux.key, tokens[v].key, language);
}

/** Tuning of the classifier; every field has a default. */
export interface ChangeOptions {
  /** Two names at least this similar (bigram Dice of their letters) are spellings of one. Default 0.5. */
  readonly variantSimilarity?: number;
  /**
   * Past this many differing tokens a pair is a rewrite: not aligned word by word (the
   * alignment costs O((n + m) · d)) but read as one run between the tokens the two share at
   * their start and end, whose facts are still found. Default 32.
   */
  readonly maxEdits?: number;
}

/**
 * The changes that turn the anchor's wording into a member's, in the member's reading order.
 * Input: the two texts and their language. Output: the runs of differing tokens, each a fact
 * (only the fact's own tokens; the rest of its run is reported beside it as wording) or
 * wording; empty for identical texts, and for texts that differ only in how they write the
 * same numbers or quotation marks. `otherRange` is into `member`. O((n + m) · d) for n and m
 * tokens and d differing ones.
 */
export function classifyChanges(anchor: string, member: string, language: string, options: ChangeOptions = {}): FactChange[] {
  return changesAgainst(anchor, language, options)(member).map(placed => placed.change);
}

/** A change and where it stands in the member's text (for a dropped change, where the dropped text would be). */
export interface PlacedChange {
  readonly change: FactChange;
  readonly at: number;
  /**
   * Where `change.base` lies in the text compared from: [start, end) UTF-16 offsets. Given by
   * `PairReadings` only (absent when the base side is empty), so that one comparison marks
   * both texts.
   */
  readonly baseRange?: readonly [number, number];
}

/**
 * Where a caller keeps the changes of pairs compared before, by a key made of the two texts,
 * their language and the options (the analyzer keeps one between analyses). `get` returns the
 * kept value or keeps and returns `make()`.
 */
export interface ChangeCache {
  get(key: string, make: () => readonly PlacedChange[]): readonly PlacedChange[];
}

/**
 * `classifyChanges` for many pairs among the same texts, in any order and either direction:
 * each text is read once per language, however many pairs it stands in (a comparison panel
 * compares its base's wording with every other and back). The readings are kept as long as
 * this is. O(length) to read a text the first time, then `changesBetween`'s cost per pair.
 */
export class PairReadings {
  private readonly read = new Map<string, ReadSentence>();

  constructor(
    private readonly options: ChangeOptions = {},
    private readonly words: WordForms = new WordForms(),
  ) {}

  /** The changes that turn `from` into `to`, both read in `language`, placed in `to`. */
  between(from: string, to: string, language: string): readonly PlacedChange[] {
    if (from === to) return [];
    return changesBetween(this.reading(from, language), this.reading(to, language), this.options, true);
  }

  private reading(text: string, language: string): ReadSentence {
    const key = `${language}\u0000${text}`;
    let reading = this.read.get(key);
    if (!reading) {
      reading = readSentence(text, language, this.words);
      this.read.set(key, reading);
    }
    return reading;
  }
}

/**
 * `classifyChanges` for many members against one anchor: the anchor is read once. The
 * function returned gives each change with its place in the member's text. With a `cache`,
 * a pair compared before is looked up instead of compared again.
 */
export function changesAgainst(
  anchor: string,
  language: string,
  options: ChangeOptions = {},
  cache?: ChangeCache,
  words: WordForms = new WordForms(),
): (member: string) => readonly PlacedChange[] {
  let base: ReadSentence | undefined;
  const prefix = `${language}\u0000${options.variantSimilarity ?? ''}\u0000${options.maxEdits ?? ''}\u0000${anchor}\u0000`;
  const compare = (member: string) => {
    base ??= readSentence(anchor, language, words);
    return changesBetween(base, readSentence(member, language, words), options);
  };
  // Reprints repeat a member's text many times over in one group: each text is compared once.
  const compared = new Map<string, readonly PlacedChange[]>();
  return member => {
    if (member === anchor) return [];
    let changes = compared.get(member);
    if (!changes) {
      changes = cache ? cache.get(prefix + member, () => compare(member)) : compare(member);
      compared.set(member, changes);
    }
    return changes;
  };
}

type Range = readonly [number, number];

function changesBetween(base: ReadSentence, other: ReadSentence, options: ChangeOptions, withBaseRange = false): PlacedChange[] {
  const parts = diffRuns(base.keyList, other.keyList, options.maxEdits ?? 32);
  const runs: [Range, Range][] = [];
  let hunks: Hunk[];
  if (!parts) {
    const [b, o] = rewrittenRun(base, other);
    hunks = rewrittenHunks(base, other, b, o, options);
  } else {
    let b = 0;
    let o = 0;
    let removed: Range | undefined;
    let added: Range | undefined;
    const flush = () => {
      if (removed || added) runs.push([removed ?? [b, b], added ?? [o, o]]);
      removed = added = undefined;
    };
    for (const part of parts) {
      const n = part.count;
      if (part.removed) {
        removed = [b, b + n];
        b += n;
      } else if (part.added) {
        added = [o, o + n];
        o += n;
      } else {
        flush();
        b += n;
        o += n;
      }
    }
    flush();
    hunks = runs.flatMap(([b, o]) => classifiedHunks(base, other, b, o, options));
  }
  // In the member's reading order (a rewrite's facts lie inside its wording change).
  return (
    mergeQuoteHunks(base, other, hunks)
      // A change of punctuation alone ("said that we" → "said, “We") leaves no fact's words on either side.
      .filter(({ change }) => change.base || change.other)
      .map(({ b, o: [from], change }): PlacedChange => {
        const at = change.otherRange?.[0] ?? (from < other.tokens.length ? other.tokens[from].start : other.text.length);
        const baseRange = withBaseRange && change.base ? placedIn(base, b, change.base) : undefined;
        return baseRange ? { change, at, baseRange } : { change, at };
      })
      .sort((x, y) => x.at - y.at)
  );
}

/**
 * Where `text` (a change's side, tidied from the tokens of `range` or fewer) lies in `s`:
 * inside the range's tidied tokens where they read so, otherwise its first occurrence. O(r + n).
 */
function placedIn(s: ReadSentence, range: Range, text: string): readonly [number, number] | undefined {
  const [from, to] = tidyRange(s, range);
  if (from < to) {
    const start = s.tokens[from].start;
    const end = s.tokens[to - 1].end;
    const inside = s.text.slice(start, end).indexOf(text);
    if (inside >= 0) return [start + inside, start + inside + text.length];
  }
  const first = s.text.indexOf(text);
  return first >= 0 ? [first, first + text.length] : undefined;
}

/**
 * A rewrite's run: one `wording` change over all of it, and beside it each fact one side
 * holds and the other lacks (a figure, a name, a speaker; a quotation whose words differ), as
 * dropped or added: in a rewrite no word stands for another, so none is paired. Consecutive
 * tokens of one kind (gaps of one token at most) are one change. O(r · n) for r tokens in the
 * run and n in the sentences.
 */
function rewrittenHunks(base: ReadSentence, other: ReadSentence, b: Range, o: Range, options: ChangeOptions): Hunk[] {
  const hunks: Hunk[] = [{ b, o, change: changeOf(base, other, b, o, 'wording') }];
  const quotesDiffer = base.quotedWords !== other.quotedWords;
  const factsOf = (side: 'b' | 'o') => {
    const s = side === 'b' ? base : other;
    const [from, to] = side === 'b' ? b : o;
    const none: Range = side === 'b' ? [o[0], o[0]] : [b[0], b[0]];
    const classified = (run: Range) =>
      side === 'b' ? classify(base, other, run, none, options) : classify(base, other, none, run, options);
    const kindOf = (run: Range) => {
      const { kind } = classified(run);
      return kind === 'wording' || kind === 'negation' || (kind === 'quote' && !quotesDiffer) ? undefined : kind;
    };
    // Tokens that are a fact on their own, gathered into runs ("United States" is one name), each run read as a whole.
    const runs: { from: number; to: number; kind: ChangeKind }[] = [];
    for (let i = from; i < to; i++) {
      const kind = s.tokens[i].kind === 'punct' ? undefined : kindOf([i, i + 1]);
      if (!kind) continue;
      const last = runs[runs.length - 1];
      // One speaker's words stay together across its short words ("statement released by the Kremlin").
      const sameSpeaker = () =>
        kind === 'attribution' && s.tokens.slice(last.to, i).every((_, k) => s.names.agent[last.to + k] || s.names.speech[last.to + k]);
      if (last && last.kind === kind && (i - last.to <= 1 || sameSpeaker())) last.to = i + 1;
      else runs.push({ from: i, to: i + 1, kind });
    }
    return runs.flatMap(r => {
      const kind = kindOf([r.from, r.to]);
      if (!kind) return [];
      const found = classified([r.from, r.to]);
      return [{ ...r, kind, shortened: found.shortened === true, date: found.date === true }];
    });
  };
  // A part of a name added or dropped beside a part the other side keeps ("Vladimir" before
  // "Putin"): the whole name on this side, the kept part on the other, as one name's spellings.
  const shortenedName = (s: ReadSentence, from: number, to: number) => {
    let start = from;
    let end = to;
    const against = s === base ? other : base;
    while (
      start > 0 &&
      s.tokens[start - 1].capital &&
      s.tokens[start - 1].kind === 'word' &&
      !s.names.initial[start - 1] &&
      !isTitle(s.tokens[start - 1].key, s.language)
    )
      start--;
    while (end < s.tokens.length && s.tokens[end].capital && s.tokens[end].kind === 'word') end++;
    const kept = s.tokens
      .slice(start, end)
      .filter((t, k) => (k < from - start || k >= to - start) && against.names.capitalForms.has(s.words.form(t.key)))
      .map(t => s.text.slice(t.start, t.end))
      .join(' ');
    return { whole: textOf(s, [start, end]), range: [s.tokens[start].start, s.tokens[end - 1].end] as const, kept };
  };
  // The same name or figure twice on one side is one change; a side's one quotation or one
  // speaker and the other side's one are a quotation or a speaker changed, not one dropped and one added.
  const distinct = (s: ReadSentence, runs: ReturnType<typeof factsOf>) => {
    const seen = new Set<string>();
    return runs.filter(r => {
      const key = `${r.kind}\u0000${s.tokens
        .slice(r.from, r.to)
        .map(t => t.key)
        .join(' ')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const bRuns = distinct(base, factsOf('b'));
  const oRuns = distinct(other, factsOf('o'));
  for (const kind of ['quote', 'attribution'] as const) {
    const bOf = bRuns.filter(r => r.kind === kind);
    const oOf = oRuns.filter(r => r.kind === kind);
    if (bOf.length !== 1 || oOf.length !== 1) continue;
    const bRange: Range = [bOf[0].from, bOf[0].to];
    const oRange: Range = [oOf[0].from, oOf[0].to];
    hunks.push({ b: bRange, o: oRange, change: changeOf(base, other, bRange, oRange, kind) });
    bRuns.splice(bRuns.indexOf(bOf[0]), 1);
    oRuns.splice(oRuns.indexOf(oOf[0]), 1);
  }
  for (const g of bRuns) {
    const change = changeOf(base, other, [g.from, g.to], [o[0], o[0]], g.kind, false, g.date);
    if (!g.shortened) hunks.push({ b: [g.from, g.to], o: [o[0], o[0]], change });
    else {
      const { whole, kept } = shortenedName(base, g.from, g.to);
      hunks.push({ b: [g.from, g.to], o: [o[0], o[0]], change: { kind: 'name', base: whole, other: kept, variant: true } });
    }
  }
  for (const g of oRuns) {
    const change = changeOf(base, other, [b[0], b[0]], [g.from, g.to], g.kind, false, g.date);
    if (!g.shortened) hunks.push({ b: [b[0], b[0]], o: [g.from, g.to], change });
    else {
      const { whole, range, kept } = shortenedName(other, g.from, g.to);
      hunks.push({
        b: [b[0], b[0]],
        o: [g.from, g.to],
        change: { kind: 'name', base: kept, other: whole, otherRange: range, variant: true },
      });
    }
  }
  return hunks;
}

/**
 * A rewrite too heavy to align word by word (more than `maxEdits` tokens differ): one run over
 * all between the tokens the two sentences share at their start and at their end.
 */
function rewrittenRun(base: ReadSentence, other: ReadSentence): [Range, Range] {
  const b = base.tokens;
  const o = other.tokens;
  let head = 0;
  while (head < b.length && head < o.length && b[head].key === o[head].key) head++;
  let tail = 0;
  while (tail < b.length - head && tail < o.length - head && b[b.length - 1 - tail].key === o[o.length - 1 - tail].key) tail++;
  return [
    [head, b.length - tail],
    [head, o.length - tail],
  ];
}

/** A run of differing tokens: `[from, to)` in the anchor's tokens and in the member's, and its change. */
interface Hunk {
  readonly b: Range;
  readonly o: Range;
  readonly change: FactChange;
}

/** What a run of differing tokens touches, and which of its tokens on each side make it so. */
interface Classified {
  readonly kind: ChangeKind;
  readonly variant?: boolean;
  /** The tokens of the fact, in the anchor's run and in the member's (empty for `wording`). */
  readonly bFacts: readonly number[];
  readonly oFacts: readonly number[];
  /** A name shortened (a part of it dropped, the rest kept): shown with the kept part beside it. */
  readonly shortened?: boolean;
  /** For `number`: the figures on both sides tell dates and nothing else (see `onlyDates`). */
  readonly date?: boolean;
}

/**
 * Whether `run` of `s` holds a word that is no function word of its language, or a figure: what
 * could stand for a fact. A language without a function-word list counts every word. O(r).
 */
function saysSomething(s: ReadSentence, [from, to]: Range): boolean {
  const known = s.words.language(s.language);
  for (let i = from; i < to; i++) {
    const t = s.tokens[i];
    if (t.kind === 'number' || t.kind === 'date' || (t.kind === 'word' && !known.of(t.key).functionWord)) return true;
  }
  return false;
}

const textOf = (s: ReadSentence, [from, to]: Range) => (from < to ? s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) : '');

/**
 * The tokens of `range` that make a fact's text as a reader is shown it: punctuation at either
 * edge goes (the comma before a clause, the colon after a dateline, a sentence's stop), and so
 * does a quotation mark or bracket at an edge that the range does not close or open again; a
 * bracket the range opens takes the token after it where that closes it ("today (July 13)").
 * Tokens inside stay, so the text is still one slice of the sentence (a bracket or quotation
 * mark left open inside it stays too). O(r²) at worst for r tokens, as each edge token taken
 * away reads the range again; O(r) where none is.
 */
export function tidyRange(s: Pick<ReadSentence, 'tokens' | 'text'>, [from, to]: Range): Range {
  const t = s.tokens;
  const closerOf = (k: number) => (t[k].kind === 'punct' ? BRACKETS[t[k].key] : undefined);
  const isCloser = (k: number) => t[k].kind === 'punct' && CLOSING_BRACKETS.has(t[k].key);
  for (let changed = true; changed && from < to;) {
    changed = false;
    // Marks of no pair at the edges.
    while (from < to && t[from].kind === 'punct' && closerOf(from) === undefined) from++;
    while (from < to && t[to - 1].kind === 'punct' && !isCloser(to - 1)) to--;
    if (from >= to) break;
    // Brackets: one opened and not closed inside takes the token right after where that closes it.
    const open: number[] = [];
    let strayCloser = -1;
    for (let k = from; k < to; k++) {
      if (closerOf(k) !== undefined) open.push(k);
      else if (isCloser(k)) {
        if (open.length && closerOf(open[open.length - 1]) === t[k].key) open.pop();
        else if (strayCloser < 0) strayCloser = k;
      }
    }
    if (open.length === 1 && to < t.length && closerOf(open[0]) === t[to].key) {
      to++;
      open.pop();
    }
    if (open.length && open[0] === from) {
      from++;
      changed = true;
      continue;
    }
    if (strayCloser === to - 1) {
      to--;
      changed = true;
      continue;
    }
    // Quotation marks: one the range holds without its pair goes, where it stands at an edge.
    const unpaired = unpairedQuotes(s, from, to);
    if (unpaired.has(from)) from++;
    else if (unpaired.has(to - 1)) to--;
    else continue;
    changed = true;
  }
  return from < to ? [from, to] : [from, from];
}

/**
 * The quotation-mark tokens of `[from, to)` that no mark of the range pairs with: straight
 * marks pair in turn (a last odd one is left), curly marks and guillemets as each language
 * pairs them (`quotationMarks.ts`). O(r).
 */
function unpairedQuotes(s: Pick<ReadSentence, 'tokens' | 'text'>, from: number, to: number): Set<number> {
  const open: number[] = [];
  const unpaired = new Set<number>();
  let straight = -1;
  for (let k = from; k < to; k++) {
    if (s.tokens[k].kind !== 'quote') continue;
    const mark = s.text[s.tokens[k].start];
    if (mark === '"' || mark === "'") {
      straight = straight < 0 ? k : -1;
      continue;
    }
    const top = open[open.length - 1];
    if (top !== undefined && QUOTE_CLOSERS[s.text[s.tokens[top].start]]?.includes(mark)) open.pop();
    else if (mark in QUOTE_CLOSERS) open.push(k);
    else unpaired.add(k);
  }
  for (const k of open) unpaired.add(k);
  if (straight >= 0) unpaired.add(straight);
  return unpaired;
}

/** Opening brackets and the bracket that closes each. */
const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '（': '）', '［': '］', '【': '】' };
const CLOSING_BRACKETS: ReadonlySet<string> = new Set(Object.values(BRACKETS));

function changeOf(
  base: ReadSentence,
  other: ReadSentence,
  b: Range,
  o: Range,
  kind: ChangeKind,
  variant?: boolean,
  date?: boolean,
): FactChange {
  b = tidyRange(base, b);
  o = tidyRange(other, o);
  return {
    kind,
    base: textOf(base, b),
    other: textOf(other, o),
    ...(o[0] < o[1] ? { otherRange: [other.tokens[o[0]].start, other.tokens[o[1] - 1].end] as const } : {}),
    ...(variant ? { variant: true as const } : {}),
    ...(date ? { date: true as const } : {}),
  };
}

/**
 * One run of differing tokens as changes: a fact is reported on its own tokens (from the first
 * to the last token that makes it, on each side), and the words of the run before and after
 * it are read again on their own, so that a name in a rewritten clause is boxed, not the
 * clause. Where only one side holds the fact, the other side's run is cut in the same
 * proportion. A run whose fact covers one side whole stays whole ("the two presidents" →
 * "Putin and Assad"). O(r²) for r tokens in the run at worst, O(r) usually.
 */
function classifiedHunks(base: ReadSentence, other: ReadSentence, b: Range, o: Range, options: ChangeOptions): Hunk[] {
  if (b[0] >= b[1] && o[0] >= o[1]) return [];
  const found = classify(base, other, b, o, options);
  const whole = (): Hunk => ({ b, o, change: changeOf(base, other, b, o, found.kind, found.variant, found.date) });
  // A negation is found only in a small run (`MAX_NEGATION_CONTEXT`): the run is the change.
  if (found.kind === 'wording' || found.kind === 'negation') return [whole()];
  // The first cluster of the fact's tokens (gaps of one token at most): a second figure further
  // on is found again in the rest of the run, as a change of its own.
  const spanOf = (facts: readonly number[]): Range | undefined => {
    if (!facts.length) return undefined;
    const sorted = [...facts].sort((x, y) => x - y);
    let end = 0;
    while (end + 1 < sorted.length && sorted[end + 1] - sorted[end] <= 2) end++;
    return [sorted[0], sorted[end] + 1];
  };
  let bSpan = spanOf(found.bFacts);
  let oSpan = spanOf(found.oFacts);
  if (!bSpan && !oSpan) return [whole()];
  const covers = (span: Range | undefined, run: Range) => span !== undefined && span[0] === run[0] && span[1] === run[1];
  // A fact whose place the other side fills with function words alone ("12 people" → "The
  // people") is dropped (or added) there, and those words are a rewording beside it.
  if (!found.shortened && bSpan && !oSpan && covers(bSpan, b) && o[1] > o[0] && !saysSomething(other, o)) {
    const at: Range = [o[0], o[0]];
    return [
      { b, o: at, change: changeOf(base, other, b, at, found.kind, found.variant, found.date) },
      { b: [b[1], b[1]], o, change: changeOf(base, other, [b[1], b[1]], o, 'wording') },
    ];
  }
  if (!found.shortened && oSpan && !bSpan && covers(oSpan, o) && b[1] > b[0] && !saysSomething(base, b)) {
    const at: Range = [b[0], b[0]];
    return [
      { b: at, o, change: changeOf(base, other, at, o, found.kind, found.variant, found.date) },
      { b, o: [o[1], o[1]], change: changeOf(base, other, b, [o[1], o[1]], 'wording') },
    ];
  }
  if (!found.shortened && (covers(bSpan, b) || covers(oSpan, o))) return [whole()];
  const cutAt = (span: Range, from: Range, to: Range): Range => {
    const share = from[1] > from[0] ? (span[0] - from[0]) / (from[1] - from[0]) : 0;
    const at = to[0] + Math.round(share * (to[1] - to[0]));
    return [at, at];
  };
  // A side without the fact's tokens: a few words there are what the fact replaced; a longer
  // run is cut where the fact stands on the other side.
  const few = (s: ReadSentence, run: Range) => {
    let n = 0;
    for (let i = run[0]; i < run[1]; i++) if (s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number') n++;
    return n <= FEW_WORDS;
  };
  // Words there like the fact side's words before or after its fact (the same word, or one
  // with the same stem) are read as those words, the rest as what the fact replaced.
  const alike = (x: FactToken, y: FactToken) =>
    x.key === y.key || (x.kind === 'word' && y.kind === 'word' && base.words.stem(x.key) === base.words.stem(y.key));
  const fit = (factSide: ReadSentence, factRun: Range, span: Range, plain: ReadSentence, plainRun: Range): Range => {
    const before = factSide.tokens.slice(factRun[0], span[0]);
    const after = factSide.tokens.slice(span[1], factRun[1]);
    let [from, to] = plainRun;
    while (from < to && before.some(t => alike(t, plain.tokens[from]))) from++;
    while (to > from && after.some(t => alike(t, plain.tokens[to - 1]))) to--;
    // A short run replaced by a short run ("the two presidents" → "Putin and Assad") is one
    // change; one of function words alone ("Monday night’s" → "The") replaces nothing: the fact
    // is dropped there.
    return few(plain, [from, to]) && few(factSide, factRun) && saysSomething(plain, [from, to])
      ? [from, to]
      : cutAt(span, factRun, [from, to]);
  };
  bSpan ??= fit(other, o, oSpan!, base, b);
  oSpan ??= fit(base, b, bSpan, other, o);
  // Punctuation alone before or after the fact goes with it (", according to …").
  const wordless = (s: ReadSentence, from: number, to: number) => {
    for (let i = from; i < to; i++) if (s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number') return false;
    return true;
  };
  if (wordless(base, b[0], bSpan[0]) && wordless(other, o[0], oSpan[0])) {
    bSpan = [b[0], bSpan[1]];
    oSpan = [o[0], oSpan[1]];
  }
  if (wordless(base, bSpan[1], b[1]) && wordless(other, oSpan[1], o[1])) {
    bSpan = [bSpan[0], b[1]];
    oSpan = [oSpan[0], o[1]];
  }
  if (!found.shortened && covers(bSpan, b) && covers(oSpan, o)) return [whole()];
  const out: Hunk[] = [];
  out.push(...classifiedHunks(base, other, [b[0], bSpan[0]], [o[0], oSpan[0]], options));
  if (found.shortened) {
    // The kept part of the name stands beside the dropped one on both sides: show the whole name.
    let [bFrom, bTo] = bSpan;
    let [oFrom, oTo] = oSpan;
    const keptName = (bi: number, oi: number) =>
      bi >= 0 &&
      oi >= 0 &&
      bi < base.tokens.length &&
      oi < other.tokens.length &&
      base.tokens[bi].capital &&
      other.tokens[oi].capital &&
      base.tokens[bi].kind === 'word' &&
      !isTitle(base.tokens[bi].key, base.language) &&
      !base.names.initial[bi] &&
      !base.names.functionWords.has(base.tokens[bi].key) &&
      base.tokens[bi].key === other.tokens[oi].key;
    while (keptName(bFrom - 1, oFrom - 1)) {
      bFrom--;
      oFrom--;
    }
    while (keptName(bTo, oTo)) {
      bTo++;
      oTo++;
    }
    out.push({ b: bSpan, o: oSpan, change: changeOf(base, other, [bFrom, bTo], [oFrom, oTo], found.kind, true) });
  } else out.push({ b: bSpan, o: oSpan, change: changeOf(base, other, bSpan, oSpan, found.kind, found.variant, found.date) });
  out.push(...classifiedHunks(base, other, [bSpan[1], b[1]], [oSpan[1], o[1]], options));
  return out;
}

/**
 * Quote changes that follow one another inside one quotation as one change: a reworded quote
 * reads as one quote changed, not as four. The quotation may stand on one side only (a quote
 * added or dropped); the other side's words between the changes then stand outside quotation
 * marks.
 */
function mergeQuoteHunks(base: ReadSentence, other: ReadSentence, hunks: readonly Hunk[]): Hunk[] {
  // A colon or a comma right before the opening mark ("said: “…”") stands outside the marks,
  // and belongs to the quotation all the same; no other mark between two quotations does.
  const quotationStart = (s: ReadSentence, from: number, to: number) =>
    from + 1 < to && (s.tokens[from].key === ':' || s.tokens[from].key === ',') && s.tokens[from + 1].kind === 'quote' ? from + 1 : from;
  const allQuoted = (s: ReadSentence, from: number, to: number) => {
    for (let i = quotationStart(s, from, to); i < to; i++) if (!s.quoted[i]) return false;
    return true;
  };
  const noneQuoted = (s: ReadSentence, from: number, to: number) => {
    for (let i = from; i < to; i++) if (s.quoted[i]) return false;
    return true;
  };
  const oneQuotation = (s: ReadSentence, from: number, to: number) => {
    // No mark between the two ends (past the colon or comma before the opening one): the words
    // are inside one quotation, not two.
    for (let i = quotationStart(s, from, to) + 1; i < to - 1; i++) if (s.tokens[i].kind === 'quote') return false;
    return allQuoted(s, from, to);
  };
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    const bQuoted = last && allQuoted(base, last.b[0], h.b[1]);
    const oQuoted = last && allQuoted(other, last.o[0], h.o[1]);
    if (
      last &&
      last.change.kind === 'quote' &&
      h.change.kind === 'quote' &&
      ((bQuoted && oQuoted) ||
        (bQuoted && oneQuotation(base, last.b[0], h.b[1]) && noneQuoted(other, last.o[1], h.o[0])) ||
        (oQuoted && oneQuotation(other, last.o[0], h.o[1]) && noneQuoted(base, last.b[1], h.b[0])))
    ) {
      const b: Range = [last.b[0], h.b[1]];
      const o: Range = [last.o[0], h.o[1]];
      out[out.length - 1] = { b, o, change: changeOf(base, other, b, o, 'quote') };
    } else out.push(h);
  }
  return out;
}

/** One run of differing tokens: `[from, to)` in the anchor's tokens and in the member's. */
function classify(base: ReadSentence, other: ReadSentence, [bFrom, bTo]: Range, [oFrom, oTo]: Range, options: ChangeOptions): Classified {
  const run: ChangedRun = { base, other, bFrom, bTo, oFrom, oTo, bIdx: indicesFrom(bFrom, bTo), oIdx: indicesFrom(oFrom, oTo) };
  // A dateline added, dropped or written otherwise ("TOWN, May 14 (Agency) -" for none) places
  // and dates the report, not the statement: its place and date are no changed facts.
  if (inDateline(base, bFrom, bTo) && inDateline(other, oFrom, oTo)) return verdict('wording');
  // Each kind in the order of the list in the header; each read by a function of its own, so that none is compiled as one large function.
  return (
    (base.negations !== other.negations ? negationChange(run) : undefined) ??
    figureChange(run) ??
    speakerOrQuoteChange(run, options) ??
    nameChange(run, options)!
  );
}

/**
 * A wire dateline opening a sentence: a place in capitals ("WASHINGTON", "PORT ASHBY"), perhaps
 * a country or region in title case and a date after commas ("COLOMBO, Sri Lanka", "PORT ASHBY,
 * May 14", "BERLIN, 14. Mai", "MADRID, 14 de mayo de 2024", "МОСКВА, 14 мая"), perhaps an agency
 * in brackets, in letters alone ("(Agency)"), then a dash or a colon. An acronym opening a clause
 * is none: what follows its comma is no place nor date ("IBM, which cut 3,900 jobs -", "EU, US
 * agree on 15% -"), and brackets holding figures are no agency. The two places a date may stand
 * are the groups `date1` and `date2`, whose words `datelineEnd` checks are a month's name.
 */
const DATELINE = (() => {
  const capitals = "\\p{Lu}[\\p{Lu}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}'’.-]*){0,3}";
  const titled = "\\p{Lu}[\\p{Ll}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}'’.-]+){0,2}";
  // A month's name before or after the day ("May 14", "14 May", "14. Mai", "14 de mayo"), the
  // year perhaps after it ("Sept. 13, 2021", "14 de mayo de 2024"); a short word may join them.
  const joiner = '(?:\\p{Ll}{1,3}\\s+)?';
  const date = `(?:\\p{L}[\\p{Ll}\\p{M}]+\\.?\\s+\\d{1,2}|\\d{1,2}\\.?\\s+${joiner}\\p{L}[\\p{Ll}\\p{M}]+\\.?)(?:,?\\s+${joiner}\\d{4})?`;
  const agency = '\\(\\p{L}[\\p{L}\\p{M}\\s./&-]{0,30}\\)';
  const slot = (name: string) => `(?:,\\s*(?:(?<${name}>${date})|${titled}))?`;
  return new RegExp(`^${capitals}${slot('date1')}${slot('date2')}(?:\\s*${agency})?\\s*(?:[—–:]|--?)\\s+`, 'du');
})();

/**
 * Where the dateline `text` opens with ends (`DATELINE`, its trailing spaces left out), or 0
 * where it opens with none. A date the pattern matched must name a month among `tokens` (the
 * sentence's, in its language), and its other words be of at most three letters before a month
 * or a year ("de"): "EU, 15 members -" and "NATO, at 75 -" open with no dateline. O(length of
 * the dateline).
 */
function datelineEnd(text: string, tokens: readonly FactToken[]): number {
  const dateline = DATELINE.exec(text.slice(0, 200));
  if (!dateline) return 0;
  for (const name of ['date1', 'date2']) {
    const at = dateline.indices?.groups?.[name];
    if (!at) continue;
    let month = false;
    for (let k = 0; k < tokens.length && tokens[k].start < at[1]; k++) {
      const t = tokens[k];
      if (t.end <= at[0] || t.kind === 'number' || t.kind === 'punct') continue;
      if (t.kind === 'date' && t.key.startsWith('month:')) {
        month = true;
        continue;
      }
      const next = tokens[k + 1];
      const joins = t.kind === 'word' && t.end - t.start <= 3 && next !== undefined && (next.kind === 'number' || next.kind === 'date');
      if (!joins) return 0;
    }
    // "NATO, at 75 -": a count after a short word is no date.
    if (!month) return 0;
  }
  return dateline[0].trimEnd().length;
}

/** Whether tokens `from..to` of the sentence lie within the dateline it opens with; an empty range does. O(1) once the sentence's dateline is read. */
function inDateline(s: ReadSentence, from: number, to: number): boolean {
  return from === to || s.tokens[to - 1].end <= s.datelineEnd;
}

/** A run of differing tokens as the classifier reads it: the two sentences, the token range on each side, and its indices. */
interface ChangedRun {
  readonly base: ReadSentence;
  readonly other: ReadSentence;
  readonly bFrom: number;
  readonly bTo: number;
  readonly oFrom: number;
  readonly oTo: number;
  readonly bIdx: number[];
  readonly oIdx: number[];
}

/** `[from, from + 1, …, to - 1]`. */
function indicesFrom(from: number, to: number): number[] {
  const out = new Array<number>(to - from);
  for (let k = from; k < to; k++) out[k - from] = k;
  return out;
}

/** A run's kind and the tokens that make it so. */
function verdict(kind: ChangeKind, bFacts: readonly number[] = [], oFacts: readonly number[] = [], variant?: boolean): Classified {
  return { kind, bFacts, oFacts, ...(variant ? { variant } : {}) };
}

/** A negation added or dropped (only called where the two sides count their negations differently). */
function negationChange(run: ChangedRun): Classified | undefined {
  const { base, other, bIdx, oIdx } = run;
  const negations = (s: ReadSentence, idx: number[]) =>
    idx.filter(i => s.tokens[i].kind === 'word' && isNegation(s.tokens[i].key, s.language));
  // A polarity flip is a small edit; a negation inside a rewritten passage is the rewrite's.
  const small = (s: ReadSentence, idx: number[]) =>
    idx.filter(i => s.tokens[i].kind === 'word' && !isNegation(s.tokens[i].key, s.language)).length <= MAX_NEGATION_CONTEXT;
  const bNeg = negations(base, bIdx);
  const oNeg = negations(other, oIdx);
  if ((bNeg.length || oNeg.length) && small(base, bIdx) && small(other, oIdx)) return verdict('negation', bNeg, oNeg);
  return undefined;
}

/** A figure, date or share one side carries and the other does not. */
function figureChange(run: ChangedRun): Classified | undefined {
  const { base, other, bFrom, bTo, oFrom, oTo, bIdx, oIdx } = run;
  // Tokens that one side has and the other side lacks anywhere (a word merely moved is no change of fact).
  const lacking = (s: ReadSentence, idx: number[], against: ReadSentence) => idx.filter(i => !against.keys.has(s.tokens[i].key));
  // "The two leaders": a written number after a definite article refers to people already named; it counts nothing new.
  const figures = (s: ReadSentence, idx: number[]) =>
    idx.filter(
      i =>
        (s.tokens[i].kind === 'number' &&
          !(
            i > 0 &&
            !s.tokens[i].ordinal &&
            isDefiniteArticle(s.tokens[i - 1].key, s.language) &&
            /^\p{L}/u.test(s.text[s.tokens[i].start])
          )) ||
        s.tokens[i].kind === 'date',
    );
  const bFigures = lacking(base, figures(base, bIdx), other);
  const oFigures = lacking(other, figures(other, oIdx), base);
  // "1,012,000" for "about 1 million", "nearly 50,000" for "48,000": one figure told at another precision.
  if (roundedAlike(base, bFigures, other, oFigures)) return undefined;
  // "10.30" for "10:30": one time of day, written the British way.
  if (clockAlike(base, bFigures, other, oFigures)) return undefined;
  // "yesterday" for "on Tuesday", "today" for "yesterday": one day told from two days of writing
  // (a wire story and its reprint a day later) is a rewording, not another date.
  if (bFigures.length && oFigures.length && sameDayRetold(dayNamed(base.tokens, bFigures), dayNamed(other.tokens, oFigures)))
    return undefined;
  if (bFigures.length || oFigures.length) {
    // A figure with its neighbours of its kind ("5 million", "March 2011", "90 %").
    const withNeighbours = (s: ReadSentence, found: number[], from: number, to: number) => {
      const out = new Set(found);
      for (const i of found) {
        for (let k = i - 1; k >= from && (s.tokens[k].kind === 'number' || s.tokens[k].kind === 'date'); k--) out.add(k);
        for (let k = i + 1; k < to && (s.tokens[k].kind === 'number' || s.tokens[k].kind === 'date'); k++) out.add(k);
      }
      return [...out];
    };
    const bFacts = withNeighbours(base, bFigures, bFrom, bTo);
    const oFacts = withNeighbours(other, oFigures, oFrom, oTo);
    const classified = verdict('number', bFacts, oFacts);
    return onlyDates(base.tokens, bFacts) && onlyDates(other.tokens, oFacts) ? { ...classified, date: true } : classified;
  }

  return undefined;
}

/**
 * Whether each side has one figure the other lacks, a positive plain number, one side hedges its
 * figure as a round one (`hedgeBefore`: "about", "nearly", "more than") and the other gives its
 * own exactly (no hedge before it), and the exact figure agrees with the round one: less than
 * half a unit of the round figure's last non-zero digit off it, on the side the hedge leans to
 * ("nearly 50,000" for 48,000, "more than a million" for 1,012,000, "about 400" for 388; not
 * "more than 1,000" for 1,900, "nearly 50,000" for 51,000, nor "about 1,000" for "about
 * 1,400"). A figure that reads as a year (1900 to 2099) is a date, told exactly. O(1).
 */
function roundedAlike(base: ReadSentence, bFigures: readonly number[], other: ReadSentence, oFigures: readonly number[]): boolean {
  if (bFigures.length !== 1 || oFigures.length !== 1) return false;
  const plain = (s: ReadSentence, i: number) => {
    const t = s.tokens[i];
    if (t.kind !== 'number' || t.ordinal || !/^#\d+(?:\.\d+)?$/.test(t.key)) return undefined;
    const value = Number(t.key.slice(1));
    return value > 0 && !(Number.isInteger(value) && value >= 1900 && value <= 2099) ? value : undefined;
  };
  const b = plain(base, bFigures[0]);
  const o = plain(other, oFigures[0]);
  if (b === undefined || o === undefined) return false;
  const hedgeOf = (s: ReadSentence, i: number) => hedgeBefore(s.text.slice(0, s.tokens[i].start), s.language);
  const bHedge = hedgeOf(base, bFigures[0]);
  const oHedge = hedgeOf(other, oFigures[0]);
  // Exactly one side hedges: two hedged figures are two estimates, and another is a change.
  if ((bHedge === undefined) === (oHedge === undefined)) return false;
  const [hedge, round, value] = bHedge ? [bHedge, b, o] : [oHedge!, o, b];
  const half = roundingUnit(round) / 2;
  const off = value - round;
  return hedge === 'near' ? Math.abs(off) < half : hedge === 'below' ? off < 0 && -off < half : off > 0 && off < half;
}

/**
 * Whether each side has one figure the other lacks, one of them a time of day (`clockAt`:
 * "10:30", "10.30 p.m.") and the other a bare figure of hours and two digits of minutes set
 * apart by a full stop ("10.30", "22.30"), as British style writes a time: the same hour on the
 * 24-hour clock and the same minutes ("2.15" against "14:15" may be a time corrected by twelve
 * hours). A figure with a currency sign or a percent sign brings a second figure, so "$10.30"
 * never qualifies. O(1).
 */
function clockAlike(base: ReadSentence, bFigures: readonly number[], other: ReadSentence, oFigures: readonly number[]): boolean {
  if (bFigures.length !== 1 || oFigures.length !== 1) return false;
  const clockOf = (s: ReadSentence, i: number) => CLOCK_KEY.exec(s.tokens[i].key);
  const dottedOf = (s: ReadSentence, i: number) => {
    const t = s.tokens[i];
    return t.kind === 'number' && !t.ordinal ? DOTTED_TIME.exec(asciiDigits(s.text.slice(t.start, t.end))) : null;
  };
  const clock = clockOf(base, bFigures[0]) ?? clockOf(other, oFigures[0]);
  const dotted = dottedOf(base, bFigures[0]) ?? dottedOf(other, oFigures[0]);
  if (!clock || !dotted) return false;
  const hour = Number(dotted[1]);
  const clockHour = Number(clock[1]);
  return dotted[2] === clock[2] && hour === clockHour;
}

/** A time of day's key, as `clockAt` writes it: hours on the 24-hour clock and minutes. */
const CLOCK_KEY = /^#(\d{1,2}):(\d{2})$/;
/** A figure of hours and minutes set apart by a full stop: "10.30", "6.05". */
const DOTTED_TIME = /^([01]?\d|2[0-3])\.([0-5]\d)$/;

/** The unit of a figure's last non-zero digit: 1,000,000 for 1 million, 100 for 400, 0.1 for 7.5. O(digits). */
function roundingUnit(figure: number): number {
  const written = String(Math.abs(figure));
  const point = written.indexOf('.');
  if (point >= 0) return 10 ** -(written.length - point - 1);
  const trailing = written.length - written.replace(/0+$/, '').length;
  return figure === 0 ? 1 : 10 ** trailing;
}

/**
 * Whether the figure tokens at `indices` tell a date and nothing else: none, or runs each with a
 * date word (a weekday, a month, "yesterday") or beside a month's name ("13 July", "March
 * 2011", "July 4, 2011": the figure alone differs); "5 million" and "10 people on Friday" tell
 * more. O(k log k).
 */
function onlyDates(tokens: readonly FactToken[], indices: readonly number[]): boolean {
  // "July 4, 2011": a year after a comma belongs to the month and day before it.
  const isMonth = (k: number) =>
    isMonthToken(tokens, k) ||
    (k >= 1 &&
      k < tokens.length &&
      tokens[k].kind === 'punct' &&
      tokens[k].key === ',' &&
      tokens[k - 1].kind === 'number' &&
      isMonthToken(tokens, k - 2));
  const sorted = [...indices].sort((a, b) => a - b);
  let runStart = 0;
  let runHasDate = false;
  for (let j = 0; j <= sorted.length; j++) {
    if (j > 0 && (j === sorted.length || sorted[j] !== sorted[j - 1] + 1)) {
      if (!runHasDate && !isMonth(sorted[runStart] - 1) && !isMonth(sorted[j - 1] + 1)) return false;
      runStart = j;
      runHasDate = false;
    }
    if (j < sorted.length && tokens[sorted[j]].kind === 'date') runHasDate = true;
  }
  return true;
}

/** Whether token `k` (any index) is a month's name. */
function isMonthToken(tokens: readonly FactToken[], k: number): boolean {
  return k >= 0 && k < tokens.length && tokens[k].kind === 'date' && tokens[k].key.startsWith('month:');
}

/** How the tokens of a run name one day: by its distance from the day of writing, or by its name or date. */
interface DayNamed {
  /** The distance of a relative day ("yesterday": -1), when the run names the day by that alone. */
  readonly relative?: number;
}

/**
 * The day the tokens at `indices` name, when they name one day and nothing else: a relative
 * day ("yesterday"), a weekday, or a month with a day of the month beside it ("July 13",
 * "13 July"). A month alone or with a year ("March 2011") names no day. Undefined otherwise.
 */
function dayNamed(tokens: readonly FactToken[], indices: readonly number[]): DayNamed | undefined {
  const keyAt = (k: number) => (k >= 0 && k < tokens.length && tokens[k].kind === 'date' ? tokens[k].key : '');
  const isMonth = (k: number) => isMonthToken(tokens, k);
  const isDayOfMonth = (k: number) =>
    k >= 0 && k < tokens.length && tokens[k].kind === 'number' && DAY_OF_MONTH.test(tokens[k].key) && (isMonth(k - 1) || isMonth(k + 1));
  let relative: number | undefined;
  let absolute = false;
  for (const i of indices) {
    const key = keyAt(i);
    if (key.startsWith(RELATIVE_DAY)) {
      if (relative !== undefined) return undefined;
      relative = Number(key.slice(RELATIVE_DAY.length));
    } else if (key.startsWith('weekday:') || isDayOfMonth(i) || (isMonth(i) && (isDayOfMonth(i - 1) || isDayOfMonth(i + 1)))) {
      absolute = true;
    } else {
      return undefined;
    }
  }
  return absolute ? {} : relative !== undefined ? { relative } : undefined;
}

const DAY_OF_MONTH = /^#([1-9]|[12]\d|3[01])$/;

/** Two namings that may tell one day from two days of writing: a relative day against a named one, or two relative days a day apart. */
function sameDayRetold(a: DayNamed | undefined, b: DayNamed | undefined): boolean {
  if (!a || !b) return false;
  if (a.relative === undefined || b.relative === undefined) return a.relative !== b.relative;
  return Math.abs(a.relative - b.relative) === 1;
}

/** The token at `i` opens a sentence or a clause: it stands first, or after a stop, a colon or a dash, past any quotation marks and opening brackets. */
function sentenceInitial(tokens: readonly FactToken[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k].kind === 'quote' || '([{'.includes(tokens[k].key))) k--;
  return k < 0 || k < i - 1 || '.!?:;…|—–-'.includes(tokens[k].key);
}

/** Another speaker, or changed words inside quotation marks. */
function speakerOrQuoteChange(run: ChangedRun, options: ChangeOptions): Classified | undefined {
  const { base, other, bIdx, oIdx } = run;
  const contentOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.tokens[i].kind === 'word' || s.tokens[i].kind === 'number');
  const bContent = contentOf(base, bIdx);
  const oContent = contentOf(other, oIdx);
  // A speaker named on one side and not among the other side's speakers.
  // A common word beside a speaker's name that the other side keeps as its speaker ("the Kremlin statement", "the Kremlin") changes no speaker.
  const keptBeside = (s: ReadSentence, i: number, against: ReadSentence) =>
    !s.tokens[i].capital &&
    [i - 1, i + 1].some(
      k =>
        k >= 0 &&
        k < s.tokens.length &&
        s.names.agent[k] &&
        s.tokens[k].capital &&
        against.names.agentStems.has(s.words.stem(s.tokens[k].key)),
    );
  // A speaker whose other words the other side keeps as its speaker is that speaker, described
  // otherwise ("state media in Damascus", "regime media"; "Sri Lanka Air Force", "the air force").
  // A title before a person's name says nothing of who holds it ("President Putin", "President
  // Assad"); before a common word or an acronym it is part of what the speaker is ("state
  // media", "State TV").
  const titleOfName = (s: ReadSentence, k: number) => {
    if (!isTitle(s.tokens[k].key, s.language) || k + 1 >= s.tokens.length || !s.names.agent[k + 1] || !s.tokens[k + 1].capital)
      return false;
    return !inCapitals(s.text, s.tokens[k + 1]);
  };
  const keptInRun = (s: ReadSentence, i: number, against: ReadSentence) => {
    const kept = (k: number) =>
      k !== i &&
      s.tokens[k].kind === 'word' &&
      against.names.agentStems.has(s.words.stem(s.tokens[k].key)) &&
      !s.names.functionWords.has(s.tokens[k].key) &&
      !titleOfName(s, k);
    // Words before a "by" name what the speaker issued ("a statement released by …"), not the speaker.
    for (let k = i - 1; k >= 0 && s.names.agent[k] && !BY.test(s.tokens[k].key); k--) if (kept(k)) return true;
    for (let k = i + 1; k < s.tokens.length && s.names.agent[k] && !BY.test(s.tokens[k].key); k++) if (kept(k)) return true;
    return false;
  };
  // A sentence without a speech verb has no speaker: its names are not read for one.
  const newAgent = (s: ReadSentence, idx: number[], against: ReadSentence) =>
    s.speaks &&
    idx.some(
      i =>
        s.names.agent[i] &&
        !keptBeside(s, i, against) &&
        !keptInRun(s, i, against) &&
        s.tokens[i].kind === 'word' &&
        (s.tokens[i].capital || s.tokens[i].end - s.tokens[i].start > 3) &&
        !against.names.agentStems.has(s.words.stem(s.tokens[i].key)) &&
        !against.names.stems.has(s.words.stem(s.tokens[i].key)) &&
        !spelledOut(s, i, against, against === base ? bContent : oContent) &&
        !abbreviated(s, i, s === base ? bContent : oContent, against, against === base ? bContent : oContent),
    );
  // Only the speakers' own words are compared for a respelt speaker: a run that also drops "the Kremlin said" changes the speaker.
  const agentsOf = (s: ReadSentence, idx: number[]) => idx.filter(i => s.names.agent[i]);
  if (
    (newAgent(base, bContent, other) || newAgent(other, oContent, base)) &&
    // An agent that only changed its spelling ("Al-Assad" / "Assad") is no other agent.
    !similarNames(base, agentsOf(base, bContent), other, agentsOf(other, oContent), options)
  ) {
    // The attribution's own words: its speaker and its speech verb.
    const said = (s: ReadSentence, idx: number[]) => idx.filter(i => s.names.agent[i] || s.names.speech[i]);
    return verdict('attribution', said(base, bIdx), said(other, oIdx));
  }
  if (bIdx.some(i => base.quoted[i]) || oIdx.some(i => other.quoted[i])) {
    // Quotation marks of another shape around the same words are the same quote; the same
    // words with and without marks are a quote added or dropped.
    const marks = (sentence: ReadSentence, idx: number[]) => idx.some(i => sentence.tokens[i].kind === 'quote');
    // Marks alone add or drop a quotation only where the other side has none, not even one left
    // as a character reference by a page dump: otherwise they are marks the other side lost in writing.
    const unmarked = (sentence: ReadSentence) => !sentence.tokens.some(t => t.kind === 'quote') && !ENTITY_QUOTE.test(sentence.text);
    if (
      bContent.some(i => base.quoted[i]) ||
      oContent.some(i => other.quoted[i]) ||
      (marks(base, bIdx) && unmarked(other) && base.quotedWords !== other.quotedWords) ||
      (marks(other, oIdx) && unmarked(base) && base.quotedWords !== other.quotedWords)
    )
      return verdict(
        'quote',
        bIdx.filter(i => base.quoted[i]),
        oIdx.filter(i => other.quoted[i]),
      );
  }
  return undefined;
}

/**
 * Determiners of languages that write every noun with a capital, per language: there a
 * capital tells a noun as well as a name, and a capitalised word right after a determiner
 * ("die Helfer") is a noun. A name after an article ("die Türkei") is read as a noun too: a
 * reworded noun is far more common. A determiner after a comma is a relative pronoun ("die
 * Partei, die Merz anführt"), and one before a verb a demonstrative ("Das sagte Merz"): the
 * word after the verb is no noun of it, so only the word right after the determiner is read so.
 */
const NOUN_DETERMINERS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set(
    (
      'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines ' +
      'dieser diese dieses diesen diesem jener jene jenes jeden jeder jede jedes alle allen aller ' +
      'mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer ' +
      'unser unsere unseren unserem unserer euer eure viele vielen einige einigen mehrere mehreren manche solche welche'
    ).split(' '),
  ),
};

/** A score's figure as the token reader keys it: goals apart by a colon, the second of one digit ("1:0", "2:1"). */
const SCORE = /^#\d{1,2}:\d$/;

/**
 * Whether the capitalised word `s.tokens[i]` is a noun by `NOUN_DETERMINERS`, or stands right
 * after a figure other than a score: a count, a time or a year comes before things far more
 * often than before people by name ("250 Helfer", "58 Jahre", "15:30 Uhr Ortszeit", "2020
 * Mitglied"). O(1).
 */
function nounAfterDeterminer(s: ReadSentence, i: number): boolean {
  const determiners = NOUN_DETERMINERS[s.language];
  if (!determiners || i < 1) return false;
  const before = s.tokens[i - 1];
  // After a score a scorer's name stands ("1:0 Müller").
  if (before.kind === 'number') return !SCORE.test(before.key);
  return before.kind === 'word' && determiners.has(before.key) && !(i >= 2 && s.tokens[i - 2].key === ',');
}

/** A name one side lacks, or one name spelt otherwise; else wording. */
function nameChange(run: ChangedRun, options: ChangeOptions): Classified | undefined {
  const { base, other, bFrom, bTo, oFrom, oTo, bIdx, oIdx } = run;
  // Capitalised words the other sentence lacks as written (not opening a sentence, not an acronym of its words).
  // The tests that read the sentences' names come after the others, and title case last: a run
  // without a capitalised word that the other side lacks reads no names.
  const candidates = (s: ReadSentence, idx: number[], against: ReadSentence, againstIdx: number[], atStart = false) => {
    const found = idx.filter(
      i =>
        s.tokens[i].capital &&
        s.tokens[i].kind === 'word' &&
        !isTitle(s.tokens[i].key, s.language) &&
        !isCommonAcronym(s.tokens[i].key, s.language) &&
        !against.keys.has(s.tokens[i].key) &&
        (atStart || !s.names.initial[i]) &&
        !s.names.label[i] &&
        !s.names.functionWords.has(s.tokens[i].key) &&
        !against.names.acronyms.has(s.tokens[i].key) &&
        !(s.names.runInitials[i] && against.keys.has(s.names.runInitials[i])) &&
        !nounAfterDeterminer(s, i) &&
        !spelledOut(s, i, against, againstIdx) &&
        !abbreviated(s, i, idx, against, againstIdx),
    );
    return found.length && s.names.titleCase ? [] : found;
  };
  // An adjective of a nation or faith before a noun ("southern Indian city") describes; added or
  // dropped it names no one. Replaced by another ("Russian" → "Chinese") it changes who.
  const adjective = (s: ReadSentence, i: number) =>
    i + 1 < s.tokens.length &&
    s.tokens[i + 1].kind === 'word' &&
    !s.tokens[i + 1].capital &&
    isProperAdjective(s.tokens[i].key, s.language);
  const bCandidates = candidates(base, bIdx, other, oIdx);
  const oCandidates = candidates(other, oIdx, base, bIdx);
  const bothAdjectives = bCandidates.some(i => adjective(base, i)) && oCandidates.some(i => adjective(other, i));
  const bNames = bothAdjectives ? bCandidates : bCandidates.filter(i => !adjective(base, i));
  const oNames = bothAdjectives ? oCandidates : oCandidates.filter(i => !adjective(other, i));
  // A name whose stem the other sentence has is found again there ("India", "Indian"; "Assad", "al-Assad").
  const missing = (s: ReadSentence, found: number[], against: ReadSentence) =>
    found.filter(i => !against.names.stems.has(s.words.stem(s.tokens[i].key)));
  // The whole run of capitalised words a name stands in, within the run of differing tokens.
  const nameRuns = (s: ReadSentence, found: number[], from: number, to: number) => {
    const out = new Set(found);
    for (const i of found) {
      for (let k = i - 1; k >= from && s.tokens[k].capital && s.tokens[k].kind === 'word'; k--) out.add(k);
      for (let k = i + 1; k < to && s.tokens[k].capital && s.tokens[k].kind === 'word'; k++) out.add(k);
    }
    return [...out];
  };
  const bMissing = missing(base, bNames, other);
  const oMissing = missing(other, oNames, base);
  if (bMissing.length || oMissing.length) {
    // A part of a name dropped or added beside the part both keep ("Gotabaya Rajapaksa" and
    // "Rajapaksa"): one name, written shorter.
    const besideKept = (s: ReadSentence, found: number[], from: number, to: number, against: ReadSentence) =>
      found.length > 0 &&
      found.every(i => {
        let k = i;
        while (k >= from && s.tokens[k].capital) k--;
        if (
          k < from &&
          k >= 0 &&
          s.tokens[k].capital &&
          !s.names.initial[k] &&
          s.tokens[k].kind === 'word' &&
          against.names.capitalForms.has(s.words.form(s.tokens[k].key))
        )
          return true;
        k = i;
        while (k < to && s.tokens[k].capital) k++;
        return (
          k >= to &&
          k < s.tokens.length &&
          s.tokens[k].capital &&
          s.tokens[k].kind === 'word' &&
          against.names.capitalForms.has(s.words.form(s.tokens[k].key))
        );
      });
    const shortened =
      (!oNames.length && besideKept(base, bMissing, bFrom, bTo, other)) ||
      (!bNames.length && besideKept(other, oMissing, oFrom, oTo, base));
    if (shortened)
      return {
        kind: 'name',
        variant: true,
        shortened: true,
        bFacts: nameRuns(base, bNames, bFrom, bTo),
        oFacts: nameRuns(other, oNames, oFrom, oTo),
      };
    return verdict(
      'name',
      nameRuns(base, bMissing.length ? bMissing : bNames, bFrom, bTo),
      nameRuns(other, oMissing.length ? oMissing : oNames, oFrom, oTo),
      bNames.length > 0 && oNames.length > 0 && similarNames(base, bNames, other, oNames, options),
    );
  }
  // Spellings of one name on the two sides of the change: reported, marked as a variant; the
  // same letters written with other marks ("India’s", a possessive left as a broken entity) are one spelling.
  // One name with a short ending added ("Russia", "Russian"; "Lanka’s", "Lankan") is a derived form, not another spelling.
  const derived = (x: string, y: string) => x !== y && Math.abs(x.length - y.length) <= 3 && (x.startsWith(y) || y.startsWith(x));
  const bare = (s: ReadSentence, idx: number[]) =>
    idx
      .map(i => s.text.slice(s.tokens[i].start, s.tokens[i].end).replace(/[’']s$/u, ''))
      .join('')
      .toLowerCase();
  // A name respelt where one side opens the sentence with it ("said al-Assad" → "Assad …") is still that name.
  const bSpelt = bNames.length ? bNames : oNames.length ? candidates(base, bIdx, other, oIdx, true) : [];
  const oSpelt = oNames.length ? oNames : bNames.length ? candidates(other, oIdx, base, bIdx, true) : [];
  if (
    bSpelt.length &&
    oSpelt.length &&
    bare(base, bSpelt) !== bare(other, oSpelt) &&
    !derived(bare(base, bSpelt), bare(other, oSpelt)) &&
    similarNames(base, bSpelt, other, oSpelt, options)
  )
    return verdict('name', nameRuns(base, bSpelt, bFrom, bTo), nameRuns(other, oSpelt, oFrom, oTo), true);
  return verdict('wording');
}

/**
 * Whether the word at token `i` of `s` is an acronym whose letters stand in order in the words
 * among tokens `againstIdx` of `against`, from its first ("UN", "United Nations"; "TV",
 * "television"). O(letters).
 */
function spelledOut(s: ReadSentence, i: number, against: ReadSentence, againstIdx: readonly number[]): boolean {
  const t = s.tokens[i];
  const word = s.text.slice(t.start, t.end);
  if (!/^[\p{Lu}\d]{2,6}$/u.test(word)) return false;
  const letters = word.toLowerCase();
  const otherLetters = lettersOf(against, againstIdx);
  if (!otherLetters.startsWith(letters[0])) return false;
  let at = 0;
  for (const ch of letters) {
    at = otherLetters.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/**
 * Whether the word at token `i` of `s` (one of tokens `idx`) stands among two or more words that
 * an acronym among tokens `againstIdx` of `against` abbreviates, each word giving it its first
 * letter: "Health" in "World Health Organization" where the other side writes "WHO", "States"
 * in "United States" where it writes "US" (`abbreviationEnd`). O(acronyms · words²).
 */
function abbreviated(s: ReadSentence, i: number, idx: readonly number[], against: ReadSentence, againstIdx: readonly number[]): boolean {
  let words: AcronymWord[] | undefined;
  const inner = COMPOUNDING.has(s.language);
  for (const k of againstIdx) {
    const acronym = acronymAt(against, k);
    if (!acronym) continue;
    words ??= acronymWords(s, idx);
    // Two letters are two words' initials ("US", "United States"), never a compound's inside.
    const short = acronym.length === 2;
    for (let w = 0; w < words.length && words[w].token <= i; w++) {
      const end = abbreviationEnd(acronym, words, w, 0, inner && !short);
      if (end - w >= 2 && words[end - 1].token >= i) return true;
    }
  }
  return false;
}

/**
 * Languages that write a compound as one word, whose acronyms take a letter from a compound's
 * later parts: German "THW" for "Technisches Hilfswerk", Dutch, the Scandinavian languages.
 */
const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da', 'no', 'nb', 'nn', 'is', 'fi']);

/** The letters of the acronym at token `i` in lower case ("UN", "U.S.", "ISRO"), or undefined for any other token. */
function acronymAt(s: ReadSentence, i: number): string | undefined {
  const t = s.tokens[i];
  if (t.kind !== 'word') return undefined;
  const text = s.text.slice(t.start, t.end);
  return ACRONYM.test(text) ? text.replace(/\./g, '').toLowerCase() : undefined;
}

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** A word an acronym may abbreviate: its letters in lower case, without diacritics, and its token. */
interface AcronymWord {
  readonly letters: string;
  readonly token: number;
}

/** The words among tokens `idx` of `s` that an acronym may abbreviate: every word but the function words ("of", "für"), which acronyms leave out. */
function acronymWords(s: ReadSentence, idx: readonly number[]): AcronymWord[] {
  const out: AcronymWord[] = [];
  for (const i of idx) {
    const t = s.tokens[i];
    if (t.kind !== 'word' || s.names.functionWords.has(t.key)) continue;
    const letters = lettersOf(s, [i]);
    if (letters) out.push({ letters, token: i });
  }
  return out;
}

/**
 * Where the words that `acronym` (lower case) abbreviates from word `w` on end (the index after
 * the last), its letters from the `a`th on still to read; -1 where it abbreviates none. Each word
 * gives the acronym the letter it opens with, and with `inner` perhaps more from inside it, in
 * order ("THW": "Technisches Hilfswerk", a compound's second part inside its word); the next
 * letter opens the next word: no word is skipped. Tries the fewest letters from inside a word
 * first. O(2^acronym) at worst, for acronyms of six letters at most.
 */
function abbreviationEnd(acronym: string, words: readonly AcronymWord[], w: number, a: number, inner: boolean): number {
  if (a === acronym.length) return w;
  if (w >= words.length || words[w].letters[0] !== acronym[a]) return -1;
  if (!inner) return abbreviationEnd(acronym, words, w + 1, a + 1, inner);
  const word = words[w].letters;
  let pos = 1;
  for (let next = a + 1; ; next++) {
    const end = abbreviationEnd(acronym, words, w + 1, next, inner);
    if (end >= 0) return end;
    if (next >= acronym.length) return -1;
    const found = word.indexOf(acronym[next], pos);
    if (found < 0) return -1;
    pos = found + 1;
  }
}

/** The letters of some tokens, without diacritics, in lower case. */
function lettersOf(s: ReadSentence, idx: readonly number[]): string {
  return idx
    .map(i => s.text.slice(s.tokens[i].start, s.tokens[i].end))
    .join('')
    .normalize('NFD')
    .replace(/[^\p{L}]/gu, '')
    .toLowerCase();
}

/**
 * The two runs are spellings of one name: one contained in the other ("Assad", "al-Assad"), or
 * similar letters, in the whole runs and in their last words. A family name comes last, and it
 * tells people apart where a long title before it is alike: "Polizeisprecherin Martina
 * Echterhoff" and "Polizeisprecher Thomas Kernbach" are two spokespeople, not two spellings.
 */
function similarNames(
  base: ReadSentence,
  bIdx: readonly number[],
  other: ReadSentence,
  oIdx: readonly number[],
  options: ChangeOptions,
): boolean {
  const x = lettersOf(base, bIdx);
  const y = lettersOf(other, oIdx);
  if (!x || !y) return false;
  if (x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x))) return true;
  const threshold = options.variantSimilarity ?? 0.5;
  if (profileSimilarity(bigramProfile(x), bigramProfile(y)) < threshold) return false;
  const lastWord = (s: ReadSentence, idx: readonly number[]) => {
    for (let k = idx.length - 1; k >= 0; k--) if (s.tokens[idx[k]].kind === 'word') return lettersOf(s, [idx[k]]);
    return '';
  };
  const xLast = lastWord(base, bIdx);
  const yLast = lastWord(other, oIdx);
  if (xLast === yLast) return true;
  const lastSimilarity = profileSimilarity(bigramProfile(xLast), bigramProfile(yLast));
  if (lastSimilarity >= threshold) return true;
  // A name transliterated twice ("Sergej Lawrow", "Sergei Lavrov") may share fewer letter pairs
  // in its last word, where its other words are one spelling apart too.
  const rest = (s: ReadSentence, idx: readonly number[], last: string) => lettersOf(s, idx).slice(0, -last.length);
  const xRest = rest(base, bIdx, xLast);
  const yRest = rest(other, oIdx, yLast);
  return (
    xRest.length > 0 &&
    yRest.length > 0 &&
    lastSimilarity >= threshold * TRANSLITERATED_SHARE &&
    profileSimilarity(bigramProfile(xRest), bigramProfile(yRest)) >= 1 - (1 - threshold) * TRANSLITERATED_SHARE
  );
}

/**
 * How much of the variant threshold a transliterated last word must reach where the words
 * before it are near alike: at 0.5, a last word of 0.3 with other words of 0.7.
 */
const TRANSLITERATED_SHARE = 0.6;
