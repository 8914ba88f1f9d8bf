import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../../src/catalog/load-reference.js';
import { creditCodeCheckChar, isValidCreditCode, isValidResidentId, organizationCodeCheckChar, residentIdCheckChar } from '../support/check-codes.js';

const reference = loadReference();

function ageOn(idNumber: string, today: Date): number {
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)].map(Number);
  const hadBirthday = today.getMonth() + 1 > m || (today.getMonth() + 1 === m && today.getDate() >= d);
  return today.getFullYear() - y - (hadBirthday ? 0 : 1);
}

describe('the check-character algorithms', () => {
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['150102195602300022', false],
  ])('judge the resident ID number %s valid: %s', (id, valid) => {
    expect(isValidResidentId(id)).toBe(valid);
  });

  it.each([
    ['91350100M000100Y43', true],
    ['91440300708461136T', true],
    ['91350100M000100Y44', false],
  ])('judge the credit code %s valid: %s', (code, valid) => {
    expect(isValidCreditCode(code)).toBe(valid);
  });

  it('makes any 17 digits with a valid birth date a valid ID number once the check character is appended', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{5}$/), fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), fc.stringMatching(/^[0-9]{3}$/), (area, birth, seq) => {
        const first17 = `${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`;
        expect(isValidResidentId(first17 + residentIdCheckChar(first17))).toBe(true);
      }),
    );
  });

  it('makes any well-formed credit code body valid once both check characters are appended', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[19][1-3][1-9][0-9]{5}[0-9A-HJ-NPQRTUWXY]{8}$/), (body) => {
        const org = body.slice(8) + organizationCodeCheckChar(body.slice(8));
        const first17 = body.slice(0, 8) + org;
        expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
      }),
    );
  });
});

describe('the sample data', () => {
  const ids = reference.users.filter((u) => u.idNumber).map((u) => [u.id, u.idNumber!] as const);
  const codes = [
    ...reference.users.filter((u) => u.creditCode).map((u) => [u.id, u.creditCode!] as const),
    ...reference.departments.map((d) => [d.id, d.creditCode] as const),
  ];

  it.each(ids)('%s has a resident ID number with a correct check character', (_, id) => {
    expect(isValidResidentId(id)).toBe(true);
  });

  it.each(codes)('%s has a credit code with correct check characters', (_, code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('has 张三 aged 60 or over and 李四 under 60', () => {
    const today = new Date();
    const zhangsan = reference.users.find((u) => u.id === 'u-zhangsan')!;
    const lisi = reference.users.find((u) => u.id === 'u-lisi')!;

    expect(ageOn(zhangsan.idNumber!, today)).toBeGreaterThanOrEqual(60);
    expect(ageOn(lisi.idNumber!, today)).toBeLessThan(60);
  });
});
