/**
 * Vitest global setup: starts ONE in-memory DynamoDB Local for the whole run and hands its
 * endpoint to the test files (`inject('dynamoEndpoint')`, and DYNAMO_ENDPOINT for the forks).
 * If it cannot start, setup throws and the run fails — integration tests never skip.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../../src/local/dynamo-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the run's DynamoDB Local. */
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Quiet, offline tools: no telemetry, no SDK Node-version notice in every fork.
  process.env.DDB_LOCAL_TELEMETRY = '0';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamo = await startDynamoLocal();
  process.env.DYNAMO_ENDPOINT = dynamo.endpoint;
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
