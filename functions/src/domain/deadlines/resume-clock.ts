import type { Clock, IsoDate } from '@banshi/schemas';
import { ActionNotAllowedError } from '../errors.js';
import { toEpochDay } from './iso-date.js';
import { withoutDueDates } from './without-due-dates.js';

/**
 * Starts the clock again on `on` (the day the corrected application comes back or the special
 * procedure ends): a new clock whose open pause is closed with `to = on`. The working days
 * d with from < d ≤ on are added to the due dates; resuming on the day of pausing adds none.
 * Stored due dates are dropped: recompute them with `withDueDates`.
 *
 * @throws ActionNotAllowedError when the clock is not paused.
 * @throws RangeError when `on` is not a valid date or is before the day the pause began.
 */
export function resumeClock(clock: Clock, on: IsoDate): Clock {
  const index = clock.pauses.findIndex((p) => p.to === undefined);
  if (index < 0) throw new ActionNotAllowedError('resume', 'the clock is not paused');
  const open = clock.pauses[index];
  if (toEpochDay(on) < toEpochDay(open.from)) {
    throw new RangeError(`cannot resume on ${on}, before the pause began on ${open.from}`);
  }
  const next = withoutDueDates(clock);
  next.pauses[index] = { ...open, to: on };
  return next;
}
