import type { IsoDate } from '@banshi/schemas';
import { yearOf } from './date-ranges.js';
import type { Calendar } from './types.js';

/**
 * The first year from `from` through `dueDate` that the calendar has no holiday data for, or
 * undefined. A due date counted across such a year is provisional (暂定): holidays there were
 * counted as working days, so the real due date may be later.
 *
 * @throws RangeError never; dates are read by their year only.
 * @example uncoveredYear(calendarWithout2027, '2026-12-02', '2027-01-01') // 2027
 */
export function uncoveredYear(calendar: Calendar, from: IsoDate, dueDate: IsoDate | undefined): number | undefined {
  if (!dueDate) return undefined;
  for (let year = Math.min(yearOf(from), yearOf(dueDate)); year <= yearOf(dueDate); year += 1) {
    if (!calendar.covers(year)) return year;
  }
  return undefined;
}

/** True when `dueDate` (counted from `from`) reaches a year without holiday data. */
export function isProvisional(calendar: Calendar, from: IsoDate, dueDate: IsoDate | undefined): boolean {
  return uncoveredYear(calendar, from, dueDate) !== undefined;
}

/**
 * The year an admin should enter now, or undefined: this year when it has no holiday data, and
 * from December 1 (China time, `today`) next year until it has.
 *
 * @example calendarReminder(calendarWithout2027, '2026-12-01') // 2027
 */
export function calendarReminder(calendar: Calendar, today: IsoDate): number | undefined {
  const year = yearOf(today);
  if (!calendar.covers(year)) return year;
  if (today.slice(5, 7) === '12' && !calendar.covers(year + 1)) return year + 1;
  return undefined;
}
