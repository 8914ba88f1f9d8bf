import { PROVINCE_CODES } from './province-codes.js';

/**
 * Whether `value` has the shape of a GB/T 2260 administrative-division code: 6 digits whose
 * first two name a provincial-level division. Codes missing from Banshi's sample region list
 * are accepted too, since divisions change every year.
 *
 * @example
 * isValidRegionCode('150102'); // true (新城区, Hohhot)
 * isValidRegionCode('001234'); // false
 */
export function isValidRegionCode(value: string): boolean {
  return typeof value === 'string' && /^\d{6}$/.test(value) && PROVINCE_CODES.has(value.slice(0, 2));
}
