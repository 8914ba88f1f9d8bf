/**
 * Loads Banshi's reference data and built-in service items into a deployed table, with the same
 * idempotent seed the local stack runs (functions/src/local/seed.ts). Uses the AWS credentials of
 * the shell (profile, SSO or environment); it never creates or changes the table itself.
 *
 *   npm run seed:aws -- --table <TableName output> --region <region>
 */
import { parseArgs } from 'node:util';
import { createCatalogStore } from '@banshi/functions/adapters/dynamo/catalog-store';
import { createDocumentClient } from '@banshi/functions/adapters/dynamo/client';
import { seed } from '@banshi/functions/local/seed';

const { values } = parseArgs({
  options: { table: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
});
if (!values.table || !values.region) {
  console.error('usage: npm run seed:aws -- --table <TableName output of the stack> --region <region> [--endpoint <url>]');
  process.exit(2);
}
const client = createDocumentClient({ region: values.region, ...(values.endpoint ? { endpoint: values.endpoint } : {}) });
try {
  const report = await seed(createCatalogStore(client, values.table));
  console.log(JSON.stringify({ table: values.table, region: values.region, ...report }, null, 2));
} finally {
  client.destroy();
}
