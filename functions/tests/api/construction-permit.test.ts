/**
 * 工程建设项目施工许可阶段并联审批 over the HTTP API: the Hohhot housing bureau receives the
 * application once (lead window), then planning, fire-protection design and — only for a project
 * with a basement — civil air defence review in parallel; the housing decider completes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { constructionApplication } from './helpers/applications.js';
import { act, expectProblem, inboxTask, inboxTasks, readCase } from './helpers/workbench.js';

const HOUSING = 'd-150100-housing';
const PLANNING = 'd-150100-natural-resources';
const AIR_DEFENCE = 'd-150100-civil-air-defence';

describe('parallel approval of a construction project (施工许可阶段并联审批) over the HTTP API', () => {
  let api: Api;
  let qingcheng: ApiClient;
  let housingWindow: ApiClient;
  let housingReviewer: ApiClient;
  let housingDecider: ApiClient;
  let planningReviewer: ApiClient;
  let airDefenceReviewer: ApiClient;
  /** The reviewer of each branch. */
  let reviewerOf: Record<string, ApiClient>;

  beforeAll(async () => {
    api = await startApi('api-construction', '2026-11-02');
    [qingcheng, housingWindow, housingReviewer, housingDecider, planningReviewer, airDefenceReviewer] = await Promise.all(
      ['u-qingcheng', 'u-hh-housing-window', 'u-hh-housing-reviewer', 'u-hh-housing-decider', 'u-hh-planning-reviewer', 'u-hh-airdefence-reviewer'].map((u) => api.signIn(u)),
    );
    reviewerOf = { planning: planningReviewer, fireDesign: housingReviewer, airDefence: airDefenceReviewer };
  });
  afterAll(() => api.stop());

  /** Submits a project and has the housing window accept it; returns the case after acceptance. */
  async function submittedAndAccepted(hasBasement: boolean) {
    const submitted = await qingcheng.post('/api/cases', constructionApplication({ hasBasement }), { 'idempotency-key': newKey() });
    expect(submitted.status).toBe(201);
    const caseId: string = submitted.body.case.id;
    const task = await inboxTask(housingWindow, 'window', caseId);
    const accepted = await act(housingWindow, caseId, { action: 'accept', taskId: task.id, expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    return { caseId, accepted: accepted.body };
  }

  /** The branch's reviewer answers on their branch task at the case's current version. */
  async function branchActs(caseId: string, branchId: string, body: Record<string, unknown>) {
    const reviewer = reviewerOf[branchId];
    const task = (await inboxTasks(reviewer, 'reviewer', caseId)).find((t) => t.branchId === branchId)!;
    const { case: current } = await readCase(reviewer, caseId);
    return act(reviewer, caseId, { taskId: task.id, expectedVersion: current.version, ...body });
  }

  const openBranches = (c: { branches?: { id: string; state: string }[] }) =>
    (c.branches ?? []).filter((b) => b.state === 'open').map((b) => b.id).sort();

  it('opens exactly the planning and fire-design branches for a project without a basement', async () => {
    const { accepted } = await submittedAndAccepted(false);

    expect(accepted.case).toMatchObject({ status: 'inReview', stepId: 'review' });
    expect(openBranches(accepted.case)).toEqual(['fireDesign', 'planning']);
    expect(accepted.case.branches.find((b: { id: string }) => b.id === 'airDefence').state).toBe('skipped');
    expect(accepted.openTasks.map((t: { branchId: string; departmentId: string }) => [t.branchId, t.departmentId]).sort()).toEqual([
      ['fireDesign', HOUSING],
      ['planning', PLANNING],
    ]);
  });

  it('opens all three branches, civil air defence included, for a project with a basement', async () => {
    const { accepted } = await submittedAndAccepted(true);

    expect(openBranches(accepted.case)).toEqual(['airDefence', 'fireDesign', 'planning']);
    expect(accepted.openTasks.find((t: { branchId: string }) => t.branchId === 'airDefence')).toMatchObject({ departmentId: AIR_DEFENCE, role: 'reviewer' });
  });

  it('gives the civil-air-defence reviewer no task for a project without a basement', async () => {
    const { caseId } = await submittedAndAccepted(false);

    expect(await inboxTasks(airDefenceReviewer, 'reviewer', caseId)).toEqual([]);
  });

  it('lists in the inbox when the case was received and who applied, not when the task arrived', async () => {
    const { caseId } = await submittedAndAccepted(false);
    const { case: current } = await readCase(planningReviewer, caseId);

    const task = await inboxTask(planningReviewer, 'reviewer', caseId);

    expect(task).toMatchObject({ receivedAt: current.createdAt, applicantName: current.applicant.name, itemType: '01' });
  });

  it('answers the handled list only to staff', async () => {
    expectProblem(await qingcheng.get('/api/inbox/handled'), 403, 'forbidden');
  });

  it("shows each department's reviewer only their own branch's task", async () => {
    const { caseId } = await submittedAndAccepted(true);

    const seen = {
      planning: await inboxTasks(planningReviewer, 'reviewer', caseId),
      housing: await inboxTasks(housingReviewer, 'reviewer', caseId),
      airDefence: await inboxTasks(airDefenceReviewer, 'reviewer', caseId),
    };

    expect(seen.planning.map((t) => t.branchId)).toEqual(['planning']);
    expect(seen.housing.map((t) => t.branchId)).toEqual(['fireDesign']);
    expect(seen.airDefence.map((t) => t.branchId)).toEqual(['airDefence']);
    expect(seen.planning[0].departmentId).toBe(PLANNING);
    expect(seen.housing[0].departmentId).toBe(HOUSING);
  });

  it("refuses a reviewer's answer on another department's branch task with 403", async () => {
    const { caseId, accepted } = await submittedAndAccepted(true);
    const planningTask = accepted.openTasks.find((t: { branchId: string }) => t.branchId === 'planning');

    const res = await act(airDefenceReviewer, caseId, { action: 'approve', taskId: planningTask.id, expectedVersion: accepted.case.version });

    expectProblem(res, 403, 'forbidden');
    expect((await readCase(qingcheng, caseId)).case.version).toBe(accepted.case.version);
  });

  describe('a project with a basement through to completion', () => {
    let caseId: string;

    beforeAll(async () => {
      ({ caseId } = await submittedAndAccepted(true));
    });

    it('stays in review while any opened branch has not approved', async () => {
      await branchActs(caseId, 'planning', { action: 'approve', comment: '符合规划条件' });

      const res = await branchActs(caseId, 'fireDesign', { action: 'approve', comment: '消防设计审查合格' });

      expect(res.status).toBe(200);
      expect(res.body.case.status).toBe('inReview');
      expect(openBranches(res.body.case)).toEqual(['airDefence']);
      expect(await inboxTasks(housingDecider, 'decider', caseId)).toEqual([]);
    });

    it('hands the case to the housing decider once the last opened branch approves', async () => {
      const res = await branchActs(caseId, 'airDefence', { action: 'approve', comment: '人防设计符合要求' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'approved', stepId: 'complete' });
      expect(await inboxTask(housingDecider, 'decider', caseId)).toMatchObject({ stepId: 'complete', departmentId: HOUSING });
    });

    it('completes the case by the housing decider', async () => {
      const task = await inboxTask(housingDecider, 'decider', caseId);
      const { case: current } = await readCase(housingDecider, caseId);

      const res = await act(housingDecider, caseId, { action: 'complete', taskId: task.id, expectedVersion: current.version });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'completed', outcome: { result: 'completed' } });
      expect(res.body.openTasks).toEqual([]);
    });
  });

  it('denies the case when one branch rejects and takes the other branch tasks out of every inbox', async () => {
    const { caseId } = await submittedAndAccepted(true);

    const res = await branchActs(caseId, 'planning', { action: 'reject', reason: '不符合控制性详细规划的容积率要求' });

    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'denied', outcome: { result: 'denied' } });
    expect(res.body.case.branches ?? []).not.toContainEqual(expect.objectContaining({ state: 'open' }));
    expect(await inboxTasks(housingReviewer, 'reviewer', caseId)).toEqual([]);
    expect(await inboxTasks(airDefenceReviewer, 'reviewer', caseId)).toEqual([]);
    expect(await inboxTasks(planningReviewer, 'reviewer', caseId)).toEqual([]);
  });

  describe('a branch returning the application for correction', () => {
    let caseId: string;

    beforeAll(async () => {
      ({ caseId } = await submittedAndAccepted(true));
      await branchActs(caseId, 'planning', { action: 'approve' });
    });

    it('pauses the whole case and takes every branch task out of the inboxes', async () => {
      const res = await branchActs(caseId, 'airDefence', {
        action: 'returnForCorrection',
        correction: [{ pointer: '/data/attachments/airDefenceDesign', message: '人防工程设计文件缺少防护单元平面图' }],
      });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'correction', correction: { stepId: 'review', branchId: 'airDefence' } });
      expect(res.body.case.clock.dueDate).toBeUndefined();
      expect(res.body.openTasks).toEqual([]);
      expect(await inboxTasks(housingReviewer, 'reviewer', caseId)).toEqual([]);
      expect(await inboxTasks(airDefenceReviewer, 'reviewer', caseId)).toEqual([]);
    });

    it('records which department asked, the branch paused and its task cancelled', async () => {
      const { case: current } = await readCase(housingReviewer, caseId);
      const history = await housingReviewer.get(`/api/cases/${caseId}/history`);
      const returned = history.body.items.at(-1);

      expect(current.correction).toMatchObject({ branchId: 'airDefence', departmentId: AIR_DEFENCE });
      expect(Object.fromEntries(current.branches.map((b: { id: string; state: string }) => [b.id, b.state]))).toEqual({ planning: 'approved', fireDesign: 'paused', airDefence: 'open' });
      expect(returned).toMatchObject({ action: 'returnForCorrection', branchId: 'airDefence', departmentId: AIR_DEFENCE, branchName: { 'zh-CN': '人防设计审查' } });
      expect(returned.detail.cancelledTasks).toEqual([expect.objectContaining({ branchId: 'fireDesign', departmentId: HOUSING, role: 'reviewer' })]);
    });

    it("shows the applicant the departments that acted, never the staff members' names", async () => {
      const staffView = await housingReviewer.get(`/api/cases/${caseId}/history`);
      const applicantView = await qingcheng.get(`/api/cases/${caseId}/history`);
      const staffNames = staffView.body.items.filter((e: { actor: { role: string } }) => e.actor.role === 'staff').map((e: { actor: { name: string } }) => e.actor.name);

      expect(applicantView.status).toBe(200);
      expect(staffNames.length).toBeGreaterThan(0);
      for (const name of staffNames) expect(JSON.stringify(applicantView.body)).not.toContain(name);
      expect(applicantView.body.items.at(-1).actor).toEqual({ userId: '', role: 'staff', departmentId: AIR_DEFENCE });
    });

    it("lists each reviewer's own handled tasks (已办), not the tasks a correction cancelled", async () => {
      const planning = await planningReviewer.get('/api/inbox/handled');
      const airDefence = await airDefenceReviewer.get('/api/inbox/handled');
      const housing = await housingReviewer.get('/api/inbox/handled');
      const of = (res: { body: { items: { caseId: string }[] } }) => res.body.items.filter((t) => t.caseId === caseId);

      expect(of(planning)).toMatchObject([{ branchId: 'planning', action: 'approve', status: 'done', case: { status: 'correction' } }]);
      expect(of(airDefence)).toMatchObject([{ branchId: 'airDefence', action: 'returnForCorrection' }]);
      expect(of(housing)).toEqual([]);
    });

    it('reopens only the still-open branches when the applicant resubmits', async () => {
      const { case: current } = await readCase(qingcheng, caseId);
      const corrected = constructionApplication({ hasBasement: true }).data;

      const res = await act(qingcheng, caseId, { action: 'resubmit', expectedVersion: current.version, data: corrected });

      expect(res.status).toBe(200);
      expect(res.body.case.status).toBe('inReview');
      expect(res.body.case.branches.find((b: { id: string }) => b.id === 'planning').state).toBe('approved');
      expect(res.body.openTasks.map((t: { branchId: string }) => t.branchId).sort()).toEqual(['airDefence', 'fireDesign']);
      expect((await inboxTask(housingReviewer, 'reviewer', caseId)).branchId).toBe('fireDesign');
      expect((await inboxTask(airDefenceReviewer, 'reviewer', caseId)).branchId).toBe('airDefence');
      expect(await inboxTasks(planningReviewer, 'reviewer', caseId)).toEqual([]);
    });
  });

  it('refuses an approval while the case waits for a correction', async () => {
    const { caseId, accepted } = await submittedAndAccepted(false);
    const fire = accepted.openTasks.find((t: { branchId: string }) => t.branchId === 'fireDesign');
    const returned = await branchActs(caseId, 'planning', { action: 'returnForCorrection', correction: [{ message: '补充规划条件核实意见' }] });

    const res = await act(housingReviewer, caseId, { action: 'approve', taskId: fire.id, expectedVersion: returned.body.case.version });

    expectProblem(res, 404, 'not-found');
    expect((await readCase(qingcheng, caseId)).case.status).toBe('correction');
  });
});
