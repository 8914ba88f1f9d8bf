import type { IsoDate } from '@banshi/schemas';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import type { DateRange } from './types.js';

/**
 * Every date of the ranges, both ends included, in order of the ranges.
 *
 * @throws RangeError when a range has an invalid date.
 * @example datesOf([{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }]) // ['2027-01-01', '2027-01-02', '2027-01-03']
 */
export function datesOf(ranges: readonly DateRange[]): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const range of ranges) {
    const last = toEpochDay(range.to);
    for (let day = toEpochDay(range.from); day <= last; day += 1) dates.push(fromEpochDay(day));
  }
  return dates;
}

/** The year of an `IsoDate` as a number. */
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
