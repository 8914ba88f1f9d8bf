import type { IsoDate } from '@banshi/schemas';
import { addWorkingDays } from './add-working-days.js';
import type { Calendar } from './types.js';

/**
 * The first due date the deadline sweep may leave alone on `today`: every open task due before it
 * is due soon (at most `warnWithinDays` working days left) or overdue; every task due on it or
 * later is on time. The sweep reads the `due` index up to this date — never the whole index.
 *
 * @throws RangeError when `today` is not a valid date or `warnWithinDays` is not a whole number ≥ 0.
 * @example sweepHorizon(calendar, '2026-11-25', '150000', 3) // '2026-12-01' (Wed + 4 working days)
 */
export function sweepHorizon(calendar: Calendar, today: IsoDate, region: string, warnWithinDays = 3): IsoDate {
  return addWorkingDays(calendar, today, warnWithinDays + 1, region);
}
