/**
 * Calendar cases computed by hand from the State Council's notices (国务院办公厅关于节假日安排的通知):
 *
 * 2025 (国办发明电〔2024〕12号): 元旦 1/1; 春节 1/28–2/4, make-up 1/26 (Sun) and 2/8 (Sat);
 * 清明 4/4–4/6; 劳动节 5/1–5/5, make-up 4/27 (Sun); 端午 5/31–6/2; 国庆·中秋 10/1–10/8, make-up
 * 9/28 (Sun) and 10/11 (Sat).
 * 2026 (国办发明电〔2025〕7号): 元旦 1/1–1/3, make-up 1/4 (Sun); 春节 2/15–2/23, make-up 2/14 (Sat)
 * and 2/28 (Sat); 清明 4/4–4/6; 劳动节 5/1–5/5, make-up 5/9 (Sat); 端午 6/19–6/21; 中秋 9/25–9/27;
 * 国庆 10/1–10/7, make-up 9/20 (Sun) and 10/10 (Sat) — chinese-days 1.5.7 has the same data.
 *
 * Civil Code Art 201, 203: the day of receipt is not counted; a period whose last day is not a
 * working day ends on the next working day. Each expected date was counted on a paper calendar,
 * not with the code under test.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '@banshi/schemas';
import {
  addNaturalDays,
  addWorkingDays,
  calendarReminder,
  createCalendar,
  dueDates,
  isProvisional,
  packageArrangement,
  recomputeDueDates,
} from '../../../src/domain/deadlines/index.js';
import { aCase, aTask } from '../../support/case-fixtures.js';
// The 2027 days are an ASSUMED test fixture, not the State Council's notice (see the file).
import { ASSUMED_2027 } from './fixtures/assumed-2027.js';

const HOHHOT = '150102';
const packageOnly = createCalendar();

const with2027 = createCalendar({ years: [ASSUMED_2027] });

const clock = (receivedOn: string, days: number): Clock => ({
  receivedOn,
  region: HOHHOT,
  promised: { value: days, unit: 'workingDays' },
  statutory: { value: days, unit: 'workingDays' },
  extensionDays: 0,
  extensions: 0,
  pauses: [],
});

describe('working-day periods from the 2025 and 2026 notices', () => {
  it.each([
    // 春节 2025
    ['5 days from the Friday before 春节 2025 count the make-up Sunday', '2025-01-24', 5, '2025-02-07'],
    ['1 day from the last working day before 春节 2025 skips the holiday', '2025-01-27', 1, '2025-02-05'],
    ['7 days after 春节 2025 count the make-up Saturday 2/8', '2025-01-27', 7, '2025-02-12'],
    ['a receipt on a 春节 2025 holiday counts from the first working day after it', '2025-01-30', 5, '2025-02-10'],
    ['a receipt on the make-up Saturday 2025-02-08 counts from Monday', '2025-02-08', 1, '2025-02-10'],
    ['15 days across 春节 2025 count both make-up days', '2025-01-20', 15, '2025-02-14'],
    ['20 days across 春节 2025', '2025-01-10', 20, '2025-02-13'],
    // 春节 2026
    ['5 days from the Friday before 春节 2026 count the make-up Saturday 2/14', '2026-02-13', 5, '2026-02-27'],
    ['7 days from the Friday before 春节 2026 count both make-up Saturdays', '2026-02-13', 7, '2026-03-02'],
    ['a receipt on a 春节 2026 holiday ends on the first working day after it', '2026-02-17', 1, '2026-02-24'],
    ['a receipt on the make-up Saturday 2026-02-14 counts the next make-up Saturday', '2026-02-14', 5, '2026-02-28'],
    ['15 days across 春节 2026', '2026-02-02', 15, '2026-02-28'],
    ['20 days across 春节 2026', '2026-01-30', 20, '2026-03-05'],
    // 国庆·中秋 2025
    ['1 day from the Friday before 国庆 2025 is the make-up Sunday 9/28', '2025-09-26', 1, '2025-09-28'],
    ['5 days across 国庆 2025 (10/1–10/8 off)', '2025-09-26', 5, '2025-10-10'],
    ['7 days across 国庆 2025 count the make-up Saturday 10/11', '2025-09-26', 7, '2025-10-13'],
    ['a receipt on a 国庆 2025 holiday ends on 10/9', '2025-10-05', 1, '2025-10-09'],
    ['a receipt on the make-up Sunday 2025-09-28 counts the make-up Saturday', '2025-09-28', 5, '2025-10-11'],
    ['20 days across 国庆 2025', '2025-09-15', 20, '2025-10-17'],
    ['22 days across 国庆 2025', '2025-09-22', 22, '2025-10-28'],
    // 中秋 and 国庆 2026
    ['1 day from the Friday before the make-up Sunday 2026-09-20', '2026-09-18', 1, '2026-09-20'],
    ['1 day from the day before 中秋 2026 (9/25–9/27 off)', '2026-09-24', 1, '2026-09-28'],
    ['5 days across 中秋 and 国庆 2026 (10/1–10/7 off)', '2026-09-24', 5, '2026-10-09'],
    ['7 days across 国庆 2026 count the make-up Saturday 10/10', '2026-09-24', 7, '2026-10-12'],
    ['a receipt on a 国庆 2026 holiday ends on 10/8', '2026-10-03', 1, '2026-10-08'],
    ['a receipt on the make-up Saturday 2026-10-10 counts from Monday', '2026-10-10', 1, '2026-10-12'],
    ['15 days across 中秋 and 国庆 2026 end on the make-up Saturday', '2026-09-14', 15, '2026-10-10'],
    // the year end 2025 → 2026
    ['1 day from New Year’s Eve 2025 is the make-up Sunday 2026-01-04', '2025-12-31', 1, '2026-01-04'],
    ['5 days across 元旦 2026', '2025-12-29', 5, '2026-01-06'],
    ['20 days across 元旦 2026', '2025-12-19', 20, '2026-01-19'],
    ['22 days across 元旦 2026', '2025-12-12', 22, '2026-01-14'],
    ['a receipt on 元旦 2026 ends on the make-up Sunday', '2026-01-01', 1, '2026-01-04'],
    // the other holidays
    ['5 days across 劳动节 2025 count the make-up Sunday 4/27', '2025-04-25', 5, '2025-05-06'],
    ['5 days across 劳动节 2026 count the make-up Saturday 5/9', '2026-04-30', 5, '2026-05-11'],
    ['1 day across 清明 2026', '2026-04-03', 1, '2026-04-07'],
    ['1 day across 端午 2025', '2025-05-30', 1, '2025-06-03'],
  ])('%s', (_name, from, days, expected) => {
    expect(addWorkingDays(packageOnly, from, days, HOHHOT)).toBe(expected);
  });

  it('ends a natural-day period that falls inside 春节 2026 on the first working day after it', () => {
    expect(addNaturalDays(packageOnly, '2026-02-10', 10, HOHHOT)).toBe('2026-02-24');
  });
});

describe('2027 with the assumed arrangement entered as stored data (a test fixture, not the notice)', () => {
  it.each([
    ['22 days from 2026-12-02 move past 元旦 2027', '2026-12-02', 22, '2027-01-01', '2027-01-04'],
    ['5 days from 2026-12-30 move past 元旦 2027', '2026-12-30', 5, '2027-01-06', '2027-01-07'],
    ['5 days before the assumed 春节 2027', '2027-02-04', 5, '2027-02-11', '2027-02-19'],
    ['1 day before the assumed make-up Saturday 2027-02-20', '2027-02-19', 1, '2027-02-22', '2027-02-20'],
    ['a receipt on the assumed make-up Sunday 2027-01-31', '2027-01-31', 5, '2027-02-05', '2027-02-15'],
  ])('%s', (_name, from, days, withoutData, withData) => {
    expect(addWorkingDays(packageOnly, from, days, HOHHOT)).toBe(withoutData);
    expect(addWorkingDays(with2027, from, days, HOHHOT)).toBe(withData);
  });

  it('marks a case received on 2026-12-02 with 22 working days provisional until 2027 is entered, then final and later', () => {
    const before = dueDates(packageOnly, clock('2026-12-02', 22));
    const after = dueDates(with2027, clock('2026-12-02', 22));

    expect(before.dueDate).toBe('2027-01-01');
    expect(isProvisional(packageOnly, '2026-12-02', before.dueDate)).toBe(true);
    expect(after.dueDate).toBe('2027-01-04');
    expect(isProvisional(with2027, '2026-12-02', after.dueDate)).toBe(false);
  });

  it('does not mark a due date provisional when it stays inside a year with data', () => {
    const due = dueDates(packageOnly, clock('2026-12-02', 20)).dueDate;

    expect(due).toBe('2026-12-30');
    expect(isProvisional(packageOnly, '2026-12-02', due)).toBe(false);
  });
});

describe('recounting an open case once 2027 is entered', () => {
  // Received Thursday 2026-12-31: promised 1 working day, statutory 5, the open task's step 1 day.
  const c = aCase({ clock: { ...clock('2026-12-31', 5), promised: { value: 1, unit: 'workingDays' }, dueDate: '2027-01-01', statutoryDueDate: '2027-01-07' } });
  const task = aTask(c, { createdAt: '2026-12-31T02:00:00.000Z', dueDate: '2027-01-01' });

  it('moves the case’s due dates and its task’s past 元旦 2027, and a second count changes nothing', () => {
    const change = recomputeDueDates(with2027, c, [task], () => 1);
    const moved = { ...c, clock: { ...c.clock, ...change.clock } };

    expect(change.clock).toEqual({ dueDate: '2027-01-04', statutoryDueDate: '2027-01-08' });
    expect(change.tasks.map((t) => t.dueDate)).toEqual(['2027-01-04']);
    expect(recomputeDueDates(with2027, moved, change.tasks, () => 1)).toEqual({ tasks: [] });
  });

  it('leaves a case whose clock is paused alone', () => {
    const paused = { ...c, clock: { ...c.clock, pauses: [{ kind: 'correction' as const, from: '2026-12-31' }] } };

    expect(recomputeDueDates(with2027, paused, [task], () => 1)).toEqual({ tasks: [] });
  });
});

describe('stored years and the reminder', () => {
  it('lets a stored year replace the package’s data for that year only', () => {
    const noHolidays2026 = createCalendar({ years: [{ year: 2026, holidays: [], workingDays: [] }] });

    expect(noHolidays2026.isWorkingDay('2026-10-01', HOHHOT)).toBe(true); // 国庆 removed by the stored year
    expect(noHolidays2026.isWorkingDay('2026-10-10', HOHHOT)).toBe(false); // so is its make-up Saturday
    expect(noHolidays2026.isWorkingDay('2025-10-01', HOHHOT)).toBe(false); // 2025 keeps the package's data
  });

  it('applies a stored region arrangement to its region only', () => {
    const calendar = createCalendar({
      years: [ASSUMED_2027],
      regionYears: [{ year: 2027, region: '650000', name: { 'zh-CN': '示例：古尔邦节' }, holidays: [{ name: '古尔邦节', from: '2027-05-17', to: '2027-05-17' }], workingDays: [] }],
    });

    expect(calendar.isWorkingDay('2027-05-17', '650102')).toBe(false);
    expect(calendar.isWorkingDay('2027-05-17', HOHHOT)).toBe(true);
    expect(calendar.regions).toContain('65');
  });

  it.each([
    ['November: nothing to enter yet', '2026-11-30', packageOnly, undefined],
    ['from December 1 in China: next year', '2026-12-01', packageOnly, 2027],
    ['once next year is entered: nothing', '2026-12-02', with2027, undefined],
    ['a year already begun without data: this year', '2027-01-05', packageOnly, 2027],
  ])('reminds admins of the year to enter (%s)', (_name, today, calendar, expected) => {
    expect(calendarReminder(calendar, today)).toBe(expected);
  });

  it('shows the package’s 2026 arrangement as the ranges an admin would enter', () => {
    const arrangement = packageArrangement(2026);

    expect(arrangement?.holidays).toContainEqual({ name: '国庆节', from: '2026-10-01', to: '2026-10-07' });
    expect(arrangement?.holidays).toContainEqual({ name: '中秋节', from: '2026-09-25', to: '2026-09-27' });
    expect(arrangement?.workingDays).toContainEqual({ name: '国庆节', from: '2026-09-20', to: '2026-09-20' });
    expect(packageArrangement(2027)).toBeUndefined();
  });
});
