import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/domain/deadlines/index.js';
import { toEpochDay, weekdayOfEpochDay } from '../../../src/domain/deadlines/iso-date.js';
import { nationalCalendar } from '../../../src/domain/deadlines/national-calendar.js';

// Pinned from the State Council General Office notices on the 2025 and 2026 holiday arrangements
// (国务院办公厅关于2025年/2026年部分节假日安排的通知), so a wrong package update fails here.
const BEIJING = '110101';
const calendar = createCalendar();

describe('the national calendar from chinese-days', () => {
  it.each([
    ['2025-10-01', '国庆 2025 day 1'],
    ['2025-10-04', '国庆 2025, a Saturday inside the holiday'],
    ['2025-10-06', '中秋 2025 inside 国庆'],
    ['2025-10-08', '国庆 2025 last day (in lieu)'],
    ['2025-01-28', '春节 2025 除夕'],
    ['2025-02-04', '春节 2025 last day'],
    ['2025-05-05', '劳动节 2025 last day'],
    ['2026-01-01', '元旦 2026'],
    ['2026-01-03', '元旦 2026 Saturday'],
    ['2026-02-15', '春节 2026 first day'],
    ['2026-02-16', '春节 2026 除夕'],
    ['2026-02-17', '春节 2026 初一'],
    ['2026-02-23', '春节 2026 last day'],
    ['2026-04-06', '清明 2026 Monday'],
    ['2026-05-05', '劳动节 2026 last day'],
    ['2026-06-19', '端午 2026'],
    ['2026-09-25', '中秋 2026'],
    ['2026-10-01', '国庆 2026 day 1'],
    ['2026-10-07', '国庆 2026 last day'],
  ])('treats %s as a holiday (%s)', (date) => {
    expect(calendar.isWorkingDay(date, BEIJING)).toBe(false);
  });

  it.each([
    ['2025-01-26', 'Sunday before 春节 2025'],
    ['2025-02-08', 'Saturday after 春节 2025'],
    ['2025-04-27', 'Sunday before 劳动节 2025'],
    ['2025-09-28', 'Sunday before 国庆 2025'],
    ['2025-10-11', 'Saturday after 国庆 2025'],
    ['2026-01-04', 'Sunday after 元旦 2026'],
    ['2026-02-14', 'Saturday before 春节 2026'],
    ['2026-02-28', 'Saturday after 春节 2026'],
    ['2026-05-09', 'Saturday after 劳动节 2026'],
    ['2026-09-20', 'Sunday before 国庆 2026'],
    ['2026-10-10', 'Saturday after 国庆 2026'],
  ])('treats the make-up day %s as a working day (%s)', (date) => {
    expect(calendar.isWorkingDay(date, BEIJING)).toBe(true);
  });

  it.each([
    ['2025-10-09', true],
    ['2025-10-12', false],
    ['2026-02-24', true],
    ['2026-03-01', false],
  ])('treats the ordinary day %s as working: %s', (date, working) => {
    expect(calendar.isWorkingDay(date, BEIJING)).toBe(working);
  });

  it('has only weekend days as make-up working days', () => {
    const { workingDays } = nationalCalendar();

    const weekdays = [...workingDays].filter((d) => ![0, 6].includes(weekdayOfEpochDay(toEpochDay(d))));

    expect(weekdays).toEqual([]);
  });

  it('never lists a day as both a holiday and a make-up working day', () => {
    const { holidays, workingDays } = nationalCalendar();

    expect([...workingDays].filter((d) => holidays.has(d))).toEqual([]);
  });

  it('includes the fixed-date statutory holidays of every covered year', () => {
    const { holidays, years } = nationalCalendar();

    const missing = years.flatMap((y) =>
      [`${y}-01-01`, `${y}-05-01`, `${y}-10-01`, `${y}-10-02`, `${y}-10-03`, ...(y >= 2025 ? [`${y}-05-02`] : [])].filter(
        (d) => !holidays.has(d),
      ),
    );

    expect(missing).toEqual([]);
  });

  it('covers 2025 and 2026 and reports that 2027 is not covered yet', () => {
    expect([calendar.covers(2025), calendar.covers(2026), calendar.covers(2027)]).toEqual([true, true, false]);
  });

  it('falls back to weekends only in a year the data does not cover', () => {
    expect(calendar.isWorkingDay('2027-01-01', BEIJING)).toBe(true); // Friday; 元旦 unknown until the 2027 data exists
    expect(calendar.isWorkingDay('2027-01-02', BEIJING)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-03', BEIJING)).toBe(false);
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.isWorkingDay('2025-02-30', BEIJING)).toThrow(RangeError);
  });
});
