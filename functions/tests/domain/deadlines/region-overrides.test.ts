import { describe, expect, it } from 'vitest';
import { DefinitionError } from '../../../src/domain/errors.js';
import regionCalendars from '../../../src/domain/deadlines/region-calendars.json' with { type: 'json' };
import {
  addWorkingDays,
  createCalendar,
  defaultCalendar,
  regionPrefix,
  type RegionOverride,
} from '../../../src/domain/deadlines/index.js';
import sample from './fixtures/sample-region-overrides.json' with { type: 'json' };

const calendar = createCalendar({ overrides: sample.overrides as RegionOverride[] });

describe('region calendar overrides', () => {
  it.each([
    ['650000', false],
    ['65', false],
    ['650102', false],
    ['650203', true], // Karamay's more specific override makes the day a working day again
    ['110101', true],
    ['150102', true],
  ])('on the sample Xinjiang festival day, region %s works: %s', (region, working) => {
    expect(calendar.isWorkingDay('2025-06-06', region)).toBe(working);
  });

  it('adds a holiday to the counting of that region only', () => {
    const inHohhot = addWorkingDays(calendar, '2025-03-11', 1, '150102');
    const inBeijing = addWorkingDays(calendar, '2025-03-11', 1, '110101');

    expect([inHohhot, inBeijing]).toEqual(['2025-03-13', '2025-03-12']);
  });

  it('turns a national holiday into a working day for the region that says so', () => {
    expect(calendar.isWorkingDay('2025-10-08', '440106')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-08', '440306')).toBe(false);
  });

  it.each([
    ['650000', '65'],
    ['110100', '1101'],
    ['120110', '120110'],
    ['65', '65'],
  ])('reads the region code %s as the prefix %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });

  it.each([
    [{ region: 'xj', name: { 'zh-CN': '坏' } }, '/overrides/0/region'],
    [{ region: '65', name: { 'zh-CN': '坏' }, holidays: ['2025-13-01'] }, '/overrides/0/holidays/0'],
    [{ region: '65', name: { 'zh-CN': '坏' }, holidays: ['2025-06-06'], workingDays: ['2025-06-06'] }, '/overrides/0/workingDays/0'],
  ])('rejects a bad override with an error at its field', (override, pointer) => {
    let caught: unknown;
    try {
      createCalendar({ overrides: [override as RegionOverride] });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(DefinitionError);
    expect((caught as DefinitionError).errors.map((e) => e.pointer)).toEqual([pointer]);
  });

  it('ships region-calendars.json as valid, clearly labelled sample configuration', () => {
    expect(() => createCalendar({ overrides: regionCalendars.overrides as RegionOverride[] })).not.toThrow();
    expect(regionCalendars.$comment.join(' ')).toContain('SAMPLE CONFIGURATION');
  });

  it('builds the default calendar once and shares it', () => {
    expect(defaultCalendar()).toBe(defaultCalendar());
  });
});
