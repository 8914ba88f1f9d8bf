import { describe, expect, it } from 'vitest';
import { isValidRegionCode } from '../../src/formats/region-code.js';

describe('GB/T 2260 region codes', () => {
  it.each([
    ['150000', 'Inner Mongolia'],
    ['150102', 'a district of Hohhot from the sample list'],
    ['152921', 'a banner of Alxa League'],
    ['110101', 'a Beijing district not in the sample list'],
    ['820000', 'Macao'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each([
    ['001234', 'province 00'],
    ['990000', 'province 99'],
    ['16000', '5 digits'],
    ['1501021', '7 digits'],
    ['15010A', 'a letter'],
    ['', 'an empty string'],
  ])('rejects %s (%s)', (code) => {
    expect(isValidRegionCode(code)).toBe(false);
  });
});
