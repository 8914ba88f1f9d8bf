/**
 * The working-day calendar as handlers and the sweep use it: the package's data with the years and
 * region arrangements admins stored. The stored calendar changes a few times a year, so it is read
 * once per warm process and then kept for `ttlMs` (default one minute): a change reaches other warm
 * processes within that time, and this process at once (`forget`). Loads are shared: concurrent
 * requests of a cold process read the table once.
 */
import { calendarWith, defaultCalendar, type Calendar } from '../domain/deadlines/index.js';
import type { StoredCalendar } from './dynamo/calendar-store.js';

export interface CalendarSource {
  /** The current calendar; reads the stored years when the cached ones are older than `ttlMs`. */
  current(): Promise<Calendar>;
  /** The calendar loaded last, without waiting (the package's before the first load). */
  latest(): Calendar;
  /** Drops the cached calendar (after a change here): the next `current()` reads it again. */
  forget(): void;
}

/**
 * A per-process cache in front of `load` (the calendar store's `loadAll`).
 *
 * @example
 * const calendars = cachedCalendar(() => store.loadAll());
 * const calendar = await calendars.current();
 */
export function cachedCalendar(load: () => Promise<StoredCalendar>, options: { ttlMs?: number; now?: () => number } = {}): CalendarSource {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let calendar: Calendar = defaultCalendar();
  let until = Number.NEGATIVE_INFINITY;
  let loading: Promise<Calendar> | undefined;
  let generation = 0;

  return {
    async current() {
      if (until > now()) return calendar;
      if (!loading) {
        const started = generation;
        const pending: Promise<Calendar> = load()
          .then((stored) => {
            const next = calendarWith(stored);
            // After a `forget` during the load the data may predate the change: give it to the
            // callers that waited, but do not cache it.
            if (started === generation) {
              calendar = next;
              until = now() + ttlMs;
            }
            return next;
          })
          .finally(() => {
            if (loading === pending) loading = undefined;
          });
        loading = pending;
      }
      return loading;
    },
    latest: () => calendar,
    forget() {
      generation += 1;
      until = Number.NEGATIVE_INFINITY;
      loading = undefined;
    },
  };
}
