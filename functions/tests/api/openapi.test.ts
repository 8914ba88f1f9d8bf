import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderOpenApi } from '../../src/api/openapi.js';
import { routes } from '../../src/handlers/routes.js';

describe('the OpenAPI document', () => {
  it('is committed exactly as the route table renders it (run `npm run generate` after changing routes)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../openapi.json', import.meta.url), 'utf8'));

    expect(committed).toEqual(renderOpenApi());
  });

  it('documents every route, and secures every route except the catalog and development sign-in', () => {
    const doc = renderOpenApi() as { paths: Record<string, Record<string, { security: unknown[] }>> };

    for (const route of routes) {
      const [method, path] = route.key.split(' ');
      const operation = doc.paths[path]?.[method.toLowerCase()];
      expect(operation, route.key).toBeDefined();
      expect(operation.security.length > 0, route.key).toBe(route.auth);
    }
  });

  it("describes each operation's success body by a schema of its components", () => {
    const doc = renderOpenApi() as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
      components: { schemas: Record<string, unknown> };
    };

    for (const route of routes.filter((r) => r.response)) {
      const [method, path] = route.key.split(' ');
      const success = doc.paths[path]![method!.toLowerCase()]!.responses[String(route.status ?? 200)];
      const ref = success?.content?.['application/json']?.schema.$ref;
      expect(ref, route.key).toBe(`#/components/schemas/${route.response}`);
      expect(doc.components.schemas[route.response!], route.key).toBeDefined();
    }
    for (const name of ['CaseView', 'CaseWithDeadline', 'Deadline', 'InboxPage', 'CatalogPage', 'ItemSummary', 'Problem', 'FieldError']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });

  it('lists the query parameters each route checks, and the path parameters beside them', () => {
    const doc = renderOpenApi() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    const parameters = (key: string) => {
      const [method, path] = key.split(' ');
      return (doc.paths[path!]![method!.toLowerCase()]!.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    };

    expect(parameters('GET /api/items')).toEqual(expect.arrayContaining(['query:department', 'query:level', 'query:type', 'query:q', 'query:limit', 'query:cursor']));
    expect(parameters('GET /api/inbox')).toEqual(expect.arrayContaining(['query:role', 'query:limit', 'query:cursor']));
    expect(parameters('POST /api/cases')).toEqual(['header:Idempotency-Key']);
    for (const route of routes.filter((r) => r.query)) {
      expect(parameters(route.key).some((p) => p.startsWith('query:')), route.key).toBe(true);
    }
  });
});
