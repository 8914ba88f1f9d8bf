/** Departments (部门) in DynamoDB: one row each, listed by id through the `DEPARTMENTS` partition of the `catalog` index. */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Department } from '@banshi/schemas';
import type { Page, PageOptions } from '../cursor.js';
import { INDEXES, keys } from '../table.js';
import { catalogTable } from './catalog-table.js';

export function createDepartmentStore(client: DynamoDBDocumentClient, tableName: string) {
  const table = catalogTable(client, tableName);
  return {
    /** Creates or replaces a department. */
    async putDepartment(department: Department): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...department,
            PK: keys.department(department.id),
            SK: keys.META,
            [INDEXES.catalog.pk]: 'DEPARTMENTS',
            [INDEXES.catalog.sk]: department.id,
          },
        }),
      );
    },

    /** The department, or undefined. */
    getDepartment(departmentId: string): Promise<Department | undefined> {
      return table.getItem(keys.department(departmentId), keys.META);
    },

    /** All departments, by id. */
    listDepartments(options: PageOptions = {}): Promise<Page<Department>> {
      return table.listIndex(INDEXES.catalog, 'DEPARTMENTS', '', options);
    },
  };
}

export type DepartmentStore = ReturnType<typeof createDepartmentStore>;
