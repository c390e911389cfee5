import * as assert from 'assert';
import { defaultCalendar, gregorianDay, ownCalendarDates } from '../../src/core/calendars';
import { seededRandom } from '../support/random';

/** A UTC time as the day of `calendar` the runtime formats it as: the oracle the search is checked against. */
function dayIn(calendar: string, time: number) {
  const parts = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(time);
  const value = (type: string) => Number(parts.find(p => p.type === type)?.value);
  return { year: value('year'), month: value('month'), day: value('day') };
}

describe('Calendars', () => {
  it('knows the calendar a language counts in by default', () => {
    assert.equal(defaultCalendar('th'), 'buddhist');
    assert.equal(defaultCalendar('fa'), 'persian');
    assert.equal(defaultCalendar('en'), 'gregory');
    assert.equal(defaultCalendar('und'), 'gregory');
    assert.equal(defaultCalendar('no-such-tag-!'), 'gregory');
  });

  it('finds the Gregorian day of any day of the Buddhist and Solar Hijri calendars (seeded days, 1900-2099)', () => {
    const random = seededRandom(17);
    const first = Date.UTC(1900, 0, 1);
    const last = Date.UTC(2099, 11, 31);
    for (let n = 0; n < 400; n++) {
      const time = first + Math.floor(random() * ((last - first) / 86_400_000)) * 86_400_000;
      const date = new Date(time);
      const expected = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      for (const calendar of ['buddhist', 'persian']) {
        assert.deepEqual(gregorianDay(calendar, dayIn(calendar, time)), expected, `${calendar} ${JSON.stringify(dayIn(calendar, time))}`);
      }
    }
  });

  it('finds the last day of a long month, and no day a month lacks', () => {
    // Shahrivar, the sixth Solar Hijri month, has 31 days; Aban, the eighth, 30.
    assert.deepEqual(gregorianDay('persian', { year: 1405, month: 6, day: 31 }), dayOf(dayIn, 'persian', 1405, 6, 31));
    assert.equal(gregorianDay('persian', { year: 1405, month: 8, day: 31 }), undefined);
    assert.equal(gregorianDay('persian', { year: 1405, month: 14, day: 1 }), undefined);
    assert.equal(gregorianDay('no-such-calendar', { year: 1405, month: 1, day: 1 }), undefined);
  });

  it("writes a date of the page's own calendar as its Gregorian day, in words or figures", () => {
    assert.equal(ownCalendarDates('7 ธันวาคม 2569 เวลา 10:30 น.', 'th'), '2026-12-07 เวลา 10:30 น.');
    assert.equal(ownCalendarDates('7 ธ.ค. 2569', 'th'), '2026-12-07', 'a short month name written with full stops');
    assert.equal(ownCalendarDates('7/12/2569', 'th'), '2026-12-07');
    assert.equal(ownCalendarDates('۱۶ آذر ۱۴۰۵ - ۱۰:۳۰', 'fa'), '2026-12-07 - 10:30');
    assert.equal(ownCalendarDates('۱۴۰۵/۰۹/۱۶', 'fa'), '2026-12-07');
  });

  it('reads the name of the era between the month and the year, as the runtime writes a Thai date in full', () => {
    const full = new Intl.DateTimeFormat('th', { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 7));
    assert.equal(ownCalendarDates(full, 'th'), 'วันจันทร์ที่ 2026-12-07');
    assert.equal(ownCalendarDates('7 ธันวาคม พ.ศ. 2569', 'th'), '2026-12-07');
    assert.equal(ownCalendarDates('7 ธ.ค. พ.ศ.2569', 'th'), '2026-12-07');
    assert.equal(ownCalendarDates('7 ธันวาคม พุทธศักราช 2569', 'th'), '2026-12-07');
    assert.equal(ownCalendarDates('7 ธันวาคม พ.ศ. 2026', 'th'), '7 ธันวาคม พ.ศ. 2026', 'a Gregorian year stays');
  });

  it('leaves a Gregorian year, a year no page is dated by and a Gregorian language as they are', () => {
    assert.equal(ownCalendarDates('7 ธันวาคม 2026', 'th'), '7 ธันวาคม 2026');
    assert.equal(ownCalendarDates('۲۸ اسفند ۲۰۲۴', 'fa'), '28 اسفند 2024');
    assert.equal(ownCalendarDates('7 ธันวาคม 1000', 'th'), '7 ธันวาคม 1000');
    assert.equal(ownCalendarDates('16/09/1405', 'en'), '16/09/1405');
    assert.equal(ownCalendarDates('The tower rose 1405 feet in 16 Azar', 'fa'), 'The tower rose 1405 feet in 16 Azar');
  });
});

/** The Gregorian day whose `calendar` day is the one given, found by walking the days of its year: a second oracle. */
function dayOf(read: typeof dayIn, calendar: string, year: number, month: number, day: number) {
  for (let time = Date.UTC(year + 620, 0, 1); time < Date.UTC(year + 623, 0, 1); time += 86_400_000) {
    const at = read(calendar, time);
    if (at.year === year && at.month === month && at.day === day) {
      const date = new Date(time);
      return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    }
  }
  return undefined;
}
