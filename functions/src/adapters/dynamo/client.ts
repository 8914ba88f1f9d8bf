/**
 * The DynamoDB document client and table name. The composition root
 * (functions/src/handlers/app-services.ts) builds one client per process from the environment:
 * `DYNAMO_ENDPOINT` points at DynamoDB Local (then dummy credentials are used), `AWS_REGION`
 * (default cn-north-1), `TABLE_NAME` (default `banshi`).
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

/** The table name from the environment (`TABLE_NAME`, default `banshi`). */
export function tableName(): string {
  return process.env.TABLE_NAME || 'banshi';
}
