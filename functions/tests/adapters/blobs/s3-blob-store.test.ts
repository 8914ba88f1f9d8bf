import { S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3BlobStore, isPresigning, type PresigningBlobStore } from '../../../src/adapters/blobs/s3-blob-store.js';
import { createLocalBlobStore, newBlobId } from '../../../src/adapters/blobs/local-blob-store.js';
import { NotFoundError } from '../../../src/domain/errors.js';
import { createTestTable, type TestTable } from '../../support/test-table.js';

let table: TestTable;
let store: PresigningBlobStore;
// Signing is local computation: these credentials never reach a network.
const s3 = new S3Client({ region: 'cn-north-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' } });

beforeAll(async () => {
  table = await createTestTable('s3-blob-store');
  store = createS3BlobStore({ s3, dynamo: table.client, tableName: table.tableName, bucket: 'banshi-test-attachments' });
});
afterAll(async () => {
  s3.destroy();
  await table?.drop();
});

const newBlob = () => ({ blobId: newBlobId(), ownerId: 'u-zhangsan', name: '身份证.jpg', contentType: 'image/jpeg' as const, size: 120_000, createdAt: '2026-11-25T02:00:00.000Z' });

describe('the S3 blob store', () => {
  it('keeps the metadata in the table and links each case once', async () => {
    const meta = await store.create(newBlob());

    await store.linkCase(meta.blobId, 'c-1');
    await store.linkCase(meta.blobId, 'c-1');
    await store.linkCase(meta.blobId, 'c-2');

    expect(meta.uploaded).toBe(false);
    const stored = await table.client.send(new GetCommand({ TableName: table.tableName, Key: { PK: `BLOB#${meta.blobId}`, SK: 'META' } }));
    expect(stored.Item).toMatchObject({ ownerId: 'u-zhangsan', uploaded: false, caseIds: ['c-1', 'c-2'] });
  });

  it('refuses to link a blob that does not exist', async () => {
    await expect(store.linkCase(newBlobId(), 'c-1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.linkCase('../etc/passwd', 'c-1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('signs an upload URL for exactly the declared type and size, written once', async () => {
    const meta = await store.create(newBlob());

    const target = await store.uploadTarget(meta);

    const url = new URL(target.url);
    expect(url.hostname).toContain('banshi-test-attachments');
    expect(url.pathname).toBe(`/blobs/${meta.blobId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host', 'if-none-match']));
    expect(target).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg', 'if-none-match': '*' } });
  });

  it('is recognised as presigning; the local store is not', () => {
    expect(isPresigning(store)).toBe(true);
    expect(isPresigning(createLocalBlobStore('/tmp/banshi-unused-blobs'))).toBe(false);
  });
});
