import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/rules/evaluate-condition.js';

const TODAY = { today: '2025-01-01' };

describe('evaluateCondition', () => {
  it.each([
    [{ '>': [{ var: 'area' }, 1000] }, { area: 1200 }, true],
    [{ '>': [{ var: 'area' }, 1000] }, { area: 800 }, false],
    [{ '>=': [{ ageFromIdNumber: [{ var: 'applicant.idNumber' }, { var: '$today' }] }, 60] }, { applicant: { idNumber: '11010519491231002X' } }, true],
    [{ var: 'tags' }, { tags: [] }, false],
  ])('evaluates %j on %j as %s', (rule, data, holds) => {
    expect(evaluateCondition(rule, data, TODAY)).toBe(holds);
  });

  it('treats a condition that throws as not holding', () => {
    expect(evaluateCondition({ noSuchOperation: [1] }, {}, TODAY)).toBe(false);
  });

  it('does not add $today to the data it is given', () => {
    const data = { a: 1 };

    evaluateCondition({ var: '$today' }, data, TODAY);

    expect(data).toEqual({ a: 1 });
  });
});
