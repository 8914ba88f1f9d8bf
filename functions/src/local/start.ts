/**
 * `npm start`: DynamoDB Local (data under .data/), the table, the built-in items and sample users,
 * and the API on http://127.0.0.1:3000 — no AWS account needed.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDocumentClient, setDocumentClient } from '../adapters/dynamo/client.js';
import { ensureTable } from '../adapters/dynamo/table.js';
import { createCatalogStore } from '../adapters/dynamo/catalog-store.js';
import { createLocalServer } from '../http/local-server.js';
import { routeTable } from '../handlers/routes.js';
import { loadReference } from '../../../schemas/src/index.js';
import { startDynamoLocal } from './dynamo-local.js';
import { seed } from './seed.js';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.BANSHI_DATA_DIR ?? '.data/dynamodb');
const table = process.env.TABLE_NAME ?? 'banshi';
process.env.DDB_LOCAL_TELEMETRY = '0';
// Node 20 is the local runtime (Lambda runs 22+); the SDK's notice about its own future releases
// says nothing a local user can act on, so it stays quiet here. The lock file pins the SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.TABLE_NAME = table;

async function main(): Promise<void> {
  console.log('办事 Banshi — 正在启动本地环境 / starting the local stack…');
  await mkdir(dataDir, { recursive: true });
  const dynamo = await startDynamoLocal({ dataDir, port: Number(process.env.DYNAMO_PORT ?? 0) || undefined });
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  setDocumentClient(client);
  await ensureTable(client, table);
  const report = await seed(createCatalogStore(client, table));

  const server = await createLocalServer({ routes: routeTable(), port });
  const users = loadReference().users;
  console.log(`
DynamoDB Local  ${dynamo.endpoint}  (data: ${dataDir}, table: ${table})
已加载 / loaded  ${report.departments} departments, ${report.users} users, ${report.claims} claims,
                 items published now: ${report.itemsPublished.join(', ') || '—'}; already there: ${report.itemsAlreadyPublished.join(', ') || '—'}

API             ${server.url}/api          health: ${server.url}/api/health
目录 catalog    ${server.url}/api/items
登录 sign in    curl -s -X POST ${server.url}/api/auth/dev-sign-in -H 'content-type: application/json' -d '{"userId":"${users[0]?.id}"}'

示例用户 / sample users:
${users.map((u) => `  ${u.id.padEnd(28)} ${u.name.padEnd(14)} ${u.roles.join(',')}${u.departmentId ? `  ${u.departmentId}` : ''}${u.staffRoles ? ` [${u.staffRoles.join(',')}]` : ''}`).join('\n')}

Ctrl+C 停止 / to stop.`);

  const stop = async () => {
    await server.close();
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
