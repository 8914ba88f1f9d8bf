import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { seniorCard } from './bad-input/bad-input-fixtures.js';

describe('application drafts kept on the server', () => {
  let api: Api;
  let zhang: ApiClient;
  let li: ApiClient;
  let wangwu: ApiClient;
  let window: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-drafts', '2026-11-25');
    [zhang, li, wangwu, window] = await Promise.all(['u-zhangsan', 'u-lisi', 'u-wangwu', 'u-xc-civil-window'].map((u) => api.signIn(u)));
  });
  afterAll(() => api.stop());

  it('saves an incomplete draft, loads it in another session and deletes it', async () => {
    const key = newKey();
    const saved = await zhang.put('/api/drafts/senior-card', { data: { applicant: { name: '张三' } }, step: 1, idempotencyKey: key });
    const otherBrowser = await api.signIn('u-zhangsan');

    const loaded = await otherBrowser.get('/api/drafts/senior-card');
    const deleted = await otherBrowser.raw('DELETE', '/api/drafts/senior-card', undefined);
    const afterDelete = await zhang.get('/api/drafts/senior-card');

    expect(saved.status).toBe(200);
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ itemId: 'senior-card', data: { applicant: { name: '张三' } }, step: 1, idempotencyKey: key, updatedAt: expect.any(String) });
    expect(deleted.status).toBe(204);
    expect(afterDelete.status).toBe(404);
  });

  it('replaces the draft on every save', async () => {
    await zhang.put('/api/drafts/senior-card', { data: { residenceType: 'hukou' }, step: 0 });

    await zhang.put('/api/drafts/senior-card', { data: { residenceType: 'permit' }, step: 2 });
    const loaded = await zhang.get('/api/drafts/senior-card');

    expect(loaded.body).toMatchObject({ data: { residenceType: 'permit' }, step: 2 });
  });

  it('does not show my draft to another applicant', async () => {
    await zhang.put('/api/drafts/senior-card', { data: { applicant: { name: '张三' } } });

    const other = await li.get('/api/drafts/senior-card');
    const asForMe = await li.get('/api/drafts/senior-card?for=u-zhangsan');

    expect(other.status).toBe(404);
    expect(asForMe.status).toBe(403);
    expect(JSON.stringify(asForMe.body)).not.toContain('张三');
  });

  it('keeps an agent\'s draft for an applicant they are authorised for apart from the applicant\'s own', async () => {
    await zhang.put('/api/drafts/senior-card', { data: { applicant: { name: '张三本人' } } });

    const saved = await wangwu.put('/api/drafts/senior-card?for=u-zhangsan', { data: { applicant: { name: '王五代办' } } });
    const agents = await wangwu.get('/api/drafts/senior-card?for=u-zhangsan');
    const own = await zhang.get('/api/drafts/senior-card');

    expect(saved.status).toBe(200);
    expect(agents.body).toMatchObject({ onBehalfOf: 'u-zhangsan', data: { applicant: { name: '王五代办' } } });
    expect(own.body.data).toEqual({ applicant: { name: '张三本人' } });
  });

  it.each([
    ['an applicant the agent is not authorised for', () => wangwu, '/api/drafts/senior-card?for=u-lisi', 403],
    ['staff', () => window, '/api/drafts/senior-card', 403],
    ['a malformed applicant id', () => wangwu, '/api/drafts/senior-card?for=..%2Fx', 400],
    ['an item that is not published', () => zhang, '/api/drafts/no-such-item', 404],
  ])('refuses a draft for %s and writes nothing', async (_name, who, path, status) => {
    const before = await api.itemCount();

    const res = await who().put(path, { data: {} });

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await api.itemCount()).toBe(before);
  });

  it('refuses a body of the wrong shape with the pointers of the fields', async () => {
    const res = await zhang.put('/api/drafts/senior-card', { data: [], step: -1, idempotencyKey: 'no', extra: true });

    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/data', '/step', '/idempotencyKey', '/extra']));
  });

  it('deletes the draft once the application is submitted', async () => {
    await zhang.put('/api/drafts/senior-card', { data: seniorCard().data, step: 3 });
    await wangwu.put('/api/drafts/senior-card?for=u-zhangsan', { data: seniorCard().data });

    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    const own = await zhang.get('/api/drafts/senior-card');
    const agents = await wangwu.get('/api/drafts/senior-card?for=u-zhangsan');

    expect(submitted.status).toBe(201);
    expect(own.status).toBe(404);
    expect(agents.status).toBe(200);
  });

  it('deletes the agent\'s draft when the agent submits for the applicant', async () => {
    await wangwu.put('/api/drafts/senior-card?for=u-zhangsan', { data: seniorCard().data });

    const submitted = await wangwu.post('/api/cases', { ...seniorCard(), onBehalfOf: 'u-zhangsan' }, { 'idempotency-key': newKey() });
    const agents = await wangwu.get('/api/drafts/senior-card?for=u-zhangsan');

    expect(submitted.status).toBe(201);
    expect(agents.status).toBe(404);
  });
});
