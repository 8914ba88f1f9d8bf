/**
 * Cases, tasks, audit events, idempotency records and statistics in DynamoDB (keys: table.ts).
 * A change of a case is committed in ONE TransactWriteItems, conditional on the case version.
 * Statistics are not written here: the table's stream feeds them (statistics-writer.ts), so
 * concurrent submissions never meet on a shared counter item inside a transaction.
 */
import {
  TransactionCanceledException,
  type ConsumedCapacity,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Case, Task, AuditEvent } from '@banshi/schemas';
import type { CaseChange } from '../../domain/cases/case-change.js';
import { BadRequestError, ConflictError, IdempotencyKeyReusedError } from '../../domain/errors.js';
import {
  asStartKey,
  decodeCursorJson,
  decodeStartKey,
  encodeCursor,
  pageLimit,
  type Page,
  type PageOptions,
} from './cursor.js';
import { IdempotencyReplayError } from './errors.js';
import { writeUnits } from './item-size.js';
import { DUE_SHARDS, INDEXES, TTL_ATTRIBUTE, dueShardOf, keys, lookupKey, stripKeys } from './table.js';

/** A case id no case has (case ids are ULIDs): read in place of a case that is not there. */
const NO_SUCH_CASE_ID = '-';

/** How long an Idempotency-Key is remembered (DESIGN §6: at least 24 hours). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** What an idempotency record says. */
export interface IdempotencyRecord {
  principalId: string;
  key: string;
  caseId: string;
  createdAt: string;
  /** Epoch seconds after which the key may be used again. */
  expiresAt: number;
  /** SHA-256 of the request body's canonical JSON (records written before it existed have none). */
  fingerprint?: string;
}

/** Counters of one item in one department and month. */
export interface ItemStatistics {
  departmentId: string;
  month: string;
  itemId: string;
  counters: Record<string, number>;
}

export interface CommitOptions {
  /** `fingerprint`: of the request body (domain/cases/idempotency.ts); a replay with another one is refused. */
  idempotency?: { principalId: string; key: string; fingerprint?: string };
  /** Overrides the idempotency lifetime (seconds, ≥ 24 h is the product rule). */
  idempotencyTtlSeconds?: number;
}

/** What a commit cost, in write capacity units. */
export interface CommitResult {
  /** As reported by DynamoDB (ReturnConsumedCapacity TOTAL). DynamoDB Local under-reports transactions. */
  consumedWcu: number;
  /**
   * Computed from the items' sizes by DynamoDB's billing rules: 2 per KB per transactional item,
   * plus 1 per KB per index entry written or removed (keys-only index entries of an updated case
   * whose keys do not change cost nothing).
   */
  estimatedWcu: number;
}

function caseItem(c: Case): Record<string, unknown> {
  return {
    ...c,
    PK: keys.case(c.id),
    SK: keys.META,
    [INDEXES.lookup.pk]: keys.receipt(c.receiptNo),
    [INDEXES.byApplicant.pk]: keys.applicant(c.applicant.userId),
    [INDEXES.byApplicant.sk]: `${c.createdAt}#${c.id}`,
    ...(c.agentId
      ? { [INDEXES.byAgent.pk]: keys.agent(c.agentId), [INDEXES.byAgent.sk]: `${c.createdAt}#${c.id}` }
      : {}),
  };
}

/** The stored item of a task: the task with its keys, and the inbox and due index keys while it is open. */
export function taskItem(t: Task): Record<string, unknown> {
  const item: Record<string, unknown> = { ...t, PK: keys.case(t.caseId), SK: keys.task(t.id) };
  if (t.status === 'open') {
    item[INDEXES.inbox.pk] = keys.inbox(t.departmentId, t.role);
    item[INDEXES.inbox.sk] = `${t.dueDate}#${t.id}`;
    // A suspended task's clock is paused: the sweep has nothing to warn about until it resumes.
    if (!t.suspended) {
      item[INDEXES.due.pk] = keys.dueShard(dueShardOf(t.id));
      item[INDEXES.due.sk] = `${t.dueDate}#${t.id}`;
    }
  } else if (handledBy(t)) {
    item[INDEXES.handled.pk] = keys.handled(t.closedBy!);
    item[INDEXES.handled.sk] = `${t.closedAt}#${t.id}`;
  }
  return item;
}

/** Whether a closed task belongs in its closer's handled list (已办): done, not cancelled, by someone. */
function handledBy(t: Task): boolean {
  return t.status === 'done' && Boolean(t.closedBy && t.closedAt);
}

function checkChange(change: CaseChange): void {
  const { case: c, event, tasks, expectedVersion } = change;
  const problems: string[] = [];
  if (c.version !== (expectedVersion ?? 0) + 1) problems.push('case.version must be expectedVersion + 1');
  if (event.seq !== c.version) problems.push('event.seq must equal case.version');
  if (event.caseId !== c.id) problems.push('event.caseId must be the case id');
  for (const t of tasks) if (t.caseId !== c.id) problems.push(`task ${t.id} belongs to another case`);
  if (new Set(tasks.map((t) => t.id)).size !== tasks.length) problems.push('a task appears twice');
  // A programming error of the caller, not bad input: it surfaces as a 500.
  if (problems.length > 0) throw new Error(`invalid CaseChange: ${problems.join('; ')}`);
}

function sumWriteUnits(consumed: ConsumedCapacity[] | undefined): number {
  return (consumed ?? []).reduce((sum, c) => sum + (c.WriteCapacityUnits ?? c.CapacityUnits ?? 0), 0);
}

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

function estimateWriteUnits(change: CaseChange, items: TransactItem[]): number {
  let units = 0;
  for (const item of items) {
    if (item.Put) units += 2 * writeUnits(item.Put.Item as Record<string, unknown>);
  }
  const c = change.case;
  if (change.expectedVersion === null) units += 2 + (c.agentId ? 1 : 0); // lookup, byApplicant, byAgent
  for (const t of change.tasks) {
    const size = writeUnits(taskItem(t));
    if (t.status === 'open') units += size + (t.suspended ? 0 : size); // inbox, due
    else units += 2 + (handledBy(t) ? 1 : 0); // removed from inbox and due; added to handled
  }
  return units;
}

/** A task in the `due` index, with its shard (for merged pagination). */
interface DueRow {
  shard: number;
  item: Record<string, unknown>;
}

const DUE_KEY_ATTRIBUTES = ['PK', 'SK', INDEXES.due.pk, INDEXES.due.sk] as const;

/**
 * The case store.
 *
 * @example
 * const store = createCaseStore(createDocumentClient(), 'banshi');
 * const { consumedWcu } = await store.commit(change, { idempotency: { principalId, key } });
 */
export function createCaseStore(client: DynamoDBDocumentClient, tableName: string) {
  async function queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await client.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** Reads items by table key (at most 100), retrying unprocessed keys; found items by `PK|SK`. */
  async function batchGet(tableKeys: { PK: string; SK: string }[]): Promise<Map<string, Record<string, unknown>>> {
    const found = new Map<string, Record<string, unknown>>();
    let pending: Record<string, unknown>[] = tableKeys;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));
      const out = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[tableName] ?? []) found.set(`${String(item.PK)}|${String(item.SK)}`, item);
      pending = (out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return found;
  }

  /** Reads case heads by key, keeping the order of `caseIds`. */
  async function batchGetCases(caseIds: string[]): Promise<Case[]> {
    if (caseIds.length === 0) return [];
    const found = await batchGet(caseIds.map((id) => ({ PK: keys.case(id), SK: keys.META })));
    return caseIds.flatMap((id) => {
      const item = found.get(`${keys.case(id)}|${keys.META}`);
      return item ? [stripKeys<Case>(item)] : [];
    });
  }

  /**
   * One page of one partition of a sparse or keys-only index, with the opaque cursor of the next:
   * the shape every list of the store reads (an applicant's or agent's cases, an inbox, 已办).
   */
  async function queryPartition(
    index: { name: string; pk: string; sk: string },
    partition: string,
    options: PageOptions,
    order: { newestFirst?: boolean; maxLimit?: number } = {},
  ): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
    const start = decodeStartKey(options.cursor, ['PK', 'SK', index.pk, index.sk], { [index.pk]: partition });
    const out = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': partition },
        ...(order.newestFirst ? { ScanIndexForward: false } : {}),
        Limit: pageLimit(options.limit, order.maxLimit),
        ExclusiveStartKey: start,
      }),
    );
    return { items: out.Items ?? [], cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async function listCasesBy(
    index: typeof INDEXES.byApplicant | typeof INDEXES.byAgent,
    partition: string,
    options: PageOptions,
  ): Promise<Page<Case>> {
    const page = await queryPartition(index, partition, options, { newestFirst: true });
    const ids = page.items.map((item) => String(item.PK).slice('CASE#'.length));
    return { items: await batchGetCases(ids), cursor: page.cursor };
  }

  async function readIdempotency(principalId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const out = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: keys.idempotency(principalId, key), SK: keys.META },
        ConsistentRead: true,
      }),
    );
    if (!out.Item) return undefined;
    const record = stripKeys<IdempotencyRecord>(out.Item);
    // TTL deletes lazily: an expired record may still be there and no longer counts.
    if (record.expiresAt <= Math.floor(Date.now() / 1000)) return undefined;
    return record;
  }

  return {
    /**
     * Commits one change of a case atomically: the case (conditional on its version), its
     * tasks, its audit event and the idempotency record. The statistics counters follow from the
     * case item's stream record (eventually consistent, see statistics-writer.ts).
     *
     * @throws ConflictError when the case version is stale or another writer won the race
     *   (nothing is written)
     * @throws IdempotencyReplayError when the idempotency key was already used for the same request
     *   (nothing is written)
     * @throws IdempotencyKeyReusedError when it was used for a request of another fingerprint
     * @returns the write capacity units the transaction consumed
     */
    async commit(change: CaseChange, options: CommitOptions = {}): Promise<CommitResult> {
      checkChange(change);
      const { case: c, tasks, event, expectedVersion } = change;
      const items: TransactItem[] = [];

      items.push({
        Put: {
          TableName: tableName,
          Item: caseItem(c),
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        },
      });
      for (const t of tasks) items.push({ Put: { TableName: tableName, Item: taskItem(t) } });
      items.push({
        Put: {
          TableName: tableName,
          Item: { ...event, PK: keys.case(c.id), SK: keys.event(event.seq) },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });

      let idempotencyIndex = -1;
      if (options.idempotency) {
        const { principalId, key, fingerprint } = options.idempotency;
        if (!principalId || !key || key.length > 255) {
          throw new BadRequestError('invalid idempotency key', [
            { pointer: '/idempotencyKey', code: 'invalid-idempotency-key', message: '幂等键无效 / invalid Idempotency-Key' },
          ]);
        }
        const now = Math.floor(Date.now() / 1000);
        idempotencyIndex = items.length;
        items.push({
          Put: {
            TableName: tableName,
            Item: {
              PK: keys.idempotency(principalId, key),
              SK: keys.META,
              principalId,
              key,
              caseId: c.id,
              createdAt: event.at,
              ...(fingerprint ? { fingerprint } : {}),
              [TTL_ATTRIBUTE]: now + (options.idempotencyTtlSeconds ?? IDEMPOTENCY_TTL_SECONDS),
            },
            ConditionExpression: 'attribute_not_exists(PK) OR #ttl <= :now',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':now': now },
          },
        });
      }

      const estimatedWcu = estimateWriteUnits(change, items);
      try {
        const out = await client.send(
          new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: 'TOTAL' }),
        );
        return { consumedWcu: sumWriteUnits(out.ConsumedCapacity), estimatedWcu };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const code = (i: number) => reasons[i]?.Code;
        // A replay wins over a conflict: the caller answers with the original case.
        if (idempotencyIndex >= 0 && code(idempotencyIndex) === 'ConditionalCheckFailed' && options.idempotency) {
          const existing = await readIdempotency(options.idempotency.principalId, options.idempotency.key);
          const requested = options.idempotency.fingerprint;
          if (existing?.fingerprint && requested && existing.fingerprint !== requested) throw new IdempotencyKeyReusedError();
          if (existing) throw new IdempotencyReplayError(existing.caseId);
        }
        throw new ConflictError(
          reasons.some((r) => r.Code === 'ConditionalCheckFailed')
            ? 'the case was changed by someone else'
            : 'another change of the case is in progress',
          { cause: error },
        );
      }
    },

    /** The case, or undefined. Strongly consistent. */
    async getCase(caseId: string): Promise<Case | undefined> {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: { PK: keys.case(caseId), SK: keys.META }, ConsistentRead: true }),
      );
      return out.Item ? stripKeys<Case>(out.Item) : undefined;
    },

    /**
     * The case with this receipt number (办件编号), or undefined. Always two reads, the lookup and a
     * case head (of a key that never exists when the number is unknown), so that the caller can
     * answer an unknown number and a case it may not show in the same time.
     */
    async getCaseByReceiptNo(receiptNo: string): Promise<Case | undefined> {
      const hit = await lookupKey(client, tableName, keys.receipt(receiptNo));
      const [found] = await batchGetCases([hit ? hit.PK.slice('CASE#'.length) : NO_SUCH_CASE_ID]);
      return hit ? found : undefined;
    },

    /** An applicant's cases, newest first. */
    listCasesByApplicant(userId: string, options: PageOptions = {}): Promise<Page<Case>> {
      return listCasesBy(INDEXES.byApplicant, keys.applicant(userId), options);
    },

    /** The cases an agent (代办员) filed, newest first. */
    listCasesByAgent(userId: string, options: PageOptions = {}): Promise<Page<Case>> {
      return listCasesBy(INDEXES.byAgent, keys.agent(userId), options);
    },

    /** The case's audit events in order (seq 1, 2, …). */
    async getHistory(caseId: string): Promise<AuditEvent[]> {
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ev)',
        ExpressionAttributeValues: { ':pk': keys.case(caseId), ':ev': 'EV#' },
        ConsistentRead: true,
      });
      return items.map((item) => stripKeys<AuditEvent>(item));
    },

    /** One task of a case, or undefined. */
    async getTask(caseId: string, taskId: string): Promise<Task | undefined> {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: { PK: keys.case(caseId), SK: keys.task(taskId) }, ConsistentRead: true }),
      );
      return out.Item ? stripKeys<Task>(out.Item) : undefined;
    },

    /** The case's open tasks (oldest first). */
    async getOpenTasks(caseId: string): Promise<Task[]> {
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
        FilterExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': keys.case(caseId), ':task': 'TASK#', ':open': 'open' },
        ConsistentRead: true,
      });
      return items.map((item) => stripKeys<Task>(item));
    },

    /** Open tasks for (department, role), earliest due date first. */
    async listInbox(departmentId: string, role: string, options: PageOptions = {}): Promise<Page<Task>> {
      const page = await queryPartition(INDEXES.inbox, keys.inbox(departmentId, role), options);
      return { items: page.items.map((item) => stripKeys<Task>(item)), cursor: page.cursor };
    },

    /**
     * The tasks a staff member closed as done (已办), newest first, each with its case as it
     * stands now: one query of the keys-only `handled` index, then one BatchGetItem.
     */
    async listHandled(userId: string, options: PageOptions = {}): Promise<Page<{ task: Task; case?: Case }>> {
      const page = await queryPartition(INDEXES.handled, keys.handled(userId), options, { newestFirst: true, maxLimit: 50 });
      const taskKeys = page.items.map((item) => ({ PK: String(item.PK), SK: String(item.SK) }));
      const caseKeys = [...new Set(taskKeys.map((k) => k.PK))].map((pk) => ({ PK: pk, SK: keys.META }));
      const found = taskKeys.length ? await batchGet([...taskKeys, ...caseKeys]) : new Map<string, Record<string, unknown>>();
      const items = taskKeys.flatMap((k) => {
        const task = found.get(`${k.PK}|${k.SK}`);
        if (!task) return [];
        const c = found.get(`${k.PK}|${keys.META}`);
        return [{ task: stripKeys<Task>(task), ...(c ? { case: stripKeys<Case>(c) } : {}) }];
      });
      return { items, cursor: page.cursor };
    },

    /**
     * Open, running (not suspended) tasks due strictly before `date` (YYYY-MM-DD), earliest first
     * — for the sweep. Reads each `due` shard and merges them.
     */
    async listDueBefore(date: string, options: PageOptions = {}): Promise<Page<Task>> {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        throw new BadRequestError('date must be YYYY-MM-DD', [
          { pointer: '/date', code: 'invalid-date', message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' },
        ]);
      }
      const limit = pageLimit(options.limit);
      // Cursor: per shard, 'done' or the key to continue after (absent: from the start).
      const state: Record<string, Record<string, string> | 'done'> = {};
      if (options.cursor) {
        const raw = decodeCursorJson(options.cursor);
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
          throw new BadRequestError('invalid cursor', [
            { pointer: '/cursor', code: 'invalid-cursor', message: '分页游标无效 / the page cursor is invalid' },
          ]);
        }
        for (const [shard, value] of Object.entries(raw as Record<string, unknown>)) {
          const n = Number(shard);
          if (!Number.isInteger(n) || n < 0 || n >= DUE_SHARDS) {
            throw new BadRequestError('invalid cursor', [
              { pointer: '/cursor', code: 'invalid-cursor', message: '分页游标无效 / the page cursor is invalid' },
            ]);
          }
          state[shard] =
            value === 'done' ? 'done' : asStartKey(value, DUE_KEY_ATTRIBUTES, { [INDEXES.due.pk]: keys.dueShard(n) });
        }
      }

      const fetched = await Promise.all(
        Array.from({ length: DUE_SHARDS }, async (_, shard) => {
          const from = state[String(shard)];
          if (from === 'done') return { shard, rows: [] as DueRow[], more: false };
          const out = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: INDEXES.due.name,
              KeyConditionExpression: '#pk = :pk AND #sk < :date',
              ExpressionAttributeNames: { '#pk': INDEXES.due.pk, '#sk': INDEXES.due.sk },
              ExpressionAttributeValues: { ':pk': keys.dueShard(shard), ':date': date },
              Limit: limit,
              ExclusiveStartKey: from,
            }),
          );
          return {
            shard,
            rows: (out.Items ?? []).map((item) => ({ shard, item })),
            more: out.LastEvaluatedKey !== undefined,
          };
        }),
      );

      const merged = fetched
        .flatMap((f) => f.rows)
        .sort((a, b) => String(a.item[INDEXES.due.sk]).localeCompare(String(b.item[INDEXES.due.sk])))
        .slice(0, limit);

      const next: Record<string, Record<string, string> | 'done'> = {};
      let anyLeft = false;
      for (const f of fetched) {
        const key = String(f.shard);
        if (state[key] === 'done') {
          next[key] = 'done';
          continue;
        }
        const taken = merged.filter((row) => row.shard === f.shard);
        const last = taken.at(-1);
        const allTaken = taken.length === f.rows.length;
        if (allTaken && !f.more) {
          next[key] = 'done';
          continue;
        }
        anyLeft = true;
        if (last) {
          next[key] = Object.fromEntries(DUE_KEY_ATTRIBUTES.map((name) => [name, String(last.item[name])]));
        } else if (state[key]) {
          next[key] = state[key];
        }
      }
      return {
        items: merged.map((row) => stripKeys<Task>(row.item)),
        cursor: anyLeft ? encodeCursor(next) : undefined,
      };
    },

    /** The live idempotency record of (principal, key), or undefined (never used, or expired). */
    getIdempotent(principalId: string, key: string): Promise<IdempotencyRecord | undefined> {
      return readIdempotency(principalId, key);
    },

    /**
     * Counters of every item of a department in a month (YYYY-MM), as the stream consumer has
     * counted them so far (eventually consistent: a change shows once its stream record is applied).
     */
    async getStatistics(departmentId: string, month: string): Promise<ItemStatistics[]> {
      if (!/^\d{4}-\d{2}$/.test(month)) {
        throw new BadRequestError('month must be YYYY-MM', [
          { pointer: '/month', code: 'invalid-month', message: '月份格式应为 YYYY-MM / month must be YYYY-MM' },
        ]);
      }
      const items = await queryAll({
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.statistics(departmentId, month) },
      });
      return items.map((item) => {
        const { departmentId: d, month: m, itemId, ...rest } = stripKeys<Record<string, unknown>>(item);
        const counters = Object.fromEntries(
          Object.entries(rest).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
        );
        return { departmentId: String(d), month: String(m), itemId: String(itemId), counters };
      });
    },
  };
}

/** The case store's interface. */
export type CaseStore = ReturnType<typeof createCaseStore>;
