import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '@banshi/schemas';
import {
  addNaturalDays,
  addWorkingDays,
  countWorkingDays,
  createCalendar,
  deadlineState,
  dueDates,
  type RegionOverride,
} from '../../../src/domain/deadlines/index.js';
import { fromEpochDay, toEpochDay } from '../../../src/domain/deadlines/iso-date.js';
import sample from './fixtures/sample-region-overrides.json' with { type: 'json' };

const calendar = createCalendar({ overrides: sample.overrides as RegionOverride[] });

// 2024-01-01 … 2027-12-31: covered years and the weekends-only fallback year after them.
const anyDate = fc.integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2027-12-31') }).map(fromEpochDay);
const anyRegion = fc.constantFrom('110101', '650102', '650203', '150102', '440106');
const anyLimit = fc.record({ value: fc.integer({ min: 0, max: 60 }), unit: fc.constantFrom('workingDays' as const, 'naturalDays' as const) });

function clockOf(receivedOn: string, region: string, promised: Clock['promised'], statutory: Clock['statutory'], pauses: Clock['pauses'] = []): Clock {
  return { receivedOn, region, promised, statutory, extensionDays: 0, extensions: 0, pauses };
}

function shift(date: string | undefined, days: number, region: string): string | undefined {
  return date === undefined ? undefined : addWorkingDays(calendar, date, days, region);
}

describe('deadline properties', () => {
  it('reads back every day number of years 0000–9999 as the same ISO date', () => {
    const range = { min: toEpochDay('0000-01-01'), max: toEpochDay('9999-12-31') };
    fc.assert(fc.property(fc.integer(range), (day) => toEpochDay(fromEpochDay(day)) === day));
  });

  it('gives a later last day for more working days', () => {
    fc.assert(
      fc.property(anyDate, anyRegion, fc.nat(200), fc.nat(200), (from, region, a, b) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, from, few, region) <= addWorkingDays(calendar, from, many, region)).toBe(true);
      }),
    );
  });

  it('counts back exactly the working days it added', () => {
    fc.assert(
      fc.property(anyDate, anyRegion, fc.nat(250), (from, region, days) => {
        expect(countWorkingDays(calendar, from, addWorkingDays(calendar, from, days, region), region)).toBe(days);
      }),
    );
  });

  it('ends a natural-day period on a working day no earlier than from + days', () => {
    fc.assert(
      fc.property(anyDate, anyRegion, fc.nat(120), (from, region, days) => {
        const end = addNaturalDays(calendar, from, days, region);
        expect(calendar.isWorkingDay(end, region)).toBe(true);
        expect(toEpochDay(end) >= toEpochDay(from) + days).toBe(true);
      }),
    );
  });

  it('moves the due dates of a closed pause by exactly the paused working days', () => {
    fc.assert(
      fc.property(anyDate, anyRegion, anyLimit, anyLimit, fc.integer({ min: -5, max: 90 }), fc.nat(60), (receivedOn, region, promised, statutory, start, length) => {
        const from = fromEpochDay(toEpochDay(receivedOn) + start);
        const to = fromEpochDay(toEpochDay(from) + length);
        const paused = countWorkingDays(calendar, from, to, region);

        const without = dueDates(calendar, clockOf(receivedOn, region, promised, statutory));
        const withPause = dueDates(calendar, clockOf(receivedOn, region, promised, statutory, [{ kind: 'correction', from, to }]));

        expect(withPause).toEqual({
          dueDate: shift(without.dueDate, paused, region),
          statutoryDueDate: shift(without.statutoryDueDate, paused, region),
        });
      }),
    );
  });

  it('never counts paused time: a pause without working days leaves the due dates alone', () => {
    fc.assert(
      fc.property(anyDate, anyRegion, anyLimit, anyLimit, fc.integer({ min: 0, max: 60 }), fc.nat(), (receivedOn, region, promised, statutory, start, pick) => {
        const from = toEpochDay(receivedOn) + start;
        let run = 0; // consecutive days off right after `from`
        while (!calendar.isWorkingDay(fromEpochDay(from + run + 1), region)) run += 1;
        fc.pre(run > 0);
        const pause = { kind: 'suspension' as const, from: fromEpochDay(from), to: fromEpochDay(from + 1 + (pick % run)) };

        const without = dueDates(calendar, clockOf(receivedOn, region, promised, statutory));
        const withPause = dueDates(calendar, clockOf(receivedOn, region, promised, statutory, [pause]));

        expect(withPause).toEqual(without);
      }),
    );
  });

  it('calls a case overdue exactly when today is after its due date', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyRegion, (due, today, region) => {
        expect(deadlineState(due, today, calendar, region) === 'overdue').toBe(today > due);
      }),
    );
  });
});
