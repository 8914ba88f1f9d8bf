import type { Clock } from '@banshi/schemas';
import { withoutDueDates } from './without-due-dates.js';

/**
 * Grants an extension (延期) of `days` working days: a new clock with `extensionDays` raised by
 * `days` and `extensions` by one. Whether the flow allows it (`flow.extension` maxDays, maxTimes)
 * is the flow engine's check. Stored due dates are dropped: recompute them with `withDueDates`.
 *
 * @throws RangeError unless `days` is a whole number ≥ 1.
 */
export function extendClock(clock: Clock, days: number): Clock {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`an extension must be a whole number of days ≥ 1, got ${days}`);
  const next = withoutDueDates(clock);
  return { ...next, extensionDays: next.extensionDays + days, extensions: next.extensions + 1 };
}
