import { describe, expect, it } from 'vitest';
import { checkLogic } from '../../src/rules/check-logic.js';

describe('checkLogic', () => {
  it('accepts standard and Banshi operations', () => {
    const rule = { and: [{ '>=': [{ ageFromIdNumber: [{ var: 'id' }, { var: '$today' }] }, 60] }, { in: ['a', { var: 'tags' }] }] };

    expect(checkLogic(rule)).toEqual([]);
  });

  it.each([
    [{ log: { var: 'idNumber' } }, 'unknown operation "log"'],
    [{ eval: 'x' }, 'unknown operation "eval"'],
    [{ var: '__proto__.polluted' }, 'forbidden variable path "__proto__.polluted"'],
    [{ missing: ['a', 'constructor'] }, 'forbidden variable path "constructor"'],
  ])('reports %j', (rule, problem) => {
    expect(checkLogic(rule)).toEqual([problem]);
  });

  it('does not overflow the stack on a deeply nested rule', () => {
    let rule: unknown = { var: 'a' };
    for (let i = 0; i < 100_000; i += 1) rule = { '!': [rule] };

    expect(checkLogic(rule)).toEqual([]);
  });
});
