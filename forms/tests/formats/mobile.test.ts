import { describe, expect, it } from 'vitest';
import { isValidMobile } from '../../src/formats/mobile.js';

describe('mainland mobile numbers', () => {
  it.each(['13800138000', '15912345678', '19912345678', '16612345678'])('accepts %s', (value) => {
    expect(isValidMobile(value)).toBe(true);
  });

  it.each([
    ['12800138000', 'a second digit 2'],
    ['1380013800', '10 digits'],
    ['138001380001', '12 digits'],
    ['+8613800138000', 'a country code'],
    ['138-0013-8000', 'dashes'],
    ['23800138000', 'a first digit 2'],
    ['', 'an empty string'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidMobile(value)).toBe(false);
  });
});
