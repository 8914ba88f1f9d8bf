import type { FieldError } from '../errors.js';
import { DefinitionError } from '../errors.js';
import { isIsoDate, toEpochDay, weekdayOfEpochDay } from './iso-date.js';
import { datesOf, yearOf } from './date-ranges.js';
import { nationalCalendar, type NationalCalendar } from './national-calendar.js';
import type { Calendar, RegionArrangement, RegionOverride, YearArrangement } from './types.js';

interface CompiledOverride {
  prefix: string;
  holidays: ReadonlySet<string>;
  workingDays: ReadonlySet<string>;
}

const REGION_CODE = /^\d{2}(\d{2}){0,2}$/;

/**
 * A GB/T 2260 code without its trailing "00" levels: '650000' -> '65', '110100' -> '1101',
 * '120110' stays. Levels are pairs of digits, so zeros are stripped in pairs only.
 */
export function regionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

function checkOverrides(overrides: readonly RegionOverride[]): void {
  const errors: FieldError[] = [];
  overrides.forEach((o, i) => {
    if (typeof o.region !== 'string' || !REGION_CODE.test(o.region)) {
      errors.push({ pointer: `/overrides/${i}/region`, code: 'format', message: 'region must be a GB/T 2260 code or prefix of 2, 4 or 6 digits' });
    }
    if (!o.name || typeof o.name['zh-CN'] !== 'string') {
      errors.push({ pointer: `/overrides/${i}/name`, code: 'required', message: 'name needs a zh-CN text' });
    }
    const holidays = new Set(o.holidays ?? []);
    for (const key of ['holidays', 'workingDays'] as const) {
      (o[key] ?? []).forEach((d, j) => {
        if (!isIsoDate(d)) {
          errors.push({ pointer: `/overrides/${i}/${key}/${j}`, code: 'format', message: 'not a YYYY-MM-DD date' });
        } else if (key === 'workingDays' && holidays.has(d)) {
          errors.push({ pointer: `/overrides/${i}/${key}/${j}`, code: 'conflict', message: `${d} is both a holiday and a working day` });
        }
      });
    }
  });
  if (errors.length > 0) throw new DefinitionError(errors, 'the region calendar overrides have problems');
}

/**
 * The package's national data with each stored year put in its place: a stored year replaces
 * every holiday and make-up day the package has in that year (the stored data is newer).
 */
function withStoredYears(national: NationalCalendar, years: readonly YearArrangement[]): NationalCalendar {
  if (years.length === 0) return national;
  const stored = new Set(years.map((y) => y.year));
  const keep = (date: string) => !stored.has(yearOf(date));
  const holidays = new Set([...national.holidays].filter(keep));
  const workingDays = new Set([...national.workingDays].filter(keep));
  for (const y of years) {
    for (const d of datesOf(y.holidays)) holidays.add(d);
    for (const d of datesOf(y.workingDays)) workingDays.add(d);
  }
  return { holidays, workingDays, years: [...new Set([...national.years, ...stored])].sort((a, b) => a - b) };
}

/** A stored region arrangement as an override (its dates expanded). */
function asOverride(r: RegionArrangement): RegionOverride {
  return { region: r.region, name: r.name, holidays: datesOf(r.holidays), workingDays: datesOf(r.workingDays) };
}

/**
 * Builds a working-day calendar: the national holidays and make-up working days (调休) from the
 * `chinese-days` data — replaced, for each year in `years`, by the arrangement an admin stored —
 * plus per-region overrides (`overrides` from configuration and the stored `regionYears`; a stored
 * one comes first among equally specific ones). A region override applies to its code and every
 * code below it; where several match a date, the most specific one (longest code) decides.
 * Years outside the national data count weekends only; `covers(year)` reports them.
 *
 * @throws DefinitionError when an override has a bad region code, a bad date, or a date that is
 *   both a holiday and a working day.
 * @example
 * const calendar = createCalendar();
 * calendar.isWorkingDay('2025-10-11', '110101'); // true: make-up Saturday after 国庆
 */
export function createCalendar(
  options: { overrides?: readonly RegionOverride[]; years?: readonly YearArrangement[]; regionYears?: readonly RegionArrangement[] } = {},
): Calendar {
  const overrides = [...(options.regionYears ?? []).map(asOverride), ...(options.overrides ?? [])];
  checkOverrides(overrides);
  const national = withStoredYears(nationalCalendar(), options.years ?? []);
  const compiled: CompiledOverride[] = overrides
    .map((o) => ({ prefix: regionPrefix(o.region), holidays: new Set(o.holidays ?? []), workingDays: new Set(o.workingDays ?? []) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const byRegion = new Map<string, CompiledOverride[]>();
  const covered = new Set(national.years);

  function overridesFor(region: string): CompiledOverride[] {
    let found = byRegion.get(region);
    if (!found) {
      const code = regionPrefix(region);
      found = compiled.filter((o) => code.startsWith(o.prefix));
      // Only real codes are cached, so odd input cannot grow the cache without bound.
      if (REGION_CODE.test(region)) byRegion.set(region, found);
    }
    return found;
  }

  return {
    coveredYears: national.years,
    regions: [...new Set(compiled.map((o) => o.prefix))],
    covers: (year) => covered.has(year),
    isWorkingDay(date, region) {
      const weekday = weekdayOfEpochDay(toEpochDay(date));
      for (const o of overridesFor(region)) {
        if (o.holidays.has(date)) return false;
        if (o.workingDays.has(date)) return true;
      }
      if (national.workingDays.has(date)) return true;
      if (national.holidays.has(date)) return false;
      return weekday !== 0 && weekday !== 6;
    },
  };
}
