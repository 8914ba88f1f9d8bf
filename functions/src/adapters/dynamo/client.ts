/**
 * The DynamoDB document client, created once per process (module level) from the environment:
 * `DYNAMO_ENDPOINT` points at DynamoDB Local (then dummy credentials are used), `AWS_REGION`
 * (default cn-north-1), `TABLE_NAME` (default `banshi`). Tests and tools may inject their own.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Builds a document client for `endpoint` (DynamoDB Local) or for AWS when endpoint is undefined. */
export function createDocumentClient(options: { endpoint?: string; region?: string } = {}): DynamoDBDocumentClient {
  const config: DynamoDBClientConfig = {
    region: options.region ?? process.env.AWS_REGION ?? 'cn-north-1',
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}

let shared: DynamoDBDocumentClient | undefined;

/** The process-wide client (created on first use from the environment, or the injected one). */
export function documentClient(): DynamoDBDocumentClient {
  shared ??= createDocumentClient({ endpoint: process.env.DYNAMO_ENDPOINT || undefined });
  return shared;
}

/** Replaces the process-wide client (tests, local server). */
export function setDocumentClient(client: DynamoDBDocumentClient): void {
  shared = client;
}

/** The table name from the environment (`TABLE_NAME`, default `banshi`). */
export function tableName(): string {
  return process.env.TABLE_NAME || 'banshi';
}
