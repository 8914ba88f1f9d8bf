import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseStore, type CaseStore } from '../../../src/adapters/dynamo/case-store.js';
import { IdempotencyReplayError } from '../../../src/adapters/dynamo/errors.js';
import { encodeCursor } from '../../../src/adapters/dynamo/cursor.js';
import { createStatisticsWriter } from '../../../src/adapters/dynamo/statistics-writer.js';
import { BadRequestError, ConflictError } from '../../../src/domain/errors.js';
import { aStep, aSubmission, aTask } from '../../support/case-fixtures.js';
import { createTestTable, type TestTable } from '../../support/test-table.js';

let table: TestTable;
let store: CaseStore;

beforeAll(async () => {
  table = await createTestTable('case-store');
  store = createCaseStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.drop();
});

describe('commit', () => {
  it('writes a new case with its task and event in one transaction and reports the write units', async () => {
    const change = aSubmission();

    const result = await store.commit(change);

    expect(await store.getCase(change.case.id)).toEqual(change.case);
    expect(await store.getOpenTasks(change.case.id)).toEqual(change.tasks);
    expect(await store.getHistory(change.case.id)).toEqual([change.event]);
    expect(result.consumedWcu).toBeGreaterThan(0);
    expect(result.estimatedWcu).toBeGreaterThanOrEqual(8);
  });

  it('rejects a stale expected version with ConflictError and writes nothing', async () => {
    const submitted = aSubmission();
    await store.commit(submitted);
    const accepted = aStep(submitted.case, { status: 'accepted', stepId: 'review', action: 'accept', closing: submitted.tasks });
    await store.commit(accepted);
    const newTask = aTask(submitted.case, { stepId: 'review', role: 'reviewer' });
    const stale = aStep(submitted.case, {
      status: 'notAccepted',
      stepId: 'end',
      action: 'notAccept',
      closing: submitted.tasks,
      opening: [newTask],
    });

    await expect(store.commit(stale)).rejects.toBeInstanceOf(ConflictError);

    expect(await store.getCase(submitted.case.id)).toEqual(accepted.case);
    expect(await store.getHistory(submitted.case.id)).toEqual([submitted.event, accepted.event]);
    expect(await store.getTask(submitted.case.id, newTask.id)).toBeUndefined();
  });

  it('rejects a second new case with the same id', async () => {
    const change = aSubmission();
    await store.commit(change);

    await expect(store.commit({ ...change, tasks: [] })).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets exactly one of 50 concurrent changes with the same expected version win', async () => {
    const submitted = aSubmission();
    await store.commit(submitted);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      aStep(submitted.case, {
        status: 'accepted',
        stepId: `review-${i}`,
        action: 'accept',
        closing: submitted.tasks,
        opening: [aTask(submitted.case, { stepId: `review-${i}`, role: 'reviewer' })],
      }),
    );

    const results = await Promise.allSettled(attempts.map((change) => store.commit(change)));

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof ConflictError)).toBe(true);
    const winner = attempts[results.findIndex((r) => r.status === 'fulfilled')];
    expect(await store.getCase(submitted.case.id)).toEqual(winner.case);
    expect(await store.getOpenTasks(submitted.case.id)).toEqual(winner.tasks.filter((t) => t.status === 'open'));
    expect(await store.getHistory(submitted.case.id)).toHaveLength(2);
  });

  it('answers a replayed idempotency key with IdempotencyReplayError carrying the original case id', async () => {
    const idempotency = { principalId: 'applicant-idem', key: 'key-1' };
    const first = aSubmission();
    await store.commit(first, { idempotency });
    const replay = aSubmission();

    const error = await store.commit(replay, { idempotency }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IdempotencyReplayError);
    expect((error as IdempotencyReplayError).caseId).toBe(first.case.id);
    expect(await store.getCase(replay.case.id)).toBeUndefined();
    expect(await store.getIdempotent(idempotency.principalId, idempotency.key)).toMatchObject({
      caseId: first.case.id,
    });
  });

  it('creates one case from 20 concurrent replays of one idempotency key', async () => {
    const idempotency = { principalId: 'applicant-burst', key: 'key-burst' };
    const submissions = Array.from({ length: 20 }, () => aSubmission());

    const results = await Promise.allSettled(submissions.map((s) => store.commit(s, { idempotency })));

    const stored = await Promise.all(submissions.map((s) => store.getCase(s.case.id)));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('accepts an idempotency key again once its record has expired', async () => {
    const idempotency = { principalId: 'applicant-ttl', key: 'key-ttl' };
    await store.commit(aSubmission(), { idempotency, idempotencyTtlSeconds: -1 });
    const again = aSubmission();

    await store.commit(again, { idempotency });

    expect(await store.getIdempotent(idempotency.principalId, idempotency.key)).toMatchObject({ caseId: again.case.id });
  });

  it('leaves the statistics to the stream consumer: a commit writes no counter item and costs no counter units', async () => {
    const submitted = aSubmission({ departmentId: 'dept-stat', itemId: 'item-stat', departments: { lead: 'dept-stat' } });

    const result = await store.commit(submitted);
    const accepted = aStep(submitted.case, { status: 'accepted', stepId: 'review', action: 'accept', closing: submitted.tasks });
    await store.commit(accepted);

    expect(await store.getStatistics('dept-stat', '2026-11')).toEqual([]);
    // Each item is under 1 KB: case, task and event at 2 units each in the transaction, plus the
    // lookup, byApplicant, inbox and due index entries at 1 each — and no counter item.
    expect(result.estimatedWcu).toBe(10);
  });

  it('reads the counters the stream consumer wrote, without its bookkeeping', async () => {
    const writer = createStatisticsWriter(table.client, table.tableName);
    const increments = { departmentId: 'dept-read', month: '2026-11', itemId: 'item-read', counters: { submitted: 2, completed: 1 } };
    await writer.apply('shard-1', [{ sequenceNumber: '100', increments }]);

    const stats = await store.getStatistics('dept-read', '2026-11');

    expect(stats).toEqual([{ departmentId: 'dept-read', month: '2026-11', itemId: 'item-read', counters: { submitted: 2, completed: 1 } }]);
  });
});

describe('reads', () => {
  it('finds a case by its receipt number', async () => {
    const change = aSubmission();
    await store.commit(change);

    expect(await store.getCaseByReceiptNo(change.case.receiptNo)).toEqual(change.case);
    expect(await store.getCaseByReceiptNo('150102-20261125-NOSUCH')).toBeUndefined();
  });

  it('returns the history in sequence order', async () => {
    const submitted = aSubmission();
    await store.commit(submitted);
    let current = submitted.case;
    const events = [submitted.event];
    for (let i = 0; i < 11; i += 1) {
      const step = aStep(current, { status: 'inReview', stepId: `review-${i}`, action: 'transfer' });
      await store.commit(step);
      current = step.case;
      events.push(step.event);
    }

    const history = await store.getHistory(submitted.case.id);

    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(history).toEqual(events);
  });

  it("lists an applicant's cases newest first, page by page", async () => {
    const userId = 'applicant-list';
    const created = [];
    for (let day = 1; day <= 5; day += 1) {
      const at = `2026-11-0${day}T02:00:00.000Z`;
      const change = aSubmission({ applicant: { userId, name: '李四', kind: 'person' }, createdAt: at, updatedAt: at });
      await store.commit(change);
      created.push(change.case);
    }

    const first = await store.listCasesByApplicant(userId, { limit: 3 });
    const second = await store.listCasesByApplicant(userId, { limit: 3, cursor: first.cursor });

    expect(first.items.map((c) => c.id)).toEqual([created[4].id, created[3].id, created[2].id]);
    expect(second.items.map((c) => c.id)).toEqual([created[1].id, created[0].id]);
    expect(second.cursor).toBeUndefined();
  });

  it("lists an agent's cases and no one else's", async () => {
    const mine = aSubmission({ agentId: 'agent-1' });
    await store.commit(mine);
    await store.commit(aSubmission({ agentId: 'agent-2' }));

    const page = await store.listCasesByAgent('agent-1');

    expect(page.items).toEqual([mine.case]);
  });
});

describe('inbox', () => {
  it('lists only the open tasks of the department and role, earliest due date first, page by page', async () => {
    const dept = 'dept-inbox';
    const dueDates = ['2026-12-05', '2026-12-01', '2026-12-03', '2026-12-02', '2026-12-04'];
    const changes = dueDates.map((dueDate) =>
      aSubmission({ departmentId: dept, departments: { lead: dept } }, { dueDate }),
    );
    for (const change of changes) await store.commit(change);
    await store.commit(aSubmission({ departmentId: dept, departments: { lead: dept } }, { role: 'reviewer' }));
    await store.commit(aSubmission({ departmentId: 'dept-other' }, { dueDate: '2026-11-01' }));

    const first = await store.listInbox(dept, 'window', { limit: 2 });
    const second = await store.listInbox(dept, 'window', { limit: 2, cursor: first.cursor });
    const third = await store.listInbox(dept, 'window', { limit: 2, cursor: second.cursor });

    expect([...first.items, ...second.items, ...third.items].map((t) => t.dueDate)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(third.items.every((t) => t.departmentId === dept && t.role === 'window')).toBe(true);
  });

  it('drops a task from the inbox and the sweep once it is closed', async () => {
    const dept = 'dept-close';
    const submitted = aSubmission({ departmentId: dept, departments: { lead: dept } }, { dueDate: '2020-01-02' });
    await store.commit(submitted);
    expect((await store.listInbox(dept, 'window')).items).toHaveLength(1);

    await store.commit(aStep(submitted.case, { status: 'accepted', stepId: 'review', action: 'accept', closing: submitted.tasks }));

    expect((await store.listInbox(dept, 'window')).items).toEqual([]);
    const due = await store.listDueBefore('2020-01-03', { limit: 100 });
    expect(due.items.map((t) => t.id)).not.toContain(submitted.tasks[0].id);
  });
});

describe('sweep', () => {
  it('lists running open tasks due before a date across shards, earliest first, page by page', async () => {
    // Dates far in the past so other tests' tasks (due 2026) stay out of the way.
    const dueDates = Array.from({ length: 13 }, (_, i) => `2001-01-${String(i + 10).padStart(2, '0')}`);
    const changes = dueDates.map((dueDate) => aSubmission({}, { dueDate }));
    for (const change of changes) await store.commit(change);
    await store.commit(aSubmission({}, { dueDate: '2001-01-05', suspended: true }));

    const seen = [];
    let cursor: string | undefined;
    do {
      const page = await store.listDueBefore('2001-01-22', { limit: 4, cursor });
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);

    expect(seen.map((t) => t.dueDate)).toEqual(dueDates.slice(0, 12));
  });
});

describe('cursors', () => {
  const tampered = [
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('{nope', 'utf8').toString('base64url')],
    ['an array', encodeCursor([1, 2])!],
    ['missing attributes', encodeCursor({ PK: 'CASE#x' })!],
    ['another partition', encodeCursor({ PK: 'CASE#x', SK: 'TASK#y', inboxPk: 'INBOX#dept-9#window', inboxSk: '2026#y' })!],
    ['non-string values', encodeCursor({ PK: 1, SK: 2, inboxPk: 3, inboxSk: 4 })!],
  ] as const;

  it.each(tampered)('rejects a cursor that is %s with BadRequestError', async (_, cursor) => {
    await expect(store.listInbox('dept-1', 'window', { cursor })).rejects.toBeInstanceOf(BadRequestError);
    await expect(store.listCasesByApplicant('applicant-1', { cursor })).rejects.toBeInstanceOf(BadRequestError);
    await expect(store.listDueBefore('2026-12-01', { cursor })).rejects.toBeInstanceOf(BadRequestError);
  });

  it.each([0, -1, 101, 2.5])('rejects a page size of %s with BadRequestError', async (limit) => {
    await expect(store.listInbox('dept-1', 'window', { limit })).rejects.toBeInstanceOf(BadRequestError);
  });
});
