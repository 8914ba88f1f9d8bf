import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheck, creditCodeProblem, isValidCreditCode } from '../../src/formats/credit-code.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit codes (GB 32100-2015)', () => {
  it('computes the check character of the published sample 91350100M000100Y43', () => {
    expect(computeCreditCodeCheck('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['91350100M000100Y43', 'the published sample'],
    ['91110000100000001W', 'a letter check character'],
    ['121000004000000137', 'a public institution'],
    ['51350100M000000017', 'a social organisation'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y42', 'checksum', 'a wrong check character'],
    ['91350100m000100Y43', 'shape', 'a lowercase letter'],
    ['91350100M000100I43', 'shape', 'the letter I'],
    ['91350100M000100O43', 'shape', 'the letter O'],
    ['91350100M000100Y4', 'shape', '17 characters'],
    ['91350100M000100Y433', 'shape', '19 characters'],
    ['', 'shape', 'an empty string'],
  ])('rejects %s as %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('maps a computed 31 to the check character 0', () => {
    // Find a body whose weighted sum is a multiple of 31 by adjusting the last character.
    const body16 = '9135010000000000';
    const last = [...CHARSET].find((c) => computeCreditCodeCheck(body16 + c) === '0');
    expect(last).toBeDefined();
    expect(isValidCreditCode(`${body16}${last}0`)).toBe(true);
  });

  const first17 = fc.array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));

  it('accepts any 17 characters of the charset followed by their computed check', () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(isValidCreditCode(body + computeCreditCodeCheck(body))).toBe(true);
      }),
    );
  });

  it('rejects the code when the check character is changed', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...CHARSET), (body, other) => {
        fc.pre(other !== computeCreditCodeCheck(body));
        expect(creditCodeProblem(body + other)).toBe('checksum');
      }),
    );
  });
});
