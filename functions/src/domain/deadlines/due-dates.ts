import type { Clock, TimeLimit, IsoDate } from '@banshi/schemas';
import { addNaturalDays } from './add-natural-days.js';
import { addWorkingDays } from './add-working-days.js';
import { checkDays } from './check-days.js';
import { pausedWorkingDays } from './paused-working-days.js';
import type { Calendar } from './types.js';

/** The due dates of a clock; both absent while the clock is paused. */
export interface DueDates {
  /** Last day of the promised limit (承诺时限); drives warnings. */
  dueDate?: IsoDate;
  /** Last day of the statutory limit (法定时限). */
  statutoryDueDate?: IsoDate;
}

function lastDay(calendar: Calendar, clock: Clock, limit: TimeLimit, extraWorkingDays: number): IsoDate {
  const end =
    limit.unit === 'naturalDays'
      ? addNaturalDays(calendar, clock.receivedOn, limit.value, clock.region)
      : addWorkingDays(calendar, clock.receivedOn, limit.value, clock.region);
  return addWorkingDays(calendar, end, extraWorkingDays, clock.region);
}

/**
 * The promised and statutory due dates of a clock (a time budget with a pause ledger): each limit
 * counted from `receivedOn` in its unit (Civil Code Art 201, 203), then moved on by
 * `extensionDays` working days and by every working day inside a closed pause (the clock did not
 * run on those days). While a pause is open the clock is stopped and there are no due dates:
 * both are `undefined`.
 *
 * @throws RangeError when a date of the clock is invalid or a day count is not a whole number ≥ 0.
 * @example
 * dueDates(calendar, { receivedOn: '2025-09-30', region: '110101', promised: { value: 1, unit: 'workingDays' }, … })
 * // { dueDate: '2025-10-09', statutoryDueDate: … }
 */
export function dueDates(calendar: Calendar, clock: Clock): DueDates {
  if (clock.pauses.some((p) => p.to === undefined)) return {};
  checkDays(clock.extensionDays, 'extensionDays');
  const extra = clock.extensionDays + pausedWorkingDays(calendar, clock.pauses, clock.region);
  return {
    dueDate: lastDay(calendar, clock, clock.promised, extra),
    statutoryDueDate: lastDay(calendar, clock, clock.statutory, extra),
  };
}
