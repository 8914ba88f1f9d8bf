import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCaseId, newReceiptNo, newTaskId } from '../../src/adapters/ids.js';
import { fixedClock, isoDateIn } from '../../src/adapters/clock.js';

describe('ids', () => {
  it('makes case ids that sort by creation time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 47 }), fc.integer({ min: 1, max: 2 ** 40 }), (t, dt) => {
        expect(newCaseId(new Date(t)) < newCaseId(new Date(t + dt))).toBe(true);
      }),
    );
  });

  it('makes distinct 26-character Crockford ids', () => {
    const ids = Array.from({ length: 1_000 }, () => newTaskId());

    expect(new Set(ids).size).toBe(1_000);
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
  });

  it('makes receipt numbers of region, date and six unambiguous characters', () => {
    expect(newReceiptNo('150102', '2026-11-25')).toMatch(/^150102-20261125-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it.each([
    ['15010', '2026-11-25'],
    ['150102', '20261125'],
  ])('refuses region %s and date %s', (region, date) => {
    expect(() => newReceiptNo(region, date)).toThrow(RangeError);
  });
});

describe('clock', () => {
  it("gives today's date in Shanghai, which is already tomorrow for late UTC evenings", () => {
    const clock = fixedClock('2026-11-25T17:30:00Z');

    expect(clock.today()).toBe('2026-11-26');
    expect(clock.today('UTC')).toBe('2026-11-25');
  });

  it('moves only when told to', () => {
    const clock = fixedClock('2026-11-25T00:00:00Z');

    clock.advance(24 * 3600_000);

    expect(clock.now().toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(isoDateIn(clock.now())).toBe('2026-11-26');
  });
});
