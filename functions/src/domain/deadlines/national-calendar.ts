import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { toEpochDay } from './iso-date.js';
import type { DateRange, YearArrangement } from './types.js';

/** The national holiday arrangement (国务院办公厅 节假日安排) as lookup sets. */
export interface NationalCalendar {
  /** Days off: statutory holidays plus the weekend and in-lieu days inside each holiday block. */
  readonly holidays: ReadonlySet<string>;
  /** Make-up working days (调休上班): weekend days that are working days. */
  readonly workingDays: ReadonlySet<string>;
  /** Years with an arrangement in the data, ascending. */
  readonly years: readonly number[];
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

let national: NationalCalendar | undefined;

/**
 * The national calendar from the `chinese-days` package data (`dist/chinese-days.json`: date ->
 * "English name,中文名,n" maps `holidays`, `workdays` = make-up working days, `inLieuDays` ⊂
 * holidays). Built once per process. Update the package every year after the State Council
 * publishes the next year's notice (usually in November).
 */
export function nationalCalendar(): NationalCalendar {
  if (national) return national;
  const data = chineseDaysData as ChineseDaysData;
  const holidays = new Set([...Object.keys(data.holidays), ...Object.keys(data.inLieuDays)]);
  const workingDays = new Set(Object.keys(data.workdays));
  const years = [...new Set([...holidays].map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  national = { holidays, workingDays, years };
  return national;
}

/** The package's short names as the State Council's notices write them. */
const NOTICE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

/** Consecutive dates with the same name as ranges, e.g. 春节 2026-02-15 … 2026-02-23. */
function asRanges(named: [string, string][]): DateRange[] {
  const ranges: DateRange[] = [];
  for (const [date, name] of named.sort(([a], [b]) => a.localeCompare(b))) {
    const last = ranges.at(-1);
    if (last && last.name === name && toEpochDay(date) === toEpochDay(last.to) + 1) last.to = date;
    else ranges.push({ name, from: date, to: date });
  }
  return ranges;
}

/**
 * The package's arrangement of `year` as named date ranges (the shape admins enter), or undefined
 * when the package has no data for that year. Names are the package's Chinese names (元旦, 春节 …).
 */
export function packageArrangement(year: number): YearArrangement | undefined {
  const data = chineseDaysData as ChineseDaysData;
  const inYear = (map: Record<string, string>) =>
    Object.entries(map)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, value]): [string, string] => {
        const name = value.split(',')[1] ?? value;
        return [date, NOTICE_NAMES[name] ?? name];
      });
  const holidays = [...inYear(data.holidays), ...inYear(data.inLieuDays).filter(([d]) => !(d in data.holidays))];
  if (holidays.length === 0) return undefined;
  return { year, holidays: asRanges(holidays), workingDays: asRanges(inYear(data.workdays)) };
}
