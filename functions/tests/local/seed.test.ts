import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore } from '../../src/adapters/dynamo/catalog-store.js';
import { seed } from '../../src/local/seed.js';
import { createTestTable, type TestTable } from '../support/test-table.js';

describe('seed', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('seed');
  });
  afterAll(() => table.drop());

  const count = async () => (await table.client.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }))).Count;

  it('publishes the four built-in items once and changes nothing when run again', async () => {
    const catalog = createCatalogStore(table.client, table.tableName);

    const first = await seed(catalog);
    const afterFirst = await count();
    const second = await seed(catalog);

    expect(first.itemsPublished.sort()).toEqual(['construction-permit-parallel', 'individual-business-registration', 'information-disclosure', 'senior-card']);
    expect(second.itemsPublished).toEqual([]);
    expect(second.itemsAlreadyPublished).toHaveLength(4);
    expect(await count()).toBe(afterFirst);
    expect((await catalog.listVersions('senior-card')).map((v) => v.version)).toEqual([1]);
  });
});
