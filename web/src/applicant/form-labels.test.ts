import { describe, expect, it } from 'vitest';
import { fieldTitle, fieldTitlePath, withoutFields } from './form-labels.js';

const schema = {
  type: 'object',
  $defs: { 'a person': { type: 'object', title: '人员', properties: { name: { type: 'string', title: '姓名' } } } },
  properties: {
    applicant: { $ref: '#/$defs/a%20person', title: '申请人' },
    members: { type: 'array', title: '家庭成员', items: { $ref: '#/$defs/a%20person' } },
    applyBy: { type: 'string', title: '申请方式' },
  },
  required: ['applicant', 'applyBy'],
  if: { properties: { applyBy: { const: 'agent' } } },
  then: { properties: { agent: { type: 'string', title: '代理人' } } },
};
const ui = { applicant: { 'ui:options': { labelEn: 'Applicant' }, name: { 'ui:options': { labelEn: 'Name' } } } };

describe('field labels', () => {
  it('names a field by its titles from the root, through references and array items', () => {
    expect(fieldTitlePath(schema, ui, '/applicant/name', 'zh-CN')).toEqual(['申请人', '姓名']);
    expect(fieldTitle(schema, ui, '/members/1/name', 'zh-CN')).toBe('家庭成员 › 第 2 项 › 姓名');
    expect(fieldTitle(schema, ui, '/members/0/name', 'en')).toBe('家庭成员 › item 1 › 姓名');
    expect(fieldTitle(schema, ui, '/applicant/name', 'en')).toBe('Applicant › Name');
  });

  it('keeps unknown parts as they are, and the pointer when there is no schema', () => {
    expect(fieldTitlePath(schema, ui, '/applicant/age', 'zh-CN')).toEqual(['申请人', 'age']);
    expect(fieldTitle(undefined, ui, '/applicant/name', 'zh-CN')).toBe('/applicant/name');
  });

  it('names a field declared under a condition (then) by its title', () => {
    // Not only `properties`: a field the schema declares anywhere is named by its title, not its key.
    expect(fieldTitle(schema, ui, '/agent', 'zh-CN')).toBe('代理人');
  });

  it('drops hidden fields and their required entries from a copy, leaving the schema as it was', () => {
    const hidden = withoutFields(schema, ['/applyBy']);

    expect(hidden.properties).not.toHaveProperty('applyBy');
    expect(hidden.required).toEqual(['applicant']);
    expect(schema.properties).toHaveProperty('applyBy');
    expect(withoutFields(schema, [])).toBe(schema);
  });
});
