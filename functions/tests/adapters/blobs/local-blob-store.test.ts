import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../../src/adapters/blobs/blob-store.js';
import { createLocalBlobStore, newBlobId } from '../../../src/adapters/blobs/local-blob-store.js';
import { ConflictError } from '../../../src/domain/errors.js';

let dir: string;
let store: BlobStore;

const blob = (blobId = newBlobId()) => ({ blobId, ownerId: 'u-zhangsan', name: '照片.jpg', contentType: 'image/jpeg' as const, size: 3, createdAt: '2026-03-02T02:00:00.000Z' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'banshi-blob-store-'));
  store = createLocalBlobStore(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the local blob store', () => {
  it('keeps the bytes in a file named by the blob id, with its metadata beside it', async () => {
    const meta = blob();
    await store.create(meta);

    await store.put(meta.blobId, new Uint8Array([0xff, 0xd8, 0xff]), '2026-03-02T02:01:00.000Z');

    expect(await store.head(meta.blobId)).toMatchObject({ ...meta, uploaded: true, uploadedAt: '2026-03-02T02:01:00.000Z', caseIds: [] });
    expect(await store.get(meta.blobId)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
    expect(await readdir(dir)).toEqual(expect.arrayContaining([meta.blobId, `${meta.blobId}.json`]));
  });

  it('takes the bytes of a blob only once, also when two uploads race', async () => {
    const meta = blob();
    await store.create(meta);

    const results = await Promise.allSettled([1, 2, 3].map((n) => store.put(meta.blobId, new Uint8Array([n, n, n]), 'now')));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError), expect.any(ConflictError)]);
  });

  it('records each case once, also when links race', async () => {
    const meta = blob();
    await store.create(meta);

    await Promise.all(['c-1', 'c-2', 'c-1', 'c-3'].map((caseId) => store.linkCase(meta.blobId, caseId)));

    expect((await store.head(meta.blobId))?.caseIds.sort()).toEqual(['c-1', 'c-2', 'c-3']);
  });

  it.each(['../secret', 'b-../../etc/passwd', '', 'B-00000000000000000000000000000000', `${newBlobId()}.json`])('knows no blob by the id %j', async (blobId) => {
    expect(await store.head(blobId)).toBeUndefined();
    expect(await store.get(blobId)).toBeUndefined();
  });

  it('does not give out the bytes of a blob before they are uploaded', async () => {
    const meta = blob();
    await store.create(meta);

    expect(await store.get(meta.blobId)).toBeUndefined();
  });
});
