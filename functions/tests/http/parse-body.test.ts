import { afterEach, describe, expect, it } from 'vitest';
import { BadRequestError, ValidationError } from '../../src/domain/errors.js';
import { PayloadTooLargeError, RequestBodyError, UnsupportedMediaTypeError } from '../../src/http/errors.js';
import { MAX_JSON_DEPTH, parseJsonBody } from '../../src/http/parse-body.js';

const json = { 'content-type': 'application/json' };

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestBodyError) return error.reason;
    if (error instanceof PayloadTooLargeError) return 'too-large';
    if (error instanceof UnsupportedMediaTypeError) return 'media-type';
    throw error;
  }
  return 'accepted';
}

afterEach(() => {
  // Nothing must ever leak onto the shared prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('parseJsonBody', () => {
  it('returns the parsed object of a well-formed body', () => {
    const body = parseJsonBody({ body: '{"name":"张三","items":[1,2]}', headers: json });

    expect(body).toEqual({ name: '张三', items: [1, 2] });
  });

  it('decodes base64 bodies and strips a byte-order mark', () => {
    const encoded = Buffer.from('\uFEFF{"a":"办事"}', 'utf8').toString('base64');

    expect(parseJsonBody({ body: encoded, isBase64Encoded: true, headers: json })).toEqual({ a: '办事' });
  });

  it.each([
    ['no content type', {}],
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form data', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON in another charset', { 'content-type': 'application/json; charset=gbk' }],
  ])('rejects a body with %s as unsupported media', (_, headers) => {
    expect(reasonOf(() => parseJsonBody({ body: '{}', headers }))).toBe('media-type');
  });

  it('accepts the content type in any case and with a utf-8 charset', () => {
    expect(parseJsonBody({ body: '{}', headers: { 'Content-Type': 'Application/JSON; charset="UTF-8"' } })).toEqual({});
  });

  it.each([
    ['a 300 KB body', { body: `{"a":"${'x'.repeat(300 * 1024)}"}`, headers: json }],
    ['a 300 KB body of multi-byte characters', { body: `{"a":"${'办'.repeat(100 * 1024)}"}`, headers: json }],
    [
      'a 300 KB base64 body',
      { body: Buffer.alloc(300 * 1024, 0x20).toString('base64'), isBase64Encoded: true, headers: json },
    ],
  ])('rejects %s as too large', (_, event) => {
    expect(reasonOf(() => parseJsonBody(event))).toBe('too-large');
  });

  it.each([
    ['malformed JSON', '{"a":', 'malformed-json'],
    ['a trailing comma', '{"a":1,}', 'malformed-json'],
    ['two documents', '{} {}', 'malformed-json'],
    ['an empty body', '', 'empty-body'],
    ['only whitespace', '   \n', 'empty-body'],
    ['1,000-deep arrays', `${'['.repeat(1000)}${']'.repeat(1000)}`, 'too-deep'],
    ['1,000-deep objects', `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`, 'too-deep'],
    ['200,000 open brackets', '['.repeat(200_000), 'too-deep'],
    ['a __proto__ key', '{"__proto__":{"polluted":true}}', 'forbidden-key'],
    ['an escaped __proto__ key', '{"\\u005f_proto__":{"polluted":true}}', 'forbidden-key'],
    ['a nested constructor key', '{"a":[{"b":{"constructor":{"prototype":{"polluted":true}}}}]}', 'forbidden-key'],
    ['a prototype key', '{"prototype":1}', 'forbidden-key'],
  ])('rejects %s as a bad request', (_, body, reason) => {
    expect(reasonOf(() => parseJsonBody({ body, headers: json }))).toBe(reason);
  });

  it('accepts nesting up to the limit, and brackets inside strings do not count', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH)}"[[[[{{{{\\"]]]"${']'.repeat(MAX_JSON_DEPTH)}`;

    expect(() => parseJsonBody({ body: deep, headers: json })).not.toThrow();
  });

  it('rejects invalid UTF-8 in a base64 body', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]).toString('base64');

    expect(reasonOf(() => parseJsonBody({ body: bytes, isBase64Encoded: true, headers: json }))).toBe('invalid-utf8');
  });

  it('points at the forbidden key and does not echo the body', () => {
    try {
      parseJsonBody({ body: '{"applicant":{"idNumber":"11010119900307457X","constructor":1}}', headers: json });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      const { errors, localizedDetail } = error as RequestBodyError;
      expect(errors[0].pointer).toBe('/applicant/constructor');
      expect(localizedDetail['zh-CN']).toMatch(/constructor/);
      expect(JSON.stringify(error)).not.toContain('11010119900307457X');
    }
  });

  it('leaves Object.prototype untouched when a __proto__ body is rejected', () => {
    reasonOf(() => parseJsonBody({ body: '{"__proto__":{"polluted":"yes"}}', headers: json }));

    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    ['1e308', '1e308'],
    ['2^53 + 1, which JSON.parse rounds', '9007199254740993'],
    ['1e126, beyond DynamoDB', '1e126'],
    ['1e-200, below DynamoDB', '1e-200'],
    ['1e400, which JSON.parse makes Infinity', '1e400'],
    ['a negative 1e200', '-1e200'],
  ])('refuses %s with a 422 field error at the number', (_name, text) => {
    try {
      parseJsonBody({ body: `{"data":{"money":[1,${text}]},"ok":12345.67}`, headers: json }, { locale: 'en' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([
        { pointer: '/data/money/1', code: 'number-range', message: expect.stringContaining('outside the range that can be stored') },
      ]);
    }
  });

  it('names every number out of range, in Chinese by default', () => {
    try {
      parseJsonBody({ body: '{"a":1e300,"b":{"c":1e-300}}', headers: json });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).errors.map((e) => e.pointer)).toEqual(['/a', '/b/c']);
      expect((error as ValidationError).errors[0].message).toMatch(/超出可保存的范围/);
    }
  });

  it.each([['9007199254740991'], ['-9007199254740991'], ['1e-130'], ['0'], ['-0.0'], ['99999999999999.99']])('accepts %s', (text) => {
    expect(parseJsonBody({ body: `{"n":${text}}`, headers: json })).toEqual({ n: Number(text) });
  });
});
