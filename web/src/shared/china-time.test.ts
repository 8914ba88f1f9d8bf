/**
 * The one time formatter: every instant in China Standard Time, whatever the zone of the machine
 * that shows it (the test sets a far-away zone to prove it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaTime, chinaToday } from './china-time.js';

describe('chinaTime', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('shows an instant in Asia/Shanghai (UTC+8), not in the local zone', () => {
    expect(chinaTime('2026-11-02T16:30:00.000Z')).toBe('2026-11-03 00:30');
    expect(chinaTime('2026-11-02T16:30:00.000Z', { date: true })).toBe('2026-11-03');
  });

  it('takes a Date and epoch milliseconds alike, on a 24-hour clock', () => {
    const at = Date.UTC(2026, 0, 5, 6, 7);
    expect(chinaTime(at)).toBe('2026-01-05 14:07');
    expect(chinaTime(new Date(at))).toBe('2026-01-05 14:07');
  });

  it('shows nothing for a value that is not a time', () => {
    expect(chinaTime('not a date')).toBe('');
    expect(chinaTime('')).toBe('');
  });

  it("gives today's date in China: already tomorrow once it is 16:00 UTC", () => {
    expect(chinaToday(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
    expect(chinaToday(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});
