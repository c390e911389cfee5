/**
 * A sentence as the changed-facts stage compares it: its tokens (`factTokens`), where numbers,
 * dates in figures, times of day, shares, currencies and month, weekday and relative day names
 * stand as their values, so that two ways of writing one figure are one token. The helpers
 * read figures where `factTokenSpans.ts` leaves them (signs, groups of thousands set apart by
 * spaces, scales, ordinals) and the capitals that tell a month's name from a name, which the
 * reading of a sentence's names (`sentenceReading.ts`) and the name rules (`changeKinds.ts`)
 * ask too. Apart from `changes.ts` because it reads one sentence alone, before any comparison.
 */
import { DIGITS, REFERENCE, WORD, tokenSpans } from './factTokenSpans';
import { writesMonthFirst } from './published';
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
import { capitalisesNouns, functionWordsOf } from './stopwords';
import { withoutInvisibles } from './text';
import { WordForms } from './wordForms';

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

const QUOTE_MARKS = '"“”„‟«»‹›「」『』‘’‚\'';

/** The key prefix of a day named by its distance from the day of writing ("yesterday" is `relday:-1`). */
export const RELATIVE_DAY = 'relday:';

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

/**
 * Whether most of a sentence's content words are capitalised, four at least: a headline in title
 * case, where capitals tell no names. Function words (articles, prepositions) stay in lower case
 * there; in a language without a list, short words stand for them. Words of a page title's label
 * (`labelTokens`) do not count. Never in a language that capitalises every noun (German): its
 * headlines are not set in title case, and a short sentence of nouns and names is mostly capitals
 * all the same. O(n).
 */
export function inTitleCase(
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
export function inCapitals(text: string, t: FactToken): boolean {
  const written = text.slice(t.start, t.end);
  return written === written.toUpperCase();
}

/** Per token, whether it lies in a label part of the sentence (see `ReadSentence.label`). O(n). */
export function labelTokens(tokens: readonly FactToken[]): boolean[] {
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

/** The token at `i` opens a sentence or a clause: it stands first, or after a stop, a colon or a dash, past any quotation marks and opening brackets. */
export function sentenceInitial(tokens: readonly FactToken[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k].kind === 'quote' || '([{'.includes(tokens[k].key))) k--;
  return k < 0 || k < i - 1 || '.!?:;…|—–-'.includes(tokens[k].key);
}
