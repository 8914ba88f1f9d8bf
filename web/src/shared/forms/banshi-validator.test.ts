/**
 * The browser's rjsf validator without a browser: the branch rjsf shows for an `if` or a `oneOf`
 * depends on `isValid`, which must resolve `#/definitions/…` as well as `#/$defs/…`.
 */
import { retrieveSchema, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { createBanshiValidator } from './banshi-validator.js';

const OPTIONS = { locale: 'zh-CN', today: '2026-03-02' } as const;

/** A form whose condition lives under `definitions` (draft-07 style) or `$defs` (2020-12). */
function conditionalForm(keyword: 'definitions' | '$defs'): RJSFSchema {
  return {
    type: 'object',
    [keyword]: {
      byAgent: { properties: { applyBy: { const: 'agent' } }, required: ['applyBy'] },
      agent: { type: 'object', title: '代办人', properties: { name: { type: 'string', title: '代办人姓名' } }, required: ['name'] },
    },
    properties: {
      applyBy: { type: 'string', title: '申请方式', enum: ['self', 'agent'] },
    },
    required: ['applyBy'],
    if: { $ref: `#/${keyword}/byAgent` },
    then: { properties: { agent: { $ref: `#/${keyword}/agent` } }, required: ['agent'] },
  } as RJSFSchema;
}

/** A form whose `oneOf` branches refer to definitions. */
function oneOfForm(keyword: 'definitions' | '$defs'): RJSFSchema {
  return {
    type: 'object',
    [keyword]: {
      person: { type: 'object', properties: { kind: { const: 'person' }, idNumber: { type: 'string', title: '身份证号码' } }, required: ['kind'] },
      company: { type: 'object', properties: { kind: { const: 'company' }, creditCode: { type: 'string', title: '统一社会信用代码' } }, required: ['kind'] },
    },
    properties: { subject: { oneOf: [{ $ref: `#/${keyword}/person` }, { $ref: `#/${keyword}/company` }] } },
  } as RJSFSchema;
}

describe.each(['definitions', '$defs'] as const)('createBanshiValidator with %s', (keyword) => {
  it('matches an `if` that refers to a definition, both ways', () => {
    const schema = conditionalForm(keyword);
    const validator = createBanshiValidator(schema, OPTIONS);

    expect(validator.isValid({ $ref: `#/${keyword}/byAgent` } as RJSFSchema, { applyBy: 'agent' }, schema)).toBe(true);
    expect(validator.isValid({ $ref: `#/${keyword}/byAgent` } as RJSFSchema, { applyBy: 'self' }, schema)).toBe(false);
  });

  it('shows the branch the data is in: the agent section only when applying by agent', () => {
    const schema = conditionalForm(keyword);
    const validator = createBanshiValidator(schema, OPTIONS);

    const byAgent = retrieveSchema(validator, schema, schema, { applyBy: 'agent' });
    const bySelf = retrieveSchema(validator, schema, schema, { applyBy: 'self' });

    expect(Object.keys(byAgent.properties ?? {})).toEqual(['applyBy', 'agent']);
    expect(Object.keys(bySelf.properties ?? {})).toEqual(['applyBy']);
  });

  it('asks only for fields that are on the page', () => {
    const schema = conditionalForm(keyword);
    const validator = createBanshiValidator(schema, OPTIONS);

    const bySelf = validator.validateFormData({ applyBy: 'self' }, schema);
    const byAgent = validator.validateFormData({ applyBy: 'agent' }, schema);

    expect(bySelf.errors).toEqual([]);
    expect(byAgent.errors.map((e) => e.property)).toEqual(['.agent']);
  });

  it('picks the oneOf branch whose definition the data matches', () => {
    const schema = oneOfForm(keyword);
    const validator = createBanshiValidator(schema, OPTIONS);
    const [person, company] = (schema.properties!.subject as RJSFSchema).oneOf as RJSFSchema[];

    expect(validator.isValid(company, { kind: 'company' }, schema)).toBe(true);
    expect(validator.isValid(person, { kind: 'company' }, schema)).toBe(false);
  });
});

describe('createBanshiValidator sub-schemas', () => {
  it('lets a sub-schema keep its own definitions over the root ones of the same name', () => {
    const schema = conditionalForm('definitions');
    const validator = createBanshiValidator(schema, OPTIONS);
    const sub = { definitions: { byAgent: { const: 42 } }, $ref: '#/definitions/byAgent' } as RJSFSchema;

    expect(validator.isValid(sub, 42, schema)).toBe(true);
  });

  it('checks a sub-schema with a $id more than once (the id never stays behind in the shared ajv)', () => {
    const schema = conditionalForm('$defs');
    const validator = createBanshiValidator(schema, OPTIONS);
    const first = { $id: 'https://banshi.test/sub', type: 'string' } as RJSFSchema;
    const second = { $id: 'https://banshi.test/sub', type: 'number' } as RJSFSchema;

    expect(validator.isValid(first, 'x', schema)).toBe(true);
    expect(validator.isValid(second, 1, schema)).toBe(true);
  });
});
