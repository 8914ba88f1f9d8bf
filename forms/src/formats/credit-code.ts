const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

/** Why a unified social credit code is invalid. */
export type CreditCodeProblem = 'shape' | 'checksum';

/**
 * Computes the GB 32100-2015 check character of the first 17 characters of a unified social
 * credit code: `31 - (Σ value×weight mod 31)`, where 31 maps to `'0'`.
 *
 * @param first17 - 17 characters from `0-9A-HJ-NPQRTUWXY` (no I, O, S, V, Z)
 * @throws RangeError when `first17` has another length or character
 * @example
 * computeCreditCodeCheck('91350100M000100Y4'); // '3'
 */
export function computeCreditCodeCheck(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError('first17 must be 17 credit-code characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Diagnoses a unified social credit code: `shape` (not 18 characters of the GB 32100 charset,
 * uppercase only), `checksum` (wrong 18th character), or `null` when valid.
 *
 * @example
 * creditCodeProblem('91350100M000100Y42'); // 'checksum'
 */
export function creditCodeProblem(value: string): CreditCodeProblem | null {
  if (typeof value !== 'string' || !SHAPE.test(value)) return 'shape';
  return computeCreditCodeCheck(value.slice(0, 17)) === value[17] ? null : 'checksum';
}

/**
 * Whether `value` is a valid unified social credit code (统一社会信用代码, GB 32100-2015).
 *
 * @example
 * isValidCreditCode('91350100M000100Y43'); // true
 */
export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}
