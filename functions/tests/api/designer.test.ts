import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

/** A new item built from the senior card's definitions under another id. */
function newItem(id: string) {
  return { item: { ...structuredClone(senior.item), id, status: 'draft' as const, version: 1, name: { 'zh-CN': '高龄津贴申领', en: 'Old-age allowance' } }, form: structuredClone(senior.form), ui: structuredClone(senior.ui), flow: structuredClone(senior.flow) };
}

const seniorApplication = {
  itemId: 'senior-card',
  data: {
    applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
    residenceType: 'hukou',
    attachments: {
      identity: [{ blobId: 'id', name: 'id.jpg', size: 1000, contentType: 'image/jpeg' }],
      photo: [{ blobId: 'photo', name: 'photo.jpg', size: 1000, contentType: 'image/jpeg' }],
    },
  },
};

describe('designer: drafts, checks, dry-run and publishing over the HTTP API', () => {
  let api: Api;
  let designer: ApiClient;
  let applicant: ApiClient;
  let window: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-designer', '2026-03-02');
    [designer, applicant, window] = await Promise.all([api.signIn('u-designer'), api.signIn('u-zhangsan'), api.signIn('u-xc-civil-window')]);
  });
  afterAll(() => api.stop());

  it('creates a draft, checks it clean, dry-runs it to completion and publishes version 1', async () => {
    const created = await designer.post('/api/items', newItem('old-age-allowance'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ itemId: 'old-age-allowance', revision: 1, problems: [] });

    const checked = await designer.post('/api/items/old-age-allowance/draft/check');
    expect(checked.body).toMatchObject({ ok: true, problems: [] });

    const run = await designer.post('/api/items/old-age-allowance/draft/dry-run', { data: seniorApplication.data });
    expect(run.status).toBe(200);
    expect(run.body.path.map((p: { action: string; status: string }) => `${p.action}:${p.status}`)).toEqual(['submit:submitted', 'accept:accepted', 'complete:completed']);

    const published = await designer.post('/api/items/old-age-allowance/publish', { expectedRevision: 1 });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ itemId: 'old-age-allowance', version: 1 });
    const versions = await api.anonymous.get('/api/items/old-age-allowance/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('refuses to publish a flow with an unreachable step, pointing at the step', async () => {
    const draft = newItem('broken-unreachable');
    draft.flow.steps.push({ id: 'orphan', kind: 'task', name: { 'zh-CN': '孤立环节' }, role: 'window', actions: ['complete'], transitions: [{ on: 'complete', to: 'done' }] });
    await designer.post('/api/items', draft);

    const res = await designer.post('/api/items/broken-unreachable/publish', {});

    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/flow/steps/5' }));
    expect((await api.anonymous.get('/api/items/broken-unreachable/versions')).status).toBe(404);
  });

  it('refuses to publish a condition on a field the form does not have', async () => {
    const draft = newItem('broken-condition');
    draft.flow.steps[0].transitions!.unshift({ on: 'accept', when: { '==': [{ var: 'applicant.shoeSize' }, 42] }, to: 'complete' });
    await designer.post('/api/items', draft);

    const res = await designer.post('/api/items/broken-condition/publish', {});

    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '/flow/steps/0/transitions/0/when' }));
  });

  it('refuses to publish a guide still holding the new-item placeholder 待填写, pointing at each place in zh-CN and English', async () => {
    const draft = newItem('placeholder-guide');
    draft.item.implementer = { ...draft.item.implementer, name: { 'zh-CN': '待填写' } };
    draft.item.acceptanceConditions = [{ 'zh-CN': '年满80周岁' }, { 'zh-CN': '待填写' }];
    draft.item.legalBasis = [{ name: { 'zh-CN': '《老年人权益保障法》', en: 'To be filled in' } }];
    const created = await designer.post('/api/items', draft);
    expect(created.status).toBe(201);
    const pointers = ['/item/implementer/name/zh-CN', '/item/legalBasis/0/name/en', '/item/acceptanceConditions/1/zh-CN'];

    const checked = await designer.post('/api/items/placeholder-guide/draft/check');
    const res = await designer.post('/api/items/placeholder-guide/publish', {});
    const inEnglish = await designer.post('/api/items/placeholder-guide/publish', {}, { 'accept-language': 'en' });

    const byPointer = (errors: { pointer: string; message: string }[]) => Object.fromEntries(errors.map((e) => [e.pointer, e.message]));
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual([...pointers].sort());
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(3);
    expect(res.body.errors).toEqual(expect.arrayContaining(pointers.map((pointer) => ({ pointer, code: 'placeholder', message: expect.stringContaining('仍是占位内容') }))));
    expect(byPointer(inEnglish.body.errors)).toEqual({
      '/item/implementer/name/zh-CN': 'this still holds the placeholder "待填写": write the real text',
      '/item/legalBasis/0/name/en': 'this still holds the placeholder "To be filled in": write the real text',
      '/item/acceptanceConditions/1/zh-CN': 'this still holds the placeholder "待填写": write the real text',
    });
    expect((await api.anonymous.get('/api/items/placeholder-guide/versions')).status).toBe(404);
  });

  it('answers a stale draft revision with 409', async () => {
    await designer.post('/api/items', newItem('stale-draft'));

    const res = await designer.put('/api/items/stale-draft/draft', { ...newItem('stale-draft'), expectedRevision: 7 });

    expect(res.status).toBe(409);
  });

  it('lets only designers write drafts', async () => {
    const res = await applicant.post('/api/items', newItem('not-mine'));

    expect(res.status).toBe(403);
  });

  it('finishes a case on the version it started on after a new version changes the form and the flow', async () => {
    const submitted = await applicant.post('/api/cases', seniorApplication, { 'idempotency-key': newKey() });
    expect(submitted.body.case.itemVersion).toBe(1);
    const caseId = submitted.body.case.id;

    // Version 2 asks for a required e-mail address and inserts a review step between acceptance and completion.
    const draft = (await designer.get('/api/items/senior-card/draft')).body;
    const form = structuredClone(draft.form);
    form.schema.properties.applicant.properties.email = { type: 'string', title: '电子邮箱', format: 'email' };
    form.schema.properties.applicant.required.push('email');
    const flow = structuredClone(draft.flow);
    flow.steps[0].transitions[0].to = 'review';
    flow.steps.splice(1, 0, { id: 'review', kind: 'task', name: { 'zh-CN': '审核' }, role: 'reviewer', actions: ['approve'], transitions: [{ on: 'approve', to: 'complete' }] });
    const saved = await designer.put('/api/items/senior-card/draft', { item: draft.item, form, ui: draft.ui, flow, expectedRevision: draft.revision });
    expect(saved.status).toBe(200);
    expect((await designer.post('/api/items/senior-card/publish', {})).body.version).toBe(2);

    const task = (await window.get(`/api/cases/${caseId}`)).body.openTasks[0];
    const accepted = await window.post(`/api/cases/${caseId}/actions`, { action: 'accept', taskId: task.id, expectedVersion: 1 });
    expect(accepted.body.case.stepId).toBe('complete');
    const done = await window.post(`/api/cases/${caseId}/actions`, { action: 'complete', taskId: accepted.body.openTasks[0].id, expectedVersion: 2 });
    expect(done.body.case).toMatchObject({ status: 'completed', itemVersion: 1 });

    const withoutEmail = await applicant.post('/api/cases', seniorApplication, { 'idempotency-key': newKey() });
    expect(withoutEmail.status).toBe(422);
    expect(withoutEmail.body.errors).toContainEqual(expect.objectContaining({ pointer: '/data/applicant/email' }));
    const withEmail = structuredClone(seniorApplication);
    Object.assign(withEmail.data.applicant, { email: 'zhangsan@example.cn' });
    const fresh = await applicant.post('/api/cases', withEmail, { 'idempotency-key': newKey() });
    expect(fresh.status).toBe(201);
    expect(fresh.body.case).toMatchObject({ itemVersion: 2, stepId: 'accept' });
  });
});
