import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore, type CaseStore } from '../../src/adapters/dynamo/case-store.js';
import { createStatisticsWriter } from '../../src/adapters/dynamo/statistics-writer.js';
import { ensureTable, tableDefinition } from '../../src/adapters/dynamo/table.js';
import { createStatisticsStreamHandler, type ShardedStreamEvent } from '../../src/handlers/statistics-stream.js';
import { startStreamPoller, type StreamPoller } from '../../src/local/stream-poller.js';
import { aStep, aSubmission } from '../support/case-fixtures.js';
import { createTestTable, dynamoEndpoint, type TestTable } from '../support/test-table.js';

let table: TestTable;
let store: CaseStore;
let poller: StreamPoller;
const delivered: ShardedStreamEvent[] = [];

beforeAll(async () => {
  table = await createTestTable('stream-poller');
  store = createCaseStore(table.client, table.tableName);
  const handler = createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) });
  poller = startStreamPoller({
    endpoint: dynamoEndpoint(),
    tableName: table.tableName,
    handler: (event) => {
      delivered.push(event);
      return handler(event);
    },
    intervalMs: 100,
  });
});
afterAll(async () => {
  await poller?.stop();
  await table?.drop();
});

const inDept = (departmentId: string) => ({ departmentId, itemId: 'item-s', departments: { lead: departmentId } });

describe('the statistics stream consumer under the local poller', () => {
  it('counts submissions, acceptances and completions from the case items once drained', async () => {
    const first = aSubmission(inDept('dept-s1'));
    await store.commit(first);
    await store.commit(aSubmission(inDept('dept-s1')));
    const accepted = aStep(first.case, { status: 'accepted', stepId: 'review', action: 'accept', closing: first.tasks });
    await store.commit(accepted);
    await store.commit(aStep(accepted.case, { status: 'completed', stepId: 'end', action: 'complete' }));

    await poller.drain();

    expect(await store.getStatistics('dept-s1', '2026-11')).toEqual([
      { departmentId: 'dept-s1', month: '2026-11', itemId: 'item-s', counters: { submitted: 2, accepted: 1, completed: 1 } },
    ]);
  });

  it('hands every batch over with its shard and counts nothing twice across drains', async () => {
    await store.commit(aSubmission(inDept('dept-s2')));
    await poller.drain();
    await poller.drain();

    expect(delivered.every((event) => typeof event.shardId === 'string' && event.shardId.length > 0)).toBe(true);
    expect((await store.getStatistics('dept-s2', '2026-11'))[0]?.counters).toEqual({ submitted: 1 });
  });
});

describe('ensureTable and the stream', () => {
  it('enables the stream on a table that was created without one', async () => {
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint(), region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const name = `${table.tableName}-old`;
    const { StreamSpecification: _stream, ...withoutStream } = tableDefinition(name);
    await client.send(new CreateTableCommand(withoutStream));

    try {
      await ensureTable(client, name);

      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(Table?.LatestStreamArn).toBeTruthy();
    } finally {
      await client.send(new DeleteTableCommand({ TableName: name }));
      client.destroy();
    }
  });
});
