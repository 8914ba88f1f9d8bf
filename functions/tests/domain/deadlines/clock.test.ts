import { describe, expect, it } from 'vitest';
import type { Clock } from '@banshi/schemas';
import { ActionNotAllowedError } from '../../../src/domain/errors.js';
import {
  createCalendar,
  deadlineState,
  dueDates,
  extendClock,
  pauseClock,
  remainingWorkingDays,
  restartClock,
  resumeClock,
  withDueDates,
} from '../../../src/domain/deadlines/index.js';

const BEIJING = '110101';
const calendar = createCalendar();

function clockOf(overrides: Partial<Clock> = {}): Clock {
  return {
    receivedOn: '2026-09-15',
    region: BEIJING,
    promised: { value: 20, unit: 'workingDays' },
    statutory: { value: 30, unit: 'workingDays' },
    extensionDays: 0,
    extensions: 0,
    pauses: [],
    ...overrides,
  };
}

describe('dueDates', () => {
  it('counts both limits in working days from the day after receipt', () => {
    expect(dueDates(calendar, clockOf())).toEqual({ dueDate: '2026-10-19', statutoryDueDate: '2026-11-02' });
  });

  it('moves the due dates by exactly the working days of a pause across 国庆 2026', () => {
    // (09-18, 10-12] holds 12 working days: make-up Sun 09-20, 09-21..24, 09-28..30, 10-08, 10-09, make-up Sat 10-10, 10-12.
    const clock = clockOf({ pauses: [{ kind: 'correction', from: '2026-09-18', to: '2026-10-12' }] });

    expect(dueDates(calendar, clock).dueDate).toBe('2026-11-04');
  });

  it('moves the due date across 春节 2026 and onto the make-up Saturday', () => {
    // (02-11, 02-25] holds 5 working days: 02-12, 02-13, make-up Sat 02-14, 02-24, 02-25.
    const clock = clockOf({
      receivedOn: '2026-02-02',
      promised: { value: 10, unit: 'workingDays' },
      pauses: [{ kind: 'suspension', from: '2026-02-11', to: '2026-02-25' }],
    });

    expect(dueDates(calendar, clock).dueDate).toBe('2026-02-28');
  });

  it('returns no due dates while a pause is open', () => {
    const clock = clockOf({ pauses: [{ kind: 'correction', from: '2026-09-18' }] });

    expect(dueDates(calendar, clock)).toEqual({});
  });

  it('counts a natural-day limit to its last day and adds extensions in working days', () => {
    const clock = clockOf({ receivedOn: '2025-09-11', statutory: { value: 20, unit: 'naturalDays' }, extensionDays: 2 });

    // 09-11 + 20 = 10-01, a holiday, so 10-09; two more working days end on the make-up Saturday.
    expect(dueDates(calendar, clock).statutoryDueDate).toBe('2025-10-11');
  });

  it('counts a day inside two overlapping pauses once', () => {
    const once = clockOf({ pauses: [{ kind: 'correction', from: '2026-03-02', to: '2026-03-06' }] });
    const overlapping = clockOf({
      pauses: [
        { kind: 'correction', from: '2026-03-02', to: '2026-03-06' },
        { kind: 'suspension', from: '2026-03-04', to: '2026-03-05' },
      ],
    });

    expect(dueDates(calendar, overlapping)).toEqual(dueDates(calendar, once));
  });
});

describe('pauseClock and resumeClock', () => {
  it('pauses and resumes on the same day without moving the due date', () => {
    const clock = clockOf();

    const resumed = resumeClock(pauseClock(clock, 'correction', '2026-09-18'), '2026-09-18');

    expect(resumed.pauses).toEqual([{ kind: 'correction', from: '2026-09-18', to: '2026-09-18' }]);
    expect(dueDates(calendar, resumed)).toEqual(dueDates(calendar, clock));
  });

  it('returns new clocks and leaves the given one unchanged', () => {
    const clock = withDueDates(calendar, clockOf());
    const before = structuredClone(clock);

    const paused = pauseClock(clock, 'suspension', '2026-09-18');
    resumeClock(paused, '2026-09-25');
    extendClock(clock, 3);
    restartClock(clock, '2026-10-08');

    expect(clock).toEqual(before);
    expect(paused.pauses).toHaveLength(1);
  });

  it('drops the stored due dates when pausing', () => {
    const paused = pauseClock(withDueDates(calendar, clockOf()), 'correction', '2026-09-18');

    expect([paused.dueDate, paused.statutoryDueDate]).toEqual([undefined, undefined]);
  });

  it('refuses to pause a clock that is already paused', () => {
    const paused = pauseClock(clockOf(), 'correction', '2026-09-18');

    expect(() => pauseClock(paused, 'suspension', '2026-09-19')).toThrow(ActionNotAllowedError);
  });

  it('refuses to resume a clock that is not paused', () => {
    expect(() => resumeClock(clockOf(), '2026-09-18')).toThrow(ActionNotAllowedError);
  });

  it('refuses to resume before the pause began', () => {
    const paused = pauseClock(clockOf(), 'correction', '2026-09-18');

    expect(() => resumeClock(paused, '2026-09-17')).toThrow(RangeError);
  });
});

describe('extendClock, restartClock and withDueDates', () => {
  it('adds an extension in working days and counts it', () => {
    const extended = extendClock(clockOf(), 5);

    expect([extended.extensionDays, extended.extensions]).toEqual([5, 1]);
    expect(dueDates(calendar, extended).dueDate).toBe('2026-10-26');
  });

  it.each([[0], [-2], [2.5]])('refuses an extension of %s days', (days) => {
    expect(() => extendClock(clockOf(), days)).toThrow(RangeError);
  });

  it('restarts the clock from the new day with an empty pause ledger and keeps extensions', () => {
    const clock = clockOf({ extensionDays: 2, extensions: 1, pauses: [{ kind: 'correction', from: '2026-09-18', to: '2026-09-30' }] });

    const restarted = restartClock(clock, '2026-09-30');

    expect(restarted).toMatchObject({ receivedOn: '2026-09-30', pauses: [], extensionDays: 2, extensions: 1 });
  });

  it('stores the derived due dates, and none while paused', () => {
    const stored = withDueDates(calendar, clockOf());
    const paused = withDueDates(calendar, pauseClock(stored, 'correction', '2026-09-18'));

    expect([stored.dueDate, stored.statutoryDueDate]).toEqual(['2026-10-19', '2026-11-02']);
    expect('dueDate' in paused || 'statutoryDueDate' in paused).toBe(false);
  });
});

describe('deadlineState and remainingWorkingDays', () => {
  it.each([
    ['2025-10-09', '2025-10-10', 3, 'overdue'],
    ['2025-10-09', '2025-10-09', 3, 'dueSoon'],
    ['2025-10-09', '2025-09-30', 3, 'dueSoon'],
    ['2025-10-20', '2025-10-15', 3, 'dueSoon'],
    ['2025-10-20', '2025-10-14', 3, 'onTime'],
    ['2025-10-20', '2025-10-13', 3, 'onTime'],
    ['2025-10-20', '2025-10-13', 5, 'dueSoon'],
    [undefined, '2025-10-13', 3, 'paused'],
  ])('due %s, today %s, warning within %s working days: %s', (due, today, warn, expected) => {
    expect(deadlineState(due, today, calendar, BEIJING, warn)).toBe(expected);
  });

  it.each([
    ['2025-10-09', '2025-09-30', 1],
    ['2025-10-09', '2025-10-09', 0],
    ['2025-10-20', '2025-10-13', 5],
    ['2025-10-09', '2025-10-13', -3],
  ])('due %s, today %s: %s working days remain', (due, today, expected) => {
    expect(remainingWorkingDays(due, today, calendar, BEIJING)).toBe(expected);
  });
});
