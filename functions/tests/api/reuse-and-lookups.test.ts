/**
 * Issue 9, sections 4 and 5: an Idempotency-Key reused for a different body, attachment
 * declarations that are never uploaded, attachment names that disguise themselves, and receipt
 * lookups that must not tell "not yours" from "not there".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { constructionPermit, expectProblem, pointersOf, problemCode, seniorCard } from './bad-input/bad-input-fixtures.js';

let api: Api;
let zhang: ApiClient;
let li: ApiClient;
let window: ApiClient;
let marketWindow: ApiClient;

beforeAll(async () => {
  api = await startApi('api-reuse-lookups', '2026-11-25');
  [zhang, li, window, marketWindow] = await Promise.all(
    ['u-zhangsan', 'u-lisi', 'u-xc-civil-window', 'u-xc-market-window'].map((u) => api.signIn(u)),
  );
});
afterAll(() => api.stop());

describe('an Idempotency-Key reused with a different body', () => {
  it('answers 422 naming the conflict when the data differs, and writes nothing', async () => {
    const key = newKey();
    const first = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await api.itemCount();
    const edited = seniorCard();
    edited.data.applicant.mobile = '13804710002';

    const res = await zhang.post('/api/cases', edited, { 'idempotency-key': key });

    expectProblem(res);
    expect(res.status).toBe(422);
    expect(problemCode(res)).toBe('idempotency-key-reused');
    expect(res.body.title).toContain('幂等键');
    expect(JSON.stringify(res.body)).not.toContain(first.body.case.id);
    expect(await api.itemCount()).toBe(before);
  });

  it('answers 422 in English when the key is reused for another item', async () => {
    const key = newKey();
    const first = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const other = { ...seniorCard(), itemId: 'information-disclosure' };

    const res = await zhang.post('/api/cases', other, { 'idempotency-key': key, 'accept-language': 'en' });

    // Another item's form may refuse the data first; it must never answer with the earlier case.
    expectProblem(res, 'en');
    expect(res.status).toBe(422);
    expect(res.body.case).toBeUndefined();
  });

  it('answers 422 when the same key carries a valid application for another item', async () => {
    const qingcheng = await api.signIn('u-qingcheng');
    const key = newKey();
    const first = await qingcheng.post('/api/cases', constructionPermit(), { 'idempotency-key': key });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const changed = constructionPermit();
    changed.data.project.investment = 60_000_000;

    const res = await qingcheng.post('/api/cases', changed, { 'idempotency-key': key });

    expect(res.status).toBe(422);
    expect(problemCode(res)).toBe('idempotency-key-reused');
  });

  it('still replays the same body with 200 and the same case, whatever the order of its keys', async () => {
    const key = newKey();
    const body = seniorCard();
    const first = await zhang.post('/api/cases', body, { 'idempotency-key': key });
    const reordered = { data: { residenceType: body.data.residenceType, attachments: body.data.attachments, applicant: body.data.applicant }, itemId: body.itemId };

    const replay = await zhang.post('/api/cases', reordered, { 'idempotency-key': key });

    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.case.id).toBe(first.body.case.id);
  });

  it('submits once when a draft keeps its key while the applicant corrects a refused submission', async () => {
    const key = newKey();
    const wrong = seniorCard();
    wrong.data.applicant.mobile = '1380471000'; // 10 digits: refused, nothing stored under the key
    const refused = await zhang.post('/api/cases', wrong, { 'idempotency-key': key });
    expect(refused.status).toBe(422);

    const corrected = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': key });
    const retried = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': key });

    expect(corrected.status).toBe(201);
    expect(retried.status).toBe(200);
    expect(retried.body.case.id).toBe(corrected.body.case.id);
  });
});

describe('attachment declarations', () => {
  it('are gone a day after they were made when nothing was uploaded', async () => {
    const created = await zhang.post('/api/blobs', { name: 'photo.png', contentType: 'image/png', size: 8 });
    expect(created.status).toBe(201);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const start = api.clock.now();

    try {
      api.clock.advance(24 * 60 * 60 * 1000 + 1_000);
      const late = await zhang.raw('PUT', created.body.uploadUrl, png, { 'content-type': 'image/png' });

      expectProblem(late);
      expect(late.status).toBe(404);
    } finally {
      api.clock.set(start);
    }
  });

  it('can still be uploaded within the day, and an uploaded file does not expire', async () => {
    const created = await zhang.post('/api/blobs', { name: 'photo.png', contentType: 'image/png', size: 8 });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const start = api.clock.now();

    try {
      api.clock.advance(23 * 60 * 60 * 1000);
      const put = await zhang.raw('PUT', created.body.uploadUrl, png, { 'content-type': 'image/png' });
      api.clock.advance(30 * 24 * 60 * 60 * 1000);
      const read = await zhang.get(`/api/blobs/${created.body.blobId}`);

      expect(put.status).toBe(204);
      expect(read.status).toBe(200);
    } finally {
      api.clock.set(start);
    }
  });
});

describe('attachment names that disguise themselves', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.pdf'],
    ['a first-strong isolate', 'a\u2068b.pdf'],
    ['a zero-width space', '身份证\u200B.pdf'],
    ['a byte order mark', '\uFEFF身份证.pdf'],
    ['an Arabic letter mark', 'a\u061Cb.pdf'],
    ['a lone surrogate', 'a\uD800b.pdf'],
  ])('refuses %s in a declared name with 422 at /name, and writes nothing', async (_name, name) => {
    const before = await api.itemCount();

    const res = await zhang.raw('POST', '/api/blobs', JSON.stringify({ name, contentType: 'application/pdf', size: 100 }), { 'content-type': 'application/json' });

    expectProblem(res);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ pointer: '/name', code: 'file-name', message: expect.stringContaining('不可见') }]);
    expect(await api.itemCount()).toBe(before);
  });

  it('refuses a disguised name inside the submitted data at the attachment item', async () => {
    const body = seniorCard();
    body.data.attachments.photo[0].name = 'photo\u202Egpj.exe';

    const res = await zhang.post('/api/cases', body, { 'idempotency-key': newKey() });

    expect(res.status).toBe(422);
    expect(pointersOf(res)).toContain('/data/attachments/photo/0');
  });

  it('accepts an ordinary Chinese name', async () => {
    const res = await zhang.post('/api/blobs', { name: '户口簿（首页）.pdf', contentType: 'application/pdf', size: 100 });

    expect(res.status).toBe(201);
  });
});

describe('a receipt lookup', () => {
  /** The DynamoDB commands the API sends while `run` runs (the harness's client is the server's). */
  async function commandsOf(run: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const name = `count-${Math.random().toString(36).slice(2)}`;
    api.table.client.middlewareStack.add(
      (next, context) => async (args) => {
        seen.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await run();
    } finally {
      api.table.client.middlewareStack.remove(name);
    }
    return seen;
  }

  it('answers a case the caller may not see exactly as a number that does not exist, after the same reads', async () => {
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    const receiptNo: string = submitted.body.case.receiptNo;
    const unknown = receiptNo.replace(/.{6}$/, 'ZZZZZZ');
    // The statistics consumer shares the client: let it count the submission before commands are counted.
    await api.drainStatistics();
    // Warm the caches (signing in, the catalog) so that both lookups below start alike.
    await li.get(`/api/cases/by-receipt/${encodeURIComponent(unknown)}`);

    let hidden: Awaited<ReturnType<ApiClient['get']>> | undefined;
    let missing: Awaited<ReturnType<ApiClient['get']>> | undefined;
    const hiddenReads = await commandsOf(async () => (hidden = await li.get(`/api/cases/by-receipt/${encodeURIComponent(receiptNo)}`)));
    const missingReads = await commandsOf(async () => (missing = await li.get(`/api/cases/by-receipt/${encodeURIComponent(unknown)}`)));

    expect(hidden!.status).toBe(404);
    expect(missing!.status).toBe(404);
    expect(hidden!.body).toEqual(missing!.body);
    expect(hiddenReads).toEqual(missingReads);
    expect(hiddenReads.length).toBeGreaterThanOrEqual(2);
  });

  it('answers staff of another department as a number that does not exist, after the same reads', async () => {
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    const receiptNo: string = submitted.body.case.receiptNo;
    const unknown = receiptNo.replace(/.{6}$/, 'YYYYYY');
    await api.drainStatistics();
    await marketWindow.get(`/api/cases/by-receipt/${encodeURIComponent(unknown)}`);

    const hiddenReads = await commandsOf(() => marketWindow.get(`/api/cases/by-receipt/${encodeURIComponent(receiptNo)}`));
    const missingReads = await commandsOf(() => marketWindow.get(`/api/cases/by-receipt/${encodeURIComponent(unknown)}`));

    expect(hiddenReads).toEqual(missingReads);
  });

  it('still shows the case and its open tasks to whoever may see it', async () => {
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });

    const own = await zhang.get(`/api/cases/by-receipt/${encodeURIComponent(submitted.body.case.receiptNo)}`);
    const staff = await window.get(`/api/cases/by-receipt/${encodeURIComponent(submitted.body.case.receiptNo)}`);

    expect(own.status).toBe(200);
    expect(own.body.case.id).toBe(submitted.body.case.id);
    expect(staff.body.openTasks).toHaveLength(1);
  });
});
