import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore, type CaseStore } from '../../../src/adapters/dynamo/case-store.js';
import {
  createStatisticsWriter,
  padSequenceNumber,
  WATERMARK_RETENTION_MS,
  type SequencedIncrements,
  type StatisticsWriter,
} from '../../../src/adapters/dynamo/statistics-writer.js';
import { keys } from '../../../src/adapters/dynamo/table.js';
import type { CounterIncrements } from '../../../src/domain/statistics/count-changes.js';
import { createTestTable, type TestTable } from '../../support/test-table.js';

let table: TestTable;
let writer: StatisticsWriter;
let store: CaseStore;
/** The writer's clock, moved by the tests that age watermarks. */
let clock = Date.parse('2026-11-20T08:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  table = await createTestTable('statistics-writer');
  writer = createStatisticsWriter(table.client, table.tableName, { now: () => clock });
  store = createCaseStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.drop();
});

let n = 0;
/** Increments of a fresh department, so tests do not share counter items. */
function freshKey(): Omit<CounterIncrements, 'counters'> {
  n += 1;
  return { departmentId: `dept-w${n}`, month: '2026-11', itemId: 'senior-card' };
}
const rec = (sequenceNumber: string, key: Omit<CounterIncrements, 'counters'>, counters: CounterIncrements['counters']): SequencedIncrements => ({
  sequenceNumber,
  increments: { ...key, counters },
});
const countersOf = async (key: Omit<CounterIncrements, 'counters'>) =>
  (await store.getStatistics(key.departmentId, key.month)).find((s) => s.itemId === key.itemId)?.counters;
/** Writes a counter item as an earlier writer left it. */
const putCounterItem = (key: Omit<CounterIncrements, 'counters'>, attributes: Record<string, unknown>) =>
  table.client.send(new PutCommand({ TableName: table.tableName, Item: { PK: keys.statistics(key.departmentId, key.month), SK: keys.item(key.itemId), ...key, ...attributes } }));
const seenOf = async (key: Omit<CounterIncrements, 'counters'>) =>
  (await table.client.send(new GetCommand({ TableName: table.tableName, Key: { PK: keys.statistics(key.departmentId, key.month), SK: keys.item(key.itemId) } }))).Item
    ?.seen as Record<string, string> | undefined;

describe('padSequenceNumber', () => {
  it('pads to a fixed width so that string order is numeric order', () => {
    expect(padSequenceNumber('99') < padSequenceNumber('100')).toBe(true);
    expect(padSequenceNumber('000000000000000000099')).toBe(padSequenceNumber('99'));
  });

  it('rejects what is not a sequence number', () => {
    expect(() => padSequenceNumber('12a')).toThrow(/sequence number/);
  });
});

describe('the statistics writer', () => {
  it('applies a batch with one write per counter item', async () => {
    const a = freshKey();
    const b = freshKey();
    const batch = [rec('101', a, { submitted: 1 }), rec('102', b, { submitted: 1 }), rec('103', a, { accepted: 1 }), rec('104', a, { submitted: 1 })];

    const result = await writer.apply('shard-a', batch);

    expect(result).toEqual({ applied: 2, skipped: 0, failures: [] });
    expect(await countersOf(a)).toEqual({ submitted: 2, accepted: 1 });
    expect(await countersOf(b)).toEqual({ submitted: 1 });
  });

  it('counts once when the same batch is applied twice', async () => {
    const a = freshKey();
    const batch = [rec('201', a, { submitted: 1 }), rec('202', a, { completed: 1 })];

    await writer.apply('shard-a', batch);
    const again = await writer.apply('shard-a', batch);

    expect(again).toEqual({ applied: 0, skipped: 1, failures: [] });
    expect(await countersOf(a)).toEqual({ submitted: 1, completed: 1 });
  });

  it('counts once when two deliveries of the same batch race', async () => {
    const a = freshKey();
    const batch = [rec('251', a, { submitted: 1 }), rec('252', a, { submitted: 1 })];

    const results = await Promise.all(Array.from({ length: 5 }, () => writer.apply('shard-a', batch)));

    expect(results.reduce((sum, r) => sum + r.applied, 0)).toBe(1);
    expect(await countersOf(a)).toEqual({ submitted: 2 });
  });

  it('applies only the new records of a redelivery that overlaps an applied batch', async () => {
    const a = freshKey();
    await writer.apply('shard-a', [rec('301', a, { submitted: 1 }), rec('302', a, { submitted: 1 })]);

    // After a partial failure the stream delivers again from the failed record, and may go further.
    await writer.apply('shard-a', [rec('302', a, { submitted: 1 }), rec('303', a, { accepted: 1 })]);

    expect(await countersOf(a)).toEqual({ submitted: 2, accepted: 1 });
  });

  it('keeps a watermark per shard, whose sequence numbers interleave', async () => {
    const a = freshKey();
    await writer.apply('shard-a', [rec('900', a, { submitted: 1 })]);

    await writer.apply('shard-b', [rec('450', a, { submitted: 1 })]);
    await writer.apply('shard-b', [rec('450', a, { submitted: 1 })]);

    expect(await countersOf(a)).toEqual({ submitted: 2 });
    expect(await seenOf(a)).toEqual({ 'shard-a': `${padSequenceNumber('900')}@${clock}`, 'shard-b': `${padSequenceNumber('450')}@${clock}` });
  });

  describe('watermarks of shards that can no longer redeliver', () => {
    it('prunes another shard\'s watermark once it is older than the retention, and keeps counting once', async () => {
      const a = freshKey();
      const start = clock;
      await writer.apply('shard-old', [rec('600', a, { submitted: 1 })]);
      clock = start + WATERMARK_RETENTION_MS - HOUR;
      await writer.apply('shard-new', [rec('700', a, { submitted: 1 })]);
      expect(Object.keys((await seenOf(a)) ?? {}).sort()).toEqual(['shard-new', 'shard-old']);

      clock = start + WATERMARK_RETENTION_MS + HOUR;
      await writer.apply('shard-new', [rec('701', a, { accepted: 1 })]);
      // A redelivery of the newest shard's batch after the pruning is still skipped.
      const again = await writer.apply('shard-new', [rec('701', a, { accepted: 1 })]);

      expect(await seenOf(a)).toEqual({ 'shard-new': `${padSequenceNumber('701')}@${clock}` });
      expect(again).toEqual({ applied: 0, skipped: 1, failures: [] });
      expect(await countersOf(a)).toEqual({ submitted: 2, accepted: 1 });
      clock = start;
    });

    it('keeps a watermark written without a time, and compares it as before', async () => {
      const a = freshKey();
      await putCounterItem(a, { submitted: 3, seen: { 'shard-legacy': padSequenceNumber('800') } });
      const start = clock;
      clock = start + 10 * WATERMARK_RETENTION_MS;

      await writer.apply('shard-legacy', [rec('800', a, { submitted: 1 })]);
      await writer.apply('shard-other', [rec('100', a, { submitted: 1 })]);

      expect(await countersOf(a)).toEqual({ submitted: 4 });
      expect(await seenOf(a)).toEqual({ 'shard-legacy': padSequenceNumber('800'), 'shard-other': `${padSequenceNumber('100')}@${clock}` });
      clock = start;
    });
  });

  it('adds to a counter item written before the stream existed (no watermark yet)', async () => {
    const a = freshKey();
    await putCounterItem(a, { submitted: 5 });

    await writer.apply('shard-a', [rec('401', a, { submitted: 1 })]);
    await writer.apply('shard-a', [rec('401', a, { submitted: 1 })]);

    expect(await countersOf(a)).toEqual({ submitted: 6 });
  });

  it('reports the earliest record of a counter item it could not write and still writes the others', async () => {
    const good = freshKey();
    // A department id that makes the key too long for DynamoDB (partition key > 2048 bytes).
    const bad = { ...freshKey(), departmentId: 'x'.repeat(2_100) };

    const result = await writer.apply('shard-a', [rec('501', good, { submitted: 1 }), rec('502', bad, { submitted: 1 }), rec('503', bad, { accepted: 1 })]);

    expect(result.applied).toBe(1);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ firstSequenceNumber: '502', itemId: 'senior-card' });
    expect(await countersOf(good)).toEqual({ submitted: 1 });
  });
});
