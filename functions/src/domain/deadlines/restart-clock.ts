import type { Clock, IsoDate } from '@banshi/schemas';
import { toEpochDay } from './iso-date.js';
import { withoutDueDates } from './without-due-dates.js';

/**
 * Restarts the clock on `on` (a correction with `flow.correction.clock === 'restart'`: the period
 * counts again from the corrected submission): a new clock with `receivedOn = on` and an empty
 * pause ledger. Granted extensions are kept. Stored due dates are dropped: recompute them with
 * `withDueDates`.
 *
 * @throws RangeError when `on` is not a valid date.
 */
export function restartClock(clock: Clock, on: IsoDate): Clock {
  toEpochDay(on);
  return { ...withoutDueDates(clock), receivedOn: on, pauses: [] };
}
