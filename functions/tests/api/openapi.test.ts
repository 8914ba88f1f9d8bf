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
});
