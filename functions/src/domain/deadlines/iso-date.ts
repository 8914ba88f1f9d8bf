/**
 * Date arithmetic on `IsoDate` strings (YYYY-MM-DD). A date is a calendar day, not an instant:
 * everything runs on UTC day numbers so the host's time zone can never shift a day.
 */
import type { IsoDate } from '@banshi/schemas';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a calendar date. Not `Date.UTC`, which reads years 0–99 as 1900–1999. */
function utcMidnight(year: number, month: number, day: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t;
}

/** True when `value` is a real calendar date written as YYYY-MM-DD (e.g. not 2025-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = utcMidnight(y, mo, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The number of days since 1970-01-01 of an `IsoDate`.
 * @throws RangeError when `date` is not a valid YYYY-MM-DD date.
 */
export function toEpochDay(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${String(date)}`);
  return utcMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))).getTime() / MS_PER_DAY;
}

/** The `IsoDate` of a day number since 1970-01-01 (the inverse of {@link toEpochDay}). */
export function fromEpochDay(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * `date` plus `days` calendar days (negative goes back).
 * @example addDays('2025-12-31', 1) // '2026-01-01'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
