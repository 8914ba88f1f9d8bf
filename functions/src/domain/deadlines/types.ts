import type { IsoDate, LocalizedText } from '../../../../schemas/src/generated/common.generated.js';

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
   * True when the national holiday data covers `year`. Outside it the calendar falls back to
   * weekends only (Saturday and Sunday off, no holidays, no make-up days).
   */
  covers(year: number): boolean;
  /** The years the national holiday data covers, ascending. */
  readonly coveredYears: readonly number[];
}
