/**
 * Issue 9, section 3: inputs that answered 500. Numbers DynamoDB cannot store, in draft data, form
 * data, action data and a designer's `ui`, are refused with a 422 at the number's pointer before
 * anything is written; a form that refers to itself without end is refused when it is checked or
 * published, with a message that says where.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';
import { constructionPermit, expectProblem, problemCode, seniorCard } from './bad-input/bad-input-fixtures.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

let api: Api;
let zhang: ApiClient;
let qingcheng: ApiClient;
let designer: ApiClient;
let window: ApiClient;
let caseId: string;

/** JSON text of `body` with `number` written as is at the string `"$N"` (JSON.stringify cannot write 2^53 + 1). */
const withNumber = (body: unknown, number: string) => JSON.stringify(body).replace('"$N"', number);

function expectNumberRefused(res: ApiResponse, pointer: string): void {
  expectProblem(res);
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(problemCode(res)).toBe('validation-failed');
  expect(res.body.errors).toEqual([{ pointer, code: 'number-range', message: expect.stringContaining('超出可保存的范围') }]);
}

const NUMBERS = ['1e308', '9007199254740993', '1e126', '1e-200'];

beforeAll(async () => {
  api = await startApi('api-unstorable', '2026-11-25');
  [zhang, qingcheng, designer, window] = await Promise.all(['u-zhangsan', 'u-qingcheng', 'u-designer', 'u-xc-civil-window'].map((u) => api.signIn(u)));
  const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
  caseId = submitted.body.case.id;
});
afterAll(() => api.stop());

describe.each(NUMBERS)('the number %s', (number) => {
  it('is refused in a money field of a submission, at its pointer, and nothing is written', async () => {
    const body = constructionPermit() as any;
    body.data.project.investment = '$N';
    const before = await api.itemCount();

    const res = await qingcheng.raw('POST', '/api/cases', withNumber(body, number), { 'content-type': 'application/json', 'idempotency-key': newKey() });

    expectNumberRefused(res, '/data/project/investment');
    expect(await api.itemCount()).toBe(before);
  });

  it('is refused in draft data, and nothing is written', async () => {
    const before = await api.itemCount();

    const res = await zhang.raw('PUT', '/api/drafts/construction-permit-parallel', withNumber({ data: { project: { investment: '$N' } } }, number), { 'content-type': 'application/json' });

    expectNumberRefused(res, '/data/project/investment');
    expect(await api.itemCount()).toBe(before);
  });

  it('is refused in the data of an action, and the case stays at version 1', async () => {
    const res = await zhang.raw('POST', `/api/cases/${caseId}/actions`, withNumber({ action: 'resubmit', expectedVersion: 1, data: { amount: '$N' } }, number), { 'content-type': 'application/json' });

    expectNumberRefused(res, '/data/amount');
    expect((await window.get(`/api/cases/${caseId}`)).body.case.version).toBe(1);
  });

  it("is refused in a designer's ui values, and the draft is not saved", async () => {
    const draft = (await designer.get('/api/items/senior-card/draft')).body;
    const before = await api.itemCount();
    const body = { item: draft.item, form: draft.form, flow: draft.flow, ui: { ...draft.ui, 'ui:order': ['$N'] } };

    const res = await designer.raw('PUT', '/api/items/senior-card/draft', withNumber(body, number), { 'content-type': 'application/json' });

    expectNumberRefused(res, '/ui/ui:order/0');
    expect(await api.itemCount()).toBe(before);
  });
});

describe('money fields of the built-in forms', () => {
  it('declare a maximum that keeps cents exact', async () => {
    const version = (await api.anonymous.get('/api/items/construction-permit-parallel/versions/1')).body;
    const project = version.form.schema.properties.project.properties;

    for (const field of ['landArea', 'buildingArea', 'investment']) {
      expect(project[field].maximum, field).toBeLessThanOrEqual(1e13);
    }
  });

  it('refuses an investment above the maximum with the field title', async () => {
    const body = constructionPermit();
    body.data.project.investment = 1e14;

    const res = await qingcheng.post('/api/cases', body, { 'idempotency-key': newKey() });

    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/project/investment', code: 'maximum', message: expect.stringContaining('总投资') })]);
  });
});

describe('a form that refers to itself without end', () => {
  const recursive = (id: string) => {
    const form = structuredClone(senior.form) as any;
    form.schema.$defs = { ...(form.schema.$defs ?? {}), loop: { $dynamicAnchor: 'loop', $dynamicRef: '#loop' } };
    form.schema.properties.residenceType = { $ref: '#/$defs/loop' };
    return { item: { ...structuredClone(senior.item), id, status: 'draft' as const, version: 1 }, form, ui: structuredClone(senior.ui), flow: structuredClone(senior.flow) };
  };

  it('is refused when the designer checks and publishes it, with where and why in both languages', async () => {
    const created = await designer.post('/api/items', recursive('recursive-form'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const checked = await designer.post('/api/items/recursive-form/draft/check');
    const published = await designer.post('/api/items/recursive-form/publish', {});

    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems).toContainEqual(expect.objectContaining({ pointer: '/form/schema', message: expect.stringContaining('/$defs/loop') }));
    expectProblem(published);
    expect(published.status).toBe(422);
    expect(problemCode(published)).toBe('invalid-definition');
    expect(JSON.stringify(published.body.errors)).toMatch(/引用自身.*refers to itself/);
    expect((await api.anonymous.get('/api/items/recursive-form/versions')).status).toBe(404);
  });
});
