import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/adapters/clock.js';
import { createCaseStore, type CaseStore } from '../../../src/adapters/dynamo/case-store.js';
import { createCatalogStore } from '../../../src/adapters/dynamo/catalog-store.js';
import { createDocumentClient } from '../../../src/adapters/dynamo/client.js';
import { ensureTable } from '../../../src/adapters/dynamo/table.js';
import { newCaseId, newReceiptNo, newTaskId } from '../../../src/adapters/ids.js';
import type { CaseServices } from '../../../src/domain/cases/ports.js';
import { submitCase } from '../../../src/domain/cases/submit-case.js';
import { defaultCalendar } from '../../../src/domain/deadlines/index.js';
import type { Principal } from '../../../src/domain/permissions/principal.js';
import { startDynamoLocal, type DynamoLocal } from '../../../src/local/dynamo-local.js';
import { seed } from '../../../src/local/seed.js';

const TABLE = 'crash';
const applicant: Principal = { userId: 'u-zhangsan', name: '张三', roles: ['applicant'], kind: 'person' };
const data = {
  applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
  residenceType: 'hukou',
  attachments: {
    identity: [{ blobId: 'id', name: 'id.jpg', size: 1000, contentType: 'image/jpeg' }],
    photo: [{ blobId: 'photo', name: 'photo.jpg', size: 1000, contentType: 'image/jpeg' }],
  },
};

function servicesOn(endpoint: string): CaseServices & { client: ReturnType<typeof createDocumentClient>; cases: CaseStore } {
  const client = createDocumentClient({ endpoint });
  return {
    client,
    cases: createCaseStore(client, TABLE),
    catalog: createCatalogStore(client, TABLE),
    clock: systemClock,
    ids: { newCaseId: () => newCaseId(), newTaskId: () => newTaskId(), newReceiptNo },
    calendar: defaultCalendar(),
  };
}

describe('DynamoDB Local killed in the middle of a load', () => {
  let dataDir: string;
  let dynamo: DynamoLocal | undefined;

  afterAll(async () => {
    await dynamo?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged case complete, and no case half-written, after a restart', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'banshi-crash-'));
    dynamo = await startDynamoLocal({ dataDir });
    const before = servicesOn(dynamo.endpoint);
    await ensureTable(before.client, TABLE);
    await seed(createCatalogStore(before.client, TABLE));

    // Eight writers submit without pause; a timer kills the process while they are in flight.
    const acknowledged: { id: string; at: number }[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    const writer = async (w: number) => {
      for (let i = 0; ; i++) {
        try {
          const result = await submitCase(before, applicant, { itemId: 'senior-card', data }, { idempotencyKey: `crash-${w}-${i}-key`, locale: 'zh-CN' });
          acknowledged.push({ id: result.case.id, at: performance.now() });
          if (acknowledged.length === 40) {
            setTimeout(() => {
              killedAt = performance.now();
              dynamo!.process.kill('SIGKILL');
            }, 100);
          }
        } catch (error) {
          if (performance.now() >= killedAt) return;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    await dynamo.stop();

    dynamo = await startDynamoLocal({ dataDir });
    const after = servicesOn(dynamo.endpoint);

    // DynamoDB Local (unlike DynamoDB) may answer a write a moment before it reaches its file: a
    // case acknowledged in the same instant as the SIGKILL was seen lost. Acknowledgements older
    // than 20 ms must all survive.
    const settled = acknowledged.filter((a) => a.at < killedAt - 20);
    expect(settled.length).toBeGreaterThanOrEqual(40);
    for (const { id } of settled) {
      expect(await after.cases.getCase(id), id).toMatchObject({ id, version: 1, status: 'submitted' });
      expect(await after.cases.getHistory(id)).toHaveLength(1);
      expect(await after.cases.getOpenTasks(id)).toHaveLength(1);
    }
    const stored = await after.client.send(new ScanCommand({ TableName: TABLE, FilterExpression: 'begins_with(PK, :c) AND SK = :m', ExpressionAttributeValues: { ':c': 'CASE#', ':m': 'META' } }));
    for (const item of stored.Items ?? []) {
      const id = String(item.PK).slice('CASE#'.length);
      expect(await after.cases.getHistory(id), `events of ${id}`).toHaveLength(1);
      expect(await after.cases.getOpenTasks(id), `tasks of ${id}`).toHaveLength(1);
    }
    expect(stored.Items!.length).toBeGreaterThanOrEqual(settled.length);
  }, 120_000);
});
