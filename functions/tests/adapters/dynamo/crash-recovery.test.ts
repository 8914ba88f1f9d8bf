import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../src/adapters/blobs/blob-store.js';
import { createLocalBlobStore, newBlobId } from '../../../src/adapters/blobs/local-blob-store.js';
import { createCaseStore } from '../../../src/adapters/dynamo/case-store.js';
import { createCatalogStore } from '../../../src/adapters/dynamo/catalog-store.js';
import { createDocumentClient } from '../../../src/adapters/dynamo/client.js';
import { ensureTable } from '../../../src/adapters/dynamo/table.js';
import { createAppServices } from '../../../src/handlers/app-services.js';
import { maxBodyBytesFor, routeTable } from '../../../src/handlers/routes.js';
import { createLocalServer, type LocalServer } from '../../../src/http/local-server.js';
import { createLogger } from '../../../src/http/logger.js';
import { superviseDynamoLocal, type SupervisedDynamoLocal } from '../../../src/local/dynamo-local.js';
import { seed } from '../../../src/local/seed.js';

const TABLE = 'crash';
const WRITERS = 8;
/** Submissions each writer must get acknowledged with requests sent after the restart. */
const AFTER_RESTART = 3;
const data = {
  applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
  residenceType: 'hukou',
  attachments: {
    identity: [{ blobId: '', name: 'id.jpg', size: 1000, contentType: 'image/jpeg' }],
    photo: [{ blobId: '', name: 'photo.jpg', size: 1000, contentType: 'image/jpeg' }],
  },
};

/** A JPEG of 1000 bytes uploaded by `ownerId`; its blob id. */
async function uploadedJpeg(blobs: BlobStore, ownerId: string, name: string): Promise<string> {
  const blobId = newBlobId();
  const bytes = new Uint8Array(1000);
  bytes.set([0xff, 0xd8, 0xff]);
  const at = new Date().toISOString();
  await blobs.create({ blobId, ownerId, name, contentType: 'image/jpeg', size: bytes.length, createdAt: at });
  await blobs.put(blobId, bytes, at);
  return blobId;
}

interface Ack {
  id: string;
  /** When the acknowledgement (201, or 200 for a retried key) arrived. */
  at: number;
  /** Whether the request that got it was sent after DynamoDB Local was up again. */
  afterRestart: boolean;
}

describe('DynamoDB Local killed in the middle of a load through the HTTP stack', () => {
  let dataDir: string;
  let blobDir: string;
  let dynamo: SupervisedDynamoLocal | undefined;
  let server: LocalServer | undefined;

  afterAll(async () => {
    await server?.close();
    await dynamo?.stop();
    for (const dir of [dataDir, blobDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged case complete, none half-written, and serves the load again once the supervisor restarted it', async () => {
    // The stack as `npm start` runs it: file-backed DynamoDB Local under the supervisor, the local
    // server with the real route table, applicants signed in with a token.
    dataDir = await mkdtemp(join(tmpdir(), 'banshi-crash-'));
    blobDir = await mkdtemp(join(tmpdir(), 'banshi-crash-blobs-'));
    // A loaded machine (parallel test files, each with its JVM) starts java slowly: a generous start-up limit.
    dynamo = await superviseDynamoLocal({ dataDir, restartDelayMs: 200, startTimeoutMs: 120_000, logger: createLogger({ level: 'silent' }) });
    const client = createDocumentClient({ endpoint: dynamo.endpoint });
    await ensureTable(client, TABLE);
    await seed(createCatalogStore(client, TABLE));
    const blobs = createLocalBlobStore(blobDir);
    data.attachments.identity[0].blobId = await uploadedJpeg(blobs, 'u-zhangsan', 'id.jpg');
    data.attachments.photo[0].blobId = await uploadedJpeg(blobs, 'u-zhangsan', 'photo.jpg');
    const services = createAppServices({ client, tableName: TABLE, blobs });
    server = await createLocalServer({ routes: routeTable(services), maxBodyBytesFor, logger: createLogger({ level: 'silent' }) });
    const signIn = await fetch(`${server.url}/api/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u-zhangsan' }) });
    const { token } = (await signIn.json()) as { token: string };
    const submit = (key: string) =>
      fetch(`${server!.url}/api/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ itemId: 'senior-card', data }),
      });

    // Eight writers submit without pause; a timer SIGKILLs the java process while they are in
    // flight. A writer whose request fails waits until the supervisor has DynamoDB Local up again
    // and sends the same request again (same Idempotency-Key), as a client would.
    const acknowledged: Ack[] = [];
    const failedAfterRestart: string[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    let up = false;
    const restarted = new Promise<void>((resolve) =>
      dynamo!.onStateChange((state) => {
        if (state !== 'up') return;
        up = true;
        resolve();
      }),
    );
    const writer = async (w: number) => {
      let afterRestart = 0;
      for (let i = 0; afterRestart < AFTER_RESTART; i++) {
        const key = `crash-${w}-${i}-key`;
        for (let attempt = 0; ; attempt++) {
          const sentAfterRestart = up;
          const response = await submit(key).catch((error: Error) => error);
          if (!(response instanceof Error) && (response.status === 201 || response.status === 200)) {
            const body = (await response.json()) as { case: { id: string } };
            acknowledged.push({ id: body.case.id, at: performance.now(), afterRestart: sentAfterRestart });
            if (sentAfterRestart) afterRestart++;
            if (acknowledged.length === 40) {
              setTimeout(() => {
                killedAt = performance.now();
                dynamo!.process.kill('SIGKILL');
              }, 100);
            }
            break;
          }
          const what = response instanceof Error ? response.message : `${response.status} ${await response.text()}`;
          if (sentAfterRestart) failedAfterRestart.push(`${key}: ${what}`);
          if (performance.now() < killedAt || sentAfterRestart || attempt > 5) throw new Error(`${key} failed: ${what}`);
          await restarted;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    expect(failedAfterRestart).toEqual([]);
    const after = createCaseStore(client, TABLE);
    // DynamoDB Local (unlike DynamoDB) may answer a write a moment before it reaches its file: a
    // case acknowledged in the same instant as the SIGKILL was seen lost. Acknowledgements older
    // than 20 ms, and every one of a request sent after the restart, must all survive.
    const settled = acknowledged.filter((a) => a.at < killedAt - 20 || a.afterRestart);
    expect(settled.filter((a) => !a.afterRestart).length).toBeGreaterThanOrEqual(40);
    expect(settled.filter((a) => a.afterRestart).length).toBeGreaterThanOrEqual(WRITERS * AFTER_RESTART);
    for (const { id } of settled) {
      expect(await after.getCase(id), id).toMatchObject({ id, version: 1, status: 'submitted' });
      expect(await after.getHistory(id), `events of ${id}`).toHaveLength(1);
      expect(await after.getOpenTasks(id), `tasks of ${id}`).toHaveLength(1);
    }
    const stored = await client.send(new ScanCommand({ TableName: TABLE, FilterExpression: 'begins_with(PK, :c) AND SK = :m', ExpressionAttributeValues: { ':c': 'CASE#', ':m': 'META' } }));
    for (const item of stored.Items ?? []) {
      const id = String(item.PK).slice('CASE#'.length);
      expect(await after.getHistory(id), `events of ${id}`).toHaveLength(1);
      expect(await after.getOpenTasks(id), `tasks of ${id}`).toHaveLength(1);
    }
    expect(stored.Items!.length).toBeGreaterThanOrEqual(new Set(settled.map((a) => a.id)).size);
  }, 400_000);
});
