/**
 * Service items in DynamoDB: the head (what lists show), the draft a designer edits (kept apart
 * so list pages stay small) and one small facet row per level of the item's `useLevel`.
 *
 * Listing items: by department through the department's claims (an item is "of" a department
 * when the department claimed it), by level through the level facets, else through the `ITEMS`
 * partition of the `catalog` index. Type narrows the sort key where it can; text filters the
 * names of the rows read (a page may read more rows than it returns — bounded per call, with a
 * cursor to continue).
 */
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { ItemDraft } from '@banshi/schemas/core';
import { BadRequestError, ConflictError } from '../../../domain/errors.js';
import { decodeStartKey, encodeCursor, pageLimit, type Page, type PageOptions } from '../cursor.js';
import { INDEXES, keys } from '../table.js';
import { catalogTable, keyCondition, searchText, sortKeyPart, strip, type CatalogIndex, type ItemSummary } from './catalog-table.js';

export interface ListItemsOptions extends PageOptions {
  departmentId?: string;
  level?: string;
  itemType?: string;
  /** Matched (case-insensitively) against the zh-CN and English names. */
  text?: string;
}

/** Rows read per listItems call at most when filtering, in multiples of the page size. */
const MAX_FILTER_READS = 10;

export function createItemStore(client: DynamoDBDocumentClient, tableName: string) {
  const table = catalogTable(client, tableName);
  return {
    /**
     * Saves the draft of an item and its head (name, type, levels, status), with one level facet
     * per `useLevel`.
     *
     * @param expectedRevision null: the item must not exist yet; a number: the head's revision
     *   must equal it; undefined: unconditional.
     * @throws ConflictError when the expected revision does not hold (nothing is written)
     * @returns the new revision
     */
    async putDraft(itemId: string, draft: ItemDraft, expectedRevision?: number | null): Promise<{ revision: number }> {
      const previous = await table.readHead(itemId);
      if (expectedRevision !== undefined && (previous?.revision ?? null) !== expectedRevision) {
        throw new ConflictError('the item draft was changed by someone else');
      }
      const { item } = draft;
      const type = sortKeyPart(item.itemType, 'itemType');
      const revision = (previous?.revision ?? 0) + 1;
      const updatedAt = new Date().toISOString();
      const summary: ItemSummary = {
        itemId,
        name: item.name,
        itemType: item.itemType,
        useLevel: item.useLevel,
        status: previous?.latestVersion && item.status === 'draft' ? 'published' : item.status,
        revision,
        latestVersion: previous?.latestVersion,
        updatedAt,
      };
      const text = searchText(item.name);
      const levels = [...new Set(item.useLevel)];
      const removedLevels = (previous?.useLevel ?? []).filter((level) => !levels.includes(level));

      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...summary,
                    PK: keys.item(itemId),
                    SK: keys.META,
                    searchText: text,
                    [INDEXES.catalog.pk]: 'ITEMS',
                    [INDEXES.catalog.sk]: `${type}#${itemId}`,
                  },
                  // Guards against a writer between our read and this write.
                  ...(previous
                    ? {
                        ConditionExpression: 'revision = :previous',
                        ExpressionAttributeValues: { ':previous': previous.revision },
                      }
                    : { ConditionExpression: 'attribute_not_exists(PK)' }),
                },
              },
              { Put: { TableName: tableName, Item: { ...draft, PK: keys.item(itemId), SK: keys.DRAFT, revision } } },
              ...levels.map((level) => ({
                Put: {
                  TableName: tableName,
                  Item: {
                    ...summary,
                    PK: keys.item(itemId),
                    SK: `LEVEL#${level}`,
                    searchText: text,
                    [INDEXES.byLevel.pk]: `LEVEL#${level}`,
                    [INDEXES.byLevel.sk]: `${type}#${itemId}`,
                  },
                },
              })),
              ...removedLevels.map((level) => ({
                Delete: { TableName: tableName, Key: { PK: keys.item(itemId), SK: `LEVEL#${level}` } },
              })),
            ],
          }),
        );
      } catch (error) {
        if (error instanceof TransactionCanceledException) {
          throw new ConflictError('the item draft was changed by someone else', { cause: error });
        }
        throw error;
      }
      return { revision };
    },

    /** The draft and its revision, or undefined. */
    async getDraft(itemId: string): Promise<(ItemDraft & { revision: number }) | undefined> {
      return table.getItem(keys.item(itemId), keys.DRAFT);
    },

    /** The item's head (catalog summary), or undefined. */
    getItemSummary(itemId: string): Promise<ItemSummary | undefined> {
      return table.readHead(itemId);
    },

    /**
     * Items of the catalog: claimed by a department, or of a level, or all; narrowed by type and
     * by text in the names.
     */
    async listItems(options: ListItemsOptions = {}): Promise<Page<ItemSummary>> {
      const limit = pageLimit(options.limit);
      const text = options.text?.trim().toLowerCase() || undefined;
      if (text && text.length > 100) {
        throw new BadRequestError('search text too long', [
          { pointer: '/text', code: 'too-long', message: '搜索词过长 / search text too long' },
        ]);
      }
      const type = options.itemType === undefined ? undefined : sortKeyPart(options.itemType, 'itemType');
      const level = options.level === undefined ? undefined : sortKeyPart(options.level, 'level');

      let index: CatalogIndex;
      let partition: string;
      let prefix: string;
      if (options.departmentId) {
        index = INDEXES.byDepartment;
        partition = keys.department(options.departmentId);
        prefix = `CLAIM#${level ? `${level}#` : ''}${level && type ? `${type}#` : ''}`;
      } else if (level) {
        index = INDEXES.byLevel;
        partition = `LEVEL#${level}`;
        prefix = type ? `${type}#` : '';
      } else {
        index = INDEXES.catalog;
        partition = 'ITEMS';
        prefix = type ? `${type}#` : '';
      }
      let start = decodeStartKey(options.cursor, ['PK', 'SK', index.pk, index.sk], { [index.pk]: partition });

      const matches = (summary: ItemSummary) =>
        (!type || summary.itemType === type) && (!text || searchText(summary.name).includes(text));

      const found: ItemSummary[] = [];
      let reads = 0;
      do {
        // Never read more rows than are still wanted, so the cursor never skips a match.
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: index.name,
            ...keyCondition(index, partition, prefix),
            Limit: limit - found.length,
            ExclusiveStartKey: start,
          }),
        );
        reads += limit - found.length;
        const rows = out.Items ?? [];
        let summaries: ItemSummary[];
        if (index === INDEXES.byDepartment) {
          // Claim rows: read the heads of the items they claim.
          const itemIds = rows.map((row) => String(row.itemId));
          const heads = await table.batchGet(itemIds.map((id) => ({ PK: keys.item(id), SK: keys.META })));
          summaries = itemIds.flatMap((id) => {
            const head = heads.get(`${keys.item(id)}|${keys.META}`);
            return head ? [strip<ItemSummary>(head)] : [];
          });
        } else {
          summaries = rows.map((row) => strip<ItemSummary>(row));
        }
        found.push(...summaries.filter(matches));
        start = out.LastEvaluatedKey;
      } while (start && found.length < limit && reads < limit * MAX_FILTER_READS);

      return { items: found, cursor: encodeCursor(start) };
    },
  };
}

export type ItemStore = ReturnType<typeof createItemStore>;
