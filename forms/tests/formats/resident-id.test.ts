import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateFromResidentId,
  computeResidentIdCheck,
  isValidResidentId,
  residentIdProblem,
} from '../../src/formats/resident-id.js';

const TODAY = '2025-06-30';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('computes the well-known sample check character X', () => {
    expect(computeResidentIdCheck('11010519491231002')).toBe('X');
  });

  it.each([
    ['11010519491231002X', 'the national standard sample'],
    ['150102195602291233', 'a 29 February birth in a leap year'],
    ['150102200001014568', 'a birth in 2000'],
    ['440304199909090015', 'a Shenzhen number'],
    ['810000198001010014', 'a Hong Kong residence permit'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidResidentId(id, TODAY)).toBe(true);
  });

  it.each([
    ['110105194912310021', 'checksum', 'a wrong check character'],
    ['11010519491231002x', 'shape', 'a lowercase x'],
    ['11010519491231002', 'shape', '17 characters'],
    ['11010519491231002X1', 'shape', '19 characters'],
    ['1101051949123100AX', 'shape', 'a letter in the body'],
    [' 11010519491231002X', 'shape', 'a leading space'],
    ['', 'shape', 'an empty string'],
    ['00010519491231002X', 'region', 'province 00'],
    ['99010519491231002X', 'region', 'province 99'],
    ['150102195702291230', 'birth-date', '29 February in a common year'],
    ['150102199913011230', 'birth-date', 'month 13'],
    ['150102180001011230', 'birth-date', 'a birth before 1850'],
    ['150102203001011230', 'birth-date', 'a birth in the future'],
  ])('rejects %s as %s (%s)', (id, problem) => {
    expect(residentIdProblem(id, TODAY)).toBe(problem);
    expect(isValidResidentId(id, TODAY)).toBe(false);
  });

  it('reads the birth date of a valid number and null for an invalid one', () => {
    expect(birthDateFromResidentId('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromResidentId('110105194912310021')).toBeNull();
  });

  it('rejects a first17 that is not 17 digits when computing the check', () => {
    expect(() => computeResidentIdCheck('1101051949123100')).toThrow(RangeError);
  });

  const validFirst17 = fc
    .record({
      region: fc.constantFrom('11', '15', '31', '44', '65', '82'),
      rest: fc.stringMatching(/^\d{4}$/),
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true }),
      seq: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ region, rest, date, seq }) => `${region}${rest}${date.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`);

  it('accepts any 17 digits with a valid region and birth date followed by their computed check', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        expect(isValidResidentId(first17 + computeResidentIdCheck(first17), TODAY)).toBe(true);
      }),
    );
  });

  it('rejects the same number as a checksum problem when the check character is changed', () => {
    fc.assert(
      fc.property(validFirst17, fc.constantFrom(...'0123456789X'), (first17, other) => {
        fc.pre(other !== computeResidentIdCheck(first17));
        expect(residentIdProblem(first17 + other, TODAY)).toBe('checksum');
      }),
    );
  });
});
