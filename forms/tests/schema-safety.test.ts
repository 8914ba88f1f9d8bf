/**
 * Forms that used to make the server answer 500: numbers beyond what can be stored, `$id`s that
 * outlive their compilation in the shared ajv, schemas that recurse without end, and `multipleOf`
 * quotients that are not finite.
 */
import { describe, expect, it } from 'vitest';
import { sharedAjv } from '../src/ajv/shared-ajv.js';
import { findInPlaceCycle } from '../src/ajv/schema-cycles.js';
import { createValidator } from '../src/create-validator.js';
import { FormDefinitionError } from '../src/errors.js';
import { fileNameProblem } from '../src/formats/file-name.js';
import { numberProblem, unstorableNumbers } from '../src/formats/storable-number.js';
import { getValidator } from '../src/get-validator.js';

const ZH = { locale: 'zh-CN', today: '2025-01-01' } as const;
const EN = { locale: 'en', today: '2025-01-01' } as const;

const moneyForm = {
  schema: {
    type: 'object',
    properties: {
      amount: { type: 'number', title: '金额', minimum: 0, multipleOf: 0.01 },
      count: { type: 'number', title: '数量' },
      items: { type: 'array', items: { type: 'object', properties: { price: { type: 'number' } } } },
    },
    additionalProperties: false,
  },
};

describe('numbers beyond what can be stored', () => {
  it.each([
    [1e308, 'too-large'],
    [Number('9007199254740993'), 'too-large'],
    [-1e126, 'too-large'],
    [1e-200, 'too-small'],
    [Number.POSITIVE_INFINITY, 'not-finite'],
    [Number.NaN, 'not-finite'],
  ])('classifies %s as %s', (value, problem) => {
    expect(numberProblem(value)).toBe(problem);
  });

  it.each([[0], [-0], [12345.67], [Number.MAX_SAFE_INTEGER], [-Number.MAX_SAFE_INTEGER], [1e-130], [1e-100]])('keeps %s', (value) => {
    expect(numberProblem(value)).toBeNull();
  });

  it('finds every unstorable number by its pointer, in document order', () => {
    expect(unstorableNumbers({ a: 1, 'b/c': [2, 1e300], d: { e: 1e-200 } })).toEqual([
      { pointer: '/b~1c/1', problem: 'too-large' },
      { pointer: '/d/e', problem: 'too-small' },
    ]);
  });

  it.each([[1e308], [Number('9007199254740993')], [1e126], [1e-200]])('refuses %s in a number field at its pointer, with its title', (count) => {
    const result = createValidator(moneyForm).validate({ count }, ZH);

    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual({ pointer: '/count', code: 'number-range', message: expect.stringMatching(/^数量：数值超出可保存的范围/) });
  });

  it('refuses a number nested in an array item, in English', () => {
    const result = createValidator(moneyForm).validate({ items: [{ price: 1 }, { price: 1e200 }] }, EN);

    expect(result.errors).toEqual([{ pointer: '/items/1/price', code: 'number-range', message: expect.stringContaining('outside the range that can be stored') }]);
  });

  it('refuses a calculated value that cannot be stored', () => {
    const form = {
      schema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number', title: '乘积' } } },
      rules: [{ id: 'b', kind: 'calculate' as const, field: '/b', value: { '*': [{ var: 'a' }, { var: 'a' }] } }],
    };

    const result = createValidator(form).validate({ a: 1e10 }, ZH);

    expect(result.errors.map((e) => [e.pointer, e.code])).toEqual([['/b', 'number-range']]);
  });
});

describe('multipleOf with a precision tolerance', () => {
  const validate = (amount: number) => createValidator(moneyForm).validate({ amount }, ZH);

  it('refuses 1e308 for multipleOf 0.01 (the quotient is not finite)', () => {
    expect(validate(1e308).errors.map((e) => e.code)).toContain('multipleOf');
  });

  it('refuses a quotient that is not finite for a tiny step', () => {
    const form = { schema: { type: 'object', properties: { v: { type: 'number', multipleOf: 1e-300 } } } };

    expect(createValidator(form).validate({ v: 1e10 }, ZH).errors.map((e) => e.code)).toEqual(['multipleOf']);
  });

  it.each([[12345.67], [0.3], [0.1 + 0.2], [90_000_000_000_000.02], [1e15], [0]])('still accepts %s', (amount) => {
    expect(validate(amount)).toMatchObject({ valid: true, errors: [] });
  });

  it('still refuses three decimals', () => {
    expect(validate(1234.567).errors).toEqual([{ pointer: '/amount', code: 'multipleOf', message: '金额：最多保留 2 位小数' }]);
  });
});

describe('$id of one form never reaches another', () => {
  const withRootId = (id: string, type: string) => ({ schema: { $id: id, type: 'object', properties: { v: { type } } } });
  const withNestedId = (id: string, type: string) => ({ schema: { type: 'object', properties: { v: { $id: id, type } } } });

  it('compiles a form whose root $id another form used as a nested $id', () => {
    createValidator(withNestedId('https://banshi.test/forms/shared', 'string'));

    const second = createValidator(withRootId('https://banshi.test/forms/shared', 'number'));

    expect(second.validate({ v: 1 }, ZH).valid).toBe(true);
  });

  it('compiles two published forms with the same root $id on the first try', () => {
    const a = getValidator('id-leak-a@1', withRootId('https://banshi.test/forms/same', 'string'));
    const b = getValidator('id-leak-b@1', withRootId('https://banshi.test/forms/same', 'number'));

    expect(a.validate({ v: 'x' }, ZH).valid).toBe(true);
    expect(b.validate({ v: 1 }, ZH).valid).toBe(true);
    expect(b.validate({ v: 'x' }, ZH).valid).toBe(false);
  });

  it('leaves the shared ajv with the ids it had, after a success and after a failure', () => {
    const ajv = sharedAjv();
    const before = [Object.keys(ajv.refs).sort(), Object.keys(ajv.schemas).sort()];

    createValidator({ schema: { $id: 'https://banshi.test/forms/ok', type: 'object', $defs: { n: { $id: 'https://banshi.test/forms/n', type: 'number' } }, properties: { v: { $ref: 'https://banshi.test/forms/n' } } } });
    expect(() => createValidator({ schema: { $id: 'https://banshi.test/forms/bad', type: 'object', properties: { v: { $id: 'https://banshi.test/forms/bad-v', $ref: '#/$defs/missing' } } } })).toThrow(FormDefinitionError);

    expect([Object.keys(ajv.refs).sort(), Object.keys(ajv.schemas).sort()]).toEqual(before);
  });
});

describe('schemas that would recurse without end', () => {
  const refuses = (schema: object) => {
    let error: unknown;
    try {
      createValidator({ schema });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormDefinitionError);
    return (error as FormDefinitionError).problems.join('\n');
  };

  it.each([
    ['a $ref to itself', { type: 'object', $defs: { a: { $ref: '#/$defs/a' } }, properties: { n: { $ref: '#/$defs/a' } } }, '/$defs/a'],
    ['two $refs to each other', { type: 'object', $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, properties: { n: { $ref: '#/$defs/a' } } }, '/$defs/'],
    ['a recursive $dynamicRef', { type: 'object', $defs: { a: { $dynamicAnchor: 'a', $dynamicRef: '#a' } }, properties: { n: { $ref: '#/$defs/a' } } }, '/$defs/a'],
    ['an allOf that contains itself', { type: 'object', $defs: { a: { allOf: [{ $ref: '#/$defs/a' }] } }, properties: { n: { $ref: '#/$defs/a' } } }, '/$defs/a'],
    ['a root that refers to itself in place', { type: 'object', anyOf: [{ $ref: '#' }] }, ''],
    ['a cycle through if/then and definitions', { type: 'object', definitions: { a: { if: { type: 'string' }, then: { $ref: '#/definitions/a' } } }, properties: { n: { $ref: '#/definitions/a' } } }, '/definitions/a'],
    ['a cycle through an $anchor', { type: 'object', $defs: { a: { $anchor: 'self', not: { $ref: '#self' } } }, properties: { n: { $ref: '#self' } } }, '/$defs/a'],
  ])('refuses %s with a clear message that names where', (_name, schema, pointer) => {
    const message = refuses(schema);

    expect(message).toContain(`schema${pointer}`);
    expect(message).toContain('引用自身');
    expect(message).toContain('refers to itself');
  });

  it.each([
    ['a tree whose children are trees', { type: 'object', properties: { children: { type: 'array', items: { $ref: '#' } } } }],
    ['a $ref chain without a cycle', { type: 'object', $defs: { a: { $ref: '#/$defs/b' }, b: { type: 'string' } }, properties: { n: { $ref: '#/$defs/a' } } }],
    ['a $dynamicRef that reads a property each turn', { $id: 'https://banshi.test/tree', $dynamicAnchor: 'node', type: 'object', properties: { child: { $dynamicRef: '#node' } } }],
  ])('accepts %s', (_name, schema) => {
    expect(findInPlaceCycle(schema)).toBeNull();
    const validator = createValidator({ schema });
    expect(validator.validate({}, ZH).valid).toBe(true);
  });
});

describe('attachment names that disguise themselves', () => {
  const form = {
    schema: {
      type: 'object',
      properties: {
        files: {
          type: 'array',
          title: '身份证明',
          'x-attachment': { accept: ['application/pdf'] },
          items: { type: 'object', properties: { blobId: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer' }, contentType: { type: 'string' } } },
        },
      },
    },
  };
  const withName = (name: string) => ({ files: [{ blobId: 'b-1', name, size: 10, contentType: 'application/pdf' }] });

  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'bidi'],
    ['a left-to-right isolate', 'a\u2066b.pdf', 'bidi'],
    ['a right-to-left mark', 'a\u200Fb.pdf', 'bidi'],
    ['an Arabic letter mark', 'a\u061Cb.pdf', 'bidi'],
    ['a zero-width space', '身份证\u200B.pdf', 'invisible'],
    ['a zero-width joiner', 'a\u200Db.pdf', 'invisible'],
    ['a word joiner', 'a\u2060b.pdf', 'invisible'],
    ['a byte order mark', '\uFEFFa.pdf', 'invisible'],
    ['a control character', 'a\u0007b.pdf', 'control'],
    ['a C1 control character', 'a\u0085b.pdf', 'control'],
    ['a lone high surrogate', 'a\uD83Db.pdf', 'lone-surrogate'],
    ['a lone low surrogate', 'a\uDE00b.pdf', 'lone-surrogate'],
  ])('refuses %s in an attachment name, without repeating the name', (_name, name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);

    const result = createValidator(form).validate(withName(name), ZH);

    expect(result.errors).toEqual([
      { pointer: '/files/0', code: 'x-attachment.name', message: '身份证明：文件名含有不可见字符或改变文字方向的字符，请重命名文件后重新上传' },
    ]);
  });

  it.each([['身份证正面.pdf'], ['scan (1).pdf'], ['😀 photo.pdf'], ['ᠮᠣᠩᠭᠣᠯ.pdf']])('accepts %s', (name) => {
    expect(fileNameProblem(name)).toBeNull();
    expect(createValidator(form).validate(withName(name), ZH).valid).toBe(true);
  });
});
