import type { IsoDate } from '@banshi/schemas';
import { countWorkingDays } from './count-working-days.js';
import { toEpochDay } from './iso-date.js';
import type { Calendar } from './types.js';

/**
 * Working days left after `today` up to and including `dueDate`: 0 on the due date itself,
 * 1 when the due date is the next working day. Past the due date, minus the working days since
 * it (up to and including `today`), so 0 or less; use `deadlineState` for the verdict.
 *
 * @throws RangeError when either date is not a valid YYYY-MM-DD date.
 */
export function remainingWorkingDays(dueDate: IsoDate, today: IsoDate, calendar: Calendar, region: string): number {
  if (toEpochDay(today) <= toEpochDay(dueDate)) return countWorkingDays(calendar, today, dueDate, region);
  return -countWorkingDays(calendar, dueDate, today, region);
}
