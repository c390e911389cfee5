/**
 * When a page says it was published: a short date or time line near its headline (a month,
 * day and year with a clock time and zone, a date between other words, a German day-month
 * date with "Uhr"), read with chrono-node in the page's language (English as the fallback, the
 * page's month names in English where its language has no parser).
 *
 * A page's own date is never relative, so relative expressions ("tonight", "2 days ago", "past
 * week"), which chrono resolves against the reference day into a certain calendar date, are
 * left out: chrono's casual parsers are not used at all (they would also cost each process
 * about a third of a second the first time they run, while V8 compiles their long patterns to
 * machine code), and what the strict ones work out from the reference day is skipped.
 */
import * as chrono from 'chrono-node';
import { isoDay, ownCalendarDates } from './calendars';
import { YEAR } from './lineFeatures';
import { asciiDigits, numberLexicon } from './numbers';
import type { LineSpan } from './text';

/** Tuning of the date search; every field has a default. */
export interface PublishedOptions {
  /** Lines looked at after the first article line (the headline, usually). Default 8. */
  readonly linesAfter?: number;
  /** Lines looked at before it. Default 6. */
  readonly linesBefore?: number;
  /** Words a date line may hold besides the date (a byline, a place, "Updated"). Default 8. */
  readonly otherWords?: number;
}

/** What the search needs of a source. */
export interface DatedPage {
  readonly text: string;
  readonly language: string;
  readonly lineSpans: readonly LineSpan[];
  /** Line of the first article sentence, where the search is centred; -1 when there is none. */
  readonly firstArticleLine: number;
}

type Parser = { parse(text: string, ref?: Date): chrono.ParsedResult[] };

const PARSERS: Readonly<Record<string, Parser>> = {
  en: chrono.en.strict,
  de: chrono.de.strict,
  fr: chrono.fr.strict,
  ja: chrono.ja.strict,
  pt: chrono.pt.strict,
  nl: chrono.nl.strict,
  zh: chrono.zh.strict,
  ru: chrono.ru.strict,
  es: chrono.es.strict,
  uk: chrono.uk.strict,
  it: chrono.it.strict,
  sv: chrono.sv.strict,
  fi: chrono.fi.strict,
  vi: chrono.vi.strict,
  id: chrono.id.strict,
  ar: chrono.ar.strict,
};

/** Words for the afternoon and evening after an hour that a parser left without its half of the day. */
const AFTER_NOON = /^(?:pm|p\.m\.|مساء|مساءً|م|вечера|дня|abends|nachmittags|soir|tarde|noche|sera|pomeriggio)$/iu;

/** Hours and minutes apart by a colon or an "h", no figure of a date: "10:52", "10h52". */
const CLOCK_APART = /(?<![\d./-])([01]?\d|2[0-3])[:h]([0-5]\d)(?!\d)/u;

/**
 * A time said to be Greenwich time in words, which the parsers do not read as an offset (Russian
 * "12:48 по Гринвичу"): it is the page's time only where it is the time read, not another beside
 * it ("15:48 по Москве (12:48 по Гринвичу)").
 */
const GREENWICH = /(\d{1,2})[:.](\d{2})\s*\(?по\s+Гринвичу/iu;

/** The tag chrono gives a date it worked out from the reference day ("2 days ago", "in 3 weeks"). */
const RELATIVE_DATE = 'result/relativeDate';

/** A line that quotes another page (an embedded post, a link) carries that page's date, not this one's. */
const FOREIGN = /@\w|https?:|www\.|pic\.\w/u;

/**
 * The page's publication date or time, ISO 8601 at the precision the page gives
 * ("2021-09-14", "2021-09-14T10:51", "2021-09-14T10:51+03:00"), or undefined. Lines after the
 * first article line are looked at first, nearest first, then the lines before it; the first
 * short line holding a full date (day, month and year) gives it. O(w · n) for w lines in the
 * window and n their length.
 */
export function findPublished(page: DatedPage, options: PublishedOptions = {}): string | undefined {
  const at = page.firstArticleLine;
  if (at < 0) return undefined;
  const after = options.linesAfter ?? 8;
  const before = options.linesBefore ?? 6;
  const order: number[] = [at];
  for (let k = 1; k <= after; k++) if (at + k < page.lineSpans.length) order.push(at + k);
  for (let k = 1; k <= before; k++) if (at - k >= 0) order.push(at - k);
  for (const line of order) {
    const span = page.lineSpans[line];
    // A date in the calendar the page's language counts in (a Thai page's Buddhist era) is read as its Gregorian day.
    const text = ownCalendarDates(page.text.slice(span.start, span.end).trim(), page.language);
    // A full date has a year a page may be dated (in the digits of any script); most lines
    // have none and are not parsed at all: a line of counts ("read by 5274 people") neither.
    if (!text || text.length > 200 || !YEAR.test(asciiDigits(text)) || FOREIGN.test(text)) continue;
    // A page may give its date in another script than its text's (an Arabic date line over an English article).
    const otherWords = options.otherWords ?? 8;
    const key = `${page.language}\u0000${otherWords}\u0000${text}`;
    let found = recentLines.get(key);
    if (found === undefined) {
      found = dateInLanguages(text, page.language, otherWords) ?? '';
      recentLines.set(key, found);
      if (recentLines.size > RECENT_LINES) recentLines.delete(recentLines.keys().next().value!);
    }
    if (found) return found;
  }
  return undefined;
}

/**
 * English read day first ("12.08.2024" is 12 August), for a page in a language that has no
 * parser of its own and writes the day before the month.
 */
const EN_DAY_FIRST: Parser = new chrono.en.Chrono(chrono.en.configuration.createConfiguration(true, true));

/**
 * Whether `language` writes a date in figures month first, then day, then year ("5/7/2024" for
 * 7 May), as its runtime date format does: US English and few others. A language that writes
 * the year first (Swedish, Hungarian, Japanese) writes a date that ends in its year day first,
 * and an undetermined language is read day first, as most languages write it.
 */
export function writesMonthFirst(language: string): boolean {
  if (language === 'und') return false;
  let monthFirst = monthFirstOf.get(language);
  if (monthFirst === undefined) {
    let order: string[] = [];
    try {
      order = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'numeric', year: 'numeric' })
        .formatToParts(new Date(2024, 4, 7))
        .map(part => part.type)
        .filter(type => type === 'day' || type === 'month' || type === 'year');
    } catch {
      // A tag the runtime does not know: read as most languages write it.
    }
    monthFirst = order.join(' ') === 'month day year';
    monthFirstOf.set(language, monthFirst);
  }
  return monthFirst;
}
const monthFirstOf = new Map<string, boolean>();

/**
 * The date a line gives, read in the page's language, the scripts it holds, then English: month
 * first only where the page's language writes dates so, since the page's figures follow its
 * own language's order ("12.08.2024" on a Greek page is 12 August).
 */
function dateInLanguages(text: string, pageLanguage: string, otherWords: number): string | undefined {
  const languages = [...new Set([pageLanguage, ...SCRIPT_LANGUAGES.filter(([script]) => script.test(text)).map(([, l]) => l), 'en'])];
  for (const language of languages) {
    const parser = language === 'en' && !writesMonthFirst(pageLanguage) ? EN_DAY_FIRST : PARSERS[language];
    // A language without a parser of its own names its months in words only it reads ("6 Nisan
    // 2024", "15 Μαΐου 2024"): English reads them as their English names.
    const read = language === 'en' && !PARSERS[pageLanguage] ? namesInEnglish(text, pageLanguage) : text;
    const found = parser && dateOfLine(read, [parser], numberLexicon(language).dateWords, otherWords);
    if (found) return found;
  }
  return undefined;
}

/** English month names, January first, and weekday names, Monday first, as `dateWords` keys number them. */
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Letters some languages write onto a month's name as a word of their own (Hebrew "במרץ", "in
 * March"): a word that is a month's name after one of them names that month.
 */
const PREFIXES: Readonly<Record<string, readonly string[]>> = { he: ['ב', 'ל', 'מ', 'ו', 'ה'] };

/**
 * `text` with each word that names a month or a weekday in `language` (`NumberLexicon.dateWords`,
 * perhaps after one of its `PREFIXES`) written as the English name, digits of any script as
 * ASCII ones, a Korean date (`HANGUL_DATE`) and a date written year first (`YEAR_FIRST_NAMED`) in
 * ISO 8601, and a day's ordinal stop (`DAY_WITH_STOP`) and the spaces between figures
 * (`SPACED_FIGURES`) left out, for the English parser, which reads none of these. O(n).
 */
export function namesInEnglish(text: string, language: string): string {
  const dateWords = numberLexicon(language).dateWords;
  const prefixes = PREFIXES[language] ?? [];
  const named = (word: string) => {
    const lower = word.toLowerCase();
    const prefix = prefixes.find(p => lower.length > p.length + 1 && lower.startsWith(p) && dateWords.has(lower.slice(p.length)));
    const key = dateWords.get(lower) ?? (prefix ? dateWords.get(lower.slice(prefix.length)) : undefined);
    const [kind, n] = key?.split(':') ?? [];
    const name = kind === 'month' ? ENGLISH_MONTHS[Number(n) - 1] : kind === 'weekday' ? ENGLISH_WEEKDAYS[Number(n) - 1] : undefined;
    return name ?? word;
  };
  return asciiDigits(text.replace(/[\p{L}\p{M}]+׳?/gu, named))
    .replace(HANGUL_DATE, (_, year: string, month: string, day: string) =>
      isoDay({ year: Number(year), month: Number(month), day: Number(day) }),
    )
    .replace(YEAR_FIRST_NAMED, (_, year: string, name: string, day: string) =>
      isoDay({ year: Number(year), month: ENGLISH_MONTHS.indexOf(name) + 1, day: Number(day) }),
    )
    .replace(DAY_WITH_STOP, '$1 $2')
    .replace(SPACED_FIGURES, '$1.$2.$3');
}

const ENGLISH_MONTH = ENGLISH_MONTHS.join('|');
/**
 * A day written as an ordinal, with a full stop, before its month's name, itself perhaps cut
 * short with a full stop ("7. December", "7. dec. 2026": Czech, Danish, Croatian…).
 */
const DAY_WITH_STOP = new RegExp(`(?<!\\d)(\\d{1,2})\\.\\s*(${ENGLISH_MONTH})(?!\\p{L})\\.?`, 'gu');
/**
 * The year first, then the month's name and the day, each perhaps with its full stop or a short
 * word of its own ("2026. December 7.", Hungarian; "2026 m. December 7 d.", Lithuanian).
 */
const YEAR_FIRST_NAMED = new RegExp(
  `(?<!\\d)(\\d{4})\\.?\\s*(?:\\p{L}{1,2}\\.\\s*)?(${ENGLISH_MONTH})\\s+(\\d{1,2})(?!\\d)\\.?(?:\\s*\\p{L}{1,2}\\.)?`,
  'gu',
);
/** Figures set apart by a full stop and a space ("12. 3. 2024", Czech and Slovak), written without the spaces. */
const SPACED_FIGURES = /(?<!\d)(\d{1,2})\.\s(\d{1,2})\.\s(\d{4})(?!\d)/gu;

/** A Korean date, its year, month and day each under its sign ("2024년 3월 12일"), which Korean, without a parser here, writes alone. */
const HANGUL_DATE = /(?<!\d)(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/gu;

/**
 * What the lines parsed lately gave ('' for no date), oldest first: parsing a date is the
 * costly part, and a corpus analysed again reads the same lines near its headlines.
 */
const recentLines = new Map<string, string>();
const RECENT_LINES = 1024;

/** The language whose date parser reads a script, for scripts that mostly write one. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
];

/** A full date in a short line, ISO 8601; undefined when the line holds none or is not short. */
export function dateOfLine(
  line: string,
  parsers: readonly Parser[],
  dateWords: ReadonlyMap<string, string>,
  otherWords = 8,
): string | undefined {
  // "September-Ailul": two names of one month side by side read as one.
  const text = line.replace(/(\p{L}+)\s*[-‐–/]?\s*(\p{L}+)/gu, (pair, first: string, second: string) => {
    const month = dateWords.get(first.toLowerCase());
    return month?.startsWith('month:') && dateWords.get(second.toLowerCase()) === month ? first : pair;
  });
  for (const parser of parsers) {
    for (const result of parser.parse(text, new Date(2000, 0, 1))) {
      const start = result.start;
      if (!start.isCertain('year') || !start.isCertain('day') || !start.isCertain('month')) continue;
      // "2 days ago" is made certain against the reference day, which is no date of the page's.
      if (result.tags().has(RELATIVE_DATE)) continue;
      const rest = text.slice(0, result.index) + ' ' + text.slice(result.index + result.text.length);
      const restWords = rest.split(/\s+/).filter(w => /\p{L}/u.test(w));
      let hour = start.isCertain('hour') ? start.get('hour') : null;
      let minute = start.isCertain('minute') ? (start.get('minute') ?? 0) : 0;
      const tail = text.slice(result.index + result.text.length);
      if (hour === null) {
        const time = /(\d{1,2})(?::(\d{2}))?\s*(\S+)?/u.exec(tail.replace(/[^\s\d:\p{L}.]/gu, ' '));
        if (time && Number(time[1]) <= 23 && /\S/.test(tail)) {
          const afterWord = time[3] ?? '';
          const h = Number(time[1]);
          if (time[2] || AFTER_NOON.test(afterWord)) {
            hour = AFTER_NOON.test(afterWord) && h < 12 ? h + 12 : h;
            minute = time[2] ? Number(time[2]) : 0;
          }
        }
      }
      if (hour === null) {
        // A time the parser took into its date without reading it ("14/05/2024 - 10:52"), or one
        // it does not read ("às 10h52": hours and minutes set apart by an h), next to the date or
        // another figure: no word of four letters or more stands between the last figure and it
        // ("Durée : 1h30", "Video 1h05" are lengths; "Lecture 3 min - 10h52" is the time).
        const after = text.slice(result.index);
        const clock = CLOCK_APART.exec(after);
        const between = clock ? after.slice(0, clock.index).replace(/^.*\d/su, '') : '';
        if (clock && !/\p{L}{4,}/u.test(between)) [hour, minute] = [Number(clock[1]), Number(clock[2])];
      }
      if (restWords.length > otherWords) return undefined;
      const pad = (n: number) => String(n).padStart(2, '0');
      let iso = `${start.get('year')}-${pad(start.get('month')!)}-${pad(start.get('day')!)}`;
      if (hour !== null) {
        iso += `T${pad(hour)}:${pad(minute)}`;
        const greenwich = GREENWICH.exec(text);
        const atGreenwich = greenwich !== null && Number(greenwich[1]) === hour && Number(greenwich[2]) === minute;
        if (start.isCertain('timezoneOffset') || atGreenwich) {
          const offset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset')! : 0;
          iso += offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        }
      }
      return iso;
    }
  }
  return undefined;
}

/**
 * Orders two ISO 8601 dates as `findPublished` writes them: by day; within a day by time
 * (in UTC where both give an offset, else by the clock); 0 when one gives no time on the day
 * the other gives one (neither is known to be earlier).
 */
export function comparePublished(a: string, b: string): number {
  const dayA = a.slice(0, 10);
  const dayB = b.slice(0, 10);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  const minutes = (iso: string, withOffset: boolean) => {
    const m = /T(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))?$/.exec(iso);
    if (!m) return undefined;
    let total = Number(m[1]) * 60 + Number(m[2]);
    if (withOffset && m[4]) total -= (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6]));
    return total;
  };
  const zoned = /(Z|[+-]\d{2}:\d{2})$/;
  const both = zoned.test(a) && zoned.test(b);
  const x = minutes(a, both);
  const y = minutes(b, both);
  if (x === undefined || y === undefined) return 0;
  return x - y;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date as the reason shows it: "14 Sep 2021 09:00", "14 Sep 2021 10:51 GMT+3", "14 Sep 2021". */
export function showPublished(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  let out = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if (m[4]) out += ` ${m[4]}:${m[5]}`;
  if (m[6] === 'Z') out += ' GMT';
  else if (m[7]) out += ` GMT${m[7]}${Number(m[8])}${m[9] !== '00' ? `:${m[9]}` : ''}`;
  return out;
}
