import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '@banshi/forms';
import type { RuleField } from './rule-fields.js';
import {
  conditionFromLogic,
  conditionToLogic,
  describeModel,
  fromLogic,
  isComplete,
  operatorsFor,
  toLogic,
  type Condition,
  type RuleModel,
  type SentenceWords,
} from './rule-model.js';

const fields: RuleField[] = [
  { path: 'residenceType', label: '户籍', type: 'string', options: [{ value: 'hukou', label: '本地户籍' }, { value: 'permit', label: '居住证' }] },
  { path: 'applicant.idNumber', label: '申请人 › 身份证号', type: 'string', format: 'resident-id' },
  { path: 'income', label: '收入', type: 'number' },
  { path: 'disabled', label: '是否残疾', type: 'boolean' },
  { path: 'tags', label: '标签', type: 'array', options: [{ value: 'a', label: 'A' }] },
  { path: 'applicant', label: '申请人', type: 'object' },
  { path: 'birthDate', label: '出生日期', type: 'string', format: 'date' },
  { path: 'note', label: '备注', type: 'string' },
];
const field = (path: string) => fields.find((f) => f.path === path);
const one = (c: Condition): RuleModel => ({ join: 'and', groups: [{ join: 'and', conditions: [c] }] });

const words: SentenceWords = {
  ops: { eq: '等于', ne: '不等于', gt: '大于', gte: '大于等于', lt: '小于', lte: '小于等于', contains: '包含', empty: '为空', notEmpty: '不为空', ageGte: '年满', ageLt: '未满' },
  and: '且',
  or: '或',
  yes: '是',
  no: '否',
  sentence: '当 {condition} 时',
  ageUnit: '周岁',
};

describe('operators', () => {
  it('offers what fits each kind of field', () => {
    expect(operatorsFor(field('income'))).toEqual(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty']);
    expect(operatorsFor(field('residenceType'))).toEqual(['eq', 'ne', 'empty', 'notEmpty']);
    expect(operatorsFor(field('applicant.idNumber'))!.slice(0, 2)).toEqual(['ageGte', 'ageLt']);
    expect(operatorsFor(field('tags'))).toEqual(['contains', 'empty', 'notEmpty']);
    expect(operatorsFor(field('applicant'))).toEqual(['empty', 'notEmpty']);
    expect(operatorsFor(field('birthDate'))).toContain('lt');
    expect(operatorsFor(field('note'))).toContain('contains');
    expect(operatorsFor(undefined)).toEqual(['eq', 'ne', 'empty', 'notEmpty']);
  });

  it('counts a condition complete only with a field and, where it takes one, a value of the right kind', () => {
    expect(isComplete({ field: '', op: 'empty' })).toBe(false);
    expect(isComplete({ field: 'note', op: 'empty' })).toBe(true);
    expect(isComplete({ field: 'note', op: 'eq' })).toBe(false);
    expect(isComplete({ field: 'note', op: 'eq', value: '' })).toBe(false);
    expect(isComplete({ field: 'applicant.idNumber', op: 'ageGte', value: '60' })).toBe(false);
    expect(isComplete({ field: 'applicant.idNumber', op: 'ageGte', value: 60 })).toBe(true);
  });
});

describe('rules to JSON Logic and back', () => {
  it.each<[string, Condition, unknown]>([
    ['equals', { field: 'residenceType', op: 'eq', value: 'permit' }, { '==': [{ var: 'residenceType' }, 'permit'] }],
    ['greater than', { field: 'income', op: 'gt', value: 3000 }, { '>': [{ var: 'income' }, 3000] }],
    ['contains', { field: 'tags', op: 'contains', value: 'a' }, { in: ['a', { var: 'tags' }] }],
    ['aged at least', { field: 'applicant.idNumber', op: 'ageGte', value: 60 }, { '>=': [{ ageFromIdNumber: [{ var: 'applicant.idNumber' }, { var: '$today' }] }, 60] }],
    ['aged under', { field: 'applicant.idNumber', op: 'ageLt', value: 18 }, { '<': [{ ageFromIdNumber: [{ var: 'applicant.idNumber' }, { var: '$today' }] }, 18] }],
    ['an empty text', { field: 'note', op: 'empty' }, { '!': { var: 'note' } }],
    ['a filled text', { field: 'note', op: 'notEmpty' }, { '!!': { var: 'note' } }],
    ['an empty number (0 is a value)', { field: 'income', op: 'empty' }, { '==': [{ var: 'income' }, null] }],
    ['a filled yes/no (false is a value)', { field: 'disabled', op: 'notEmpty' }, { '!=': [{ var: 'disabled' }, null] }],
  ])('writes and reads back %s', (_, condition, logic) => {
    expect(conditionToLogic(condition, fields)).toEqual(logic);
    expect(conditionFromLogic(logic)).toEqual(condition);
    expect(fromLogic(toLogic(one(condition), fields))).toEqual(one(condition));
  });

  it('writes one group as one and/or, several groups nested one level, and reads them back unchanged', () => {
    const model: RuleModel = {
      join: 'or',
      groups: [
        { join: 'and', conditions: [{ field: 'residenceType', op: 'eq', value: 'permit' }, { field: 'income', op: 'lt', value: 2000 }] },
        { join: 'or', conditions: [{ field: 'disabled', op: 'eq', value: true }] },
      ],
    };
    const logic = toLogic(model, fields);

    expect(logic).toEqual({
      or: [
        { and: [{ '==': [{ var: 'residenceType' }, 'permit'] }, { '<': [{ var: 'income' }, 2000] }] },
        { or: [{ '==': [{ var: 'disabled' }, true] }] },
      ],
    });
    expect(fromLogic(logic)).toEqual(model);
  });

  it('leaves incomplete conditions out, and is no rule at all without a complete one', () => {
    const model: RuleModel = { join: 'and', groups: [{ join: 'or', conditions: [{ field: 'note', op: 'eq' }, { field: 'note', op: 'notEmpty' }] }, { join: 'and', conditions: [{ field: '', op: 'eq' }] }] };

    expect(toLogic(model, fields)).toEqual({ '!!': { var: 'note' } });
    expect(toLogic({ join: 'and', groups: [{ join: 'and', conditions: [{ field: 'note', op: 'eq' }] }] }, fields)).toBeUndefined();
    expect(fromLogic(undefined)).toEqual({ join: 'and', groups: [] });
  });

  it('does not read JSON Logic it could not have written', () => {
    for (const logic of [
      { '+': [1, 2] },
      { '==': [{ var: 'a' }, { var: 'b' }] },
      { '==': [{ var: '$today' }, '2025-01-01'] },
      { and: [] },
      { and: [{ '==': [{ var: 'a' }, 1] }, { if: [true, 1, 2] }] },
      { '>': [{ ageFromIdNumber: [{ var: 'id' }, { var: '$today' }] }, 60] },
      { in: [{ var: 'x' }, { var: 'tags' }] },
      'just text',
    ]) {
      expect(fromLogic(logic), JSON.stringify(logic)).toBeUndefined();
    }
  });

  it('writes logic the engine evaluates as the model means', () => {
    const model: RuleModel = {
      join: 'and',
      groups: [
        { join: 'or', conditions: [{ field: 'residenceType', op: 'eq', value: 'permit' }, { field: 'income', op: 'empty' }] },
        { join: 'and', conditions: [{ field: 'applicant.idNumber', op: 'ageGte', value: 60 }] },
      ],
    };
    const logic = toLogic(model, fields) as Parameters<typeof evaluateCondition>[0];
    const holds = (data: Record<string, unknown>) => evaluateCondition(logic, data, { today: '2025-01-01' });
    const senior = { idNumber: '11010519491231002X' };

    expect(holds({ residenceType: 'permit', income: 5000, applicant: senior })).toBe(true);
    expect(holds({ residenceType: 'hukou', income: 0, applicant: senior })).toBe(false);
    expect(holds({ residenceType: 'hukou', applicant: senior })).toBe(true);
    expect(holds({ residenceType: 'permit', applicant: { idNumber: '110105201001010010' } })).toBe(false);
  });
});

describe('the readable sentence', () => {
  it('names fields by label and choices by their labels, bracketing groups of several', () => {
    const model: RuleModel = {
      join: 'or',
      groups: [
        { join: 'and', conditions: [{ field: 'residenceType', op: 'eq', value: 'permit' }, { field: 'applicant.idNumber', op: 'ageGte', value: 60 }] },
        { join: 'and', conditions: [{ field: 'disabled', op: 'eq', value: true }] },
      ],
    };

    expect(describeModel(model, fields, words)).toBe('当 （「户籍」等于 “居住证”且「申请人 › 身份证号」年满 60周岁）或「是否残疾」等于 是 时');
    expect(describeModel({ join: 'and', groups: [] }, fields, words)).toBe('');
  });
});
