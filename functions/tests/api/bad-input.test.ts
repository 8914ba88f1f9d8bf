import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';
import {
  constructionPermit,
  deepArray,
  deepObject,
  expectProblem,
  pointersOf,
  problemCode,
  seniorCard,
  withWrongCheckCharacter,
} from './bad-input/bad-input-fixtures.js';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

let api: Api;
let designer: ApiClient;
let zhang: ApiClient;
let li: ApiClient;
let qingcheng: ApiClient;
let window: ApiClient;
let civilReviewer: ApiClient;
let marketWindow: ApiClient;
let caseId: string;
let taskId: string;

/** One write route: how to reach it as a principal allowed on it, and bodies of the wrong shape. */
interface WriteRoute {
  key: string;
  method: 'POST' | 'PUT';
  path: () => string;
  client: () => ApiClient;
  headers?: () => Record<string, string>;
  /** A body of the right fields with wrong types, and the pointers the 400 must name. */
  wrongTypes: () => { body: unknown; pointers: string[] };
  /** A body otherwise fine, plus an unknown field `isAdmin`. */
  unknownField: () => unknown;
  /** A JSON object to hide a prototype key in. */
  carrier: () => Record<string, unknown>;
  /** The route takes no body: an absent or blank one is fine (tested apart). */
  bodyOptional?: boolean;
}

const routes: WriteRoute[] = [
  {
    key: 'POST /api/auth/dev-sign-in',
    method: 'POST',
    path: () => '/api/auth/dev-sign-in',
    client: () => api.anonymous,
    wrongTypes: () => ({ body: { userId: 42 }, pointers: ['/userId'] }),
    unknownField: () => ({ userId: 'u-zhangsan', isAdmin: true }),
    carrier: () => ({ userId: 'u-zhangsan' }),
  },
  {
    key: 'POST /api/items',
    method: 'POST',
    path: () => '/api/items',
    client: () => designer,
    wrongTypes: () => ({ body: { item: 'x', form: 1, flow: [] }, pointers: ['/item', '/form', '/flow'] }),
    unknownField: () => ({ item: { id: 'bad-input-item' }, form: {}, flow: {}, isAdmin: true }),
    carrier: () => ({ item: { id: 'bad-input-item' }, form: {}, flow: {} }),
  },
  {
    key: 'PUT /api/items/{itemId}/draft',
    method: 'PUT',
    path: () => '/api/items/senior-card/draft',
    client: () => designer,
    wrongTypes: () => ({ body: { item: null, form: 'x', flow: true, expectedRevision: 'one' }, pointers: ['/item', '/form', '/flow', '/expectedRevision'] }),
    unknownField: () => ({ item: { id: 'senior-card' }, form: {}, flow: {}, isAdmin: true }),
    carrier: () => ({ item: { id: 'senior-card' }, form: {}, flow: {} }),
  },
  {
    key: 'POST /api/items/{itemId}/draft/check',
    method: 'POST',
    path: () => '/api/items/senior-card/draft/check',
    client: () => designer,
    wrongTypes: () => ({ body: [1, 2, 3], pointers: [''] }),
    unknownField: () => ({ isAdmin: true }),
    carrier: () => ({}),
    bodyOptional: true,
  },
  {
    key: 'POST /api/items/{itemId}/draft/dry-run',
    method: 'POST',
    path: () => '/api/items/senior-card/draft/dry-run',
    client: () => designer,
    wrongTypes: () => ({ body: { data: 'x', actions: 5 }, pointers: ['/data', '/actions'] }),
    unknownField: () => ({ data: {}, isAdmin: true }),
    carrier: () => ({ data: {} }),
  },
  {
    key: 'POST /api/items/{itemId}/publish',
    method: 'POST',
    path: () => '/api/items/senior-card/publish',
    client: () => designer,
    wrongTypes: () => ({ body: { expectedRevision: 'one' }, pointers: ['/expectedRevision'] }),
    unknownField: () => ({ isAdmin: true }),
    carrier: () => ({}),
  },
  {
    key: 'POST /api/items/{itemId}/claims',
    method: 'POST',
    path: () => '/api/items/senior-card/claims',
    client: () => designer,
    wrongTypes: () => ({ body: { departmentId: 5, level: 4, region: ['150102'], departments: 'lead' }, pointers: ['/departmentId', '/level', '/region', '/departments'] }),
    unknownField: () => ({ departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', isAdmin: true }),
    carrier: () => ({ departmentId: 'd-150102-civil-affairs', level: '4', region: '150102' }),
  },
  {
    key: 'PUT /api/items/{itemId}/claims/{claimId}',
    method: 'PUT',
    path: () => '/api/items/senior-card/claims/c-senior-card-150102',
    client: () => designer,
    wrongTypes: () => ({ body: { departmentId: null, level: '4', region: 150102, overrides: [] }, pointers: ['/departmentId', '/region', '/overrides'] }),
    unknownField: () => ({ departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', isAdmin: true }),
    carrier: () => ({ departmentId: 'd-150102-civil-affairs', level: '4', region: '150102' }),
  },
  {
    key: 'POST /api/cases',
    method: 'POST',
    path: () => '/api/cases',
    client: () => zhang,
    headers: () => ({ 'idempotency-key': newKey() }),
    wrongTypes: () => ({ body: { itemId: 7, data: [], claimId: false }, pointers: ['/itemId', '/data', '/claimId'] }),
    unknownField: () => ({ ...seniorCard(), isAdmin: true }),
    carrier: () => seniorCard(),
  },
  {
    key: 'POST /api/cases/{caseId}/actions',
    method: 'POST',
    path: () => `/api/cases/${caseId}/actions`,
    client: () => window,
    wrongTypes: () => ({ body: { action: 'accept', taskId: 12, expectedVersion: '1' }, pointers: ['/taskId', '/expectedVersion'] }),
    unknownField: () => ({ action: 'accept', taskId, expectedVersion: 1, isAdmin: true }),
    carrier: () => ({ action: 'accept', taskId, expectedVersion: 1 }),
  },
  {
    key: 'PUT /api/drafts/{itemId}',
    method: 'PUT',
    path: () => '/api/drafts/senior-card',
    client: () => zhang,
    wrongTypes: () => ({ body: { data: 'x', step: 'one', idempotencyKey: 5 }, pointers: ['/data', '/step', '/idempotencyKey'] }),
    unknownField: () => ({ data: {}, isAdmin: true }),
    carrier: () => ({ data: {} }),
  },
  {
    key: 'POST /api/blobs',
    method: 'POST',
    path: () => '/api/blobs',
    client: () => zhang,
    wrongTypes: () => ({ body: { name: 1, contentType: 'text/html', size: '10' }, pointers: ['/name', '/contentType', '/size'] }),
    unknownField: () => ({ name: 'a.pdf', contentType: 'application/pdf', size: 10, isAdmin: true }),
    carrier: () => ({ name: 'a.pdf', contentType: 'application/pdf', size: 10 }),
  },
];

const json = { 'content-type': 'application/json' };

/** One kind of bad input: the raw body and headers, the status and problem type it must get. */
interface BadInput {
  name: string;
  build: (route: WriteRoute) => { body: string | Uint8Array | undefined; headers: Record<string, string>; pointers?: string[] };
  status: number;
  type: string;
}

/** Raw JSON text of `carrier` with `key: value` spliced in (JSON.stringify would drop `__proto__`). */
const withRawKey = (carrier: Record<string, unknown>, key: string, value: string) => {
  const rest = JSON.stringify(carrier).slice(1);
  return `{"${key}":${value}${rest === '}' ? '}' : `,${rest}`}`;
};

const badInputs: BadInput[] = [
  { name: 'malformed JSON', build: () => ({ body: '{"userId": "u-zhangsan",', headers: json }), status: 400, type: 'bad-request' },
  { name: 'JSON with a trailing comma and single quotes', build: () => ({ body: "{'a': 1,}", headers: json }), status: 400, type: 'bad-request' },
  { name: 'a text/plain content type', build: (r) => ({ body: JSON.stringify(r.carrier()), headers: { 'content-type': 'text/plain' } }), status: 415, type: 'unsupported-media-type' },
  { name: 'a form-encoded content type', build: () => ({ body: 'userId=u-zhangsan', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), status: 415, type: 'unsupported-media-type' },
  { name: 'a latin-1 charset', build: (r) => ({ body: JSON.stringify(r.carrier()), headers: { 'content-type': 'application/json; charset=iso-8859-1' } }), status: 415, type: 'unsupported-media-type' },
  { name: 'no content type', build: (r) => ({ body: new TextEncoder().encode(JSON.stringify(r.carrier())), headers: {} }), status: 415, type: 'unsupported-media-type' },
  {
    name: 'wrong types',
    build: (r) => {
      const { body, pointers } = r.wrongTypes();
      return { body: JSON.stringify(body), headers: json, pointers };
    },
    status: 400,
    type: 'bad-request',
  },
  { name: 'an unknown field', build: (r) => ({ body: JSON.stringify(r.unknownField()), headers: json, pointers: ['/isAdmin'] }), status: 400, type: 'bad-request' },
  { name: 'a JSON array instead of an object', build: () => ({ body: '[]', headers: json, pointers: [''] }), status: 400, type: 'bad-request' },
  { name: 'a bare JSON string', build: () => ({ body: '"hello"', headers: json, pointers: [''] }), status: 400, type: 'bad-request' },
  { name: 'JSON null', build: () => ({ body: 'null', headers: json, pointers: [''] }), status: 400, type: 'bad-request' },
  {
    name: 'a 300 KB body',
    build: (r) => ({ body: JSON.stringify({ ...r.carrier(), padding: 'x'.repeat(300 * 1024) }), headers: json }),
    status: 413,
    type: 'payload-too-large',
  },
  { name: 'arrays nested 1,000 deep', build: () => ({ body: deepArray(1000), headers: json }), status: 400, type: 'bad-request' },
  { name: 'objects nested 1,000 deep', build: () => ({ body: deepObject(1000), headers: json }), status: 400, type: 'bad-request' },
  {
    name: 'a top-level __proto__ key',
    build: (r) => ({ body: withRawKey(r.carrier(), '__proto__', '{"polluted":true,"isAdmin":true}'), headers: json, pointers: ['/__proto__'] }),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'a nested __proto__ key',
    build: (r) => ({ body: withRawKey(r.carrier(), 'x', '{"y":[{"__proto__":{"polluted":true}}]}'), headers: json, pointers: ['/x/y/0/__proto__'] }),
    status: 400,
    type: 'bad-request',
  },
  {
    name: 'a constructor key',
    build: (r) => ({ body: withRawKey(r.carrier(), 'constructor', '{"prototype":{"polluted":true,"isAdmin":true}}'), headers: json, pointers: ['/constructor'] }),
    status: 400,
    type: 'bad-request',
  },
  { name: 'a prototype key', build: (r) => ({ body: withRawKey(r.carrier(), 'prototype', '{"isAdmin":true}'), headers: json, pointers: ['/prototype'] }), status: 400, type: 'bad-request' },
  { name: 'an empty body', build: () => ({ body: undefined, headers: json }), status: 400, type: 'bad-request' },
  { name: 'a body of spaces', build: () => ({ body: '   \n ', headers: json }), status: 400, type: 'bad-request' },
  { name: 'bytes that are not UTF-8', build: () => ({ body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), headers: json }), status: 400, type: 'bad-request' },
];

const BLANK = new Set(['an empty body', 'a body of spaces']);
const table = routes.flatMap((route) =>
  badInputs.filter((bad) => !(route.bodyOptional && BLANK.has(bad.name))).map((bad) => [route.key, bad.name, route, bad] as const),
);

async function send(route: WriteRoute, bad: BadInput, locale?: 'en'): Promise<{ res: ApiResponse; pointers?: string[] }> {
  const { body, headers, pointers } = bad.build(route);
  const res = await route
    .client()
    .raw(route.method, route.path(), body, { ...headers, ...route.headers?.(), ...(locale ? { 'accept-language': locale } : {}) });
  return { res, pointers };
}

describe('bad input on every write route', () => {
  beforeAll(async () => {
    api = await startApi('api-bad-input', '2026-11-25');
    [designer, zhang, li, qingcheng, window, civilReviewer, marketWindow] = await Promise.all(
      ['u-designer', 'u-zhangsan', 'u-lisi', 'u-qingcheng', 'u-xc-civil-window', 'u-xc-civil-reviewer', 'u-xc-market-window'].map((u) => api.signIn(u)),
    );
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    if (submitted.status !== 201) throw new Error(`setup submission failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    caseId = submitted.body.case.id;
    const read = await window.get(`/api/cases/${caseId}`);
    taskId = read.body.openTasks[0].id;
  });
  afterAll(() => api.stop());

  it.each(table)('%s answers %s with a 4xx problem in Chinese and English and writes nothing', async (_key, _name, route, bad) => {
    const before = await api.itemCount();

    const zh = await send(route, bad);
    const en = await send(route, bad, 'en');

    for (const [res, locale] of [[zh.res, 'zh-CN'], [en.res, 'en']] as const) {
      expectProblem(res, locale);
      expect(res.status, JSON.stringify(res.body)).toBe(bad.status);
      expect(problemCode(res)).toBe(bad.type);
    }
    if (zh.pointers) expect(pointersOf(zh.res)).toEqual(expect.arrayContaining(zh.pointers));
    expect(await api.itemCount()).toBe(before);
  });

  describe('government codes', () => {
    it('refuses a resident ID with a wrong check digit on the senior card, at its pointer, in Chinese', async () => {
      const before = await api.itemCount();
      const idNumber = withWrongCheckCharacter('150102195603120014', '0123456789X');

      const res = await zhang.post('/api/cases', seniorCard(idNumber), { 'idempotency-key': newKey() });

      expectProblem(res);
      expect(res.status).toBe(422);
      expect(problemCode(res)).toBe('validation-failed');
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0]).toMatchObject({ pointer: '/data/applicant/idNumber', message: expect.stringContaining('校验') });
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses a resident ID with a wrong check digit in English when asked', async () => {
      const before = await api.itemCount();

      const res = await zhang.post('/api/cases', seniorCard('150102195603120015'), { 'idempotency-key': newKey(), 'accept-language': 'en' });

      expectProblem(res, 'en');
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ pointer: '/data/applicant/idNumber', message: expect.stringMatching(/check/i) });
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses a unified social credit code with a wrong check character on the construction permit, at its pointer', async () => {
      const before = await api.itemCount();
      const creditCode = withWrongCheckCharacter('91150100MA13QW5E7R', '0123456789ABCDEFGHJKLMNPQRTUWXY');

      const res = await qingcheng.post('/api/cases', constructionPermit(creditCode), { 'idempotency-key': newKey() });

      expectProblem(res);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/builder/creditCode', message: expect.stringContaining('校验') })]);
      expect(await api.itemCount()).toBe(before);
    });

    it.each([
      ['a mobile number of 10 digits', (b: ReturnType<typeof seniorCard>) => ((b.data.applicant.mobile = '1380471000'), b), '/data/applicant/mobile'],
      ['a region code of letters', (b: ReturnType<typeof seniorCard>) => ((b.data.applicant.regionCode = '15O1O2'), b), '/data/applicant/regionCode'],
      ['a resident ID with an impossible birth date', (b: ReturnType<typeof seniorCard>) => ((b.data.applicant.idNumber = '150102195602300012'), b), '/data/applicant/idNumber'],
      ['an unknown field inside the form data', (b: ReturnType<typeof seniorCard>) => (Object.assign(b.data, { isAdmin: true }), b), '/data'],
    ])('refuses %s with 422 at its pointer', async (_name, mutate, pointer) => {
      const before = await api.itemCount();

      const res = await zhang.post('/api/cases', mutate(seniorCard()), { 'idempotency-key': newKey() });

      expectProblem(res);
      expect(res.status).toBe(422);
      expect(pointersOf(res).some((p) => p === pointer || p.startsWith(`${pointer}/`))).toBe(true);
      expect(await api.itemCount()).toBe(before);
    });
  });

  describe('the Idempotency-Key of a submission', () => {
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['too short', 'k-1'],
      ['with spaces', 'key with spaces'],
      ['with other characters', 'k-0000000!?/'],
      ['too long', `k-${'a'.repeat(200)}`],
      ['of Latin-1 letters', 'k-\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9'],
    ])('is refused with 400 when %s, and nothing is written', async (_name, key) => {
      const before = await api.itemCount();

      const res = await zhang.post('/api/cases', seniorCard(), key === undefined ? {} : { 'idempotency-key': key });

      expectProblem(res);
      expect(res.status).toBe(400);
      expect(problemCode(res)).toBe('idempotency-key-invalid');
      expect(await api.itemCount()).toBe(before);
    });
  });

  describe('actions on a real case', () => {
    const act = (client: () => ApiClient, body: () => Record<string, unknown>, headers: Record<string, string> = {}) => async () =>
      client().post(`/api/cases/${caseId}/actions`, body(), headers);

    async function caseVersion(): Promise<number> {
      const res = await window.get(`/api/cases/${caseId}`);
      return res.body.case.version;
    }

    it.each([
      ['a stale expectedVersion', 409, 'conflict', act(() => window, () => ({ action: 'accept', taskId, expectedVersion: 2 }))],
      ['an expectedVersion far ahead', 409, 'conflict', act(() => window, () => ({ action: 'accept', taskId, expectedVersion: 99_999 }))],
      ['an applicant approving their own case', 404, 'not-found', act(() => zhang, () => ({ action: 'accept', taskId, expectedVersion: 1 }))],
      ['another applicant withdrawing the case', 404, 'not-found', act(() => li, () => ({ action: 'withdraw', expectedVersion: 1 }))],
      ['a reviewer of the department acting on a window task', 403, 'forbidden', act(() => civilReviewer, () => ({ action: 'accept', taskId, expectedVersion: 1 }))],
      ['staff of another department', 404, 'not-found', act(() => marketWindow, () => ({ action: 'accept', taskId, expectedVersion: 1 }))],
      ['a designer', 404, 'not-found', act(() => designer, () => ({ action: 'accept', taskId, expectedVersion: 1 }))],
      ['no token', 401, 'unauthenticated', act(() => api.anonymous, () => ({ action: 'accept', taskId, expectedVersion: 1 }))],
      ['an unknown task', 404, 'not-found', act(() => window, () => ({ action: 'accept', taskId: 't-does-not-exist', expectedVersion: 1 }))],
      ['an unknown action name', 400, 'bad-request', act(() => window, () => ({ action: 'approveEverything', taskId, expectedVersion: 1 }))],
      ['an action that is not allowed at this step', 409, 'action-not-allowed', act(() => window, () => ({ action: 'complete', taskId, expectedVersion: 1 }))],
      ['expectedVersion 0', 400, 'bad-request', act(() => window, () => ({ action: 'accept', taskId, expectedVersion: 0 }))],
      ['a fractional expectedVersion', 400, 'bad-request', act(() => window, () => ({ action: 'accept', taskId, expectedVersion: 1.5 }))],
      ['no expectedVersion', 400, 'bad-request', act(() => window, () => ({ action: 'accept', taskId }))],
      ['0 extension days', 400, 'bad-request', act(() => window, () => ({ action: 'extend', taskId, expectedVersion: 1, extensionDays: 0, reason: '材料复杂' }))],
      ['366 extension days', 400, 'bad-request', act(() => window, () => ({ action: 'extend', taskId, expectedVersion: 1, extensionDays: 366, reason: '材料复杂' }))],
      ['negative extension days', 400, 'bad-request', act(() => window, () => ({ action: 'extend', taskId, expectedVersion: 1, extensionDays: -5, reason: '材料复杂' }))],
      ['fractional extension days', 400, 'bad-request', act(() => window, () => ({ action: 'extend', taskId, expectedVersion: 1, extensionDays: 2.5, reason: '材料复杂' }))],
      ['extension days as text', 400, 'bad-request', act(() => window, () => ({ action: 'extend', taskId, expectedVersion: 1, extensionDays: '10', reason: '材料复杂' }))],
      ['an empty correction list', 400, 'bad-request', act(() => window, () => ({ action: 'returnForCorrection', taskId, expectedVersion: 1, correction: [] }))],
      ['a comment over 2,000 characters', 400, 'bad-request', act(() => window, () => ({ action: 'accept', taskId, expectedVersion: 1, comment: '意'.repeat(2001) }))],
    ])('refuses %s with %i and leaves the case as it was', async (_name, status, type, run) => {
      const before = await api.itemCount();

      const res = await run();

      expectProblem(res);
      expect(res.status).toBe(status);
      expect(problemCode(res)).toBe(type);
      expect(await caseVersion()).toBe(1);
      expect(await api.itemCount()).toBe(before);
    });

    it('names the unknown action and the out-of-range extension days by their pointers', async () => {
      const unknown = await window.post(`/api/cases/${caseId}/actions`, { action: 'approveEverything', taskId, expectedVersion: 1 });
      const extension = await window.post(`/api/cases/${caseId}/actions`, { action: 'extend', taskId, expectedVersion: 1, extensionDays: 400 });

      expect(pointersOf(unknown)).toContain('/action');
      expect(pointersOf(extension)).toContain('/extensionDays');
    });
  });

  describe('designer writes', () => {
    it('checks a draft without a body, or with a blank one, and writes nothing', async () => {
      const before = await api.itemCount();

      const none = await designer.raw('POST', '/api/items/senior-card/draft/check', undefined);
      const blank = await designer.raw('POST', '/api/items/senior-card/draft/check', '  ', { 'content-type': 'application/json' });
      const empty = await designer.post('/api/items/senior-card/draft/check', {});

      expect([none.status, blank.status, empty.status]).toEqual([200, 200, 200]);
      expect(none.body).toMatchObject({ ok: true });
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses a publish whose body is JSON null and publishes no new version', async () => {
      const versions = await api.anonymous.get('/api/items/senior-card/versions');
      const before = await api.itemCount();

      const res = await designer.raw('POST', '/api/items/senior-card/publish', 'null', { 'content-type': 'application/json' });

      expectProblem(res);
      expect(res.status).toBe(400);
      expect(pointersOf(res)).toEqual(['']);
      expect((await api.anonymous.get('/api/items/senior-card/versions')).body).toEqual(versions.body);
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses an applicant creating an item with 403 and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await zhang.post('/api/items', { item: { id: 'x-item' }, form: {}, flow: {} });

      expectProblem(res);
      expect(res.status).toBe(403);
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses staff publishing an item with 403 and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await window.post('/api/items/senior-card/publish', {});

      expectProblem(res);
      expect(res.status).toBe(403);
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses a stale expectedRevision on publish with 409 and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await designer.post('/api/items/senior-card/publish', { expectedRevision: 9_999 });

      expectProblem(res);
      expect(res.status).toBe(409);
      expect(await api.itemCount()).toBe(before);
    });

    it('refuses a stale expectedRevision on a draft save with 409 and writes nothing', async () => {
      const draft = await designer.get('/api/items/senior-card/draft');
      const before = await api.itemCount();

      const res = await designer.put('/api/items/senior-card/draft', { item: draft.body.item, form: draft.body.form, flow: draft.body.flow, expectedRevision: 9_999 });

      expectProblem(res);
      expect(res.status).toBe(409);
      expect(await api.itemCount()).toBe(before);
    });
  });

  it('leaves Object.prototype untouched after every request above', () => {
    const probe = {} as Record<string, unknown>;

    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
  });
});
