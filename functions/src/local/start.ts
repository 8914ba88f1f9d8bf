/**
 * `npm start`: DynamoDB Local (data under .data/; restarted by its supervisor if it dies), the
 * table, the built-in items and sample users, the statistics consumer polling the table's stream
 * (as its Lambda would), and the API and the web app (web/dist, built with Vite first) on
 * http://127.0.0.1:3000 — no AWS account needed. Warns when the machine has no Chinese font.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalBlobStore, defaultBlobDir } from '../adapters/blobs/local-blob-store.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamo/client.js';
import { ensureTable } from '../adapters/dynamo/table.js';
import { createAppServices } from '../handlers/app-services.js';
import { createStatisticsStreamHandler } from '../handlers/statistics-stream.js';
import { createLocalServer } from '../http/local-server.js';
import { maxBodyBytesFor, routeTable } from '../handlers/routes.js';
import { loadReference } from '@banshi/schemas';
import { cjkFontWarning, findCjkFont } from './cjk-font.js';
import { superviseDynamoLocal } from './dynamo-local.js';
import { seed } from './seed.js';
import { startStreamPoller } from './stream-poller.js';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.BANSHI_DATA_DIR ?? '.data/dynamodb');
const table = process.env.TABLE_NAME ?? 'banshi';
process.env.DDB_LOCAL_TELEMETRY = '0';
// Node 20 is the local runtime (Lambda runs 22+); the SDK's notice about its own future releases
// says nothing a local user can act on, so it stays quiet here. The lock file pins the SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.TABLE_NAME = table;
const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));
const webDist = resolve(webDir, 'dist');

/** Builds web/ into web/dist with Vite, unless BANSHI_SKIP_WEB_BUILD=1 and a build is there already. */
async function buildWeb(): Promise<void> {
  if (process.env.BANSHI_SKIP_WEB_BUILD === '1' && existsSync(resolve(webDist, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: resolve(webDir, 'vite.config.ts'), logLevel: 'warn' });
}

async function main(): Promise<void> {
  console.log('办事 Banshi — 正在启动本地环境 / starting the local stack…');
  await mkdir(dataDir, { recursive: true });
  const fontChecked = findCjkFont();
  const webBuilt = buildWeb(); // alongside DynamoDB Local's start
  webBuilt.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  let client: DynamoDBDocumentClient | undefined;
  // Same port and data folder on every restart: the clients below keep working across one.
  const dynamo = await superviseDynamoLocal({
    dataDir,
    port: Number(process.env.DYNAMO_PORT ?? 0) || undefined,
    afterStart: async (endpoint) => {
      client ??= createDocumentClient({ endpoint });
      await ensureTable(client, table);
    },
  });
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  client ??= createDocumentClient({ endpoint: dynamo.endpoint });
  // The API's services: this table, the system clock, attachments in a folder under .data/.
  const services = createAppServices({ client, tableName: table, blobs: createLocalBlobStore() });
  const report = await seed(services.catalogStore);
  const poller = startStreamPoller({
    endpoint: dynamo.endpoint,
    tableName: table,
    handler: createStatisticsStreamHandler({ writer: services.statisticsWriter }),
  });

  await webBuilt;
  const server = await createLocalServer({ routes: routeTable(services), port, maxBodyBytesFor, staticDir: webDist });
  const users = loadReference().users;
  console.log(`
网页 web app    ${server.url}/          (built from web/ into ${webDist})
DynamoDB Local  ${dynamo.endpoint}  (data: ${dataDir}, table: ${table}; stream → statistics)
已加载 / loaded  ${report.departments} departments, ${report.users} users, ${report.claims} claims,
                 items published now: ${report.itemsPublished.join(', ') || '—'}; already there: ${report.itemsAlreadyPublished.join(', ') || '—'}

API             ${server.url}/api          health: ${server.url}/api/health
附件 blobs      ${defaultBlobDir()}
目录 catalog    ${server.url}/api/items
登录 sign in    curl -s -X POST ${server.url}/api/auth/dev-sign-in -H 'content-type: application/json' -d '{"userId":"${users[0]?.id}"}'

示例用户 / sample users:
${users.map((u) => `  ${u.id.padEnd(28)} ${u.name.padEnd(14)} ${u.roles.join(',')}${u.departmentId ? `  ${u.departmentId}` : ''}${u.staffRoles ? ` [${u.staffRoles.join(',')}]` : ''}`).join('\n')}

Ctrl+C 停止 / to stop.`);
  const fontWarning = cjkFontWarning(await fontChecked);
  if (fontWarning) console.warn(`\n${fontWarning}`);

  const stop = async () => {
    await server.close();
    await poller.stop();
    await dynamo.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`\n启动失败 / could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
