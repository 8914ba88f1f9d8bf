import type { IsoDate, LocalizedText } from '@banshi/schemas';

/**
 * A region's own calendar changes, e.g. an autonomous region's festival days (holidays) or a
 * regional make-up working day. Applies to the region code and every code under it.
 */
export interface RegionOverride {
  /** GB/T 2260 code or code prefix: '65' and '650000' both mean Xinjiang and everything in it. */
  region: string;
  /** Extra days off in this region. */
  holidays?: IsoDate[];
  /** Days that are working days in this region although the national calendar says otherwise. */
  workingDays?: IsoDate[];
  /** What the override is, e.g. { 'zh-CN': '新疆维吾尔自治区 古尔邦节', en: 'Xinjiang: Eid al-Adha' }. */
  name: LocalizedText;
}

/** Which days are working days (工作日), nationally and per region. Built once, read many times. */
export interface Calendar {
  /**
   * True when `date` is a working day in `region` (a GB/T 2260 code): a make-up working day
   * (调休上班), or a weekday that is not a holiday; the most specific matching region override wins.
   * @throws RangeError when `date` is not a valid YYYY-MM-DD date.
   */
  isWorkingDay(date: IsoDate, region: string): boolean;
  /**
   * True when there is national holiday data for `year` (the package's, or a year an admin stored).
   * Outside it the calendar falls back to weekends only (Saturday and Sunday off, no holidays, no
   * make-up days), and due dates counted across such a year are provisional.
   */
  covers(year: number): boolean;
  /** The years the national holiday data covers (package or stored), ascending. */
  readonly coveredYears: readonly number[];
  /** The region codes (or prefixes) that have overrides: every other region counts nationally. */
  readonly regions: readonly string[];
}

/** A named run of days, both ends included, e.g. 春节 2027-02-05 … 2027-02-13. */
export interface DateRange {
  /** What the days are, e.g. 春节 (holidays) or the holiday a make-up day belongs to. */
  name: string;
  from: IsoDate;
  to: IsoDate;
}

/**
 * One year's national arrangement (节假日安排) as an admin entered it from the State Council's notice.
 * When stored, it replaces the package's data for that year entirely.
 */
export interface YearArrangement {
  year: number;
  /** Days off: each holiday block with its weekend and in-lieu days. */
  holidays: DateRange[];
  /** Make-up working days (调休上班). */
  workingDays: DateRange[];
}

/** A region's own days of one year (an autonomous region's festivals), entered by an admin. */
export interface RegionArrangement extends YearArrangement {
  /** GB/T 2260 code or prefix; applies to the region and every code under it. */
  region: string;
  /** What the override is, e.g. 新疆维吾尔自治区 古尔邦节. */
  name: LocalizedText;
}
