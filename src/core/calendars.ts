/**
 * Dates in the calendar a language counts in by default where that is not the Gregorian one:
 * Thai pages date by the Buddhist era ("7 ธันวาคม 2569"), Persian ones by the Solar Hijri
 * calendar ("۱۶ آذر ۱۴۰۵"). The date parsers count in the Gregorian calendar only, and pages
 * are ordered by their dates across languages, so such a date is read as its Gregorian day. The
 * runtime's calendars (ICU, through `Intl`) do the arithmetic; the month names are the ones
 * `numberLexicon` reads, plus the runtime's short names written with full stops ("ธ.ค."), which
 * its word lists cannot hold.
 */
import { asciiDigits, numberLexicon } from './numbers';
import { escapePattern } from './text';

/** A day of a calendar: its year, month (1-12, or 13 in calendars of 13 months) and day. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Years a web page may be dated by, as `YEAR` (featureColumns.ts) reads them. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/**
 * Input: a language tag. Output: the calendar the runtime counts in by default for it
 * ("buddhist" for Thai, "persian" for Persian and Pashto, "gregory" for most, and for a tag the
 * runtime does not know). O(1) after the first call per tag.
 */
export function defaultCalendar(language: string): string {
  let calendar = calendars.get(language);
  if (calendar === undefined) {
    try {
      calendar = language === 'und' ? 'gregory' : new Intl.DateTimeFormat(language).resolvedOptions().calendar;
    } catch {
      calendar = 'gregory';
    }
    calendars.set(language, calendar);
  }
  return calendar;
}
const calendars = new Map<string, string>();

const DAY_MS = 86_400_000;
/** Average lengths in days that a first guess steps by: any error is corrected by reading the day guessed. */
const YEAR_DAYS = 365.2425;
const MONTH_DAYS = YEAR_DAYS / 12;
/** Guesses made before giving up: the first lands within a few days, the next ones step by days. */
const MAX_GUESSES = 8;

/**
 * Input: a calendar (an ICU name, as `defaultCalendar` gives) and a day of it. Output: that day
 * in the Gregorian calendar, or undefined where the calendar has no such day (the 31st of a
 * month of 30) or the runtime does not know the calendar. Each guess reads the day it lands on
 * in the calendar and steps by the difference; O(1), a few formatted dates.
 */
export function gregorianDay(calendar: string, day: CalendarDay): CalendarDay | undefined {
  if (calendar === 'gregory') return day;
  if (day.month < 1 || day.month > 13 || day.day < 1 || day.day > 31) return undefined;
  const read = calendarReader(calendar);
  if (!read) return undefined;
  // A first guess from 1 January 2000, then steps by the days between the guess and the day.
  const origin = Date.UTC(2000, 0, 1);
  const start = read(origin);
  let time = origin + Math.round(daysBetween(start, day)) * DAY_MS;
  for (let guess = 0; guess < MAX_GUESSES; guess++) {
    const at = read(time);
    if (at.year === day.year && at.month === day.month && at.day === day.day) {
      const date = new Date(time);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
    // Within the right month the days count exactly. Elsewhere a step the average lengths
    // round to nothing (the last day of a long month against the first of the next) is a day
    // towards it; a day the month lacks is stepped over and back until the guesses run out.
    let steps = Math.round(daysBetween(at, day));
    if (at.year === day.year && at.month === day.month) steps = day.day - at.day;
    else if (steps === 0) steps = at.year < day.year || (at.year === day.year && at.month < day.month) ? 1 : -1;
    time += steps * DAY_MS;
  }
  return undefined;
}

/** Days from `from` to `to`, counting months and years at their average lengths. */
function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return (to.year - from.year) * YEAR_DAYS + (to.month - from.month) * MONTH_DAYS + (to.day - from.day);
}

/** Per calendar, a reader of a UTC time as a day of it; undefined for a calendar the runtime does not know. */
function calendarReader(calendar: string): ((time: number) => CalendarDay) | undefined {
  if (readers.has(calendar)) return readers.get(calendar);
  let reader: ((time: number) => CalendarDay) | undefined;
  try {
    const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
    if (format.resolvedOptions().calendar === calendar) {
      reader = time => {
        const parts = format.formatToParts(time);
        const value = (type: string) => Number(parts.find(p => p.type === type)?.value);
        return { year: value('year'), month: value('month'), day: value('day') };
      };
    }
  } catch {
    // A calendar the runtime does not know: its dates stay as they are.
  }
  readers.set(calendar, reader);
  return reader;
}
const readers = new Map<string, ((time: number) => CalendarDay) | undefined>();

/** The month names of a language's calendar and the patterns that find its dates (`ownCalendarDates`). */
interface CalendarDates {
  /** Lower-cased month name → month number in `calendar`. */
  readonly months: ReadonlyMap<string, number>;
  /** Day, month name, year ("16 آذر 1405", "7 ธ.ค. 2569"), and year, month name, day. */
  readonly dayFirst?: RegExp;
  readonly yearFirst?: RegExp;
}

/**
 * Input: a line and the page's language. Output: the line, its digits ASCII ones (`asciiDigits`), with
 * each date written in the language's own calendar (`defaultCalendar`, where not Gregorian) as
 * its Gregorian day in ISO 8601 ("16 آذر 1405" → "2026-12-07"): a day, a month name of that
 * calendar and a year in either order, or a date in figures (day first, or year first as in
 * "1405/09/16"). A year that is one a page may be dated by in the Gregorian calendar (1900-2099)
 * is taken as Gregorian: a Thai page may well date itself "7 ธันวาคม 2026". The line itself
 * where the language counts in the Gregorian calendar or holds no such date. O(n).
 */
export function ownCalendarDates(line: string, language: string): string {
  const calendar = defaultCalendar(language);
  if (calendar === 'gregory') return line;
  const dates = calendarDates(language, calendar);
  let out = asciiDigits(line);
  const iso = (year: string, month: number | undefined, day: string, whole: string) => {
    const y = Number(year);
    if (month === undefined || (y >= FIRST_YEAR && y <= LAST_YEAR)) return whole;
    const gregorian = gregorianDay(calendar, { year: y, month, day: Number(day) });
    if (!gregorian || gregorian.year < FIRST_YEAR || gregorian.year > LAST_YEAR) return whole;
    return isoDay(gregorian);
  };
  const monthOf = (name: string) => dates.months.get(name.toLowerCase());
  if (dates.dayFirst)
    out = out.replace(dates.dayFirst, (whole, day: string, name: string, year: string) => iso(year, monthOf(name), day, whole));
  if (dates.yearFirst)
    out = out.replace(dates.yearFirst, (whole, year: string, name: string, day: string) => iso(year, monthOf(name), day, whole));
  return out
    .replace(YEAR_FIRST_FIGURES, (whole, year: string, _separator: string, month: string, day: string) =>
      iso(year, Number(month), day, whole),
    )
    .replace(DAY_FIRST_FIGURES, (whole, day: string, _separator: string, month: string, year: string) =>
      iso(year, Number(month), day, whole),
    );
}

/** A day as ISO 8601 writes it ("2026-12-07"). */
export function isoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date in figures year first ("1405/09/16") and day first ("7/12/2569"), one separator throughout. */
const YEAR_FIRST_FIGURES = /(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/gu;
const DAY_FIRST_FIGURES = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]*\d)/gu;

/**
 * The month names of `language`'s `calendar` and the patterns of its dates, made once per
 * language. Where the calendar names its months as the Gregorian ones (the Buddhist era counts
 * only its years otherwise), the language's Gregorian month names name them; where it has names
 * of its own (`numberLexicon` keys them "month:persian:9"), only those do.
 */
function calendarDates(language: string, calendar: string): CalendarDates {
  let dates = calendarDatesOf.get(language);
  if (dates) return dates;
  const months = new Map<string, number>();
  const dateWords = numberLexicon(language).dateWords;
  const ownNames = [...dateWords.values()].some(key => key.startsWith(`month:${calendar}:`));
  for (const [word, key] of dateWords) {
    const parts = key.split(':');
    if (parts[0] !== 'month') continue;
    if (ownNames ? parts.length === 3 && parts[1] === calendar : parts.length === 2) months.set(word, Number(parts[parts.length - 1]));
  }
  // Short names written with full stops ("ธ.ค.", "ม.ค."), which word lists split apart.
  try {
    const short = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
    const numeric = new Intl.DateTimeFormat(`${language}-u-nu-latn`, { month: 'numeric', timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) {
      const time = Date.UTC(2021, m, 15);
      const name = short
        .formatToParts(time)
        .find(p => p.type === 'month')
        ?.value.toLowerCase();
      const number = Number(numeric.formatToParts(time).find(p => p.type === 'month')?.value);
      if (name && /\p{L}\.\p{L}/u.test(name) && number) months.set(name, number);
    }
  } catch {
    // A tag the runtime does not know has no short names of its own.
  }
  // The era's names, short and long, which a full date may set between the month and the year
  // ("7 ธันวาคม พ.ศ. 2569", as the runtime itself writes a Thai date in full).
  const eras = new Set<string>();
  try {
    for (const era of ['short', 'long'] as const) {
      const name = new Intl.DateTimeFormat(language, { era, year: 'numeric', timeZone: 'UTC' })
        .formatToParts(Date.UTC(2021, 0, 15))
        .find(p => p.type === 'era')
        ?.value.toLowerCase();
      if (name) eras.add(name);
    }
  } catch {
    // A tag the runtime does not know names no era of its own.
  }
  if (!months.size) {
    dates = { months };
  } else {
    const alternatives = (words: Iterable<string>) =>
      [...words]
        .sort((a, b) => b.length - a.length)
        .map(escapePattern)
        .join('|');
    const names = alternatives(months.keys());
    const era = eras.size ? `(?:(?:${alternatives(eras)})\\s*)?` : '';
    const monthWord = MONTH_WORDS[language] ? `(?:\\s*(?:${alternatives(MONTH_WORDS[language])}))?` : '';
    dates = {
      months,
      dayFirst: new RegExp(`(?<!\\d)(\\d{1,2})\\.?\\s*(${names})${monthWord}\\.?\\s*,?\\s*${era}(\\d{4})(?!\\d)`, 'giu'),
      yearFirst: new RegExp(`(?<!\\d)(\\d{4})\\s*(${names})${monthWord}\\s*(\\d{1,2})(?!\\d)`, 'giu'),
    };
  }
  calendarDatesOf.set(language, dates);
  return dates;
}
const calendarDatesOf = new Map<string, CalendarDates>();

/**
 * The word for "month" that a language may write after a month's name, onto it or apart
 * (Persian "۱۶ آذرماه ۱۴۰۵", "16 Azar-month 1405"), which the runtime's names never carry.
 */
const MONTH_WORDS: Readonly<Record<string, readonly string[]>> = { fa: ['ماه'] };
