/**
 * Bulk-loads open task items for the inbox bench with BatchWriteItem, byte for byte as
 * case-store.ts writes an open task (table keys + the sparse `inbox` and `due` index keys), into
 * tables of the store's own definition.
 */
import { randomBytes } from 'node:crypto';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Task } from '@banshi/schemas';
import { INDEXES, dueShardOf, keys, tableDefinition } from '@banshi/functions/adapters/dynamo/table';
import { newCaseId, newReceiptNo, newTaskId } from '@banshi/functions/adapters/ids';
import { runConcurrent } from './measure.js';

/**
 * Creates a table of the store's definition (keys, every index and its projection), with or
 * without its stream. DynamoDB Local creates tables at once (ACTIVE on return).
 */
export async function createInboxTable(client: DynamoDBDocumentClient, table: string, withStream: boolean): Promise<void> {
  const { StreamSpecification, ...definition } = tableDefinition(table);
  // A document client sends plain commands too.
  await (client as unknown as DynamoDBClient).send(new CreateTableCommand(withStream ? { ...definition, StreamSpecification } : definition));
}

/** Mirror of case-store.ts `taskItem` for an open, running task (that function is not exported). */
export function openTaskItem(t: Task): Record<string, unknown> {
  return {
    ...t,
    PK: keys.case(t.caseId),
    SK: keys.task(t.id),
    [INDEXES.inbox.pk]: keys.inbox(t.departmentId, t.role),
    [INDEXES.inbox.sk]: `${t.dueDate}#${t.id}`,
    [INDEXES.due.pk]: keys.dueShard(dueShardOf(t.id)),
    [INDEXES.due.sk]: `${t.dueDate}#${t.id}`,
  };
}

/** An inbox: one (department, role). */
export interface InboxKey {
  departmentId: string;
  role: string;
}

const ROLES = ['window', 'reviewer', 'decider', 'disclosure'];

/**
 * Where the n-th task goes: 1 in `targetEvery` to the target inbox, the rest spread over
 * `otherDepartments` × the four staff roles (the target's other roles included).
 */
export function inboxOf(n: number, target: InboxKey, otherDepartments: readonly string[], targetEvery: number): InboxKey {
  if (n % targetEvery === 0) return target;
  const slot = n % (otherDepartments.length * ROLES.length);
  const pick = { departmentId: otherDepartments[slot % otherDepartments.length], role: ROLES[Math.floor(slot / otherDepartments.length)] };
  return pick.departmentId === target.departmentId && pick.role === target.role ? { ...pick, role: 'reviewer' } : pick;
}

/** A realistic open task of a business registration (due within the next 30 days). */
export function openTask(inbox: InboxKey, now: Date): Task {
  const due = new Date(now.getTime() + (randomBytes(1)[0] % 30) * 86_400_000).toISOString().slice(0, 10);
  return {
    id: newTaskId(now),
    caseId: newCaseId(now),
    receiptNo: newReceiptNo('150102', now.toISOString().slice(0, 10)),
    itemId: 'individual-business-registration',
    itemName: { 'zh-CN': '个体工商户设立登记', en: 'Individual business registration' },
    stepId: 'accept',
    stepName: { 'zh-CN': '受理', en: 'Accept' },
    departmentId: inbox.departmentId,
    role: inbox.role,
    status: 'open',
    createdAt: now.toISOString(),
    dueDate: due,
  };
}

/**
 * Writes `items` in batches of 25 with `concurrency` requests in flight, retrying unprocessed
 * items with backoff. Resolves when every item is written.
 */
export async function batchWrite(client: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[], concurrency: number): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await runConcurrent(batches.length, concurrency, async (b) => {
    let pending = batches[b].map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 20 * 2 ** attempt)));
      const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (out.UnprocessedItems?.[table] as typeof pending | undefined) ?? [];
    }
  });
}
