/**
 * Published versions of service items in DynamoDB: immutable rows under the item (`V#<000001>`),
 * written once, with the item's head and level facets pointing at the newest; and the in-flight
 * counters of unfinished cases per version.
 */
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { ItemVersion } from '@banshi/schemas';
import { ConflictError } from '../../../domain/errors.js';
import { keys } from '../table.js';
import { catalogTable, strip } from './catalog-table.js';

export function createVersionStore(client: DynamoDBDocumentClient, tableName: string) {
  const table = catalogTable(client, tableName);
  return {
    /**
     * Publishes an immutable version and moves the head's `latestVersion` to it.
     *
     * @throws ConflictError when the version exists already or is not newer than the latest one
     */
    async publishVersion(itemId: string, record: ItemVersion): Promise<void> {
      if (record.itemId !== itemId) throw new Error(`version of ${record.itemId} published under ${itemId}`);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...record, PK: keys.item(itemId), SK: keys.version(record.version) },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Update: {
                  TableName: tableName,
                  Key: { PK: keys.item(itemId), SK: keys.META },
                  UpdateExpression: 'SET latestVersion = :v, #status = :published',
                  ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(latestVersion) OR latestVersion < :v)',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':v': record.version, ':published': 'published' },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          throw new ConflictError(`version ${record.version} of item ${itemId} cannot be published`, { cause: error });
        }
        throw error;
      }
      // Facets are a listing convenience: refresh them after the version is safely written.
      const head = await table.readHead(itemId);
      for (const level of head?.useLevel ?? []) {
        try {
          await client.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { PK: keys.item(itemId), SK: `LEVEL#${level}` },
              UpdateExpression: 'SET latestVersion = :v, #status = :published',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':v': record.version, ':published': 'published' },
            }),
          );
        } catch (error) {
          // The facet went away with a concurrent draft that dropped the level: nothing to refresh.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    },

    /** A published version, or undefined. */
    getVersion(itemId: string, version: number): Promise<ItemVersion | undefined> {
      return table.getItem(keys.item(itemId), keys.version(version));
    },

    /** Every published version of the item, oldest first. */
    listVersions(itemId: string): Promise<ItemVersion[]> {
      return table.itemChildren<ItemVersion>(itemId, 'V#');
    },

    /** The newest published version, or undefined. */
    async getLatestPublished(itemId: string): Promise<ItemVersion | undefined> {
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
          ExpressionAttributeValues: { ':pk': keys.item(itemId), ':v': 'V#' },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      const item = out.Items?.[0];
      return item ? strip<ItemVersion>(item) : undefined;
    },

    /**
     * Unfinished cases per published version of the item: the in-flight counters the stream
     * consumer keeps (statistics-writer.ts), one small row per version that ever had a case — so
     * the read is O(versions), never a scan of cases. Lags the case writes by one stream batch.
     */
    async getInFlight(itemId: string): Promise<{ version: number; inFlight: number }[]> {
      const rows = await table.itemChildren<{ version?: unknown; inFlight?: unknown }>(itemId, keys.inFlight(0).replace(/\d+$/, ''));
      return rows
        .filter((row) => typeof row.version === 'number')
        .map((row) => ({ version: row.version as number, inFlight: typeof row.inFlight === 'number' ? row.inFlight : 0 }));
    },
  };
}

export type VersionStore = ReturnType<typeof createVersionStore>;
