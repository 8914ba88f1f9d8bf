import type { IsoDate } from '@banshi/schemas';
import { checkDays } from './check-days.js';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import type { Calendar } from './types.js';

/**
 * The date of the `days`-th working day after `from` in `region` — the last day of a period of
 * `days` working days starting on `from` (Civil Code Art 201: the day of `from` is not counted,
 * counting starts the next day). `days = 0` returns `from` itself.
 *
 * @throws RangeError when `from` is not a valid date or `days` is not a whole number ≥ 0.
 * @example addWorkingDays(calendar, '2025-09-30', 1, '110101') // '2025-10-09' (after 国庆)
 */
export function addWorkingDays(calendar: Calendar, from: IsoDate, days: number, region: string): IsoDate {
  checkDays(days);
  let day = toEpochDay(from);
  let left = days;
  while (left > 0) {
    day += 1;
    if (calendar.isWorkingDay(fromEpochDay(day), region)) left -= 1;
  }
  return fromEpochDay(day);
}
