/**
 * Banshi's single DynamoDB table: every access pattern of DESIGN.md §6 is a GetItem or a Query of
 * one partition (of the table or of a sparse index) — O(page), never a scan.
 *
 * Keys (PK / SK on the table; index keys only on the items that need them — sparse indexes):
 *
 * | entity             | PK                        | SK                     | index keys                                                                                    |
 * |--------------------|---------------------------|------------------------|-----------------------------------------------------------------------------------------------|
 * | item head          | ITEM#<itemId>             | META                   | catalog: ITEMS / <type>#<itemId>; byDepartment: DEPT#<d> / ITEM#<level>#<type>#<itemId>;       |
 * |                    |                           |                        | byLevel: LEVEL#<level> / <type>#<itemId>                                                      |
 * | item draft         | ITEM#<itemId>             | DRAFT                  | — (item + form + ui + flow; kept apart so list pages stay small)                              |
 * | published version  | ITEM#<itemId>             | V#<000001>             | — (immutable: written once with attribute_not_exists)                                         |
 * | claim (认领)        | ITEM#<itemId>             | CLAIM#<claimId>        | lookup: CLAIM#<claimId>; byDepartment: DEPT#<d> / CLAIM#<claimId>                              |
 * | department         | DEPT#<deptId>             | META                   | catalog: DEPARTMENTS / <deptId>                                                               |
 * | user               | USER#<userId>             | META                   | catalog: USERS / <userId>; byDepartment: DEPT#<d> / USER#<userId> (staff)                      |
 * | case (办件)         | CASE#<caseId>             | META                   | lookup: RECEIPT#<receiptNo>; byApplicant: APPLICANT#<u> / <createdAt>#<caseId>;                |
 * |                    |                           |                        | byAgent: AGENT#<u> / <createdAt>#<caseId> (only when filed by an agent)                        |
 * | audit event        | CASE#<caseId>             | EV#<seq, 6 digits>     | — (append-only: attribute_not_exists)                                                          |
 * | task (待办)         | CASE#<caseId>             | TASK#<taskId>          | open tasks only: inbox: INBOX#<d>#<role> / <dueDate>#<taskId>;                                 |
 * |                    |                           |                        | due: DUE#<shard 0..3> / <dueDate>#<taskId>;                                                   |
 * |                    |                           |                        | done tasks only: handled: HANDLED#<closedBy> / <closedAt>#<taskId>                            |
 * | idempotency record | IDEM#<principal>#<key>    | META                   | — (expiresAt: TTL, ≥ 24 h; caseId it produced)                                                 |
 * | deadline notice    | CASE#<caseId>             | NOTICE#<taskId>#<dueDate>#<state> | — (written once by the deadline sweep: attribute_not_exists)                       |
 * | attachment (AWS)   | BLOB#<blobId>             | META                   | — (metadata of an S3 object, blobs/s3-blob-store.ts; caseIds appended on submission)          |
 * | statistics         | STAT#<deptId>#<yyyy-mm>   | ITEM#<itemId>          | — (counters ADDed by the stream consumer, statistics-writer.ts; `seen`: shard → last sequence) |
 * | in-flight counter  | ITEM#<itemId>             | OPEN#V#<000001>        | — (`inFlight`: unfinished cases of that version, ADDed by the same consumer)                   |
 * | calendar year      | CALENDAR                  | YEAR#<yyyy>            | — (a year's national holidays and make-up days as an admin entered them; `revision` guards)   |
 * | region calendar    | CALENDAR                  | REGION#<yyyy>#<code>   | — (a region's own days of a year, same shape and guard)                                         |
 * | calendar audit     | CALAUDIT#<yyyy>           | <at>#<id>              | — (append-only: actor, time, before/after of every calendar change; attribute_not_exists)      |
 *
 * Indexes and why:
 * - `catalog`, `byDepartment`, `byLevel` (projection ALL): catalog listings by department / level /
 *   type; heads are small (the draft lives in its own item). The whole catalog (hundreds to a few
 *   thousand items, rarely written) fits one `ITEMS` partition. Text search filters the names
 *   (`searchText`, lower-cased zh-CN + en) of the narrowest partition the other criteria allow:
 *   a page may read more than it returns (bounded, with a cursor to continue) — the trade-off for
 *   not running a search engine. Combining department + type without level filters on `itemType`.
 * - `lookup` (KEYS_ONLY): receipt number → case, claim id → claim. The receipt number is random
 *   (30 bits per region and day), so it is unique in practice without a second transactional item.
 * - `byApplicant`, `byAgent` (KEYS_ONLY): newest first by `<createdAt>#<caseId>`; pages are then read
 *   with BatchGetItem. KEYS_ONLY keeps case updates free of index writes: the keys never change and
 *   nothing else is projected, so only the first write of a case touches these indexes.
 * - `inbox`, `due` (projection ALL, tasks are < 1 KB): sparse — a task carries the keys only while
 *   open, so closing a task (a Put without them) removes it from both. `due` is spread over
 *   DUE_SHARDS partitions (by a hash of the task id) so the sweep's index never has one hot key;
 *   the sweep queries each shard and merges by due date.
 * - `handled` (KEYS_ONLY): the staff member's handled list (已办), newest first. A task carries the
 *   keys once it is closed as done by the person who acted on it (a cancelled task does not: no
 *   one handled it), and a closed task is never written again, so each staff action adds exactly
 *   one keys-only index entry (1 WCU) and nothing else; pages are read with BatchGetItem of the
 *   tasks and their cases. bench/lib/minimum-wcu.ts counts that entry in the minimum.
 *
 * - The stored calendar is one small partition (`CALENDAR`: a few items per year), read whole by one
 *   Query and cached per warm process (adapters/cached-calendar.ts); a stored year replaces the
 *   `chinese-days` data of that year. After a change, open tasks whose due dates reach the changed
 *   year are found through the `due` index (due date ≥ January 1 of that year), never a scan
 *   (adapters/dynamo/due-date-store.ts).
 *
 * Write cost: a task does not copy the case (only ids, names, step, department, role, due date);
 * the event holds only the change. See case-store.ts for the transaction of one change.
 *
 * Stream (NEW_AND_OLD_IMAGES): derived data is kept out of the request path. Statistics are
 * counted from the case items' old and new images by a stream consumer (handlers/statistics-stream.ts),
 * so no case transaction touches a shared counter item (no hot key, no extra write units).
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type Projection,
  type StreamSpecification,
} from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The TTL attribute (epoch seconds). */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The table's stream: both images, so consumers see what changed (statistics, audit). */
export const STREAM_SPECIFICATION = {
  StreamEnabled: true,
  StreamViewType: 'NEW_AND_OLD_IMAGES',
} as const satisfies StreamSpecification;

/** Number of partitions of the `due` index. */
export const DUE_SHARDS = 4;

/** Index names and their key attributes. */
export const INDEXES = {
  catalog: { name: 'catalog', pk: 'catalogPk', sk: 'catalogSk' },
  byDepartment: { name: 'byDepartment', pk: 'deptPk', sk: 'deptSk' },
  byLevel: { name: 'byLevel', pk: 'levelPk', sk: 'levelSk' },
  lookup: { name: 'lookup', pk: 'lookupPk', sk: undefined },
  byApplicant: { name: 'byApplicant', pk: 'applicantPk', sk: 'applicantSk' },
  byAgent: { name: 'byAgent', pk: 'agentPk', sk: 'agentSk' },
  inbox: { name: 'inbox', pk: 'inboxPk', sk: 'inboxSk' },
  due: { name: 'due', pk: 'duePk', sk: 'dueSk' },
  handled: { name: 'handled', pk: 'handledPk', sk: 'handledSk' },
} as const;

export type IndexName = keyof typeof INDEXES;

const PROJECTIONS: Record<IndexName, Projection> = {
  catalog: { ProjectionType: 'ALL' },
  byDepartment: { ProjectionType: 'ALL' },
  byLevel: { ProjectionType: 'ALL' },
  lookup: { ProjectionType: 'KEYS_ONLY' },
  byApplicant: { ProjectionType: 'KEYS_ONLY' },
  byAgent: { ProjectionType: 'KEYS_ONLY' },
  inbox: { ProjectionType: 'ALL' },
  due: { ProjectionType: 'ALL' },
  handled: { ProjectionType: 'KEYS_ONLY' },
};

/** Key builders: the one place key strings are spelled. */
export const keys = {
  item: (itemId: string) => `ITEM#${itemId}`,
  version: (version: number) => `V#${String(version).padStart(6, '0')}`,
  claim: (claimId: string) => `CLAIM#${claimId}`,
  department: (departmentId: string) => `DEPT#${departmentId}`,
  user: (userId: string) => `USER#${userId}`,
  case: (caseId: string) => `CASE#${caseId}`,
  event: (seq: number) => `EV#${String(seq).padStart(6, '0')}`,
  task: (taskId: string) => `TASK#${taskId}`,
  receipt: (receiptNo: string) => `RECEIPT#${receiptNo}`,
  applicant: (userId: string) => `APPLICANT#${userId}`,
  agent: (userId: string) => `AGENT#${userId}`,
  inbox: (departmentId: string, role: string) => `INBOX#${departmentId}#${role}`,
  dueShard: (shard: number) => `DUE#${shard}`,
  handled: (userId: string) => `HANDLED#${userId}`,
  idempotency: (principalId: string, key: string) => `IDEM#${principalId}#${key}`,
  statistics: (departmentId: string, month: string) => `STAT#${departmentId}#${month}`,
  deadlineNotice: (taskId: string, dueDate: string, state: string) => `NOTICE#${taskId}#${dueDate}#${state}`,
  blob: (blobId: string) => `BLOB#${blobId}`,
  inFlight: (version: number) => `OPEN#V#${String(version).padStart(6, '0')}`,
  CALENDAR: 'CALENDAR',
  calendarYear: (year: number) => `YEAR#${year}`,
  calendarRegion: (year: number, region: string) => `REGION#${year}#${region}`,
  calendarAudit: (year: number) => `CALAUDIT#${year}`,
  META: 'META',
  DRAFT: 'DRAFT',
} as const;

/** The `due` shard of a task: a stable hash of its id. */
export function dueShardOf(taskId: string): number {
  let hash = 0;
  for (let i = 0; i < taskId.length; i += 1) hash = (hash * 31 + taskId.charCodeAt(i)) >>> 0;
  return hash % DUE_SHARDS;
}

/** The CreateTable input of Banshi's table: on-demand, the key schema and the sparse indexes. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>(['PK', 'SK']);
  const indexes: GlobalSecondaryIndex[] = (Object.keys(INDEXES) as IndexName[]).map((id) => {
    const index = INDEXES[id];
    attributes.add(index.pk);
    if (index.sk) attributes.add(index.sk);
    return {
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.pk, KeyType: 'HASH' },
        ...(index.sk ? [{ AttributeName: index.sk, KeyType: 'RANGE' as const }] : []),
      ],
      Projection: PROJECTIONS[id],
    };
  });
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    GlobalSecondaryIndexes: indexes,
    StreamSpecification: { ...STREAM_SPECIFICATION },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Enables the stream on a table created before it had one (UpdateTable), and waits until the
 * table is ACTIVE again. A table whose stream is already enabled is left alone (whatever its view
 * type: changing it would need disabling the stream first, which loses unread records).
 */
async function ensureStream(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.StreamSpecification?.StreamEnabled && Table.TableStatus === 'ACTIVE') return;
    if (attempt >= 60) throw new Error(`could not enable the stream of table ${tableName}`);
    if (Table?.StreamSpecification?.StreamEnabled || Table?.TableStatus !== 'ACTIVE') {
      await sleep(1_000); // being updated (by us or a concurrent caller)
      continue;
    }
    try {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { ...STREAM_SPECIFICATION } }));
    } catch (error) {
      // A concurrent caller enabled it first, or the table is busy with another update: look again.
      const benign =
        error instanceof ResourceInUseException ||
        (error instanceof Error && /already has an enabled stream|being updated|in use/i.test(error.message));
      if (!benign) throw error;
      await sleep(500);
    }
  }
}

/**
 * Adds the indexes a table created by an earlier version lacks (one per UpdateTable, as DynamoDB
 * allows), waiting for each to become active. Existing items are indexed by DynamoDB itself.
 */
async function ensureIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const wanted = tableDefinition(tableName);
  for (let attempt = 0; ; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const busy = Table?.TableStatus !== 'ACTIVE' || (Table?.GlobalSecondaryIndexes ?? []).some((i) => i.IndexStatus !== 'ACTIVE');
    const missing = (wanted.GlobalSecondaryIndexes ?? []).find((i) => !present.has(i.IndexName));
    if (!missing && !busy) return;
    if (attempt >= 120) throw new Error(`could not add the indexes of table ${tableName}`);
    if (busy || !missing) {
      await sleep(500);
      continue;
    }
    const names = new Set([missing.KeySchema?.map((k) => k.AttributeName)].flat());
    try {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: wanted.AttributeDefinitions?.filter((a) => names.has(a.AttributeName)),
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: missing.IndexName, KeySchema: missing.KeySchema, Projection: missing.Projection } }],
        }),
      );
    } catch (error) {
      // A concurrent caller added it first, or the table is busy: look again.
      const benign = error instanceof ResourceInUseException || (error instanceof Error && /already exists|being updated|in use/i.test(error.message));
      if (!benign) throw error;
      await sleep(500);
    }
  }
}

/**
 * Creates the table if it is missing, waits until it is active, enables its stream if it was
 * created without one, adds the indexes it lacks, and enables TTL on `expiresAt`. Safe to call
 * again and concurrently.
 */
export async function ensureTable(
  anyClient: DynamoDBClient | DynamoDBDocumentClient,
  tableName: string,
): Promise<void> {
  // A document client shares the base client's configuration and sends plain commands too.
  const client = anyClient as DynamoDBClient;
  let exists = true;
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    exists = false;
  }
  if (!exists) {
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }
  await waitUntilTableExists(
    { client, maxWaitTime: 120, minDelay: 1, maxDelay: 2 },
    { TableName: tableName },
  );
  await ensureStream(client, tableName);
  await ensureIndexes(client, tableName);
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
        }),
      );
    } catch (error) {
      // A concurrent caller enabled it first.
      if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
    }
  }
}

/**
 * The table key of the item the `lookup` index maps a value to (a receipt number, a claim id), or
 * undefined. One query of one partition of a keys-only index.
 */
export async function lookupKey(client: DynamoDBDocumentClient, tableName: string, value: string): Promise<{ PK: string; SK: string } | undefined> {
  const out = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: INDEXES.lookup.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.lookup.pk },
      ExpressionAttributeValues: { ':pk': value },
      Limit: 1,
    }),
  );
  const hit = out.Items?.[0];
  return hit ? { PK: String(hit.PK), SK: String(hit.SK) } : undefined;
}

/** The attributes that exist only for the table's keys and indexes; never part of a domain object. */
const KEY_ATTRIBUTES = ['PK', 'SK', ...Object.values(INDEXES).flatMap((index) => (index.sk ? [index.pk, index.sk] : [index.pk]))];

/** A stored item without its key and index attributes (and any `extra` storage-only ones). */
export function stripKeys<T>(item: Record<string, unknown>, extra: readonly string[] = []): T {
  const copy: Record<string, unknown> = { ...item };
  for (const name of KEY_ATTRIBUTES) delete copy[name];
  for (const name of extra) delete copy[name];
  return copy as T;
}
