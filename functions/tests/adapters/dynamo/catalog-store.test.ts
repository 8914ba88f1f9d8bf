import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim, Department, User } from '@banshi/schemas';
import { createCatalogStore, type CatalogStore, type ItemDraft } from '../../../src/adapters/dynamo/catalog-store.js';
import { BadRequestError, ConflictError } from '../../../src/domain/errors.js';
import { createTestTable, type TestTable } from '../../support/test-table.js';

const schemasDir = new URL('../../../../schemas/', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(path, schemasDir)), 'utf8')) as T;

function builtInDraft(slug: string): ItemDraft {
  return {
    item: readJson(`items/${slug}/item.json`),
    form: readJson(`items/${slug}/form.json`),
    flow: readJson(`items/${slug}/flow.json`),
    ui: readJson(`items/${slug}/ui.json`),
  };
}

const SLUGS = ['senior-card', 'individual-business-registration', 'information-disclosure', 'construction-permit-parallel'];

let table: TestTable;
let catalog: CatalogStore;

beforeAll(async () => {
  table = await createTestTable('catalog-store');
  catalog = createCatalogStore(table.client, table.tableName);
  for (const slug of SLUGS) await catalog.putDraft(slug, builtInDraft(slug), null);
  for (const department of readJson<Department[]>('reference/departments.json')) await catalog.putDepartment(department);
  for (const user of readJson<User[]>('reference/users.json')) await catalog.putUser(user);
  for (const claim of readJson<Claim[]>('reference/claims.json')) await catalog.putClaim(claim);
});
afterAll(async () => {
  await table?.drop();
});

describe('departments and users', () => {
  it('stores and lists the reference departments', async () => {
    const departments = readJson<Department[]>('reference/departments.json');

    const page = await catalog.listDepartments({ limit: 100 });

    expect(page.items).toHaveLength(departments.length);
    expect(await catalog.getDepartment(departments[0].id)).toEqual(departments[0]);
  });

  it('lists the staff of one department', async () => {
    const users = readJson<User[]>('reference/users.json');
    const staff = users.find((u) => u.departmentId)!;

    const page = await catalog.listUsers({ departmentId: staff.departmentId, limit: 100 });

    expect(page.items.map((u) => u.id).sort()).toEqual(
      users.filter((u) => u.departmentId === staff.departmentId).map((u) => u.id).sort(),
    );
    expect(await catalog.getUser(staff.id)).toEqual(staff);
  });
});

describe('drafts and versions', () => {
  it('returns the saved draft with its revision', async () => {
    const draft = await catalog.getDraft('senior-card');

    expect(draft).toEqual({ ...builtInDraft('senior-card'), revision: 1 });
  });

  it('refuses a draft saved against a stale revision', async () => {
    const draft = builtInDraft('individual-business-registration');
    await catalog.putDraft('individual-business-registration', draft, 1);

    await expect(catalog.putDraft('individual-business-registration', draft, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await catalog.getDraft('individual-business-registration'))?.revision).toBe(2);
  });

  it('refuses to create an item that already exists', async () => {
    await expect(catalog.putDraft('senior-card', builtInDraft('senior-card'), null)).rejects.toBeInstanceOf(ConflictError);
  });

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
    await catalog.publishVersion('information-disclosure', version(1));
    await catalog.publishVersion('information-disclosure', version(2));

    await expect(catalog.publishVersion('information-disclosure', version(2))).rejects.toBeInstanceOf(ConflictError);
    expect((await catalog.listVersions('information-disclosure')).map((v) => v.version)).toEqual([1, 2]);
    expect(await catalog.getLatestPublished('information-disclosure')).toEqual(version(2));
    expect(await catalog.getVersion('information-disclosure', 1)).toEqual(version(1));
    expect((await catalog.getItemSummary('information-disclosure'))?.latestVersion).toBe(2);
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
    const page = await catalog.listItems({ ...filter, limit: 50 });

    expect(page.items.map((i) => i.itemId).sort()).toEqual([...expected].sort());
  });

  it('lists the items a department claimed', async () => {
    const claims = readJson<Claim[]>('reference/claims.json');
    const departmentId = claims[0].departmentId;

    const page = await catalog.listItems({ departmentId, limit: 50 });

    expect(page.items.map((i) => i.itemId).sort()).toEqual(
      [...new Set(claims.filter((c) => c.departmentId === departmentId).map((c) => c.itemId))].sort(),
    );
  });

  it('pages through the catalog with a cursor without losing or repeating items', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.listItems({ limit: 1, cursor });
      seen.push(...page.items.map((i) => i.itemId));
      cursor = page.cursor;
    } while (cursor);

    expect(seen.sort()).toEqual([...SLUGS].sort());
  });

  it('rejects a cursor of another partition with BadRequestError', async () => {
    const first = await catalog.listItems({ level: '4', limit: 1 });

    await expect(catalog.listItems({ level: '3', cursor: first.cursor })).rejects.toBeInstanceOf(BadRequestError);
  });
});

describe('claims', () => {
  it('finds a claim by id and lists the claims of an item', async () => {
    const claims = readJson<Claim[]>('reference/claims.json');

    expect(await catalog.getClaim(claims[0].id)).toEqual(claims[0]);
    expect((await catalog.listClaims(claims[0].itemId)).map((c) => c.id).sort()).toEqual(
      claims.filter((c) => c.itemId === claims[0].itemId).map((c) => c.id).sort(),
    );
    expect(await catalog.getClaim('no-such-claim')).toBeUndefined();
  });
});
