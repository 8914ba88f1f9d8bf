import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';

type Kind = 'image/jpeg' | 'image/png' | 'application/pdf';

const MAGIC: Record<Kind, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [...Buffer.from('%PDF-1.7\n')],
};

/** Bytes that start like a file of `kind`, `size` long. */
function fileOf(kind: Kind, size = 2_000): Uint8Array {
  const bytes = new Uint8Array(size).map((_, i) => (i * 7) % 251);
  bytes.set(MAGIC[kind]);
  return bytes;
}

/** Whether two byte arrays are equal (a fast compare: toEqual walks megabytes element by element). */
const sameBytes = (a: ArrayBuffer | Uint8Array, b: Uint8Array) => Buffer.from(a instanceof Uint8Array ? a : new Uint8Array(a)).equals(Buffer.from(b));

/** Creates a blob and uploads `bytes` as the route's answer says; returns the attachment item. */
async function upload(client: ApiClient, kind: Kind, bytes = fileOf(kind), name = '身份证.jpg') {
  const created = await client.post('/api/blobs', { name, contentType: kind, size: bytes.length, material: 'identity' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const put = await client.raw(created.body.method, created.body.uploadUrl, bytes, created.body.headers);
  expect(put.status, JSON.stringify(put.body)).toBe(204);
  return { blobId: created.body.blobId as string, name, size: bytes.length, contentType: kind };
}

function seniorCard(identity: object, photo: object) {
  return {
    itemId: 'senior-card',
    data: {
      applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
      residenceType: 'hukou',
      attachments: { identity: [identity], photo: [photo] },
    },
  };
}

describe('attachments (blobs)', () => {
  let api: Api;
  let zhang: ApiClient;
  let li: ApiClient;
  let window: ApiClient;
  let marketWindow: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-blobs', '2026-11-25', { strictAttachments: true });
    [zhang, li, window, marketWindow] = await Promise.all(
      ['u-zhangsan', 'u-lisi', 'u-xc-civil-window', 'u-xc-market-window'].map((u) => api.signIn(u)),
    );
  });
  afterAll(() => api.stop());

  it('answers a new blob with where and how to upload it', async () => {
    const res = await zhang.post('/api/blobs', { name: 'photo.png', contentType: 'image/png', size: 1234 });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      blobId: expect.stringMatching(/^b-[0-9a-f]{32}$/),
      uploadUrl: `/api/blobs/${res.body.blobId}/content`,
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      maxBytes: 10 * 1024 * 1024,
    });
  });

  it.each(['image/jpeg', 'image/png', 'application/pdf'] as const)('gives the owner back the %s they uploaded, inline with its name', async (kind) => {
    const bytes = fileOf(kind, 3_000);
    const attachment = await upload(zhang, kind, bytes, '申请表 (1).pdf');

    const res = await fetch(`${api.url}/api/blobs/${attachment.blobId}`, { headers: { authorization: `Bearer ${zhang.token}` } });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(kind);
    expect(res.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('申请表 ')}%281%29.pdf`);
    expect(sameBytes(await res.arrayBuffer(), bytes)).toBe(true);
  });

  it('takes an upload larger than the 256 KB of JSON bodies', async () => {
    const bytes = fileOf('application/pdf', 2 * 1024 * 1024);

    const attachment = await upload(zhang, 'application/pdf', bytes);
    const res = await fetch(`${api.url}/api/blobs/${attachment.blobId}`, { headers: { authorization: `Bearer ${zhang.token}` } });

    expect(sameBytes(await res.arrayBuffer(), bytes)).toBe(true);
  });

  it.each([
    ['another applicant', () => li],
    ['staff before any case references it', () => window],
  ])('answers %s 404 for my blob', async (_name, who) => {
    const attachment = await upload(zhang, 'image/jpeg');

    const res = await who().get(`/api/blobs/${attachment.blobId}`);

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets staff of the case\'s department read its attachments after submission, and no other department', async () => {
    const identity = await upload(zhang, 'image/jpeg');
    const photo = await upload(zhang, 'image/png');

    const submitted = await zhang.post('/api/cases', seniorCard(identity, photo), { 'idempotency-key': newKey() });
    const staff = await window.get(`/api/blobs/${photo.blobId}`);
    const otherDepartment = await marketWindow.get(`/api/blobs/${photo.blobId}`);
    const stranger = await li.get(`/api/blobs/${photo.blobId}`);

    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(staff.status).toBe(200);
    expect(staff.headers.get('content-type')).toBe('image/png');
    expect(otherDepartment.status).toBe(404);
    expect(stranger.status).toBe(404);
  });

  it('links the new attachments of a resubmission to the case', async () => {
    const identity = await upload(zhang, 'image/jpeg');
    const photo = await upload(zhang, 'image/jpeg');
    const submitted = await zhang.post('/api/cases', seniorCard(identity, photo), { 'idempotency-key': newKey() });
    const caseId = submitted.body.case.id;
    const task = (await window.get(`/api/cases/${caseId}`)).body.openTasks[0];
    const returned = await window.post(`/api/cases/${caseId}/actions`, {
      action: 'returnForCorrection', taskId: task.id, expectedVersion: 1, correction: [{ pointer: '/attachments/photo', message: '照片不清晰' }],
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const newPhoto = await upload(zhang, 'image/png');

    const resubmitted = await zhang.post(`/api/cases/${caseId}/actions`, {
      action: 'resubmit', expectedVersion: returned.body.case.version, data: seniorCard(identity, newPhoto).data,
    });
    const staff = await window.get(`/api/blobs/${newPhoto.blobId}`);

    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(staff.status).toBe(200);
  });

  it('refuses a submission that references another applicant\'s blob, at the attachment\'s pointer, and writes nothing', async () => {
    const identity = await upload(zhang, 'image/jpeg');
    const lisPhoto = await upload(li, 'image/jpeg');
    const before = await api.itemCount();

    const res = await zhang.post('/api/cases', seniorCard(identity, lisPhoto), { 'idempotency-key': newKey() });
    const stillHidden = await zhang.get(`/api/blobs/${lisPhoto.blobId}`);

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/attachments/photo/0', code: 'unknown-attachment' })]);
    expect(stillHidden.status).toBe(404);
    expect(await api.itemCount()).toBe(before);
  });

  it.each([
    ['a blob that was never uploaded', async () => {
      const created = await zhang.post('/api/blobs', { name: 'p.jpg', contentType: 'image/jpeg', size: 2000 });
      return { blobId: created.body.blobId, name: 'p.jpg', size: 2000, contentType: 'image/jpeg' };
    }, 'not-uploaded'],
    ['a blob id the server never issued', async () => ({ blobId: 'b-00000000000000000000000000000000', name: 'p.jpg', size: 2000, contentType: 'image/jpeg' }), 'unknown-attachment'],
    ['a size other than the uploaded file\'s', async () => ({ ...(await upload(zhang, 'image/jpeg')), size: 1999 }), 'attachment-mismatch'],
  ])('refuses a submission with %s at the attachment\'s pointer', async (_name, photo, code) => {
    const identity = await upload(zhang, 'image/jpeg');

    const res = await zhang.post('/api/cases', seniorCard(identity, await photo()), { 'idempotency-key': newKey() });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/attachments/photo/0', code })]);
  });

  it.each([
    ['a content type outside the allow-list', { name: 'a.gif', contentType: 'image/gif', size: 100 }, 400, '/contentType'],
    ['a size over 10 MB', { name: 'a.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 + 1 }, 413, '/size'],
    ['a size of 0', { name: 'a.pdf', contentType: 'application/pdf', size: 0 }, 400, '/size'],
    ['a name with a path in it', { name: '../a.pdf', contentType: 'application/pdf', size: 10 }, 400, '/name'],
  ])('refuses a blob with %s, at its pointer', async (_name, body, status, pointer) => {
    const res = await zhang.post('/api/blobs', body);

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it.each([
    ['bytes of another type than declared', 'image/png', fileOf('image/jpeg'), { 'content-type': 'image/png' }, 400],
    ['bytes without any known signature', 'application/pdf', new Uint8Array(2_000).fill(0x41), { 'content-type': 'application/pdf' }, 400],
    ['a content type header other than declared', 'image/png', fileOf('image/png'), { 'content-type': 'image/jpeg' }, 400],
    ['fewer bytes than declared', 'image/png', fileOf('image/png', 1_000), { 'content-type': 'image/png' }, 400],
  ] as const)('refuses an upload of %s and keeps the blob unreadable', async (_name, kind, bytes, headers, status) => {
    const created = await zhang.post('/api/blobs', { name: 'x', contentType: kind, size: 2_000 });

    const res = await zhang.raw('PUT', created.body.uploadUrl, bytes, headers);
    const read = await zhang.get(`/api/blobs/${created.body.blobId}`);

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(read.status).toBe(404);
  });

  it('takes the bytes only once, and only from the owner', async () => {
    const bytes = fileOf('image/jpeg');
    const created = await zhang.post('/api/blobs', { name: 'x.jpg', contentType: 'image/jpeg', size: bytes.length });

    const byStranger = await li.raw('PUT', created.body.uploadUrl, bytes, { 'content-type': 'image/jpeg' });
    const first = await zhang.raw('PUT', created.body.uploadUrl, bytes, { 'content-type': 'image/jpeg' });
    const second = await zhang.raw('PUT', created.body.uploadUrl, fileOf('image/jpeg').fill(1, 10), { 'content-type': 'image/jpeg' });
    const read = await fetch(`${api.url}/api/blobs/${created.body.blobId}`, { headers: { authorization: `Bearer ${zhang.token}` } });

    expect([byStranger.status, first.status, second.status]).toEqual([404, 204, 409]);
    expect(sameBytes(await read.arrayBuffer(), bytes)).toBe(true);
  });

  it('refuses an upload beyond 10 MB with 413 before reading it all', async () => {
    const created = await zhang.post('/api/blobs', { name: 'big.pdf', contentType: 'application/pdf', size: 10 * 1024 * 1024 });

    const res = await zhang.raw('PUT', created.body.uploadUrl, fileOf('application/pdf', 10 * 1024 * 1024 + 1), { 'content-type': 'application/pdf' });

    expect(res.status).toBe(413);
  });

  it('answers 404 for a blob id that cannot exist, and 401 without a token', async () => {
    const junk = await zhang.get('/api/blobs/not-a-blob');
    const anonymous = await api.anonymous.get('/api/blobs/b-00000000000000000000000000000000');

    expect(junk.status).toBe(404);
    expect(anonymous.status).toBe(401);
  });
});
