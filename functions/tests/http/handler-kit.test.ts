import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/errors.js';
import { authorize } from '../../src/domain/permissions/policy.js';
import { signToken } from '../../src/http/auth.js';
import { httpHandler } from '../../src/http/handler-kit.js';
import { createLogger } from '../../src/http/logger.js';
import { context, makeEvent } from './make-event.js';

const silent = createLogger({ level: 'silent' });

const echo = httpHandler({ auth: 'none', body: 'json', logger: silent }, async ({ body, locale, requestId }) => ({
  body: { body, locale, requestId },
}));

const whoAmI = httpHandler({ auth: 'required', logger: silent }, async ({ principal }) => ({ body: principal }));

const maybeMe = httpHandler({ auth: 'optional', logger: silent }, async ({ principal }) => ({
  body: { signedIn: principal !== undefined },
}));

async function run(handler: typeof echo, event: APIGatewayProxyEventV2) {
  const response = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode ?? 0, headers: response.headers ?? {}, text: response.body ?? '' };
}

const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  makeEvent('POST', '/api/echo', { body, headers });

describe('httpHandler', () => {
  it('serializes the result as JSON with the request id and no-store headers', async () => {
    const { status, headers, text } = await run(echo, post('{"a":1}', { 'content-type': 'application/json', 'accept-language': 'en' }));

    expect(status).toBe(200);
    expect(headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-request-id': 'req-test-1',
      'cache-control': 'no-store',
    });
    expect(JSON.parse(text)).toEqual({ body: { a: 1 }, locale: 'en', requestId: 'req-test-1' });
  });

  it.each([
    ['malformed JSON', post('{"a"'), 400],
    ['a wrong content type', post('{}', { 'content-type': 'text/plain' }), 415],
    ['a 300 KB body', post(`"${'x'.repeat(300 * 1024)}"`), 413],
    ['1,000-deep nesting', post('['.repeat(1000) + ']'.repeat(1000)), 400],
    ['a __proto__ key', post('{"__proto__":{"isAdmin":true}}'), 400],
  ])('answers %s with a problem', async (_, event, status) => {
    const { status: actual, headers, text } = await run(echo, event);

    expect(actual).toBe(status);
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(headers['x-request-id']).toBe('req-test-1');
    expect(JSON.parse(text).title).toMatch(/[\u4e00-\u9fff]/);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('reads no body for GET', async () => {
    const { status, text } = await run(echo, makeEvent('GET', '/api/echo', { body: 'not json' }));

    expect(status).toBe(200);
    expect(JSON.parse(text).body).toBeUndefined();
  });

  it('answers 401 without credentials on a protected route, with a bearer challenge', async () => {
    const { status, headers } = await run(whoAmI, makeEvent('GET', '/api/me'));

    expect(status).toBe(401);
    expect(headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('passes the signed-in principal to the function', async () => {
    const principal = { userId: 'app-1', name: '张三', roles: ['applicant' as const] };
    const token = await signToken(principal);

    const { status, text } = await run(whoAmI, makeEvent('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } }));

    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual(principal);
  });

  it('lets an optional route run anonymously but still rejects a bad token', async () => {
    expect(JSON.parse((await run(maybeMe, makeEvent('GET', '/api/items'))).text)).toEqual({ signedIn: false });
    expect((await run(maybeMe, makeEvent('GET', '/api/items', { headers: { authorization: 'Bearer x.y.z' } }))).status).toBe(401);
  });

  it('maps domain errors thrown by the function, in the caller\'s language', async () => {
    const failing = httpHandler({ auth: 'none', logger: silent }, async () => {
      throw new ValidationError([{ pointer: '/mobile', code: 'format', message: '手机号码格式不正确' }]);
    });

    const { status, text } = await run(failing, makeEvent('GET', '/x', { headers: { 'accept-language': 'en-GB' } }));

    expect(status).toBe(422);
    expect(JSON.parse(text)).toMatchObject({ title: 'The submitted data is not valid', errors: [{ pointer: '/mobile' }] });
  });

  it('turns a policy denial into 404 for another applicant\'s case', async () => {
    const getCase = httpHandler({ auth: 'required', logger: silent }, async ({ principal }) => {
      authorize(principal, 'case:read', { kind: 'case', applicantId: 'someone-else', departmentIds: [] });
      return { body: {} };
    });
    const token = await signToken({ userId: 'app-1', name: '张三', roles: ['applicant'] });

    const { status } = await run(getCase, makeEvent('GET', '/api/cases/c-1', { headers: { authorization: `Bearer ${token}` } }));

    expect(status).toBe(404);
  });

  it('never sends a stack trace for an unexpected error', async () => {
    const lines: string[] = [];
    const broken = httpHandler({ auth: 'none', logger: createLogger({ sink: (line) => lines.push(line) }) }, async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'idNumber')");
    });

    const { status, text } = await run(broken, makeEvent('GET', '/x'));

    expect(status).toBe(500);
    expect(text).not.toMatch(/TypeError|idNumber|at .*\.ts/);
    expect(lines.join('\n')).toMatch(/req-test-1/);
  });

  it('answers junk path parameters from API Gateway with 404', async () => {
    const event = { ...makeEvent('GET', '/api/cases/x'), pathParameters: { caseId: '<script>' } };

    expect((await run(maybeMe, event)).status).toBe(404);
  });

  it('sends 204 without a body', async () => {
    const empty = httpHandler({ auth: 'none', logger: silent }, async () => ({ status: 204 }));

    const response = await run(empty, makeEvent('DELETE', '/x'));

    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('never answers 5xx, whatever the body, content type or encoding', async () => {
    const contentTypes = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '', 'application/json; charset=latin1');
    const bodies = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify({ __proto__: value, constructor: value })),
      fc.nat({ max: 2000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );

    await fc.assert(
      fc.asyncProperty(bodies, contentTypes, fc.boolean(), async (body, contentType, base64) => {
        const event = post(base64 ? Buffer.from(body).toString('base64') : body, contentType ? { 'content-type': contentType } : {});
        event.isBase64Encoded = base64;

        const { status } = await run(echo, event);

        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
    expect(Object.prototype).not.toHaveProperty('isAdmin');
  });
});
