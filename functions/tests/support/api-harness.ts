/**
 * The API as a new user reaches it, for integration tests: its own table on the run's DynamoDB
 * Local, seeded with the built-in items and sample users, served by the local HTTP server on a
 * free port, with a clock the test can set, and the statistics stream consumer polling the table's
 * stream (as Lambda would). Requests go over real HTTP with `fetch`.
 *
 * @example
 * const api = await startApi('senior-card');
 * const zhang = await api.signIn('u-zhangsan');
 * const res = await zhang.post('/api/cases', body, { 'idempotency-key': 'k-00000001' });
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { fixedClock } from '../../src/adapters/clock.js';
import { createCatalogStore } from '../../src/adapters/dynamo/catalog-store.js';
import { setDocumentClient } from '../../src/adapters/dynamo/client.js';
import { createStatisticsWriter } from '../../src/adapters/dynamo/statistics-writer.js';
import { useClock } from '../../src/handlers/app-services.js';
import { createLocalBlobStore } from '../../src/adapters/blobs/local-blob-store.js';
import { useBlobStore } from '../../src/handlers/blobs.js';
import { maxBodyBytesFor, routeTable } from '../../src/handlers/routes.js';
import { createStatisticsStreamHandler } from '../../src/handlers/statistics-stream.js';
import { createLocalServer } from '../../src/http/local-server.js';
import { seed } from '../../src/local/seed.js';
import { startStreamPoller } from '../../src/local/stream-poller.js';
import { createTestTable, dynamoEndpoint, type TestTable } from './test-table.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiClient {
  token?: string;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /** Sends a raw body (a string or bytes) as it is, for malformed-input tests. */
  raw<T = any>(method: string, path: string, body: string | Uint8Array | undefined, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export interface Api {
  url: string;
  table: TestTable;
  clock: ReturnType<typeof fixedClock>;
  anonymous: ApiClient;
  /** Signs in as a sample user through the development sign-in route. */
  signIn(userId: string): Promise<ApiClient>;
  /**
   * How many items the table holds (a test-only scan: proves that a refused request wrote nothing).
   * Drains the statistics stream first, so counters of earlier requests are already there.
   */
  itemCount(): Promise<number>;
  /** Resolves once the statistics consumer has been handed every change made so far (no sleeping). */
  drainStatistics(): Promise<void>;
  /** The temporary folder attachments (blobs) are kept in; removed by `stop`. */
  blobDir: string;
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /**
   * Refuse submissions that reference blob ids the store never issued. Off by default because the
   * API tests' sample applications carry fixed, never-uploaded attachment ids; blobs that do exist
   * are always checked (owner, uploaded, type and size).
   */
  strictAttachments?: boolean;
  /** Serve a built web app from this folder (the local server's `staticDir`). */
  staticDir?: string;
}

/** A fresh idempotency key. */
export const newKey = () => `k-${randomUUID()}`;

function client(url: string, token?: string): ApiClient {
  const send = async (method: string, path: string, body: string | Uint8Array | undefined, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { body: body as BodyInit }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as any };
  };
  const json = (headers?: Record<string, string>) => ({ 'content-type': 'application/json', ...headers });
  return {
    token,
    get: (path, headers) => send('GET', path, undefined, headers),
    post: (path, body, headers) => send('POST', path, body === undefined ? undefined : JSON.stringify(body), json(headers)),
    put: (path, body, headers) => send('PUT', path, JSON.stringify(body), json(headers)),
    raw: (method, path, body, headers) => send(method, path, body, headers),
  };
}

/** Starts the API on its own seeded table; `today` pins the clock (default 2026-03-02, 10:00 in Beijing). */
export async function startApi(prefix: string, today = '2026-03-02', options: StartApiOptions = {}): Promise<Api> {
  const table = await createTestTable(prefix);
  process.env.TABLE_NAME = table.tableName;
  setDocumentClient(table.client);
  const clock = fixedClock(`${today}T02:00:00.000Z`);
  useClock(clock);
  await seed(createCatalogStore(table.client, table.tableName), clock.now());
  const poller = startStreamPoller({
    endpoint: dynamoEndpoint(),
    tableName: table.tableName,
    handler: createStatisticsStreamHandler({ writer: createStatisticsWriter(table.client, table.tableName) }),
  });
  const blobDir = await mkdtemp(join(tmpdir(), `banshi-blobs-${prefix}-`));
  useBlobStore(createLocalBlobStore(blobDir), { allowUnknownBlobIds: !options.strictAttachments });
  const server = await createLocalServer({
    routes: routeTable(),
    port: 0,
    maxBodyBytesFor,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  });
  const anonymous = client(server.url);
  return {
    url: server.url,
    table,
    clock,
    anonymous,
    async signIn(userId) {
      const res = await anonymous.post<{ token: string }>('/api/auth/dev-sign-in', { userId });
      if (res.status !== 200) throw new Error(`sign-in of ${userId} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client(server.url, res.body.token);
    },
    drainStatistics: () => poller.drain(),
    blobDir,
    async itemCount() {
      await poller.drain();
      let count = 0;
      let start: Record<string, any> | undefined;
      do {
        const page = await table.client.send(new ScanCommand({ TableName: table.tableName, Select: 'COUNT', ExclusiveStartKey: start }));
        count += page.Count ?? 0;
        start = page.LastEvaluatedKey;
      } while (start);
      return count;
    },
    async stop() {
      await poller.stop();
      await server.close();
      await table.drop();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
