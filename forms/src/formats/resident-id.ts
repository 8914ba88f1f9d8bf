import { chinaToday, isCalendarDate } from './calendar.js';
import { PROVINCE_CODES } from './province-codes.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
/** Residence permits of Hong Kong, Macao and Taiwan residents use 81, 82 and 83. */
const ID_REGION_PREFIXES: ReadonlySet<string> = new Set([...PROVINCE_CODES, '83']);
/** Earliest birth year accepted: older numbers are typing mistakes, not people. */
const MIN_BIRTH_YEAR = 1850;

/** Why a resident ID number is invalid: the first problem found, in the order listed. */
export type ResidentIdProblem = 'shape' | 'region' | 'birth-date' | 'checksum';

/**
 * Computes the GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits.
 *
 * @param first17 - the 17 leading digits of a resident ID number
 * @returns `'0'`–`'9'` or `'X'`
 * @throws RangeError when `first17` is not exactly 17 ASCII digits
 * @example
 * computeResidentIdCheck('11010519491231002'); // 'X'
 */
export function computeResidentIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('first17 must be 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Diagnoses a resident ID number (GB 11643-1999): the first problem found, or `null` when valid.
 * `shape` = not 17 digits + digit/uppercase X; `region` = the first two digits are no province;
 * `birth-date` = digits 7–14 are no calendar date, before 1850, or after `today`;
 * `checksum` = the 18th character does not match the MOD 11-2 check.
 *
 * @param value - the number as typed (no spaces are stripped; a lowercase x is a shape problem)
 * @param today - `YYYY-MM-DD`; defaults to today in China Standard Time
 * @example
 * residentIdProblem('110105194912310021'); // 'checksum'
 */
export function residentIdProblem(value: string, today: string = chinaToday()): ResidentIdProblem | null {
  if (typeof value !== 'string' || !SHAPE.test(value)) return 'shape';
  if (!ID_REGION_PREFIXES.has(value.slice(0, 2))) return 'region';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < MIN_BIRTH_YEAR || !isCalendarDate(year, month, day) || birth > today) return 'birth-date';
  if (computeResidentIdCheck(value.slice(0, 17)) !== value[17]) return 'checksum';
  return null;
}

/**
 * Whether `value` is a valid 18-character resident ID number (GB 11643-1999): shape, province
 * prefix, a real birth date not in the future, and the MOD 11-2 check character.
 *
 * @example
 * isValidResidentId('11010519491231002X'); // true
 * isValidResidentId('110105194912310021'); // false (wrong check character)
 */
export function isValidResidentId(value: string, today?: string): boolean {
  return residentIdProblem(value, today) === null;
}

/**
 * The birth date encoded in a valid resident ID number, `YYYY-MM-DD`, or `null` when the
 * number is invalid.
 *
 * @example
 * birthDateFromResidentId('11010519491231002X'); // '1949-12-31'
 */
export function birthDateFromResidentId(value: string, today?: string): string | null {
  if (!isValidResidentId(value, today)) return null;
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}
