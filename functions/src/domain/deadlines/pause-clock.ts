import type { Clock, Pause, IsoDate } from '@banshi/schemas';
import { ActionNotAllowedError } from '../errors.js';
import { toEpochDay } from './iso-date.js';
import { withoutDueDates } from './without-due-dates.js';

/**
 * Stops the clock on `on` (the day a case is returned for correction or suspended): a new clock
 * with an open pause of `kind` appended and without stored due dates (there are none while
 * paused). The day `on` itself still counts; the clock stands still from the next day.
 *
 * @throws ActionNotAllowedError when the clock is already paused.
 * @throws RangeError when `on` is not a valid date.
 */
export function pauseClock(clock: Clock, kind: Pause['kind'], on: IsoDate): Clock {
  toEpochDay(on);
  if (clock.pauses.some((p) => p.to === undefined)) {
    throw new ActionNotAllowedError(kind === 'correction' ? 'returnForCorrection' : 'suspend', 'the clock is already paused');
  }
  const next = withoutDueDates(clock);
  return { ...next, pauses: [...next.pauses, { kind, from: on }] };
}
