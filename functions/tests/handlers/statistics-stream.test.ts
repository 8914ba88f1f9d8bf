import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore, type CaseStore } from '../../src/adapters/dynamo/case-store.js';
import { createStatisticsWriter } from '../../src/adapters/dynamo/statistics-writer.js';
import { createStatisticsStreamHandler, countRecord } from '../../src/handlers/statistics-stream.js';
import { createTestTable, type TestTable } from '../support/test-table.js';

let table: TestTable;
let store: CaseStore;

beforeAll(async () => {
  table = await createTestTable('statistics-stream');
  store = createCaseStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.drop();
});

const caseHead = (departmentId: string, status: string, extra: Record<string, unknown> = {}) => ({
  PK: 'CASE#c-1',
  SK: 'META',
  departmentId,
  itemId: 'senior-card',
  status,
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...extra,
});

function record(seq: string, oldItem: Record<string, unknown> | undefined, newItem: Record<string, unknown> | undefined): DynamoDBRecord {
  const item = (newItem ?? oldItem)!;
  return {
    eventName: oldItem ? (newItem ? 'MODIFY' : 'REMOVE') : 'INSERT',
    dynamodb: {
      SequenceNumber: seq,
      Keys: marshall({ PK: item.PK, SK: item.SK }) as never,
      ...(oldItem ? { OldImage: marshall(oldItem) as never } : {}),
      ...(newItem ? { NewImage: marshall(newItem) as never } : {}),
    },
  };
}

describe('countRecord', () => {
  it.each([
    ['a task of the case', { PK: 'CASE#c-1', SK: 'TASK#t-1', departmentId: 'd', itemId: 'i', status: 'open', updatedAt: '2026-11-25T02:00:00Z' }],
    ['an audit event', { PK: 'CASE#c-1', SK: 'EV#000001', departmentId: 'd', itemId: 'i', status: 'submitted', updatedAt: '2026-11-25T02:00:00Z' }],
    ['an item head', { PK: 'ITEM#senior-card', SK: 'META', departmentId: 'd', itemId: 'i', status: 'submitted', updatedAt: '2026-11-25T02:00:00Z' }],
  ])('ignores %s', (_what, item) => {
    expect(countRecord(record('1', undefined, item))).toBeUndefined();
  });

  it('counts a new case head', () => {
    expect(countRecord(record('7', undefined, caseHead('d1', 'submitted')))).toEqual({
      sequenceNumber: '7',
      increments: { departmentId: 'd1', month: '2026-11', itemId: 'senior-card', counters: { submitted: 1 } },
    });
  });
});

describe('the statistics stream handler', () => {
  it('writes the counted changes of the case heads in a batch and reports no failure', async () => {
    const handler = createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) });
    const records = [
      record('11', undefined, caseHead('dept-h1', 'submitted')),
      record('12', undefined, { PK: 'CASE#c-1', SK: 'TASK#t-1', status: 'open' }),
      record('13', caseHead('dept-h1', 'submitted'), caseHead('dept-h1', 'accepted')),
    ];

    const response = await handler({ Records: records, shardId: 'shard-h' });
    await handler({ Records: records, shardId: 'shard-h' });

    expect(response).toEqual({ batchItemFailures: [] });
    expect((await store.getStatistics('dept-h1', '2026-11'))[0]?.counters).toEqual({ submitted: 1, accepted: 1 });
  });

  it('reports the earliest record of a counter item whose write failed', async () => {
    const handler = createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) });
    const tooLong = 'x'.repeat(2_100); // a partition key DynamoDB refuses

    const response = await handler({
      Records: [
        record('21', undefined, caseHead('dept-h2', 'submitted')),
        record('22', undefined, caseHead(tooLong, 'submitted')),
        record('23', caseHead(tooLong, 'submitted'), caseHead(tooLong, 'accepted')),
      ],
      shardId: 'shard-h',
    });

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '22' }] });
    expect((await store.getStatistics('dept-h2', '2026-11'))[0]?.counters).toEqual({ submitted: 1 });
  });

  it('refuses a batch that names no shard, writing nothing', async () => {
    const handler = createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) });

    await expect(handler({ Records: [record('31', undefined, caseHead('dept-h3', 'submitted'))] })).rejects.toThrow(/no shard/);
    expect(await store.getStatistics('dept-h3', '2026-11')).toEqual([]);
  });
});
