import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/clock.js';
import { createCaseStore, type CaseStore } from '../../src/adapters/dynamo/case-store.js';
import { createDeadlineNoticeStore, type DeadlineNoticeStore } from '../../src/adapters/dynamo/deadline-notice-store.js';
import { deadlineNotices } from '../../src/domain/deadlines/deadline-notices.js';
import { createDueDateStore } from '../../src/adapters/dynamo/due-date-store.js';
import { createCalendar, defaultCalendar } from '../../src/domain/deadlines/index.js';
import { sweepHorizon } from '../../src/domain/deadlines/sweep-horizon.js';
import { createDeadlineSweep } from '../../src/handlers/deadline-sweep.js';
import { createLogger } from '../../src/http/logger.js';
import { aCase, aSubmission, aTask } from '../support/case-fixtures.js';
import { createTestTable, type TestTable } from '../support/test-table.js';

const calendar = defaultCalendar();
const REGION = '150000';
// Wednesday 2026-11-25: the 4th working day after it is Tuesday 2026-12-01.
const TODAY = '2026-11-25';

let table: TestTable;
let cases: CaseStore;
let notices: DeadlineNoticeStore;

beforeAll(async () => {
  table = await createTestTable('deadline-sweep');
  cases = createCaseStore(table.client, table.tableName);
  notices = createDeadlineNoticeStore(table.client, table.tableName);
});
afterAll(async () => {
  await table?.drop();
});

describe('the sweep horizon and the notices owed', () => {
  it('reads up to the first due date that is still on time', () => {
    expect(sweepHorizon(calendar, TODAY, REGION, 3)).toBe('2026-12-01');
  });

  it('owes a notice for due-soon and overdue running tasks only', () => {
    const c = aCase();
    const tasks = [
      aTask(c, { id: 't-overdue', dueDate: '2026-11-24' }),
      aTask(c, { id: 't-today', dueDate: '2026-11-25' }),
      aTask(c, { id: 't-soon', dueDate: '2026-11-30' }),
      aTask(c, { id: 't-on-time', dueDate: '2026-12-01' }),
      aTask(c, { id: 't-suspended', dueDate: '2026-11-20', suspended: true }),
      aTask(c, { id: 't-done', dueDate: '2026-11-20', status: 'done' }),
    ];

    const owed = deadlineNotices(tasks, TODAY, calendar, REGION);

    expect(owed.map((n) => [n.taskId, n.state])).toEqual([
      ['t-overdue', 'overdue'],
      ['t-today', 'dueSoon'],
      ['t-soon', 'dueSoon'],
    ]);
  });
});

describe('the deadline sweep against DynamoDB Local', () => {
  it('records one notice per due-soon or overdue task, and nothing more when it runs again', async () => {
    const overdue = aSubmission({}, { dueDate: '2026-11-23' });
    const soon = aSubmission({}, { dueDate: '2026-11-27' });
    const onTime = aSubmission({}, { dueDate: '2026-12-08' });
    const suspended = aSubmission({}, { dueDate: '2026-11-20', suspended: true });
    for (const change of [overdue, soon, onTime, suspended]) await cases.commit(change);
    const sweep = createDeadlineSweep({ cases, notices, calendar, clock: fixedClock('2026-11-25T07:00:00+08:00'), region: REGION, pageSize: 2, logger: createLogger({ level: 'silent' }) });

    const first = await sweep();
    const second = await sweep();

    expect(first).toMatchObject({ today: TODAY, horizon: '2026-12-01', examined: 2, recorded: 2, alreadyRecorded: 0, complete: true });
    expect(second).toMatchObject({ examined: 2, recorded: 0, alreadyRecorded: 2, complete: true });
    expect((await notices.listForCase(overdue.case.id)).map((n) => [n.taskId, n.dueDate, n.state])).toEqual([[overdue.tasks[0].id, '2026-11-23', 'overdue']]);
    expect((await notices.listForCase(soon.case.id)).map((n) => n.state)).toEqual(['dueSoon']);
    expect(await notices.listForCase(onTime.case.id)).toEqual([]);
    expect(await notices.listForCase(suspended.case.id)).toEqual([]);
  });

  it('notices a due-soon task again once it is overdue', async () => {
    const change = aSubmission({}, { dueDate: '2026-12-10' });
    await cases.commit(change);
    const clock = fixedClock('2026-12-08T07:00:00+08:00');
    const sweep = createDeadlineSweep({ cases, notices, calendar, clock, region: REGION, logger: createLogger({ level: 'silent' }) });

    await sweep();
    clock.set('2026-12-11T07:00:00+08:00');
    await sweep();

    expect((await notices.listForCase(change.case.id)).map((n) => n.state).sort()).toEqual(['dueSoon', 'overdue']);
  });

  it('counts each task in its own case’s region calendar', async () => {
    // A sample Xinjiang day off on Wednesday 2027-03-03; Beijing works that day.
    const regional = createCalendar({
      regionYears: [{ year: 2027, region: '650000', name: { 'zh-CN': '示例：新疆地方假日' }, holidays: [{ name: '示例', from: '2027-03-03', to: '2027-03-03' }], workingDays: [] }],
    });
    const inXinjiang = aSubmission({ clock: { ...aCase().clock, region: '650102' } }, { dueDate: '2027-03-05' });
    const inBeijing = aSubmission({ clock: { ...aCase().clock, region: '110101' } }, { dueDate: '2027-03-05' });
    for (const change of [inXinjiang, inBeijing]) await cases.commit(change);
    const dueDates = createDueDateStore(table.client, table.tableName);
    const sweep = createDeadlineSweep({
      cases,
      notices,
      calendar: async () => regional,
      caseRegions: (ids) => dueDates.caseRegions(ids),
      clock: fixedClock('2027-03-01T07:00:00+08:00'),
      region: '110101',
      logger: createLogger({ level: 'silent' }),
    });

    const report = await sweep();

    // Monday 2027-03-01: Xinjiang has 3 working days left until Friday (due soon), Beijing 4 (on time).
    expect(report.horizon).toBe('2027-03-08');
    expect((await notices.listForCase(inXinjiang.case.id)).map((n) => n.state)).toEqual(['dueSoon']);
    expect(await notices.listForCase(inBeijing.case.id)).toEqual([]);
  });

  it('stops between pages when its time runs out, leaving the rest to the next run', async () => {
    const sweep = createDeadlineSweep({ cases, notices, calendar, clock: fixedClock('2026-11-25T07:00:00+08:00'), region: REGION, logger: createLogger({ level: 'silent' }) });

    const report = await sweep(() => 1_000);

    expect(report).toMatchObject({ examined: 0, recorded: 0, complete: false });
  });
});
