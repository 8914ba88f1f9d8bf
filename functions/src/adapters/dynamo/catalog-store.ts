/**
 * The catalog in DynamoDB (keys: table.ts): departments, users, service items (draft head,
 * draft, immutable published versions, level facets) and claims (认领).
 *
 * Listing items: by department through the department's claims (an item is "of" a department
 * when the department claimed it), by level through one small facet row per level of the item's
 * `useLevel`, else through the `ITEMS` partition of the `catalog` index. Type narrows the sort
 * key where it can; text filters the names of the rows read (a page may read more rows than it
 * returns — bounded per call, with a cursor to continue).
 */
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { Claim, Department, User, ItemVersion, ServiceItem, FormDefinition, FlowDefinition, LocalizedText } from '@banshi/schemas';
import { BadRequestError, ConflictError, NotFoundError } from '../../domain/errors.js';
import { decodeStartKey, encodeCursor, pageLimit, type Page, type PageOptions } from './cursor.js';
import { INDEXES, keys, lookupKey, stripKeys } from './table.js';

/** What a designer edits before publishing. `ui` is an optional separate uiSchema (forms carry theirs in `form.uiSchema`). */
export interface ItemDraft {
  item: ServiceItem;
  form: FormDefinition;
  flow: FlowDefinition;
  ui?: Record<string, unknown>;
}

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

export interface ListItemsOptions extends PageOptions {
  departmentId?: string;
  level?: string;
  itemType?: string;
  /** Matched (case-insensitively) against the zh-CN and English names. */
  text?: string;
}

/** Rows read per listItems call at most when filtering, in multiples of the page size. */
const MAX_FILTER_READS = 10;

/** Storage-only attributes of catalog items beyond keys and indexes. */
const strip = <T>(item: Record<string, unknown>): T => stripKeys<T>(item, ['searchText']);

function searchText(name: LocalizedText): string {
  return `${name['zh-CN']}\n${name.en ?? ''}`.toLowerCase();
}

const sortKeyPart = (value: string, what: string) => {
  if (value.includes('#') || value.length === 0 || value.length > 200) {
    throw new BadRequestError(`invalid ${what}`, [
      { pointer: `/${what}`, code: `invalid-${what}`, message: `${what} 无效 / invalid ${what}` },
    ]);
  }
  return value;
};

/** The key condition of a partition, narrowed to a sort-key prefix when there is one (DynamoDB refuses ''). */
function keyCondition(
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

/**
 * The catalog store.
 *
 * @example
 * const catalog = createCatalogStore(documentClient(), tableName());
 * const { revision } = await catalog.putDraft('item-1', draft, null);
 */
export function createCatalogStore(client: DynamoDBDocumentClient, tableName: string) {
  async function getItem<T>(PK: string, SK: string): Promise<T | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: { PK, SK }, ConsistentRead: true }));
    return out.Item ? strip<T>(out.Item) : undefined;
  }

  async function batchGet(keyList: { PK: string; SK: string }[]): Promise<Map<string, Record<string, unknown>>> {
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
  }

  /** One page of an index partition, optionally narrowed by a sort-key prefix. */
  async function listIndex<T>(
    index: (typeof INDEXES)['catalog' | 'byDepartment' | 'byLevel'],
    partition: string,
    skPrefix: string,
    options: PageOptions,
  ): Promise<Page<T>> {
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
  }

  /** Every item of an item's partition whose sort key starts with `prefix` (versions, claims), all pages. */
  async function itemChildren<T>(itemId: string, prefix: string): Promise<T[]> {
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
  }

  async function readHead(itemId: string): Promise<(ItemSummary & Record<string, unknown>) | undefined> {
    return getItem(keys.item(itemId), keys.META);
  }

  return {
    /** Creates or replaces a department. */
    async putDepartment(department: Department): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...department,
            PK: keys.department(department.id),
            SK: keys.META,
            [INDEXES.catalog.pk]: 'DEPARTMENTS',
            [INDEXES.catalog.sk]: department.id,
          },
        }),
      );
    },

    /** The department, or undefined. */
    getDepartment(departmentId: string): Promise<Department | undefined> {
      return getItem(keys.department(departmentId), keys.META);
    },

    /** All departments, by id. */
    listDepartments(options: PageOptions = {}): Promise<Page<Department>> {
      return listIndex(INDEXES.catalog, 'DEPARTMENTS', '', options);
    },

    /** Creates or replaces a user. */
    async putUser(user: User): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...user,
            PK: keys.user(user.id),
            SK: keys.META,
            [INDEXES.catalog.pk]: 'USERS',
            [INDEXES.catalog.sk]: user.id,
            ...(user.departmentId
              ? { [INDEXES.byDepartment.pk]: keys.department(user.departmentId), [INDEXES.byDepartment.sk]: keys.user(user.id) }
              : {}),
          },
        }),
      );
    },

    /** The user, or undefined. */
    getUser(userId: string): Promise<User | undefined> {
      return getItem(keys.user(userId), keys.META);
    },

    /** All users by id, or the staff of one department. */
    listUsers(options: PageOptions & { departmentId?: string } = {}): Promise<Page<User>> {
      return options.departmentId
        ? listIndex(INDEXES.byDepartment, keys.department(options.departmentId), 'USER#', options)
        : listIndex(INDEXES.catalog, 'USERS', '', options);
    },

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
      const previous = await readHead(itemId);
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
      return getItem(keys.item(itemId), keys.DRAFT);
    },

    /** The item's head (catalog summary), or undefined. */
    getItemSummary(itemId: string): Promise<ItemSummary | undefined> {
      return readHead(itemId);
    },

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
      const head = await readHead(itemId);
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
      return getItem(keys.item(itemId), keys.version(version));
    },

    /** Every published version of the item, oldest first. */
    listVersions(itemId: string): Promise<ItemVersion[]> {
      return itemChildren<ItemVersion>(itemId, 'V#');
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

      let index: (typeof INDEXES)['catalog' | 'byDepartment' | 'byLevel'];
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
          const heads = await batchGet(itemIds.map((id) => ({ PK: keys.item(id), SK: keys.META })));
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

    /**
     * Writes a claim (认领) of an item by a department. `mode`: `upsert` (the default: seeding)
     * writes whatever is there; `create` only when no claim of that id exists; `replace` only when
     * one does.
     *
     * @throws ConflictError (`create`) when the claim exists; NotFoundError (`replace`) when it does not
     */
    async putClaim(claim: Claim, mode: 'upsert' | 'create' | 'replace' = 'upsert'): Promise<void> {
      const head = await readHead(claim.itemId);
      const type = head?.itemType ?? '00';
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...claim,
              PK: keys.item(claim.itemId),
              SK: keys.claim(claim.id),
              [INDEXES.lookup.pk]: keys.claim(claim.id),
              [INDEXES.byDepartment.pk]: keys.department(claim.departmentId),
              [INDEXES.byDepartment.sk]: `CLAIM#${claim.level}#${type}#${claim.itemId}#${claim.id}`,
            },
            ...(mode === 'create' ? { ConditionExpression: 'attribute_not_exists(PK)' } : {}),
            ...(mode === 'replace' ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (mode === 'create') throw new ConflictError(`claim ${claim.id} exists already`, { cause: error });
        throw new NotFoundError('claim');
      }
    },

    /**
     * Deletes a claim of an item (and with it its index entries).
     *
     * @throws NotFoundError when the item has no such claim
     */
    async deleteClaim(itemId: string, claimId: string): Promise<void> {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { PK: keys.item(itemId), SK: keys.claim(claimId) },
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('claim');
        throw error;
      }
    },

    /**
     * Unfinished cases per published version of the item: the in-flight counters the stream
     * consumer keeps (statistics-writer.ts), one small row per version that ever had a case — so
     * the read is O(versions), never a scan of cases. Lags the case writes by one stream batch.
     */
    async getInFlight(itemId: string): Promise<{ version: number; inFlight: number }[]> {
      const rows = await itemChildren<{ version?: unknown; inFlight?: unknown }>(itemId, keys.inFlight(0).replace(/\d+$/, ''));
      return rows
        .filter((row) => typeof row.version === 'number')
        .map((row) => ({ version: row.version as number, inFlight: typeof row.inFlight === 'number' ? row.inFlight : 0 }));
    },

    /** The claims of an item. */
    listClaims(itemId: string): Promise<Claim[]> {
      return itemChildren<Claim>(itemId, 'CLAIM#');
    },

    /** A claim by its id, or undefined. */
    async getClaim(claimId: string): Promise<Claim | undefined> {
      const hit = await lookupKey(client, tableName, keys.claim(claimId));
      return hit ? getItem<Claim>(hit.PK, hit.SK) : undefined;
    },
  };
}

/** The catalog store's interface. */
export type CatalogStore = ReturnType<typeof createCatalogStore>;
