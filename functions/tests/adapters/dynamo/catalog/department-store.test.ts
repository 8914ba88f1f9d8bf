import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartmentStore, type DepartmentStore } from '../../../../src/adapters/dynamo/catalog/department-store.js';
import { createTestTable, type TestTable } from '../../../support/test-table.js';
import { departments } from './reference-catalog.js';

let table: TestTable;
let store: DepartmentStore;

beforeAll(async () => {
  table = await createTestTable('department-store');
  store = createDepartmentStore(table.client, table.tableName);
  for (const department of departments()) await store.putDepartment(department);
});
afterAll(async () => {
  await table?.drop();
});

describe('departments', () => {
  it('stores and lists the reference departments', async () => {
    const reference = departments();

    const page = await store.listDepartments({ limit: 100 });

    expect(page.items).toHaveLength(reference.length);
    expect(await store.getDepartment(reference[0].id)).toEqual(reference[0]);
  });
});
