import { createCalendar } from './create-calendar.js';
import regionCalendars from './region-calendars.json' with { type: 'json' };
import type { Calendar, RegionArrangement, RegionOverride, YearArrangement } from './types.js';

let calendar: Calendar | undefined;

/**
 * The process-wide calendar without stored years: national holidays from `chinese-days` plus the
 * region overrides of `region-calendars.json`. Built on first use, then shared.
 */
export function defaultCalendar(): Calendar {
  calendar ??= createCalendar({ overrides: regionCalendars.overrides as RegionOverride[] });
  return calendar;
}

/**
 * The calendar with what admins stored: `chinese-days`, each stored year in place of the package's
 * data for that year, the stored region arrangements and the configured region overrides.
 * Without stored data it is {@link defaultCalendar}.
 */
export function calendarWith(stored: { years: readonly YearArrangement[]; regions: readonly RegionArrangement[] }): Calendar {
  if (stored.years.length === 0 && stored.regions.length === 0) return defaultCalendar();
  return createCalendar({ overrides: regionCalendars.overrides as RegionOverride[], years: stored.years, regionYears: stored.regions });
}
