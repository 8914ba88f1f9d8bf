const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Whether `value` is a mainland China mobile number: 11 digits starting `13`–`19`, without
 * country code, spaces or dashes.
 *
 * @example
 * isValidMobile('13800138000'); // true
 * isValidMobile('12800138000'); // false
 */
export function isValidMobile(value: string): boolean {
  return typeof value === 'string' && MOBILE.test(value);
}
