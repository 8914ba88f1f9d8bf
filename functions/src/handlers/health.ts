/**
 * GET /api/health — whether the stack can serve: 200 `{ status: 'ok', dynamo: 'up' }` when the
 * table answers, 503 problem+json when it does not. One GetItem of a key no entity uses (it reads
 * nothing and costs half a read unit), bounded by a short timeout so a hung database is reported
 * rather than waited for. The answer names no endpoint, table or error.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailableError } from '../domain/errors.js';
import { routeHandler } from './route-handler.js';

/** How long the probe may take before the database counts as down. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Resolves when the table answers a GetItem within `timeoutMs`; throws ServiceUnavailableError
 * (with the SDK's error as its cause, for the log) when it does not.
 */
export async function probeTable(client: DynamoDBDocumentClient, table: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  try {
    await client.send(new GetCommand({ TableName: table, Key: { PK: 'HEALTH', SK: 'PROBE' }, ProjectionExpression: 'PK' }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ServiceUnavailableError('dynamodb', { cause: error });
  }
}

/** GET /api/health (no sign-in). */
export const health = routeHandler(async ({ services, log }) => {
  try {
    await probeTable(services.table.client, services.table.name);
  } catch (error) {
    const cause = (error as Error).cause as { name?: string; code?: string } | undefined;
    log.warn('health: the table does not answer', { error: cause?.code ?? cause?.name });
    throw error;
  }
  return { body: { status: 'ok', dynamo: 'up' } };
});
