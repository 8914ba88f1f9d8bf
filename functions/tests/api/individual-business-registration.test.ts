/**
 * 个体工商户设立登记 over the HTTP API at the Xincheng market-regulation bureau: accepted at the
 * window, decided by the registrar, or not accepted (不予受理) with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { businessRegistration, people } from './helpers/applications.js';
import { act, expectProblem, inboxTask, inboxTasks, readCase } from './helpers/workbench.js';

const BUREAU = 'd-150102-market-regulation';

describe('registering an individual business (个体工商户设立登记) over the HTTP API', () => {
  let api: Api;
  let li: ApiClient;
  let window: ApiClient;
  let decider: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-business', '2026-11-03');
    [li, window, decider] = await Promise.all([api.signIn('u-lisi'), api.signIn('u-xc-market-window'), api.signIn('u-xc-market-decider')]);
  });
  afterAll(() => api.stop());

  async function submit(family = false) {
    const res = await li.post('/api/cases', businessRegistration({ family }), { 'idempotency-key': newKey() });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; version: number; receiptNo: string };
  }

  describe('a family business through to its licence', () => {
    let caseId: string;
    let version: number;

    it('files the application with the bureau window, due within the 3 working days of the law', async () => {
      const res = await li.post('/api/cases', businessRegistration({ family: true }), { 'idempotency-key': newKey() });

      expect(res.status).toBe(201);
      caseId = res.body.case.id;
      version = res.body.case.version;
      // Received Tuesday 11-03: 3 working days → 11-04, 11-05, 11-06.
      expect(res.body.case).toMatchObject({ status: 'submitted', departmentId: BUREAU, clock: { dueDate: '2026-11-06' } });
      expect(res.body.case.data.familyMembers).toEqual([{ name: people.lisiSpouse.name, idNumber: people.lisiSpouse.idNumber }]);
      expect(await inboxTask(window, 'window', caseId)).toMatchObject({ stepId: 'accept', departmentId: BUREAU });
    });

    it('accepts the application and passes it to the registrar', async () => {
      const task = await inboxTask(window, 'window', caseId);

      const res = await act(window, caseId, { action: 'accept', taskId: task.id, expectedVersion: version });

      expect(res.status).toBe(200);
      version = res.body.case.version;
      expect(res.body.case).toMatchObject({ status: 'accepted', stepId: 'decide' });
      expect(await inboxTasks(window, 'window', caseId)).toEqual([]);
      expect(await inboxTask(decider, 'decider', caseId)).toMatchObject({ stepId: 'decide' });
    });

    it('approves the registration and completes the case', async () => {
      const task = await inboxTask(decider, 'decider', caseId);

      const res = await act(decider, caseId, { action: 'approve', taskId: task.id, expectedVersion: version, comment: '材料齐全，准予登记' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'completed', outcome: { result: 'completed' }, deadline: { state: 'finished' } });
      expect(res.body.openTasks).toEqual([]);
      expect(await inboxTasks(decider, 'decider', caseId)).toEqual([]);
    });

    it('shows the applicant the finished case in their list and its full history', async () => {
      const mine = await li.get('/api/my/cases');
      const history = await li.get(`/api/cases/${caseId}/history`);

      expect(mine.body.items.find((c: { id: string }) => c.id === caseId)).toMatchObject({ status: 'completed' });
      expect(history.body.items.map((e: { action: string; toStatus: string }) => [e.action, e.toStatus])).toEqual([
        ['submit', 'submitted'],
        ['accept', 'accepted'],
        ['approve', 'completed'],
      ]);
    });
  });

  it('finds the case by its receipt number (办件编号)', async () => {
    const filed = await submit();

    const res = await li.get(`/api/cases/by-receipt/${filed.receiptNo}`);

    expect(res.status).toBe(200);
    expect(res.body.case.id).toBe(filed.id);
    expect(filed.receiptNo).toMatch(/^150102-20261103-/);
  });

  it('ends the case as not accepted (不予受理) with the reason, and takes the task out of the inbox', async () => {
    const filed = await submit();
    const task = await inboxTask(window, 'window', filed.id);
    const reason = '经营场所位于住宅小区内，未提交利害关系业主同意证明，不符合登记条件';

    const res = await act(window, filed.id, { action: 'notAccept', taskId: task.id, expectedVersion: filed.version, reason });

    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'notAccepted', stepId: 'notAccepted', outcome: { result: 'notAccepted', reason } });
    expect(await inboxTasks(window, 'window', filed.id)).toEqual([]);
    expect((await readCase(li, filed.id)).case.outcome.reason).toBe(reason);
  });

  it('refuses any further action on a case that was not accepted', async () => {
    const filed = await submit();
    const task = await inboxTask(window, 'window', filed.id);
    const ended = await act(window, filed.id, { action: 'notAccept', taskId: task.id, expectedVersion: filed.version, reason: '不属于本机关登记管辖范围' });

    const res = await act(li, filed.id, { action: 'withdraw', expectedVersion: ended.body.case.version });

    expectProblem(res, 409, 'action-not-allowed');
    expect((await readCase(li, filed.id)).case).toMatchObject({ status: 'notAccepted', version: ended.body.case.version });
  });

  it('refuses an acceptance that the flow does not offer at the decision step', async () => {
    const filed = await submit();
    const acceptTask = await inboxTask(window, 'window', filed.id);
    const accepted = await act(window, filed.id, { action: 'accept', taskId: acceptTask.id, expectedVersion: filed.version });
    const decideTask = await inboxTask(decider, 'decider', filed.id);

    const res = await act(decider, filed.id, { action: 'notAccept', taskId: decideTask.id, expectedVersion: accepted.body.case.version, reason: '不予受理' });

    expectProblem(res, 409, 'action-not-allowed');
    expect((await readCase(li, filed.id)).case.status).toBe('accepted');
  });
});
