/**
 * Deadlines (时限): a working-day calendar with make-up days (调休) and region overrides, period
 * counting per the Civil Code (Art 201, 203), and the case clock — a time budget with a pause
 * ledger from which due dates and warnings are derived. Pure: the caller passes `today`.
 */
export type { Calendar, DateRange, RegionArrangement, RegionOverride, YearArrangement } from './types.js';
export type { DueDateChange } from './recompute-due-dates.js';
export type { DueDates } from './due-dates.js';
export type { DeadlineState } from './deadline-state.js';
export { createCalendar, regionPrefix } from './create-calendar.js';
export { calendarWith, defaultCalendar } from './default-calendar.js';
export { packageArrangement } from './national-calendar.js';
export { addWorkingDays } from './add-working-days.js';
export { addNaturalDays } from './add-natural-days.js';
export { countWorkingDays } from './count-working-days.js';
export { dueDates } from './due-dates.js';
export { withDueDates } from './with-due-dates.js';
export { pausedWorkingDays } from './paused-working-days.js';
export { pauseClock } from './pause-clock.js';
export { resumeClock } from './resume-clock.js';
export { extendClock } from './extend-clock.js';
export { restartClock } from './restart-clock.js';
export { deadlineState } from './deadline-state.js';
export { remainingWorkingDays } from './remaining-working-days.js';
export { addDays, isIsoDate } from './iso-date.js';
export { datesOf } from './date-ranges.js';
export { calendarReminder, isProvisional, uncoveredYear } from './provisional.js';
export { checkArrangement, ARRANGEMENT_YEARS } from './check-arrangement.js';
export { recomputeDueDates } from './recompute-due-dates.js';
