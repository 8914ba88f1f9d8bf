import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';

const attachment = (blobId: string) => [{ blobId, name: `${blobId}.jpg`, size: 120_000, contentType: 'image/jpeg' }];

function application(idNumber: string, name: string) {
  return {
    itemId: 'senior-card',
    data: {
      applicant: { name, idNumber, mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
      residenceType: 'hukou',
      attachments: { identity: attachment('id-front'), photo: attachment('photo') },
    },
  };
}

describe('senior card (老年人优待证) over the HTTP API', () => {
  let api: Api;
  let zhang: ApiClient;
  let li: ApiClient;
  let window: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-senior-card', '2026-11-25');
    [zhang, li, window] = await Promise.all([api.signIn('u-zhangsan'), api.signIn('u-lisi'), api.signIn('u-xc-civil-window')]);
  });
  afterAll(() => api.stop());

  it('refuses an applicant under 60 with a field-level message in Chinese and writes nothing', async () => {
    const before = await api.itemCount();

    const res = await li.post('/api/cases', application('150102199007150039', '李四'), { 'idempotency-key': newKey(), 'accept-language': 'zh-CN' });

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ pointer: '/data/applicant/idNumber', code: 'check.atLeast60', message: '申请人须年满60周岁' }]);
    expect(await api.itemCount()).toBe(before);
  });

  it('accepts and completes a card for an applicant of 70, with the age derived from the ID number', async () => {
    const submitted = await zhang.post('/api/cases', application('150102195603120014', '张三'), { 'idempotency-key': newKey() });
    expect(submitted.status).toBe(201);
    const { id } = submitted.body.case;
    expect(submitted.body.case.data.age).toBe(70);

    const inbox = await window.get('/api/inbox?role=window');
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === id);
    expect(task).toMatchObject({ stepId: 'accept', departmentId: 'd-150102-civil-affairs' });

    const accepted = await window.post(`/api/cases/${id}/actions`, { action: 'accept', taskId: task.id, expectedVersion: 1 });
    expect(accepted.status).toBe(200);
    const next = accepted.body.openTasks[0];
    const completed = await window.post(`/api/cases/${id}/actions`, { action: next.role === 'window' ? 'complete' : 'complete', taskId: next.id, expectedVersion: 2 });

    expect(completed.status).toBe(200);
    expect(completed.body.case.status).toBe('completed');
    const history = await zhang.get(`/api/cases/${id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'complete']);
  });

  it("counts the month's cases per item for supervisors, and for no one else", async () => {
    const supervisor = await api.signIn('u-supervisor');
    await api.drainStatistics();

    const stats = await supervisor.get('/api/statistics?department=d-150102-civil-affairs&month=2026-11');
    const refused = await zhang.get('/api/statistics?department=d-150102-civil-affairs&month=2026-11');

    expect(stats.status).toBe(200);
    expect(stats.body.items).toEqual([
      expect.objectContaining({ itemId: 'senior-card', counters: expect.objectContaining({ submitted: 1, completed: 1 }) }),
    ]);
    expect(refused.status).toBe(403);
  });

  it('asks a supervisor for the department and a well-formed month, field by field, in their language', async () => {
    const supervisor = await api.signIn('u-supervisor');

    const neither = await supervisor.get('/api/statistics?month=2026-13');
    const english = await supervisor.get('/api/statistics?department=d-150102-civil-affairs&month=11-2026', { 'accept-language': 'en' });

    expect(neither.status).toBe(400);
    expect(neither.body.errors).toEqual([
      { pointer: '/department', code: 'required', message: '请选择部门' },
      { pointer: '/month', code: 'pattern', message: '月份格式应为 YYYY-MM，例如 2026-11' },
    ]);
    expect(english.body).toMatchObject({ status: 400, title: 'The request is malformed', detail: 'name a department and a month (YYYY-MM)', errors: [{ pointer: '/month', message: 'the month is YYYY-MM, e.g. 2026-11' }] });
  });
});
