import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/evaluate-rules.js';
import type { FormRule } from '../../src/types.js';

const TODAY = { today: '2025-01-01' };
const ageRule: FormRule = {
  id: 'age', kind: 'calculate', field: '/age', value: { ageFromIdNumber: [{ var: 'idNumber' }, { var: '$today' }] },
};
const checkRule: FormRule = {
  id: 'old-enough', kind: 'check', field: '/age', when: { '>=': [{ var: 'age' }, 60] },
  message: { 'zh-CN': '申请人须年满60周岁', en: 'the applicant must be 60 or older' },
};

describe('evaluateRules', () => {
  it('overwrites a client-sent value with the calculated one', () => {
    const result = evaluateRules([ageRule], { idNumber: '11010519491231002X', age: 20 }, TODAY);

    expect(result.data.age).toBe(75);
  });

  it('does not change the input object', () => {
    const input = { idNumber: '11010519491231002X', nested: { a: 1 } };

    evaluateRules([ageRule, { id: 'v', kind: 'visible', field: '/nested/a', when: false }], input, TODAY);

    expect(input).toEqual({ idNumber: '11010519491231002X', nested: { a: 1 } });
  });

  it('removes a calculated field that cannot be computed and lists it as uncomputed', () => {
    const result = evaluateRules([ageRule, checkRule], { idNumber: 'bad', age: 70 }, TODAY);

    expect(result.data).not.toHaveProperty('age');
    expect(result.uncomputed).toEqual(['/age']);
    expect(result.errors).toEqual([]);
  });

  it('drops hidden fields and lists their pointers, seeing calculated values first', () => {
    const rules: FormRule[] = [
      ageRule,
      { id: 'pension', kind: 'visible', field: '/pensionNo', when: { '>=': [{ var: 'age' }, 60] } },
    ];

    const result = evaluateRules(rules, { idNumber: '150102200001014568', pensionNo: 'P1' }, TODAY);

    expect(result.hidden).toEqual(['/pensionNo']);
    expect(result.data).not.toHaveProperty('pensionNo');
  });

  it('reports a failed check at its field in the requested locale', () => {
    const young = { idNumber: '150102200001014568' };

    const zh = evaluateRules([ageRule, checkRule], young, TODAY);
    const en = evaluateRules([ageRule, checkRule], young, { ...TODAY, locale: 'en' });

    expect(zh.errors).toEqual([{ pointer: '/age', code: 'check.old-enough', message: '申请人须年满60周岁' }]);
    expect(en.errors[0].message).toBe('the applicant must be 60 or older');
  });

  it('skips the checks of hidden fields', () => {
    const rules: FormRule[] = [
      { id: 'hide', kind: 'visible', field: '/agent', when: { var: 'byAgent' } },
      { id: 'agent-named', kind: 'check', field: '/agent/name', when: { var: 'agent.name' }, message: { 'zh-CN': '请填写代办人' } },
    ];

    const result = evaluateRules(rules, { byAgent: false }, TODAY);

    expect(result.errors).toEqual([]);
  });

  it('gives rules $today without adding it to the data', () => {
    const rules: FormRule[] = [{ id: 'd', kind: 'calculate', field: '/submittedOn', value: { var: '$today' } }];

    const result = evaluateRules(rules, {}, TODAY);

    expect(result.data).toEqual({ submittedOn: '2025-01-01' });
  });

  it('keeps a client-sent $today so that the schema can reject it', () => {
    const result = evaluateRules([ageRule], { idNumber: '11010519491231002X', $today: '1900-01-01' }, TODAY);

    expect(result.data.$today).toBe('1900-01-01');
    expect(result.data.age).toBe(75);
  });

  it('never writes through __proto__ or constructor pointers', () => {
    const rules = [
      { id: 'p', kind: 'calculate', field: '/__proto__/polluted', value: 'yes' },
      { id: 'c', kind: 'calculate', field: '/constructor/prototype/polluted', value: 'yes' },
    ] as FormRule[];

    evaluateRules(rules, {}, TODAY);

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
