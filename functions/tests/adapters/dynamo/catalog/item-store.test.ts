import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimStore } from '../../../../src/adapters/dynamo/catalog/claim-store.js';
import { createItemStore, type ItemStore } from '../../../../src/adapters/dynamo/catalog/item-store.js';
import { BadRequestError, ConflictError } from '../../../../src/domain/errors.js';
import { createTestTable, type TestTable } from '../../../support/test-table.js';
import { builtInDraft, claims, SLUGS } from './reference-catalog.js';

let table: TestTable;
let store: ItemStore;

beforeAll(async () => {
  table = await createTestTable('item-store');
  store = createItemStore(table.client, table.tableName);
  for (const slug of SLUGS) await store.putDraft(slug, builtInDraft(slug), null);
  const claimStore = createClaimStore(table.client, table.tableName);
  for (const claim of claims()) await claimStore.putClaim(claim);
});
afterAll(async () => {
  await table?.drop();
});

describe('drafts', () => {
  it('returns the saved draft with its revision', async () => {
    const draft = await store.getDraft('senior-card');

    expect(draft).toEqual({ ...builtInDraft('senior-card'), revision: 1 });
  });

  it('refuses a draft saved against a stale revision', async () => {
    const draft = builtInDraft('individual-business-registration');
    await store.putDraft('individual-business-registration', draft, 1);

    await expect(store.putDraft('individual-business-registration', draft, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getDraft('individual-business-registration'))?.revision).toBe(2);
  });

  it('refuses to create an item that already exists', async () => {
    await expect(store.putDraft('senior-card', builtInDraft('senior-card'), null)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('listItems', () => {
  it.each([
    [{}, SLUGS],
    [{ itemType: '01' }, ['construction-permit-parallel', 'individual-business-registration']],
    [{ level: '3' }, ['construction-permit-parallel', 'information-disclosure']],
    [{ level: '4', itemType: '20' }, ['information-disclosure', 'senior-card']],
    [{ text: '老年' }, ['senior-card']],
    [{ text: 'DISCLOSURE' }, ['information-disclosure']],
    [{ level: '4', text: '登记' }, ['individual-business-registration']],
  ])('lists the items matching %j', async (filter, expected) => {
    const page = await store.listItems({ ...filter, limit: 50 });

    expect(page.items.map((i) => i.itemId).sort()).toEqual([...expected].sort());
  });

  it('lists the items a department claimed', async () => {
    const reference = claims();
    const departmentId = reference[0].departmentId;

    const page = await store.listItems({ departmentId, limit: 50 });

    expect(page.items.map((i) => i.itemId).sort()).toEqual(
      [...new Set(reference.filter((c) => c.departmentId === departmentId).map((c) => c.itemId))].sort(),
    );
  });

  it('pages through the catalog with a cursor without losing or repeating items', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listItems({ limit: 1, cursor });
      seen.push(...page.items.map((i) => i.itemId));
      cursor = page.cursor;
    } while (cursor);

    expect(seen.sort()).toEqual([...SLUGS].sort());
  });

  it('rejects a cursor of another partition with BadRequestError', async () => {
    const first = await store.listItems({ level: '4', limit: 1 });

    await expect(store.listItems({ level: '3', cursor: first.cursor })).rejects.toBeInstanceOf(BadRequestError);
  });
});
