import { describe, expect, it } from 'vitest';
import { evaluateLogic } from '@banshi/forms';
import { calcFromLogic, calcToLogic, type Calc } from './calc-model.js';

describe('calculated values', () => {
  it.each<[string, Calc, unknown]>([
    ['age', { kind: 'age', source: 'applicant.idNumber' }, { ageFromIdNumber: [{ var: 'applicant.idNumber' }, { var: '$today' }] }],
    ['birth date', { kind: 'birthDate', source: 'idNumber' }, { birthDateFromIdNumber: [{ var: 'idNumber' }] }],
    ['arithmetic', { kind: 'arithmetic', op: '*', left: { field: 'area' }, right: { number: 2.5 } }, { '*': [{ var: 'area' }, 2.5] }],
    ['a conditional', { kind: 'conditional', when: { '>': [{ var: 'age' }, 80] }, then: 300, else: 100 }, { if: [{ '>': [{ var: 'age' }, 80] }, 300, 100] }],
  ])('writes and reads back %s', (_, calc, logic) => {
    expect(calcToLogic(calc)).toEqual(logic);
    expect(calcFromLogic(logic)).toEqual(calc);
  });

  it('writes nothing while a calculation is not filled in', () => {
    expect(calcToLogic({ kind: 'age' })).toBeUndefined();
    expect(calcToLogic({ kind: 'arithmetic', op: '+', left: { number: 1 } })).toBeUndefined();
    expect(calcToLogic({ kind: 'conditional', when: true, then: 1 })).toBeUndefined();
  });

  it('does not read JSON Logic of another shape', () => {
    for (const logic of [
      { ageFromIdNumber: [{ var: 'id' }, '2025-01-01'] },
      { '+': [{ var: 'a' }, { var: 'b' }, 1] },
      { '%': [{ var: 'a' }, 2] },
      { '+': [{ var: '$today' }, 1] },
      { if: [true, { var: 'a' }, 1] },
      { var: 'a' },
      42,
    ]) {
      expect(calcFromLogic(logic), JSON.stringify(logic)).toBeUndefined();
    }
  });

  it('writes logic the engine computes as meant', () => {
    const today = '2025-01-01';
    const age = calcToLogic({ kind: 'age', source: 'id' });
    const total = calcToLogic({ kind: 'arithmetic', op: '+', left: { field: 'a' }, right: { number: 10 } });

    expect(evaluateLogic(age, { id: '11010519491231002X', $today: today })).toBe(75);
    expect(evaluateLogic(total, { a: 5 })).toBe(15);
  });
});
