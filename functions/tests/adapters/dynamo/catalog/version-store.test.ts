import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItemStore, type ItemStore } from '../../../../src/adapters/dynamo/catalog/item-store.js';
import { createVersionStore, type VersionStore } from '../../../../src/adapters/dynamo/catalog/version-store.js';
import { ConflictError } from '../../../../src/domain/errors.js';
import { createTestTable, type TestTable } from '../../../support/test-table.js';
import { builtInDraft } from './reference-catalog.js';

let table: TestTable;
let items: ItemStore;
let store: VersionStore;

beforeAll(async () => {
  table = await createTestTable('version-store');
  items = createItemStore(table.client, table.tableName);
  store = createVersionStore(table.client, table.tableName);
  await items.putDraft('information-disclosure', builtInDraft('information-disclosure'), null);
});
afterAll(async () => {
  await table?.drop();
});

describe('versions', () => {
  it('publishes immutable versions and finds the latest', async () => {
    const draft = builtInDraft('information-disclosure');
    const version = (n: number) => ({
      itemId: 'information-disclosure',
      version: n,
      item: draft.item,
      form: draft.form,
      flow: draft.flow,
      publishedAt: `2026-11-0${n}T00:00:00.000Z`,
      publishedBy: 'u-designer',
    });
    await store.publishVersion('information-disclosure', version(1));
    await store.publishVersion('information-disclosure', version(2));

    await expect(store.publishVersion('information-disclosure', version(2))).rejects.toBeInstanceOf(ConflictError);
    expect((await store.listVersions('information-disclosure')).map((v) => v.version)).toEqual([1, 2]);
    expect(await store.getLatestPublished('information-disclosure')).toEqual(version(2));
    expect(await store.getVersion('information-disclosure', 1)).toEqual(version(1));
    expect((await items.getItemSummary('information-disclosure'))?.latestVersion).toBe(2);
  });
});
