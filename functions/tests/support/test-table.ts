/**
 * One table per test file on the run's DynamoDB Local, so files run in parallel without seeing
 * each other's data.
 */
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../src/adapters/dynamo/client.js';
import { ensureTable } from '../../src/adapters/dynamo/table.js';

export interface TestTable {
  tableName: string;
  client: DynamoDBDocumentClient;
  /** Deletes the table and closes the client. */
  drop(): Promise<void>;
}

/** The endpoint of the run's DynamoDB Local; throws (failing the test) when there is none. */
export function dynamoEndpoint(): string {
  const endpoint = inject('dynamoEndpoint') ?? process.env.DYNAMO_ENDPOINT;
  if (!endpoint) {
    throw new Error(
      'DynamoDB Local 未启动：请通过 vitest（functions/tests/support/global-setup.ts）运行测试 / ' +
        'DynamoDB Local is not running: run the tests through vitest (global setup)',
    );
  }
  return endpoint;
}

/**
 * Creates a fresh, uniquely named table (all indexes, TTL) on DynamoDB Local.
 *
 * @example
 * let table: TestTable;
 * beforeAll(async () => { table = await createTestTable('case-store'); });
 * afterAll(() => table.drop());
 */
export async function createTestTable(prefix = 'test'): Promise<TestTable> {
  const safePrefix = prefix.replace(/[^a-zA-Z0-9_.-]/g, '-').slice(0, 100);
  const tableName = `${safePrefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const client = createDocumentClient({ endpoint: dynamoEndpoint() });
  await ensureTable(client, tableName);
  return {
    tableName,
    client,
    async drop() {
      try {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
      } finally {
        client.destroy();
      }
    },
  };
}
