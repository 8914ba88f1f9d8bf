/**
 * Time as the adapters see it. The domain receives dates from a Clock instead of calling
 * `new Date()`, so tests can pin "now".
 */
import type { IsoDate } from '@banshi/schemas';

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's calendar date (YYYY-MM-DD) in the given time zone (default Asia/Shanghai). */
  today(timeZone?: string): IsoDate;
}

/** The calendar date of `instant` in `timeZone`, as YYYY-MM-DD. */
export function isoDateIn(instant: Date, timeZone = 'Asia/Shanghai'): IsoDate {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: (timeZone = 'Asia/Shanghai') => isoDateIn(new Date(), timeZone),
};

/**
 * A clock that stands still at `at` until moved — for tests.
 *
 * @example
 * const clock = fixedClock('2026-11-25T09:00:00+08:00');
 * clock.today(); // '2026-11-25'
 * clock.advance(24 * 3600_000);
 */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    today: (timeZone = 'Asia/Shanghai') => isoDateIn(current, timeZone),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
