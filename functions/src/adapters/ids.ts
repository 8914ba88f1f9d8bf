/**
 * Identifiers. Case and task ids sort by creation time (48-bit millisecond timestamp then 80 random
 * bits, Crockford base32, like a ULID), so "newest first" lists and logs read naturally.
 * Receipt numbers (办件编号) are for people: region code, date, and six random characters
 * without the ambiguous I, L, O, U.
 */
import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encodeTime(ms: number, length: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function randomChars(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  for (const byte of bytes) out += CROCKFORD[byte % 32];
  return out;
}

/** A time-sortable id: 10 time characters + 16 random characters (26 in all). */
function sortableId(now: Date): string {
  return encodeTime(now.getTime(), 10) + randomChars(16);
}

/** A new case id, sortable by creation time. */
export function newCaseId(now: Date = new Date()): string {
  return sortableId(now);
}

/** A new task id, sortable by creation time. */
export function newTaskId(now: Date = new Date()): string {
  return sortableId(now);
}

/**
 * A receipt number (办件编号) `<region>-<yyyymmdd>-<6 random Crockford characters>`.
 *
 * @param regionCode GB/T 2260 code, 6 digits
 * @param date the receiving date, YYYY-MM-DD (the region's calendar date)
 * @example newReceiptNo('150102', '2026-11-25') // '150102-20261125-7KQ2XH'
 */
export function newReceiptNo(regionCode: string, date: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`region code must be 6 digits: ${regionCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`date must be YYYY-MM-DD: ${date}`);
  return `${regionCode}-${date.replaceAll('-', '')}-${randomChars(6)}`;
}
