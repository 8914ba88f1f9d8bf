import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore } from '../../src/adapters/dynamo/catalog-store.js';
import { createDocumentClient } from '../../src/adapters/dynamo/client.js';
import { ensureTable } from '../../src/adapters/dynamo/table.js';
import { createAppServices } from '../../src/handlers/app-services.js';
import { routeTable } from '../../src/handlers/routes.js';
import { createLocalServer, type LocalServer } from '../../src/http/local-server.js';
import { createLogger } from '../../src/http/logger.js';
import { superviseDynamoLocal, type DynamoLocalState, type SupervisedDynamoLocal } from '../../src/local/dynamo-local.js';
import { seed } from '../../src/local/seed.js';

const TABLE = 'heal';
const lines: Record<string, unknown>[] = [];
const logger = createLogger({ level: 'debug', sink: (line) => lines.push(JSON.parse(line)) });
let dataDir: string;
let dynamo: SupervisedDynamoLocal;
let server: LocalServer;

beforeAll(async () => {
  // As `npm start` runs it: a file-backed DynamoDB Local under the supervisor, the real route table.
  dataDir = await mkdtemp(join(tmpdir(), 'banshi-heal-'));
  dynamo = await superviseDynamoLocal({
    dataDir,
    logger,
    restartDelayMs: 1_000,
    startTimeoutMs: 120_000, // a loaded machine (parallel test files, each with its JVM) starts java slowly
    afterStart: async (endpoint) => {
      const client = createDocumentClient({ endpoint });
      await ensureTable(client, TABLE);
      client.destroy();
    },
  });
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  await seed(createCatalogStore(client, TABLE));
  server = await createLocalServer({ routes: routeTable(createAppServices({ client, tableName: TABLE })), logger });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await dynamo?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the local stack when DynamoDB Local dies', () => {
  it('reports 503 on /api/health, restarts it on the same endpoint, and answers again without a manual restart', async () => {
    const healthy = await fetch(`${server.url}/api/health`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', dynamo: 'up' });

    const states: DynamoLocalState[] = [];
    let whileDown: Promise<Response> | undefined;
    dynamo.onStateChange((state) => {
      states.push(state);
      // Asked at the moment it is known dead, before the supervisor's first restart attempt.
      if (state === 'down' && !whileDown) whileDown = fetch(`${server.url}/api/health`, { headers: { 'accept-language': 'en' } });
    });
    const endpoint = dynamo.endpoint;
    const killed = dynamo.process;
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));

    const down = await whileDown!;
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
    const problem = await down.text();
    expect(JSON.parse(problem)).toMatchObject({ type: 'https://banshi.local/problems/service-unavailable', status: 503 });
    expect(problem).not.toContain(new URL(endpoint).port);
    expect(problem).not.toMatch(/ECONNREFUSED|dynamo|127\.0\.0\.1/i);

    await dynamo.whenUp();

    expect(dynamo.endpoint).toBe(endpoint);
    expect(dynamo.process.pid).not.toBe(killed.pid);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const items = await fetch(`${server.url}/api/items`);
    expect(items.status).toBe(200);
    expect((await items.json()).items.map((i: { itemId: string }) => i.itemId)).toContain('senior-card');
    expect(states).toEqual(['down', 'restarting', 'up']);
    const supervisorLines = lines.filter((l) => l.component === 'dynamodb-local');
    expect(supervisorLines.map((l) => l.state)).toEqual(['down', 'restarting', 'up']);
    expect(supervisorLines[0]).toMatchObject({ level: 'warn', signal: 'SIGKILL' });
  }, 240_000);
});
