import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserStore, type UserStore } from '../../../../src/adapters/dynamo/catalog/user-store.js';
import { createTestTable, type TestTable } from '../../../support/test-table.js';
import { users } from './reference-catalog.js';

let table: TestTable;
let store: UserStore;

beforeAll(async () => {
  table = await createTestTable('user-store');
  store = createUserStore(table.client, table.tableName);
  for (const user of users()) await store.putUser(user);
});
afterAll(async () => {
  await table?.drop();
});

describe('users', () => {
  it('lists the staff of one department', async () => {
    const reference = users();
    const staff = reference.find((u) => u.departmentId)!;

    const page = await store.listUsers({ departmentId: staff.departmentId, limit: 100 });

    expect(page.items.map((u) => u.id).sort()).toEqual(
      reference.filter((u) => u.departmentId === staff.departmentId).map((u) => u.id).sort(),
    );
    expect(await store.getUser(staff.id)).toEqual(staff);
  });
});
