/**
 * Who may do what over the HTTP API (DESIGN §8): applicants see only their own cases, agents only
 * those they were authorised for, staff only their department's tasks and cases; every denial is a
 * 401/403/404 problem that reveals nothing, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { businessRegistration, constructionApplication, seniorCardApplication } from './helpers/applications.js';
import { act, expectProblem, inboxTask, inboxTasks, readCase } from './helpers/workbench.js';

describe('permissions over the HTTP API', () => {
  let api: Api;
  let zhang: ApiClient;
  let li: ApiClient;
  let qingcheng: ApiClient;
  let agent: ApiClient;
  let designer: ApiClient;
  let civilWindow: ApiClient;
  let marketWindow: ApiClient;
  let marketReviewer: ApiClient;
  let housingWindow: ApiClient;
  let planningReviewer: ApiClient;
  /** 李四's business registration, waiting at the market-regulation window. */
  let liCase: { id: string; version: number };

  beforeAll(async () => {
    api = await startApi('api-permissions', '2026-11-05');
    [zhang, li, qingcheng, agent, designer, civilWindow, marketWindow, marketReviewer, housingWindow, planningReviewer] = await Promise.all(
      [
        'u-zhangsan', 'u-lisi', 'u-qingcheng', 'u-wangwu', 'u-designer', 'u-xc-civil-window',
        'u-xc-market-window', 'u-xc-market-reviewer', 'u-hh-housing-window', 'u-hh-planning-reviewer',
      ].map((u) => api.signIn(u)),
    );
    const filed = await li.post('/api/cases', businessRegistration(), { 'idempotency-key': newKey() });
    liCase = filed.body.case;
  });
  afterAll(() => api.stop());

  /** The case as its own applicant sees it (to prove a refused request changed nothing). */
  const liSees = async () => (await readCase(li, liCase.id)).case;

  describe("another applicant's case", () => {
    it('is answered with a 404 identical to that of a case that does not exist', async () => {
      const missing = await zhang.get('/api/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ');

      const foreign = await zhang.get(`/api/cases/${liCase.id}`);

      expectProblem(foreign, 404, 'not-found');
      expect(foreign.body).toEqual(missing.body);
      expect(JSON.stringify(foreign.body)).not.toContain(liCase.id);
    });

    it('hides its history with the same 404', async () => {
      const missing = await zhang.get('/api/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ/history');

      const foreign = await zhang.get(`/api/cases/${liCase.id}/history`);

      expectProblem(foreign, 404, 'not-found');
      expect(foreign.body).toEqual(missing.body);
    });

    it('cannot be withdrawn by someone else, and stays as it was', async () => {
      const res = await act(zhang, liCase.id, { action: 'withdraw', expectedVersion: liCase.version });

      expectProblem(res, 404, 'not-found');
      expect(await liSees()).toMatchObject({ status: 'submitted', version: liCase.version });
    });
  });

  describe('staff acting on tasks', () => {
    it('refuses staff of a department the case does not involve with a 404 and leaves the case unchanged', async () => {
      const task = await inboxTask(marketWindow, 'window', liCase.id);

      const res = await act(civilWindow, liCase.id, { action: 'accept', taskId: task.id, expectedVersion: liCase.version });

      expectProblem(res, 404, 'not-found');
      expect(await liSees()).toMatchObject({ status: 'submitted', version: liCase.version });
    });

    it("refuses staff of another department involved in the case with a 403 on a task that is not their department's", async () => {
      const filed = await qingcheng.post('/api/cases', constructionApplication({ hasBasement: false }), { 'idempotency-key': newKey() });
      const task = await inboxTask(housingWindow, 'window', filed.body.case.id);

      const res = await act(planningReviewer, filed.body.case.id, { action: 'accept', taskId: task.id, expectedVersion: 1 });

      expectProblem(res, 403, 'forbidden');
      expect((await readCase(qingcheng, filed.body.case.id)).case).toMatchObject({ status: 'submitted', version: 1 });
    });

    it('refuses staff of the right department but the wrong role with a 403', async () => {
      const task = await inboxTask(marketWindow, 'window', liCase.id);
      const before = await api.itemCount();

      const res = await act(marketReviewer, liCase.id, { action: 'accept', taskId: task.id, expectedVersion: liCase.version });

      expectProblem(res, 403, 'forbidden');
      expect(await api.itemCount()).toBe(before);
      expect(await liSees()).toMatchObject({ status: 'submitted', version: liCase.version });
    });

    it("refuses an inbox of a role the staff member does not hold with a 403", async () => {
      const res = await marketReviewer.get('/api/inbox?role=window');

      expectProblem(res, 403, 'forbidden');
    });

    it('lets staff of a department involved in the case read it', async () => {
      const filed = await qingcheng.post('/api/cases', constructionApplication({ hasBasement: false }), { 'idempotency-key': newKey() });

      const res = await planningReviewer.get(`/api/cases/${filed.body.case.id}`);

      expect(res.status).toBe(200);
      expect(res.body.case.id).toBe(filed.body.case.id);
    });

    it('hides a case from staff of a department it does not involve with a 404', async () => {
      const res = await civilWindow.get(`/api/cases/${liCase.id}`);

      expectProblem(res, 404, 'not-found');
    });
  });

  describe('agents (代办)', () => {
    it('lets an agent authorised by 张三 submit on his behalf and read the case', async () => {
      const res = await agent.post('/api/cases', { ...seniorCardApplication(), onBehalfOf: 'u-zhangsan' }, { 'idempotency-key': newKey() });

      expect(res.status).toBe(201);
      expect(res.body.case).toMatchObject({ applicant: { userId: 'u-zhangsan', name: '张三' }, agentId: 'u-wangwu' });
      expect((await readCase(agent, res.body.case.id)).case.id).toBe(res.body.case.id);
      expect((await readCase(zhang, res.body.case.id)).case.agentId).toBe('u-wangwu');
    });

    it('lists the cases an agent filed in the agent’s own list', async () => {
      const filed = await agent.post('/api/cases', { ...seniorCardApplication(), onBehalfOf: 'u-zhangsan' }, { 'idempotency-key': newKey() });

      const mine = await agent.get('/api/my/cases');

      expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(filed.body.case.id);
    });

    it('refuses an agent filing for someone who did not authorise them with a 403 and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await agent.post('/api/cases', { ...businessRegistration(), onBehalfOf: 'u-lisi' }, { 'idempotency-key': newKey() });

      expectProblem(res, 403, 'forbidden');
      expect(await api.itemCount()).toBe(before);
    });

    it("hides from an agent a case of someone who did not authorise them", async () => {
      const res = await agent.get(`/api/cases/${liCase.id}`);

      expectProblem(res, 404, 'not-found');
    });
  });

  describe('anonymous callers and designers', () => {
    it.each([
      ['GET', '/api/my/cases'],
      ['GET', '/api/inbox'],
      ['GET', '/api/inbox/handled'],
      ['GET', '/api/cases/01KZZZZZZZZZZZZZZZZZZZZZZZ'],
      ['POST', '/api/cases'],
    ])('answers an anonymous %s %s with 401 and a Bearer challenge', async (method, path) => {
      const res = await api.anonymous.raw(method, path, method === 'POST' ? JSON.stringify(seniorCardApplication()) : undefined, {
        'content-type': 'application/json',
        'idempotency-key': newKey(),
      });

      expectProblem(res, 401, 'unauthenticated');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('refuses a designer acting on a case without revealing it', async () => {
      const task = await inboxTask(marketWindow, 'window', liCase.id);

      const res = await act(designer, liCase.id, { action: 'accept', taskId: task.id, expectedVersion: liCase.version });

      expectProblem(res, 404, 'not-found');
      expect(await liSees()).toMatchObject({ status: 'submitted', version: liCase.version });
    });

    it('refuses a designer submitting an application with a 403', async () => {
      const res = await designer.post('/api/cases', seniorCardApplication(), { 'idempotency-key': newKey() });

      expectProblem(res, 403, 'forbidden');
    });
  });

  describe('withdrawal (撤回)', () => {
    it('lets the applicant withdraw before the decision and takes the task out of the inbox', async () => {
      const filed = await zhang.post('/api/cases', seniorCardApplication(), { 'idempotency-key': newKey() });
      const id = filed.body.case.id;

      const res = await act(zhang, id, { action: 'withdraw', expectedVersion: 1, reason: '已在其他窗口办理' });

      expect(res.status).toBe(200);
      expect(res.body.case).toMatchObject({ status: 'withdrawn', outcome: { result: 'withdrawn', reason: '已在其他窗口办理' } });
      expect(await inboxTasks(civilWindow, 'window', id)).toEqual([]);
    });

    it('refuses a withdrawal after completion with 409 action-not-allowed', async () => {
      const filed = await zhang.post('/api/cases', seniorCardApplication(), { 'idempotency-key': newKey() });
      const id = filed.body.case.id;
      const accept = await inboxTask(civilWindow, 'window', id);
      const accepted = await act(civilWindow, id, { action: 'accept', taskId: accept.id, expectedVersion: 1 });
      const completed = await act(civilWindow, id, { action: 'complete', taskId: accepted.body.openTasks[0].id, expectedVersion: 2 });
      expect(completed.body.case.status).toBe('completed');

      const res = await act(zhang, id, { action: 'withdraw', expectedVersion: 3 });

      expectProblem(res, 409, 'action-not-allowed');
      expect((await readCase(zhang, id)).case).toMatchObject({ status: 'completed', version: 3 });
    });

    it('refuses a staff member withdrawing an applicant’s case with a 403', async () => {
      const res = await act(marketWindow, liCase.id, { action: 'withdraw', expectedVersion: liCase.version });

      expectProblem(res, 403, 'forbidden');
      expect(await liSees()).toMatchObject({ status: 'submitted', version: liCase.version });
    });
  });

  describe('designer routes', () => {
    const claim = { departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', departments: {} };
    const designerRoutes: [string, string, unknown][] = [
      ['POST', '/api/items', { item: { id: 'not-yours' }, form: {}, flow: {} }],
      ['PUT', '/api/items/senior-card/draft', { item: { id: 'senior-card' }, form: {}, flow: {} }],
      ['POST', '/api/items/senior-card/draft/check', undefined],
      ['POST', '/api/items/senior-card/publish', { fromVersion: 1 }],
      ['GET', '/api/items/senior-card/in-flight', undefined],
      ['POST', '/api/items/senior-card/claims', claim],
      ['PUT', '/api/items/senior-card/claims/c-senior-card-150102', claim],
      ['DELETE', '/api/items/senior-card/claims/c-senior-card-150102', undefined],
    ];
    const who: [string, () => ApiClient, number][] = [
      ['an applicant', () => zhang, 403],
      ['an agent', () => agent, 403],
      ['staff', () => civilWindow, 403],
      ['an anonymous caller', () => api.anonymous, 401],
    ];
    const matrix = designerRoutes.flatMap(([method, path, body]) => who.map(([name, client, status]) => [method, path, name, body, client, status] as const));

    it.each(matrix)('refuses %s %s to %s and writes nothing', async (method, path, _name, body, client, status) => {
      const before = await api.itemCount();

      const res = await client().raw(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'content-type': 'application/json' });

      expect(res.status).toBe(status);
      expect(await api.itemCount()).toBe(before);
    });

    it('lets a designer read the cases in flight and write claims', async () => {
      const inFlight = await designer.get('/api/items/senior-card/in-flight');
      const replaced = await designer.put('/api/items/senior-card/claims/c-senior-card-150102', { ...claim, overrides: { promisedLimit: { value: 1, unit: 'workingDays' } } });

      expect(inFlight.status).toBe(200);
      expect(replaced.status).toBe(200);
    });
  });
});
