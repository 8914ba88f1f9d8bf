import { createCalendar } from './create-calendar.js';
import regionCalendars from './region-calendars.json' with { type: 'json' };
import type { Calendar, RegionOverride } from './types.js';

let calendar: Calendar | undefined;

/**
 * The process-wide calendar: national holidays from `chinese-days` plus the region overrides of
 * `region-calendars.json`. Built on first use, then shared (a warm Lambda builds it once).
 */
export function defaultCalendar(): Calendar {
  calendar ??= createCalendar({ overrides: regionCalendars.overrides as RegionOverride[] });
  return calendar;
}
