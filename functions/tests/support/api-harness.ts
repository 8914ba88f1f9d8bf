/**
 * The API as a new user reaches it, for integration tests: its own table on the run's DynamoDB
 * Local, seeded with the built-in items and sample users, served by the local HTTP server on a
 * free port, with a clock the test can set, attachments in a temporary folder, and the statistics
 * stream consumer polling the table's stream (as Lambda would). Requests go over real HTTP with
 * `fetch`.
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
import type { BlobContentType, BlobStore } from '../../src/adapters/blobs/blob-store.js';
import { BLOB_ID, createLocalBlobStore, newBlobId } from '../../src/adapters/blobs/local-blob-store.js';
import { fixedClock } from '../../src/adapters/clock.js';
import { attachmentRefs } from '../../src/domain/blobs/attachment-refs.js';
import { createAppServices } from '../../src/handlers/app-services.js';
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
   * Send attachment ids as they are. Off by default: the API tests' sample applications name their
   * attachments by fixed names (`photo`), and a signed-in client uploads a file of the named type
   * and size for each name on first use, as its user, and submits the uploaded blob's id instead
   * (the same blob every time, so a retried submission is the same request).
   */
  strictAttachments?: boolean;
  /** Serve a built web app from this folder (the local server's `staticDir`). */
  staticDir?: string;
}

/** A fresh idempotency key. */
export const newKey = () => `k-${randomUUID()}`;

/** Bytes of `size` that read as `contentType` (its magic number, then zeros). */
function sampleFile(contentType: BlobContentType, size: number): Uint8Array {
  const magic = { 'image/jpeg': [0xff, 0xd8, 0xff], 'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d] }[contentType];
  const bytes = new Uint8Array(size);
  bytes.set(magic.slice(0, size));
  return bytes;
}

/**
 * The sample attachments of one user: for each fixed name an application uses, a blob of the
 * named type and size uploaded as that user (once), whose id replaces the name in what is sent.
 */
function sampleAttachments(blobs: BlobStore, userId: string, now: () => Date) {
  const uploaded = new Map<string, Promise<string>>();
  const upload = async (name: string, contentType: BlobContentType, size: number) => {
    const blobId = newBlobId();
    const at = now().toISOString();
    await blobs.create({ blobId, ownerId: userId, name: `${name}.${contentType.split('/')[1]}`, contentType, size, createdAt: at });
    await blobs.put(blobId, sampleFile(contentType, size), at);
    return blobId;
  };
  /** The body with every sample attachment name replaced by its uploaded blob's id. */
  return async (body: unknown): Promise<unknown> => {
    const data = (body as { data?: unknown } | undefined)?.data;
    const samples = attachmentRefs(data).filter((ref) => !BLOB_ID.test(ref.blobId) && typeof ref.size === 'number' && ref.size > 0 && typeof ref.contentType === 'string');
    if (samples.length === 0) return body;
    const ids = new Map<string, string>();
    for (const ref of samples) {
      const key = `${ref.blobId}|${String(ref.contentType)}|${String(ref.size)}`;
      if (!uploaded.has(key)) uploaded.set(key, upload(ref.blobId, ref.contentType as BlobContentType, ref.size as number));
      ids.set(ref.blobId, await uploaded.get(key)!);
    }
    const replace = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(replace);
      if (value === null || typeof value !== 'object') return value;
      const record = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
      if (typeof record.blobId === 'string' && ids.has(record.blobId)) record.blobId = ids.get(record.blobId);
      return record;
    };
    return { ...(body as object), data: replace(data) };
  };
}

/** Where a body may carry form data with attachments: a submission and a case action (resubmit). */
const carriesApplication = (method: string, path: string) => method === 'POST' && /^\/api\/cases(\/[^/?]+\/actions)?$/.test(path);

function client(url: string, token?: string, withSamples?: (body: unknown) => Promise<unknown>): ApiClient {
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
    post: async (path, body, headers) => {
      const sent = withSamples && carriesApplication('POST', path) ? await withSamples(body) : body;
      return send('POST', path, sent === undefined ? undefined : JSON.stringify(sent), json(headers));
    },
    put: (path, body, headers) => send('PUT', path, JSON.stringify(body), json(headers)),
    raw: (method, path, body, headers) => send(method, path, body, headers),
  };
}

/** Starts the API on its own seeded table; `today` pins the clock (default 2026-03-02, 10:00 in Beijing). */
export async function startApi(prefix: string, today = '2026-03-02', options: StartApiOptions = {}): Promise<Api> {
  const table = await createTestTable(prefix);
  const clock = fixedClock(`${today}T02:00:00.000Z`);
  const blobDir = await mkdtemp(join(tmpdir(), `banshi-blobs-${prefix}-`));
  const blobs = createLocalBlobStore(blobDir);
  const services = createAppServices({ client: table.client, tableName: table.tableName, clock, blobs });
  await seed(services.catalogStore, clock.now());
  const poller = startStreamPoller({
    endpoint: dynamoEndpoint(),
    tableName: table.tableName,
    handler: createStatisticsStreamHandler({ writer: services.statisticsWriter }),
  });
  const server = await createLocalServer({
    routes: routeTable(services),
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
      return client(server.url, res.body.token, options.strictAttachments ? undefined : sampleAttachments(blobs, userId, () => clock.now()));
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
