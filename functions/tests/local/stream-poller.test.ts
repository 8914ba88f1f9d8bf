import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaseStore, type CaseStore } from '../../src/adapters/dynamo/case-store.js';
import { createStatisticsWriter } from '../../src/adapters/dynamo/statistics-writer.js';
import { ensureTable, tableDefinition } from '../../src/adapters/dynamo/table.js';
import { createStatisticsStreamHandler, type ShardedStreamEvent } from '../../src/handlers/statistics-stream.js';
import { createLogger } from '../../src/http/logger.js';
import { backoffDelay } from '../../src/local/backoff.js';
import { startStreamPoller, type StreamPoller, type StreamPollerOptions } from '../../src/local/stream-poller.js';
import { aStep, aSubmission } from '../support/case-fixtures.js';
import { createTestTable, dynamoEndpoint, type TestTable } from '../support/test-table.js';

// Every test builds its own table, poller and (where it needs one) proxy: nothing is shared
// between tests, so each passes alone and in any order.
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

interface Fixture {
  table: TestTable;
  store: CaseStore;
  poller: StreamPoller;
  delivered: ShardedStreamEvent[];
  /** The poller's log lines, parsed. */
  lines: Record<string, unknown>[];
}

/** A fresh table with the statistics consumer polling its stream (through `endpoint`, default DynamoDB Local itself). */
async function pollerOn(prefix: string, options: Partial<StreamPollerOptions> = {}): Promise<Fixture> {
  const table = await createTestTable(prefix);
  cleanups.push(() => table.drop());
  const delivered: ShardedStreamEvent[] = [];
  const lines: Record<string, unknown>[] = [];
  const handler = createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) });
  const poller = startStreamPoller({
    endpoint: dynamoEndpoint(),
    tableName: table.tableName,
    handler: (event) => {
      delivered.push(event);
      return handler(event);
    },
    intervalMs: 100,
    logger: createLogger({ level: 'debug', sink: (line) => lines.push(JSON.parse(line)) }),
    ...options,
  });
  cleanups.push(() => poller.stop());
  return { table, store: createCaseStore(table.client, table.tableName), poller, delivered, lines };
}

/**
 * A TCP proxy in front of DynamoDB Local that can play dead: while down it drops every connection
 * as it arrives (and the open ones), noting when each attempt came.
 */
async function flakyProxy(target: string): Promise<{ url: string; refusedAt: number[]; down(): void; up(): void }> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const refusedAt: number[] = [];
  let isDown = false;
  const server: Server = createServer((client) => {
    if (isDown) {
      refusedAt.push(performance.now());
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: hostname, port: Number(port) });
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refusedAt,
    down() {
      isDown = true;
      for (const socket of open) socket.destroy();
    },
    up() {
      isDown = false;
    },
  };
}

const inDept = (departmentId: string) => ({ departmentId, itemId: 'item-s', departments: { lead: departmentId } });

describe('the statistics stream consumer under the local poller', () => {
  it('counts submissions, acceptances and completions from the case items once drained', async () => {
    const { store, poller } = await pollerOn('stream-poller-counts');
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
    const { store, poller, delivered } = await pollerOn('stream-poller-shards');
    await store.commit(aSubmission(inDept('dept-s2')));
    await poller.drain();
    await poller.drain();

    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.every((event) => typeof event.shardId === 'string' && event.shardId.length > 0)).toBe(true);
    expect((await store.getStatistics('dept-s2', '2026-11'))[0]?.counters).toEqual({ submitted: 1 });
  });
});

describe('the poller while DynamoDB does not answer', () => {
  const downLines = (lines: Record<string, unknown>[]) => lines.filter((l) => l.state === 'down');

  /** A poller reaching DynamoDB Local through a proxy that can play dead, after one counted submission of `departmentId`. */
  async function pollerBehindProxy(prefix: string, departmentId: string, maxBackoffMs: number) {
    const proxy = await flakyProxy(dynamoEndpoint());
    const fixture = await pollerOn(prefix, {
      clientConfig: { endpoint: proxy.url, region: 'cn-north-1', credentials, maxAttempts: 1 },
      intervalMs: 50,
      maxBackoffMs,
    });
    await fixture.store.commit(aSubmission(inDept(departmentId)));
    await fixture.poller.drain();
    return { proxy, ...fixture };
  }

  it('backs off, logs one line when it loses the stream and one when it is back, and counts what came meanwhile once', async () => {
    const { proxy, store, poller, lines } = await pollerBehindProxy('stream-poller-outage', 'dept-s3', 400);

    proxy.down();
    await vi.waitFor(() => expect(proxy.refusedAt.length).toBeGreaterThanOrEqual(5), { timeout: 20_000, interval: 50 });
    await store.commit(aSubmission(inDept('dept-s3'))); // written straight to DynamoDB Local meanwhile

    // Each pause is at least the doubled one: 100, 200, then the 400 ms cap (a poll every 50 ms without backoff).
    const gaps = proxy.refusedAt.slice(1, 5).map((at, i) => at - proxy.refusedAt[i]);
    gaps.forEach((gap, i) => expect(gap, `pause ${i + 1} of ${gaps.map(Math.round).join(', ')} ms`).toBeGreaterThanOrEqual(backoffDelay(i + 1, 50, 400) - 5));
    expect(downLines(lines)).toHaveLength(1);
    expect(downLines(lines)[0]).toMatchObject({ level: 'warn', component: 'stream-poller' });
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);

    proxy.up();
    await vi.waitFor(() => expect(lines.some((l) => l.state === 'up')).toBe(true), { timeout: 20_000, interval: 50 });
    await poller.drain();

    expect((await store.getStatistics('dept-s3', '2026-11'))[0]?.counters).toEqual({ submitted: 2 });
    expect(lines.map((l) => l.state)).toEqual(['down', 'up']);
  });

  it('finds the new stream when the table was re-created while it could not reach it', async () => {
    const { proxy, table, store, poller, lines } = await pollerBehindProxy('stream-poller-recreated', 'dept-s4', 200);

    proxy.down();
    await vi.waitFor(() => expect(downLines(lines)).toHaveLength(1), { timeout: 20_000, interval: 50 });
    await table.client.send(new DeleteTableCommand({ TableName: table.tableName }));
    await ensureTable(table.client, table.tableName);
    await store.commit(aSubmission(inDept('dept-s4')));
    proxy.up();
    await vi.waitFor(() => expect(lines.some((l) => l.state === 'up')).toBe(true), { timeout: 20_000, interval: 50 });
    await poller.drain();

    expect(lines.find((l) => l.state === 'up')).toMatchObject({ streamChanged: true });
    expect((await store.getStatistics('dept-s4', '2026-11'))[0]?.counters).toEqual({ submitted: 1 });
  });
});

describe('ensureTable and the stream', () => {
  it('enables the stream on a table that was created without one', async () => {
    const client = new DynamoDBClient({ endpoint: dynamoEndpoint(), region: 'cn-north-1', credentials });
    const name = `stream-poller-old-${Date.now().toString(36)}`;
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
