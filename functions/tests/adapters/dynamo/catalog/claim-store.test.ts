import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimStore, type ClaimStore } from '../../../../src/adapters/dynamo/catalog/claim-store.js';
import { createItemStore } from '../../../../src/adapters/dynamo/catalog/item-store.js';
import { createTestTable, type TestTable } from '../../../support/test-table.js';
import { builtInDraft, claims, SLUGS } from './reference-catalog.js';

let table: TestTable;
let store: ClaimStore;

beforeAll(async () => {
  table = await createTestTable('claim-store');
  const items = createItemStore(table.client, table.tableName);
  for (const slug of SLUGS) await items.putDraft(slug, builtInDraft(slug), null);
  store = createClaimStore(table.client, table.tableName);
  for (const claim of claims()) await store.putClaim(claim);
});
afterAll(async () => {
  await table?.drop();
});

describe('claims', () => {
  it('finds a claim by id and lists the claims of an item', async () => {
    const reference = claims();

    expect(await store.getClaim(reference[0].id)).toEqual(reference[0]);
    expect((await store.listClaims(reference[0].itemId)).map((c) => c.id).sort()).toEqual(
      reference.filter((c) => c.itemId === reference[0].itemId).map((c) => c.id).sort(),
    );
    expect(await store.getClaim('no-such-claim')).toBeUndefined();
  });
});
