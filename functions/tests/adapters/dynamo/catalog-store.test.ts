import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../../../src/adapters/dynamo/catalog-store.js';
import { createTestTable, type TestTable } from '../../support/test-table.js';
import { builtInDraft, claims, departments, users } from './catalog/reference-catalog.js';

let table: TestTable;
let catalog: CatalogStore;

beforeAll(async () => {
  table = await createTestTable('catalog-store');
  catalog = createCatalogStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.drop();
});

describe('the catalog store', () => {
  it('reads back what each of its parts wrote to the one table', async () => {
    const claim = claims().find((c) => c.itemId === 'senior-card')!;
    const department = departments().find((d) => d.id === claim.departmentId) ?? departments()[0];
    const user = users()[0];
    const draft = builtInDraft('senior-card');

    await catalog.putDepartment(department);
    await catalog.putUser(user);
    await catalog.putDraft('senior-card', draft, null);
    await catalog.publishVersion('senior-card', {
      itemId: 'senior-card',
      version: 1,
      item: draft.item,
      form: draft.form,
      flow: draft.flow,
      publishedAt: '2026-11-01T00:00:00.000Z',
      publishedBy: 'u-designer',
    });
    await catalog.putClaim(claim);

    expect(await catalog.getDepartment(department.id)).toEqual(department);
    expect(await catalog.getUser(user.id)).toEqual(user);
    expect(await catalog.getDraft('senior-card')).toEqual({ ...draft, revision: 1 });
    expect((await catalog.getLatestPublished('senior-card'))?.version).toBe(1);
    expect(await catalog.getClaim(claim.id)).toEqual(claim);
    expect((await catalog.listItems({ departmentId: claim.departmentId })).items.map((i) => i.itemId)).toEqual(['senior-card']);
    expect((await catalog.getItemSummary('senior-card'))?.status).toBe('published');
  });
});
