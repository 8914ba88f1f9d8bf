import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { ageFromIdNumber, birthDateFromIdNumber, registerOperations } from '../../src/rules/register-operations.js';

describe('custom JSON Logic operations', () => {
  it.each([
    ['11010519491231002X', '2024-12-30', 74, 'the day before the birthday'],
    ['11010519491231002X', '2024-12-31', 75, 'on the birthday'],
    ['150102195602291233', '2025-02-28', 68, 'a 29 February birth on 28 February of a common year'],
    ['150102195602291233', '2025-03-01', 69, 'a 29 February birth on 1 March of a common year'],
  ])('computes the age of %s on %s as %i (%s)', (id, date, age) => {
    expect(ageFromIdNumber(id, date)).toBe(age);
  });

  it.each([
    ['110105194912310021', '2025-01-01', 'an invalid check character'],
    ['11010519491231002X', '2025-13-01', 'an invalid date'],
    ['11010519491231002X', '1949-12-30', 'a date before the birth'],
    [42, '2025-01-01', 'a number instead of a string'],
  ])('returns null for %s on %s (%s)', (id, date, _why) => {
    expect(ageFromIdNumber(id, date)).toBeNull();
  });

  it('reads the birth date from the number', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateFromIdNumber(null)).toBeNull();
  });

  it('registers the operations in json-logic-js and tolerates registering twice', () => {
    registerOperations();
    registerOperations();

    const age = jsonLogic.apply({ ageFromIdNumber: [{ var: 'id' }, { var: 'd' }] } as never, { id: '11010519491231002X', d: '2025-01-01' });

    expect(age).toBe(75);
  });
});
