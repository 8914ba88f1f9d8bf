import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

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
