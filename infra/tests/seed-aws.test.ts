/**
 * `npm run seed:aws` — the documented way to load the built-in items and reference data into a
 * deployed table — run as devops run it, against this run's DynamoDB Local (`--endpoint`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore } from '@banshi/functions/adapters/dynamo/catalog-store';
import { createTestTable, dynamoEndpoint, type TestTable } from '@banshi/functions/testing/test-table';

const run = promisify(execFile);
const SCRIPT = new URL('../scripts/seed-aws.ts', import.meta.url).pathname;
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;

const seedAws = (...args: string[]) => run(TSX, [SCRIPT, ...args], { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });

describe('npm run seed:aws', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('seed-aws');
  });
  afterAll(() => table?.drop());

  it('publishes the built-in items into the named table once, and reports them already there the second time', async () => {
    const args = ['--table', table.tableName, '--region', 'cn-north-1', '--endpoint', dynamoEndpoint()];

    const first = JSON.parse((await seedAws(...args)).stdout);
    const second = JSON.parse((await seedAws(...args)).stdout);

    expect(first).toMatchObject({ table: table.tableName, region: 'cn-north-1' });
    expect([...first.itemsPublished].sort()).toEqual(['construction-permit-parallel', 'individual-business-registration', 'information-disclosure', 'senior-card']);
    expect(second.itemsPublished).toEqual([]);
    expect(second.itemsAlreadyPublished).toHaveLength(4);
    const catalog = createCatalogStore(table.client, table.tableName);
    expect((await catalog.listVersions('senior-card')).map((v) => v.version)).toEqual([1]);
  }, 60_000);

  it('says how to call it, and exits 2, without a table or a region', async () => {
    const failure = await seedAws('--region', 'cn-north-1').catch((error: { code: number; stderr: string }) => error);

    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('usage: npm run seed:aws -- --table');
  });
});
