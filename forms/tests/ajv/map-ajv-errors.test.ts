import { describe, expect, it } from 'vitest';
import { createValidator } from '../../src/create-validator.js';

const OPTS = { locale: 'zh-CN', today: '2025-01-01' } as const;

describe('mapping ajv errors', () => {
  it('localises keywords without their own message through ajv-i18n, titled from the root schema', () => {
    const validator = createValidator({
      schema: {
        type: 'object',
        properties: { kind: { title: '类型', oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }] } },
        additionalProperties: false,
      },
    });

    const result = validator.validate({ kind: -1 }, OPTS);

    expect(result.errors).toEqual([
      { pointer: '/kind', code: 'minimum', message: '类型：不能小于 0' },
      { pointer: '/kind', code: 'oneOf', message: '类型：只能匹配一个 "oneOf" 中的 schema' },
      { pointer: '/kind', code: 'type', message: '类型：应为文本' },
    ]);
  });

  it('escapes / and ~ in property names of pointers', () => {
    const validator = createValidator({ schema: { type: 'object', additionalProperties: false } });

    const result = validator.validate({ 'a/b~c': 1 }, OPTS);

    expect(result.errors[0].pointer).toBe('/a~1b~0c');
  });

  it('does not repeat an if/then failure that its then-errors already report', () => {
    const validator = createValidator({
      schema: {
        type: 'object',
        properties: { married: { type: 'boolean' }, spouse: { type: 'string', title: '配偶姓名' } },
        if: { properties: { married: { const: true } }, required: ['married'] },
        then: { required: ['spouse'] },
        additionalProperties: false,
      },
    });

    const result = validator.validate({ married: true }, OPTS);

    expect(result.errors).toEqual([{ pointer: '/spouse', code: 'required', message: '配偶姓名：必须填写' }]);
  });
});
