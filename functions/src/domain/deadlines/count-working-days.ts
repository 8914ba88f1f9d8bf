import type { IsoDate } from '@banshi/schemas';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import type { Calendar } from './types.js';

/**
 * The number of working days d in `region` with `afterExclusive` < d ≤ `untilInclusive`;
 * 0 when `untilInclusive` is not after `afterExclusive`. The inverse of `addWorkingDays`:
 * `countWorkingDays(c, from, addWorkingDays(c, from, n, r), r) === n`.
 *
 * @throws RangeError when either date is not a valid YYYY-MM-DD date.
 */
export function countWorkingDays(calendar: Calendar, afterExclusive: IsoDate, untilInclusive: IsoDate, region: string): number {
  const last = toEpochDay(untilInclusive);
  let count = 0;
  for (let day = toEpochDay(afterExclusive) + 1; day <= last; day += 1) {
    if (calendar.isWorkingDay(fromEpochDay(day), region)) count += 1;
  }
  return count;
}
