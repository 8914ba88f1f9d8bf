import { describe, expect, it } from 'vitest';
import { addNaturalDays, addWorkingDays, countWorkingDays, createCalendar } from '../../../src/domain/deadlines/index.js';

// Civil Code Art 201, 203: the day of receipt is not counted, counting starts the next day, and a
// period whose last day is not a working day ends on the next working day.
const BEIJING = '110101';
const calendar = createCalendar();

describe('addWorkingDays', () => {
  it.each([
    ['a receipt on a Friday starts counting on Monday', '2025-03-07', 1, '2025-03-10'],
    ['a receipt on a Friday ends five working days later on Friday', '2025-03-07', 5, '2025-03-14'],
    ['a receipt the day before 国庆 skips the whole holiday', '2025-09-30', 1, '2025-10-09'],
    ['a receipt the day before 国庆 counts the make-up Saturday', '2025-09-30', 3, '2025-10-11'],
    ['a make-up Saturday counts as a working day', '2025-10-10', 1, '2025-10-11'],
    ['a make-up Sunday counts as a working day', '2025-09-26', 1, '2025-09-28'],
    ['a receipt before 春节 2026 counts the make-up Saturday', '2026-02-13', 1, '2026-02-14'],
    ['a receipt before 春节 2026 skips the holiday', '2026-02-13', 2, '2026-02-24'],
    ['a receipt at year end skips 元旦 and counts the make-up Sunday', '2025-12-31', 1, '2026-01-04'],
    ['a receipt on a holiday counts from the next working day', '2025-10-03', 1, '2025-10-09'],
    ['zero days is the day of receipt itself', '2025-10-03', 0, '2025-10-03'],
  ])('%s', (_name, from, days, expected) => {
    expect(addWorkingDays(calendar, from, days, BEIJING)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects %s days', (days) => {
    expect(() => addWorkingDays(calendar, '2025-03-07', days, BEIJING)).toThrow(RangeError);
  });
});

describe('addNaturalDays', () => {
  it.each([
    ['a period ending on a Saturday ends on Monday', '2025-03-10', 5, '2025-03-17'],
    ['a period ending on a holiday moves to the next working day', '2025-09-24', 7, '2025-10-09'],
    ['a period ending on a make-up Sunday stays there', '2025-09-21', 7, '2025-09-28'],
    ['a period ending on a working day stays there', '2025-03-03', 10, '2025-03-13'],
    ['a period ending inside 春节 2026 moves past it', '2026-02-10', 5, '2026-02-24'],
    ['a period crosses the end of February', '2025-02-01', 30, '2025-03-03'],
  ])('%s', (_name, from, days, expected) => {
    expect(addNaturalDays(calendar, from, days, BEIJING)).toBe(expected);
  });
});

describe('countWorkingDays', () => {
  it.each([
    ['the whole 国庆 holiday', '2025-09-30', '2025-10-08', 0],
    ['国庆 and the make-up Saturday after it', '2025-09-30', '2025-10-11', 3],
    ['a make-up Sunday', '2025-09-27', '2025-09-28', 1],
    ['an empty span', '2025-10-11', '2025-10-11', 0],
    ['a reversed span', '2025-10-12', '2025-10-01', 0],
    ['both make-up days around 国庆', '2025-09-26', '2025-10-12', 6],
  ])('counts %s', (_name, after, until, expected) => {
    expect(countWorkingDays(calendar, after, until, BEIJING)).toBe(expected);
  });
});
