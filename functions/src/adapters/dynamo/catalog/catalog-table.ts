/**
 * What every part of the catalog reads the table with (keys: ../table.ts): single rows, batches,
 * one page of an index partition, all rows of an item's partition under a prefix, and the item's
 * head — the row lists show, which versions update and claims take the item type from.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { LocalizedText, ServiceItem } from '@banshi/schemas';
import { BadRequestError } from '../../../domain/errors.js';
import { decodeStartKey, encodeCursor, pageLimit, type Page, type PageOptions } from '../cursor.js';
import { INDEXES, keys, stripKeys } from '../table.js';

/** The head of an item: what catalog lists show. */
export interface ItemSummary {
  itemId: string;
  name: LocalizedText;
  itemType: ServiceItem['itemType'];
  useLevel: ServiceItem['useLevel'];
  status: ServiceItem['status'];
  /** Grows by one with every saved draft; putDraft can be conditional on it. */
  revision: number;
  /** The newest published version, if any. */
  latestVersion?: number;
  updatedAt: string;
}

/** The indexes catalog listings read. */
export type CatalogIndex = (typeof INDEXES)['catalog' | 'byDepartment' | 'byLevel'];

/** Storage-only attributes of catalog items beyond keys and indexes. */
export const strip = <T>(item: Record<string, unknown>): T => stripKeys<T>(item, ['searchText']);

/** The lower-cased names text filters match against. */
export function searchText(name: LocalizedText): string {
  return `${name['zh-CN']}\n${name.en ?? ''}`.toLowerCase();
}

/** A value that becomes part of a sort key: no `#`, not empty, not long. */
export const sortKeyPart = (value: string, what: string) => {
  if (value.includes('#') || value.length === 0 || value.length > 200) {
    throw new BadRequestError(`invalid ${what}`, [
      { pointer: `/${what}`, code: `invalid-${what}`, message: `${what} 无效 / invalid ${what}` },
    ]);
  }
  return value;
};

/** The key condition of a partition, narrowed to a sort-key prefix when there is one (DynamoDB refuses ''). */
export function keyCondition(
  index: { pk: string; sk: string },
  partition: string,
  prefix: string,
): Pick<QueryCommandInput, 'KeyConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'> {
  return prefix
    ? {
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames: { '#pk': index.pk, '#sk': index.sk },
        ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
      }
    : {
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': partition },
      };
}

/** The catalog's reads of the table. */
export function catalogTable(client: DynamoDBDocumentClient, tableName: string) {
  async function getItem<T>(PK: string, SK: string): Promise<T | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: { PK, SK }, ConsistentRead: true }));
    return out.Item ? strip<T>(out.Item) : undefined;
  }

  return {
    /** One row, read consistently, without its storage-only attributes; undefined when absent. */
    getItem,

    /** The rows of the keys that exist, by `PK|SK`; unprocessed keys are retried with backoff. */
    async batchGet(keyList: { PK: string; SK: string }[]): Promise<Map<string, Record<string, unknown>>> {
      const found = new Map<string, Record<string, unknown>>();
      for (let i = 0; i < keyList.length; i += 100) {
        let pending: Record<string, unknown>[] = keyList.slice(i, i + 100);
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));
          const out = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
          for (const item of out.Responses?.[tableName] ?? []) found.set(`${item.PK}|${item.SK}`, item);
          pending = (out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }
      return found;
    },

    /** One page of an index partition, optionally narrowed by a sort-key prefix. */
    async listIndex<T>(index: CatalogIndex, partition: string, skPrefix: string, options: PageOptions): Promise<Page<T>> {
      const limit = pageLimit(options.limit);
      const start = decodeStartKey(options.cursor, ['PK', 'SK', index.pk, index.sk], { [index.pk]: partition });
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: index.name,
          ...keyCondition(index, partition, skPrefix),
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      return { items: (out.Items ?? []).map((item) => strip<T>(item)), cursor: encodeCursor(out.LastEvaluatedKey) };
    },

    /** Every item of an item's partition whose sort key starts with `prefix` (versions, claims), all pages. */
    async itemChildren<T>(itemId: string, prefix: string): Promise<T[]> {
      const found: T[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': keys.item(itemId), ':prefix': prefix },
            ExclusiveStartKey: start,
          }),
        );
        found.push(...(out.Items ?? []).map((item) => strip<T>(item)));
        start = out.LastEvaluatedKey;
      } while (start);
      return found;
    },

    /** The item's head, or undefined. */
    readHead(itemId: string): Promise<(ItemSummary & Record<string, unknown>) | undefined> {
      return getItem(keys.item(itemId), keys.META);
    },
  };
}

/** The catalog's reads of the table, shared by its stores. */
export type CatalogTable = ReturnType<typeof catalogTable>;
