/**
 * 政府信息公开申请 over the HTTP API: one request's whole life at the Hohhot disclosure office
 * (claim c-information-disclosure-150100: promised limit 15 working days, statutory 20), across the
 * 2026 中秋 and 国庆 holidays with their make-up working days (09-20 Sun, 10-10 Sat).
 *
 * The calendar, from chinese-days (国办发明电〔2025〕 notice for 2026):
 *   09-24 Thu work · 09-25 Fri 中秋 off · 09-26/27 weekend · 09-28..30 work ·
 *   10-01..07 国庆 off · 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up) work · 10-11 Sun off · 10-12 Mon work.
 *
 * The flow restarts the clock after a correction (Art 30: the period counts again from the day the
 * corrected request arrives). The request is returned on the day it was received, so "restart on
 * 10-12" and "pause from 09-24 to 10-12" give the same due date: the honest expectation is that
 * the due date moves by exactly the 7 working days between them (09-28, 09-29, 09-30, 10-08,
 * 10-09, 10-10, 10-12).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { disclosureApplication } from './helpers/applications.js';
import { act, beijing10am, expectProblem, inboxTask, inboxTasks, readCase } from './helpers/workbench.js';
import { workingDaysBetween } from './helpers/working-days.js';

const ROLE = 'disclosure';
const OFFICE = 'd-150100-disclosure';

describe('information disclosure request (政府信息公开申请) over the HTTP API', () => {
  let api: Api;
  let zhang: ApiClient;
  let office: ApiClient;
  let caseId: string;
  let version: number;
  let dueBeforeCorrection: string;

  /** Acts on the case's one open disclosure task at the current version. */
  async function officeActs(body: Record<string, unknown>) {
    const task = await inboxTask(office, ROLE, caseId);
    const res = await act(office, caseId, { taskId: task.id, expectedVersion: version, ...body });
    if (res.status === 200) version = res.body.case.version;
    return res;
  }

  beforeAll(async () => {
    api = await startApi('api-disclosure', '2026-09-24');
    [zhang, office] = await Promise.all([api.signIn('u-zhangsan'), api.signIn('u-hh-disclosure')]);
  });
  afterAll(() => api.stop());

  describe('one request from submission to reply', () => {
    it('registers a request received on Thursday 24 September with the promised limit of the claim', async () => {
      api.clock.set(beijing10am('2026-09-24'));

      const res = await zhang.post('/api/cases', disclosureApplication({ description: '关于老旧小区的文件' }), { 'idempotency-key': newKey() });

      expect(res.status).toBe(201);
      caseId = res.body.case.id;
      version = res.body.case.version;
      // 15 working days after 09-24: 09-28 … 09-30 (3), 10-08 … 10-10 (6), 10-12 … 10-16 (11), 10-19 … 10-22 (15).
      // Statutory 20: … 10-23, 10-26, 10-27, 10-28, 10-29.
      expect(res.body.case.clock).toMatchObject({ receivedOn: '2026-09-24', promised: { value: 15, unit: 'workingDays' }, dueDate: '2026-10-22', statutoryDueDate: '2026-10-29' });
      dueBeforeCorrection = res.body.case.clock.dueDate;
      expect(await inboxTask(office, ROLE, caseId)).toMatchObject({ stepId: 'register', departmentId: OFFICE });
    });

    it('returns the unclear request for correction at registration with a list of what to fix and stops the clock', async () => {
      const correction = [
        { pointer: '/data/request/description', message: '请写明所需政府信息的名称、文号或者便于查询的其他特征性描述' },
        { pointer: '/data/request/documentNo', message: '如知道文号，请一并填写' },
      ];

      const res = await officeActs({ action: 'returnForCorrection', correction });

      expect(res.status).toBe(200);
      expect(res.body.case.status).toBe('correction');
      expect(res.body.case.clock.dueDate).toBeUndefined();
      expect(res.body.case.clock.pauses).toEqual([{ kind: 'correction', from: '2026-09-24' }]);
      expect(await inboxTasks(office, ROLE, caseId)).toEqual([]);
    });

    it('shows the applicant the correction request on the case', async () => {
      const { case: seen } = await readCase(zhang, caseId);

      expect(seen.status).toBe('correction');
      expect(seen.correction).toMatchObject({
        stepId: 'register',
        requestedBy: 'u-hh-disclosure',
        items: [
          { pointer: '/data/request/description', message: '请写明所需政府信息的名称、文号或者便于查询的其他特征性描述' },
          { pointer: '/data/request/documentNo', message: '如知道文号，请一并填写' },
        ],
      });
    });

    it('restarts the period on Monday 12 October, moving the due date by exactly the 7 paused working days across 中秋 and 国庆', async () => {
      api.clock.set(beijing10am('2026-10-12'));
      const corrected = disclosureApplication().data;
      corrected.request = { ...corrected.request, documentTitle: '新城区老旧小区改造资金安排方案', documentNo: '新政办发〔2025〕12号' } as typeof corrected.request;

      const res = await act(zhang, caseId, { action: 'resubmit', expectedVersion: version, data: corrected });

      expect(res.status).toBe(200);
      version = res.body.case.version;
      expect(res.body.case.status).toBe('submitted');
      expect(res.body.case.data.request.documentNo).toBe('新政办发〔2025〕12号');
      // Restarted on 10-12: 15 working days → 10-13 … 10-16 (4), 10-19 … 10-23 (9), 10-26 … 10-30 (14), 11-02 (15).
      expect(res.body.case.clock).toMatchObject({ receivedOn: '2026-10-12', dueDate: '2026-11-02', statutoryDueDate: '2026-11-09' });
      const paused = workingDaysBetween('2026-09-24', '2026-10-12');
      expect(paused).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
      expect(workingDaysBetween(dueBeforeCorrection, res.body.case.clock.dueDate)).toHaveLength(paused.length);
      expect(await inboxTask(office, ROLE, caseId)).toMatchObject({ stepId: 'register' });
    });

    it('registers the corrected request and moves it to review', async () => {
      const res = await officeActs({ action: 'accept' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'inReview', stepId: 'review' });
      expect(await inboxTask(office, ROLE, caseId)).toMatchObject({ stepId: 'review' });
    });

    it('refuses an extension longer than 20 working days and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await officeActs({ action: 'extend', extensionDays: 21, reason: '需调取档案' });

      expectProblem(res, 400, 'bad-request');
      expect(await api.itemCount()).toBe(before);
      expect((await readCase(zhang, caseId)).case.version).toBe(version);
    });

    it('extends the limit once by 20 working days', async () => {
      const res = await officeActs({ action: 'extend', extensionDays: 20, reason: '需调取历史档案，经政务公开办负责人同意延期' });

      expect(res.status).toBe(200);
      // 11-02 + 20 working days: 11-03 … 11-06 (4), 11-09 … 11-13 (9), 11-16 … 11-20 (14), 11-23 … 11-27 (19), 11-30 (20).
      expect(res.body.case.clock).toMatchObject({ extensionDays: 20, extensions: 1, dueDate: '2026-11-30' });
      expect(workingDaysBetween('2026-11-02', '2026-11-30')).toHaveLength(20);
    });

    it('refuses a second extension with 409 action-not-allowed and leaves the case as it was', async () => {
      const res = await officeActs({ action: 'extend', extensionDays: 1, reason: '再次延期' });

      expectProblem(res, 409, 'action-not-allowed');
      const { case: unchanged } = await readCase(zhang, caseId);
      expect(unchanged).toMatchObject({ version, clock: { extensions: 1, dueDate: '2026-11-30' } });
    });

    it('suspends the request for a third-party consultation and stops the clock', async () => {
      api.clock.set(beijing10am('2026-10-16'));

      const res = await officeActs({ action: 'suspend', procedure: '9', reason: '征求第三方意见（条例第三十二条）' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'suspended', suspension: { procedure: '9', by: 'u-hh-disclosure' } });
      expect(res.body.case.clock.dueDate).toBeUndefined();
      expect((await inboxTask(office, ROLE, caseId)).deadline).toEqual({ state: 'paused' });
    });

    it('resumes on Wednesday 21 October and moves the due date by the 3 working days of the consultation', async () => {
      api.clock.set(beijing10am('2026-10-21'));

      const res = await officeActs({ action: 'resume' });

      expect(res.status).toBe(200);
      expect(res.body.case.status).toBe('inReview');
      expect(res.body.case.suspension).toBeUndefined();
      // Paused 10-19, 10-20, 10-21 (10-17/18 are a weekend): 11-30 → 12-01, 12-02, 12-03.
      expect(workingDaysBetween('2026-10-16', '2026-10-21')).toEqual(['2026-10-19', '2026-10-20', '2026-10-21']);
      expect(res.body.case.clock.dueDate).toBe('2026-12-03');
    });

    it('approves the drafted reply and hands it to the reply step', async () => {
      const res = await officeActs({ action: 'approve', comment: '予以公开' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'approved', stepId: 'reply' });
    });

    it('completes the reply and records every step in the history', async () => {
      const res = await officeActs({ action: 'complete' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'completed', outcome: { result: 'completed' }, deadline: { state: 'finished' } });
      expect(await inboxTasks(office, ROLE, caseId)).toEqual([]);
      const history = await zhang.get(`/api/cases/${caseId}/history`);
      expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
        'submit', 'returnForCorrection', 'resubmit', 'accept', 'extend', 'suspend', 'resume', 'approve', 'complete',
      ]);
    });
  });

  it('moves the due date by exactly the working days of a suspension across 国庆', async () => {
    // Received Tuesday 09-22: 15 working days → 09-23, 09-24, 09-28 … 09-30 (5), 10-08 … 10-10 (8), 10-12 … 10-16 (13), 10-19, 10-20 (15).
    api.clock.set(beijing10am('2026-09-22'));
    const submitted = await zhang.post('/api/cases', disclosureApplication(), { 'idempotency-key': newKey() });
    const id = submitted.body.case.id;
    expect(submitted.body.case.clock.dueDate).toBe('2026-10-20');
    const register = await inboxTask(office, ROLE, id);
    const accepted = await act(office, id, { action: 'accept', taskId: register.id, expectedVersion: 1 });
    api.clock.set(beijing10am('2026-09-24'));
    const review = await inboxTask(office, ROLE, id);
    await act(office, id, { action: 'suspend', procedure: '9', reason: '征求第三方意见', taskId: review.id, expectedVersion: accepted.body.case.version });
    api.clock.set(beijing10am('2026-10-09'));

    const resumed = await act(office, id, { action: 'resume', taskId: review.id, expectedVersion: accepted.body.case.version + 1 });

    expect(resumed.status).toBe(200);
    // Paused from 09-24 to 10-09: 09-28, 09-29, 09-30, 10-08, 10-09 = 5 (09-25 中秋, 10-01..07 国庆 off).
    const paused = workingDaysBetween('2026-09-24', '2026-10-09');
    expect(paused).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09']);
    // 10-20 + 5 working days: 10-21, 10-22, 10-23, 10-26, 10-27.
    expect(resumed.body.case.clock.dueDate).toBe('2026-10-27');
    expect(workingDaysBetween('2026-10-20', resumed.body.case.clock.dueDate)).toHaveLength(paused.length);
    expect(resumed.body.case.clock.pauses).toEqual([{ kind: 'suspension', from: '2026-09-24', to: '2026-10-09' }]);
  });
});
