import type { Clock } from '@banshi/schemas';
import { dueDates } from './due-dates.js';
import type { Calendar } from './types.js';

/**
 * The clock with its stored `dueDate` and `statutoryDueDate` set from {@link dueDates}, or
 * removed while a pause is open. Call it after `pauseClock`, `resumeClock`, `extendClock` or
 * `restartClock`, which drop the stored dates because they no longer hold.
 */
export function withDueDates(calendar: Calendar, clock: Clock): Clock {
  const { dueDate: _d, statutoryDueDate: _s, ...rest } = clock;
  const due = dueDates(calendar, clock);
  return {
    ...rest,
    ...(due.dueDate === undefined ? {} : { dueDate: due.dueDate }),
    ...(due.statutoryDueDate === undefined ? {} : { statutoryDueDate: due.statutoryDueDate }),
  };
}
