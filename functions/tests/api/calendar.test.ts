/**
 * The calendar admins maintain, over the HTTP API on DynamoDB Local: only admins may read or change
 * it; bad bodies are refused with nothing written; entering 2027 turns a provisional due date of an
 * open case final (and later), rewrites the stored due dates of its case and task, and is audited; a
 * region arrangement moves the due dates of its region only.
 *
 * The 2027 arrangement below is an ASSUMED TEST FIXTURE (元旦 2027-01-01 … 01-03, 春节 2027-02-05 … 02-13
 * with make-up days 01-31 and 02-20), not the State Council's notice.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { ASSUMED_2027 as ASSUMED_2027_FIXTURE } from '../domain/deadlines/fixtures/assumed-2027.js';
import { seniorCardApplication } from './helpers/applications.js';
import { expectProblem, inboxTask, readCase } from './helpers/workbench.js';

// The request body of an admin entering the ASSUMED 2027 fixture (not the State Council's notice).
const { year: _year, ...ASSUMED_2027 } = ASSUMED_2027_FIXTURE;

describe('the national calendar over the API', () => {
  let api: Api;
  let admin: ApiClient;
  let zhang: ApiClient;
  let window: ApiClient;
  let caseId: string;

  /** The case and task items as stored (not as a read view derives them). */
  const stored = async (sk: string) =>
    (await api.table.client.send(new GetCommand({ TableName: api.table.tableName, Key: { PK: `CASE#${caseId}`, SK: sk } }))).Item!;

  beforeAll(async () => {
    // Thursday 2026-12-31, 10:00 in Beijing: the Xincheng senior card's promised limit (1 working
    // day, the claim's), its statutory limit (5) and its accept step (1) all reach 2027.
    api = await startApi('api-calendar', '2026-12-31');
    [admin, zhang, window] = await Promise.all([api.signIn('u-admin'), api.signIn('u-zhangsan'), api.signIn('u-xc-civil-window')]);
    const submitted = await zhang.post('/api/cases', seniorCardApplication(), { 'idempotency-key': newKey() });
    expect(submitted.status).toBe(201);
    caseId = submitted.body.case.id;
  });
  afterAll(() => api?.stop());

  it('refuses everyone but admins with 403', async () => {
    const supervisor = await api.signIn('u-supervisor');
    for (const client of [zhang, window, supervisor]) {
      expectProblem(await client.get('/api/calendar/years'), 403, 'forbidden');
      expectProblem(await client.put('/api/calendar/2027', ASSUMED_2027), 403, 'forbidden');
      expectProblem(await client.put('/api/calendar/2027/regions/650000', { name: { 'zh-CN': '示例' }, ...ASSUMED_2027 }), 403, 'forbidden');
    }
    expectProblem(await api.anonymous.get('/api/calendar/2027'), 401, 'unauthenticated');
  });

  it.each([
    ['a missing list', 400, 'bad-request', '/api/calendar/2027', { holidays: [] }],
    ['an unknown field', 400, 'bad-request', '/api/calendar/2027', { ...ASSUMED_2027, note: 'x' }],
    ['a year that is not one', 400, 'bad-request', '/api/calendar/20x7', ASSUMED_2027],
    ['a year out of range', 400, 'bad-request', '/api/calendar/1999', { holidays: [], workingDays: [] }],
    ['a date that does not exist', 422, 'validation-failed', '/api/calendar/2027', { holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-30' }], workingDays: [] }],
    ['a date of another year', 422, 'validation-failed', '/api/calendar/2027', { holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }], workingDays: [] }],
    ['a range that ends before it starts', 422, 'validation-failed', '/api/calendar/2027', { holidays: [{ name: '春节', from: '2027-02-13', to: '2027-02-05' }], workingDays: [] }],
    ['a day both off and a make-up day', 422, 'validation-failed', '/api/calendar/2027', { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workingDays: [{ name: '元旦', from: '2027-01-02', to: '2027-01-02' }] }],
    ['a region code of one digit', 400, 'bad-request', '/api/calendar/2027/regions/6', { name: { 'zh-CN': '示例' }, holidays: [], workingDays: [] }],
    ['a region without a name', 400, 'bad-request', '/api/calendar/2027/regions/650000', { holidays: [], workingDays: [] }],
  ])('refuses %s with %i and writes nothing', async (_name, status, code, path, body) => {
    const before = await api.itemCount();

    const res = await admin.put(path, body, { 'accept-language': 'zh-CN' });

    expectProblem(res, status, code);
    expect(await api.itemCount()).toBe(before);
  });

  it('names the field of a bad date in Chinese and in English', async () => {
    const body = { holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-30' }], workingDays: [] };

    const zh = await admin.put('/api/calendar/2027', body, { 'accept-language': 'zh-CN' });
    const en = await admin.put('/api/calendar/2027', body, { 'accept-language': 'en' });

    expect(zh.body.errors).toEqual([{ pointer: '/holidays/0/to', code: 'date', message: '日期格式应为 YYYY-MM-DD，且须是真实存在的日期' }]);
    expect(en.body.errors).toEqual([{ pointer: '/holidays/0/to', code: 'date', message: 'not a real date written YYYY-MM-DD' }]);
  });

  it('turns a provisional 2027 due date final and later once an admin enters 2027, and audits the change', async () => {
    // Before: 2027 has no holiday data, so 元旦 counts as a working day.
    const years = await admin.get('/api/calendar/years');
    expect(years.body).toMatchObject({ today: '2026-12-31', reminderYear: 2027 });
    expect((await admin.get('/api/calendar/2027')).body).toMatchObject({ year: 2027, source: 'none', revision: 0, holidays: [] });
    const before = (await readCase(zhang, caseId)).case;
    expect(before.deadline).toMatchObject({ dueDate: '2027-01-01', provisional: true });
    expect(before.clock.statutoryDueDate).toBe('2027-01-07');
    expect(await inboxTask(window, 'window', caseId)).toMatchObject({ dueDate: '2027-01-01', deadline: { provisional: true } });

    const saved = await admin.put('/api/calendar/2027', { ...ASSUMED_2027, expectedRevision: 0 });

    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2027, revision: 1, updatedBy: { userId: 'u-admin' }, recompute: { complete: true, casesChanged: 1, tasksMoved: 1 } });
    const after = (await readCase(zhang, caseId)).case;
    expect(after.deadline.dueDate).toBe('2027-01-04');
    expect(after.deadline.provisional).toBeUndefined();
    expect(after.clock.statutoryDueDate).toBe('2027-01-08');
    const task = await inboxTask(window, 'window', caseId);
    expect(task.dueDate).toBe('2027-01-04');
    expect(task.deadline).not.toHaveProperty('provisional');
    // The stored due dates were rewritten, not only the read view: the case and the task's index keys.
    expect((await stored('META')).clock).toMatchObject({ dueDate: '2027-01-04', statutoryDueDate: '2027-01-08' });
    expect(await stored(`TASK#${task.id}`)).toMatchObject({ dueDate: '2027-01-04', dueSk: `2027-01-04#${task.id}`, inboxSk: `2027-01-04#${task.id}` });
    expect((await stored('META')).version).toBe(1);
    // Audited: who, when, nothing before, the entered days after.
    const audit = await admin.get('/api/calendar/2027/audit');
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actor: { userId: 'u-admin', role: 'admin' }, at: api.clock.now().toISOString(), scope: 'national', year: 2027, before: null, after: { year: 2027, ...ASSUMED_2027 } });
    expect((await admin.get('/api/calendar/years')).body.reminderYear).toBeUndefined();
  });

  it('recounts nothing a second time and refuses a stale revision with 409', async () => {
    const again = await admin.post('/api/calendar/2027/recompute', {});
    const stale = await admin.put('/api/calendar/2027', { ...ASSUMED_2027, expectedRevision: 0 });

    expect(again.body).toMatchObject({ complete: true, casesChanged: 0, tasksMoved: 0 });
    expectProblem(stale, 409, 'conflict');
  });

  it('moves due dates for a region arrangement of that region only', async () => {
    // Xinjiang's day off does not touch a case in Hohhot.
    const xinjiang = await admin.put('/api/calendar/2027/regions/65', { name: { 'zh-CN': '示例：新疆地方假日', en: 'Sample: Xinjiang day off' }, holidays: [{ name: '示例', from: '2027-01-04', to: '2027-01-04' }], workingDays: [] });
    expect(xinjiang.status).toBe(200);
    expect(xinjiang.body).toMatchObject({ region: '650000', revision: 1, recompute: { casesChanged: 0 } });
    expect((await readCase(zhang, caseId)).case.deadline.dueDate).toBe('2027-01-04');

    // The same day off in Hohhot's Xincheng district moves the case there by one working day.
    const xincheng = await admin.put('/api/calendar/2027/regions/150102', { name: { 'zh-CN': '示例：新城区地方假日' }, holidays: [{ name: '示例', from: '2027-01-04', to: '2027-01-04' }], workingDays: [] });

    expect(xincheng.body).toMatchObject({ region: '150102', recompute: { casesChanged: 1, tasksMoved: 1 } });
    expect((await readCase(zhang, caseId)).case.deadline.dueDate).toBe('2027-01-05');
    expect((await stored('META')).clock).toMatchObject({ dueDate: '2027-01-05', statutoryDueDate: '2027-01-11' });
    expect((await inboxTask(window, 'window', caseId)).dueDate).toBe('2027-01-05');
    expect((await admin.get('/api/calendar/2027')).body.regions.map((r: { region: string }) => r.region).sort()).toEqual(['150102', '650000']);
  });
});
