import { describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import type { FormDefinition } from '@banshi/schemas';
import { fieldsOfForm } from './rule-fields.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

describe('fieldsOfForm', () => {
  it('lists the senior card fields by their var paths, parents first, with labels and formats', () => {
    const fields = fieldsOfForm(senior.form as FormDefinition, 'zh-CN', senior.ui as Record<string, unknown>);
    const id = fields.find((f) => f.path === 'applicant.idNumber');

    expect(id).toMatchObject({ path: 'applicant.idNumber', label: '申请人信息 › 公民身份号码', type: 'string', format: 'resident-id' });
    expect(fields.findIndex((f) => f.path === 'applicant')).toBeLessThan(fields.indexOf(id!));
  });

  it('orders by ui:order, gives choices, and lists a repeating group but not its columns', () => {
    const form = {
      schema: {
        type: 'object',
        properties: {
          b: { type: 'string', title: 'B', oneOf: [{ const: 'x', title: '叉' }] },
          a: { type: 'array', title: 'A', items: { type: 'object', properties: { c: { type: 'string' } } } },
          m: { type: 'array', title: 'M', items: { type: 'string', enum: ['p', 'q'] } },
        },
      },
    } as unknown as FormDefinition;
    const fields = fieldsOfForm(form, 'en', { 'ui:order': ['m', 'a'], b: { 'ui:options': { labelEn: 'Bee', enumLabelsEn: { x: 'Ex' } } } });

    expect(fields.map((f) => [f.path, f.label, f.type])).toEqual([
      ['m', 'M', 'array'],
      ['a', 'A', 'array'],
      ['b', 'Bee', 'string'],
    ]);
    expect(fields[2]!.options).toEqual([{ value: 'x', label: 'Ex' }]);
    expect(fields[0]!.options).toEqual([{ value: 'p', label: 'p' }, { value: 'q', label: 'q' }]);
  });

  it('reads a field through its $ref: its type, its title and the fields inside it', () => {
    const form = {
      schema: {
        type: 'object',
        definitions: { person: { type: 'object', title: '人员', properties: { age: { type: 'integer', title: '年龄' } } } },
        properties: { applicant: { $ref: '#/definitions/person', title: '申请人' } },
      },
    } as unknown as FormDefinition;

    // Not a string field named by its key: the referenced object, with the fields inside it.
    expect(fieldsOfForm(form, 'zh-CN')).toEqual([
      { path: 'applicant', label: '申请人', type: 'object' },
      { path: 'applicant.age', label: '申请人 › 年龄', type: 'integer' },
    ]);
  });
});
