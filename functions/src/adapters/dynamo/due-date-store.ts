/**
 * What the calendar's consumers read and write beyond one case (keys: table.ts): open tasks due
 * on or after a date through the sparse `due` index (to recompute due dates after a calendar
 * change — never a scan), the regions of cases (for the deadline sweep), and a recomputed case
 * written back with its tasks in one transaction conditional on the case version.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Case, Task } from '@banshi/schemas';
import type { DueDateChange } from '../../domain/deadlines/index.js';
import { BadRequestError } from '../../domain/errors.js';
import { taskItem } from './case-store.js';
import { asStartKey, decodeCursorJson, encodeCursor, type Page } from './cursor.js';
import { DUE_SHARDS, INDEXES, keys, stripKeys } from './table.js';

const DUE_KEY_ATTRIBUTES = ['PK', 'SK', INDEXES.due.pk, INDEXES.due.sk] as const;

/** BatchGetItem reads at most 100 keys. */
const BATCH_GET_MAX = 100;

export function createDueDateStore(client: DynamoDBDocumentClient, tableName: string) {
  return {
    /**
     * Open, running tasks due on or after `date`, one `due` shard after the other (not in due-date
     * order: a recomputation needs every task, not the earliest). `cursor` continues a listing.
     */
    async listDueFrom(date: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<Task>> {
      let shard = 0;
      let start: Record<string, string> | undefined;
      if (options.cursor) {
        const value = decodeCursorJson(options.cursor) as { shard?: unknown; key?: unknown };
        if (typeof value?.shard !== 'number' || !Number.isInteger(value.shard) || value.shard < 0 || value.shard >= DUE_SHARDS) {
          throw new BadRequestError('invalid cursor', [{ pointer: '/cursor', code: 'invalid-cursor', message: '分页游标无效 / the page cursor is invalid' }]);
        }
        shard = value.shard;
        start = value.key === undefined ? undefined : asStartKey(value.key, DUE_KEY_ATTRIBUTES, { [INDEXES.due.pk]: keys.dueShard(shard) });
      }
      const out = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: INDEXES.due.name,
          KeyConditionExpression: '#pk = :pk AND #sk >= :date',
          ExpressionAttributeNames: { '#pk': INDEXES.due.pk, '#sk': INDEXES.due.sk },
          ExpressionAttributeValues: { ':pk': keys.dueShard(shard), ':date': date },
          Limit: options.limit ?? 50,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const items = (out.Items ?? []).map((item) => stripKeys<Task>(item));
      const next = out.LastEvaluatedKey
        ? { shard, key: out.LastEvaluatedKey }
        : shard + 1 < DUE_SHARDS
          ? { shard: shard + 1 }
          : undefined;
      return { items, ...(next ? { cursor: encodeCursor(next) } : {}) };
    },

    /** The region (`clock.region`) of each case found, by case id: BatchGetItem of the case heads, projected. */
    async caseRegions(caseIds: readonly string[]): Promise<Map<string, string>> {
      const regions = new Map<string, string>();
      const unique = [...new Set(caseIds)];
      for (let i = 0; i < unique.length; i += BATCH_GET_MAX) {
        let pending: Record<string, unknown>[] = unique.slice(i, i + BATCH_GET_MAX).map((id) => ({ PK: keys.case(id), SK: keys.META }));
        for (let attempt = 0; pending.length > 0; attempt += 1) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));
          const out = await client.send(
            new BatchGetCommand({
              RequestItems: {
                [tableName]: { Keys: pending, ProjectionExpression: '#id, #clock.#region', ExpressionAttributeNames: { '#id': 'id', '#clock': 'clock', '#region': 'region' } },
              },
            }),
          );
          for (const item of out.Responses?.[tableName] ?? []) {
            const region = (item.clock as { region?: unknown } | undefined)?.region;
            if (typeof item.id === 'string' && typeof region === 'string') regions.set(item.id, region);
          }
          pending = (out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }
      return regions;
    },

    /**
     * Writes a recomputed case back: its clock's due dates and its moved tasks (with their inbox and
     * due index keys), in one transaction conditional on the case still being at `c.version` — a
     * concurrent action wins and the caller reads the case again. The version is not raised: the
     * due dates are derived data, and no action of anyone was taken.
     *
     * @returns false when the case changed meanwhile (nothing written).
     */
    async writeDueDates(c: Case, change: DueDateChange): Promise<boolean> {
      if (!change.clock && change.tasks.length === 0) return true;
      const caseKey = { PK: keys.case(c.id), SK: keys.META };
      const condition = { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' } };
      const clock = change.clock;
      const caseItem = clock
        ? {
            Update: {
              TableName: tableName,
              Key: caseKey,
              ...condition,
              UpdateExpression: clock.statutoryDueDate
                ? 'SET #clock.#due = :due, #clock.#statutory = :statutory'
                : 'SET #clock.#due = :due REMOVE #clock.#statutory',
              ExpressionAttributeNames: { ...condition.ExpressionAttributeNames, '#clock': 'clock', '#due': 'dueDate', '#statutory': 'statutoryDueDate' },
              ExpressionAttributeValues: { ':version': c.version, ':due': clock.dueDate, ...(clock.statutoryDueDate ? { ':statutory': clock.statutoryDueDate } : {}) },
            },
          }
        : {
            // A no-op Update rather than a ConditionCheck: the API's functions hold PutItem and
            // UpdateItem on the table, not ConditionCheckItem.
            Update: {
              TableName: tableName,
              Key: caseKey,
              ...condition,
              UpdateExpression: 'SET #version = :version',
              ExpressionAttributeValues: { ':version': c.version },
            },
          };
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [caseItem, ...change.tasks.map((t) => ({ Put: { TableName: tableName, Item: taskItem(t) } }))],
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof TransactionCanceledException) return false;
        throw error;
      }
    },
  };
}

export type DueDateStore = ReturnType<typeof createDueDateStore>;

