import type { IsoDate } from '@banshi/schemas';
import { checkDays } from './check-days.js';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import type { Calendar } from './types.js';

/**
 * The last day of a period of `days` natural days (自然日) starting on `from`: `from + days`, and
 * when that day is not a working day, the next working day (Civil Code Art 201, 203: the day of
 * `from` is not counted; a period whose last day is a holiday ends on the day after it).
 *
 * @throws RangeError when `from` is not a valid date or `days` is not a whole number ≥ 0.
 * @example addNaturalDays(calendar, '2025-09-24', 7, '110101') // '2025-10-09', not 10-01
 */
export function addNaturalDays(calendar: Calendar, from: IsoDate, days: number, region: string): IsoDate {
  checkDays(days);
  let day = toEpochDay(from) + days;
  while (!calendar.isWorkingDay(fromEpochDay(day), region)) day += 1;
  return fromEpochDay(day);
}
