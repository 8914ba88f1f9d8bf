import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type RouteHandler } from '../../src/http/router.js';
import { context, makeEvent } from './make-event.js';

const echo =
  (name: string): RouteHandler =>
  async (event) => ({ statusCode: 200, body: JSON.stringify({ name, routeKey: event.routeKey, params: event.pathParameters ?? {} }) });

const router = createRouter({
  'GET /api/cases/{caseId}': echo('getCase'),
  'POST /api/cases/{caseId}/actions': echo('act'),
  'GET /api/cases/mine': echo('myCases'),
  'POST /api/cases': echo('submit'),
  'GET /api/blobs/{path+}': echo('blob'),
});

async function call(method: string, path: string, headers: Record<string, string> = {}) {
  const response = (await router(makeEvent(method, path, { headers }), context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(response.body ?? 'null') };
}

describe('the router', () => {
  it('dispatches by method and path and decodes the path parameters', async () => {
    const { status, body } = await call('GET', '/api/cases/BS%2D2024-0001');

    expect(status).toBe(200);
    expect(body).toEqual({ name: 'getCase', routeKey: 'GET /api/cases/{caseId}', params: { caseId: 'BS-2024-0001' } });
  });

  it('prefers a literal segment to a parameter', async () => {
    expect((await call('GET', '/api/cases/mine')).body.name).toBe('myCases');
  });

  it('forgives one trailing slash', async () => {
    expect((await call('POST', '/api/cases/c-1/actions/')).body.name).toBe('act');
  });

  it('passes a greedy parameter with its slashes', async () => {
    expect((await call('GET', '/api/blobs/2024/05/a.pdf')).body.params).toEqual({ path: '2024/05/a.pdf' });
  });

  it.each([
    ['an unknown path', '/api/nothing'],
    ['an extra segment', '/api/cases/c-1/extra/more'],
    ['an empty segment', '/api//cases'],
    ['a parameter with a slash encoded in it', '/api/cases/a%2Fb'],
    ['a parameter with spaces', '/api/cases/a%20b'],
    ['a parameter that is not UTF-8', '/api/cases/%E4%ff'],
    ['a malformed escape', '/api/cases/%zz'],
    ['a dot-dot parameter', '/api/cases/..'],
    ['a 200-character parameter', `/api/cases/${'a'.repeat(200)}`],
    ['a greedy parameter walking up', '/api/blobs/a/../../etc'],
  ])('answers %s with a 404 problem', async (_, path) => {
    const { status, headers, body } = await call('GET', path, { 'accept-language': 'en' });

    expect(status).toBe(404);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body.type).toBe('https://banshi.local/problems/not-found');
    expect(body.title).toBe('Not found');
  });

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const { status, headers, body } = await call('DELETE', '/api/cases/c-1');

    expect(status).toBe(405);
    expect(headers.allow).toBe('GET');
    expect(body.title).toBe('不支持该请求方法');
  });

  it('lists every method of a path in Allow', async () => {
    expect((await call('PUT', '/api/cases')).headers.allow).toBe('POST');
  });

  it.each([['GET /api/cases/{id}/{id2+}/x'], ['FETCH /api'], ['GET api'], ['GET /api//x']])(
    'refuses the malformed route key %s at creation',
    (key) => {
      expect(() => createRouter({ [key]: echo('x') })).toThrow();
    },
  );

  it('refuses two routes that would always collide', () => {
    expect(() => createRouter({ 'GET /a/{x}': echo('x'), 'GET /a/{y}': echo('y') })).toThrow(/duplicate/);
  });

  it('never answers 5xx for any path or method', async () => {
    const methods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'BREW', '');
    const paths = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.webPath(),
      fc.array(fc.oneof(fc.constantFrom('api', 'cases', 'mine', '%', '%ff', '..', ''), fc.string()), { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
    );

    await fc.assert(
      fc.asyncProperty(methods, paths, async (method, path) => {
        const { status } = await call(method, path);

        expect(status).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });
});
