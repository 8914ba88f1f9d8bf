/**
 * Users in DynamoDB: one row each, listed by id through the `USERS` partition of the `catalog`
 * index; staff also under their department in the `byDepartment` index.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { User } from '@banshi/schemas';
import type { Page, PageOptions } from '../cursor.js';
import { INDEXES, keys } from '../table.js';
import { catalogTable } from './catalog-table.js';

export function createUserStore(client: DynamoDBDocumentClient, tableName: string) {
  const table = catalogTable(client, tableName);
  return {
    /** Creates or replaces a user. */
    async putUser(user: User): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...user,
            PK: keys.user(user.id),
            SK: keys.META,
            [INDEXES.catalog.pk]: 'USERS',
            [INDEXES.catalog.sk]: user.id,
            ...(user.departmentId
              ? { [INDEXES.byDepartment.pk]: keys.department(user.departmentId), [INDEXES.byDepartment.sk]: keys.user(user.id) }
              : {}),
          },
        }),
      );
    },

    /** The user, or undefined. */
    getUser(userId: string): Promise<User | undefined> {
      return table.getItem(keys.user(userId), keys.META);
    },

    /** All users by id, or the staff of one department. */
    listUsers(options: PageOptions & { departmentId?: string } = {}): Promise<Page<User>> {
      return options.departmentId
        ? table.listIndex(INDEXES.byDepartment, keys.department(options.departmentId), 'USER#', options)
        : table.listIndex(INDEXES.catalog, 'USERS', '', options);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
