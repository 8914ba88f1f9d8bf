import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/domain/errors.js';
import { checkBody, checkQuery } from '../../src/http/request-checks.js';

describe('checkQuery', () => {
  it('reads integer parameters as numbers, drops empty ones and keeps text as it is', () => {
    expect(checkQuery('CatalogQuery', { limit: '20', cursor: '', q: '老年' }, 'zh-CN')).toEqual({ limit: 20, q: '老年' });
  });

  it('ignores parameters the schema does not name', () => {
    expect(checkQuery('PageQuery', { limit: '5', utm_source: 'mail' }, 'zh-CN')).toEqual({ limit: 5, utm_source: 'mail' });
  });

  it.each([
    ['a limit that is not a number', { limit: 'ten' }, '/limit'],
    ['a limit below 1', { limit: '0' }, '/limit'],
    ['a malformed applicant id', { for: '../x' }, '/for'],
  ])('refuses %s with a 400 at the parameter', (_label, query, pointer) => {
    const schema = pointer === '/for' ? 'DraftQuery' : 'PageQuery';
    let thrown: unknown;
    try {
      checkQuery(schema, query, 'zh-CN');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as BadRequestError).message).toBe('请求参数有误');
    expect((thrown as BadRequestError).errors.map((e) => e.pointer)).toEqual([pointer]);
  });
});

describe('checkBody', () => {
  it('passes a body its schema accepts and refuses one with an unknown field, in the caller’s language', () => {
    expect(checkBody('SignIn', { userId: 'u-zhangsan' }, 'en')).toEqual({ userId: 'u-zhangsan' });
    expect(() => checkBody('SignIn', { userId: 'u-zhangsan', admin: true }, 'en')).toThrow('the request body is not valid');
  });
});
