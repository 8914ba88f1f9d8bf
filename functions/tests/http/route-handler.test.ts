import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../src/adapters/dynamo/client.js';
import { createAppServices } from '../../src/handlers/app-services.js';
import { listItems } from '../../src/handlers/catalog.js';
import { me } from '../../src/handlers/auth.js';
import { ROUTE_CONTRACT_ENV, routeContractJson } from '../../src/handlers/route-handler.js';
import { routes } from '../../src/handlers/routes.js';
import { signToken } from '../../src/http/auth.js';
import { context, makeEvent } from './make-event.js';

// No request below reaches the table: the kit answers before the route function reads it.
const services = createAppServices({ client: createDocumentClient({ endpoint: 'http://127.0.0.1:9' }), tableName: 'unused' });
const routeOf = (key: string) => routes.find((r) => r.key === key)!;

async function send(handler: ReturnType<typeof me.serve>, event: APIGatewayProxyEventV2) {
  const response = (await handler(event, context)) as APIGatewayProxyStructuredResultV2;
  return { status: response.statusCode ?? 0, body: response.body ? JSON.parse(response.body) : undefined };
}

describe('a route handler served as the route table says', () => {
  it('asks for sign-in where the table says auth: true, and gives the function the principal', async () => {
    const handler = me.serve(routeOf('GET /api/me'), services);
    const token = await signToken({ userId: 'u-zhangsan', name: '张三', roles: ['applicant'] });

    const anonymous = await send(handler, makeEvent('GET', '/api/me'));
    const signedIn = await send(handler, makeEvent('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } }));

    expect(anonymous.status).toBe(401);
    expect(signedIn).toMatchObject({ status: 200, body: { userId: 'u-zhangsan' } });
  });

  it('as a Lambda handler, checks requests by the route contract the CDK app wrote into its environment', async () => {
    const event = { ...makeEvent('GET', '/api/me'), routeKey: 'GET /api/me' };
    const before = process.env[ROUTE_CONTRACT_ENV];
    try {
      delete process.env[ROUTE_CONTRACT_ENV];
      await expect(me(event, context)).rejects.toThrow(/BANSHI_ROUTE is not set/);

      process.env[ROUTE_CONTRACT_ENV] = routeContractJson(routeOf('GET /api/me'));
      const response = (await me(event, context)) as APIGatewayProxyStructuredResultV2;

      expect(response.statusCode).toBe(401);
    } finally {
      if (before === undefined) delete process.env[ROUTE_CONTRACT_ENV];
      else process.env[ROUTE_CONTRACT_ENV] = before;
    }
  });

  it('writes a route contract with what the handler kit checks, and nothing of the handler', () => {
    const contract = JSON.parse(routeContractJson(routeOf('GET /api/items')));

    expect(contract).toEqual({ key: 'GET /api/items', auth: false, query: 'CatalogQuery' });
  });

  it('refuses a query that breaks the route’s query schema with 400, one entry per parameter, in the caller’s language', async () => {
    const handler = listItems.serve(routeOf('GET /api/items'), services);
    const event = { ...makeEvent('GET', '/api/items', { headers: { 'accept-language': 'en' } }), queryStringParameters: { limit: 'ten', cursor: 'x'.repeat(5000) } };

    const { status, body } = await send(handler, event);

    expect(status).toBe(400);
    expect(body).toMatchObject({ title: 'The request is malformed', detail: 'the query is not valid' });
    expect(body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/cursor', '/limit']);
  });

  it('names the query schema of every route that reads a query, and no body on a GET', () => {
    for (const route of routes.filter((r) => r.key.startsWith('GET '))) expect(route.body, route.key).toBeUndefined();
    expect(routes.filter((r) => r.query).map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /api/items', 'GET /api/departments', 'GET /api/my/cases', 'GET /api/inbox', 'GET /api/inbox/handled', 'GET /api/statistics', 'GET /api/drafts/{itemId}']),
    );
  });
});
