import type { FieldError, Locale } from '@banshi/schemas/core';
import { ValidationError } from '../errors.js';
import { datesOf, yearOf } from './date-ranges.js';
import { isIsoDate, toEpochDay } from './iso-date.js';
import type { DateRange, YearArrangement } from './types.js';

/** The years an arrangement may be entered for. */
export const ARRANGEMENT_YEARS = { min: 2000, max: 2100 } as const;

/** The longest range accepted (the longest holiday block is 9 days; a regional festival may be longer). */
const MAX_RANGE_DAYS = 31;

const MESSAGES = {
  year: { 'zh-CN': `年份应为 ${ARRANGEMENT_YEARS.min}–${ARRANGEMENT_YEARS.max} 之间的整数`, en: `the year is a whole number from ${ARRANGEMENT_YEARS.min} to ${ARRANGEMENT_YEARS.max}` },
  date: { 'zh-CN': '日期格式应为 YYYY-MM-DD，且须是真实存在的日期', en: 'not a real date written YYYY-MM-DD' },
  otherYear: { 'zh-CN': '日期不在该年份内', en: 'the date is not in this year' },
  order: { 'zh-CN': '结束日期不能早于开始日期', en: 'the range ends before it starts' },
  tooLong: { 'zh-CN': `一段日期最长 ${MAX_RANGE_DAYS} 天`, en: `a range is at most ${MAX_RANGE_DAYS} days` },
  both: { 'zh-CN': '该日期同时被设为放假和调休上班', en: 'this date is both a holiday and a make-up working day' },
  twice: { 'zh-CN': '该日期已在另一段中', en: 'this date is already in another range' },
  name: { 'zh-CN': '请填写名称', en: 'give the range a name' },
} as const;

/**
 * Checks an arrangement an admin entered for `year`: real dates inside that year, ranges in order
 * and at most 31 days, no date in two ranges, and no date both a holiday and a make-up working day.
 * Messages are in `language`; pointers point into the request body (`/holidays/0/to`).
 *
 * @throws ValidationError (422) listing every problem; nothing is stored then.
 */
export function checkArrangement(year: number, arrangement: Pick<YearArrangement, 'holidays' | 'workingDays'>, language: Locale): void {
  const errors: FieldError[] = [];
  const say = (pointer: string, code: keyof typeof MESSAGES) => errors.push({ pointer, code, message: MESSAGES[code][language] });
  if (!Number.isInteger(year) || year < ARRANGEMENT_YEARS.min || year > ARRANGEMENT_YEARS.max) say('/year', 'year');
  const seen = new Map<string, 'holidays' | 'workingDays'>();
  for (const key of ['holidays', 'workingDays'] as const) {
    arrangement[key].forEach((range: DateRange, i) => {
      const at = `/${key}/${i}`;
      if (!range.name.trim()) say(`${at}/name`, 'name');
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        if (!isIsoDate(range[end])) {
          say(`${at}/${end}`, 'date');
          ok = false;
        } else if (yearOf(range[end]) !== year) {
          say(`${at}/${end}`, 'otherYear');
          ok = false;
        }
      }
      if (!ok) return;
      const length = toEpochDay(range.to) - toEpochDay(range.from) + 1;
      if (length < 1) return void say(`${at}/to`, 'order');
      if (length > MAX_RANGE_DAYS) return void say(`${at}/to`, 'tooLong');
      for (const date of datesOf([range])) {
        const before = seen.get(date);
        if (before === key) return void say(at, 'twice');
        if (before) return void say(at, 'both');
        seen.set(date, key);
      }
    });
  }
  if (errors.length > 0) throw new ValidationError(errors, 'the calendar arrangement has problems');
}
