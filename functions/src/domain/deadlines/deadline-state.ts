import type { IsoDate } from '@banshi/schemas';
import { toEpochDay } from './iso-date.js';
import { remainingWorkingDays } from './remaining-working-days.js';
import type { Calendar } from './types.js';

/** How a case stands against its due date (预警 / 超期), derived at read time, never stored. */
export type DeadlineState = 'overdue' | 'dueSoon' | 'onTime' | 'paused';

/**
 * The deadline state on `today`: `paused` when there is no due date (the clock is stopped),
 * `overdue` when `today` is after the due date, `dueSoon` when at most `warnWithinDays` working
 * days remain after today (the due date itself included), otherwise `onTime`.
 *
 * @throws RangeError when a date is invalid.
 */
export function deadlineState(
  dueDate: IsoDate | undefined,
  today: IsoDate,
  calendar: Calendar,
  region: string,
  warnWithinDays = 3,
): DeadlineState {
  if (dueDate === undefined) return 'paused';
  if (toEpochDay(today) > toEpochDay(dueDate)) return 'overdue';
  return remainingWorkingDays(dueDate, today, calendar, region) <= warnWithinDays ? 'dueSoon' : 'onTime';
}
