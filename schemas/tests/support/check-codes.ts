/**
 * Check-character algorithms used by the tests to verify the sample data (test-only; forms/ owns
 * the runtime formats).
 */

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** GB 11643-1999: the 18th character of a resident ID number (ISO 7064 MOD 11-2). */
export function residentIdCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * idWeights[i], 0);
  return idCheckChars[sum % 11];
}

/** A resident ID number is well-formed, has a real birth date and the right check character. */
export function isValidResidentId(id: string): boolean {
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return false;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714-1997: the 9th character of an organisation code. */
export function organizationCodeCheckChar(first8: string): string {
  const sum = [...first8].reduce((acc, c, i) => acc + parseInt(c, 36) * orgWeights[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

const creditChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015: the 18th character of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + creditChars.indexOf(c) * creditWeights[i], 0);
  return creditChars[(31 - (sum % 31)) % 31];
}

/** A credit code is well-formed and both its organisation-code part and its 18th character check. */
export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const org = code.slice(8, 17);
  if (organizationCodeCheckChar(org.slice(0, 8)) !== org[8]) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
