/**
 * The BlobStore in AWS: bytes in the attachments bucket (`blobs/<blobId>`), metadata in the table
 * (`BLOB#<blobId>` / `META`, table.ts) — so linking a blob to a case is one UpdateItem and nobody
 * rewrites S3 objects to change their metadata.
 *
 * Uploads go straight from the browser to S3 with a presigned PUT that signs the exact
 * `content-type`, `content-length` and `if-none-match: *` (S3 refuses a second write of the same
 * key, so a blob is written once). S3 cannot look inside what it is sent, so the upload is
 * confirmed lazily: the first `head` after the object appears checks its size and type and sniffs
 * its first bytes (as the local store does on upload) before the record says `uploaded`.
 *
 * The S3 client and the presigner load on first use: most functions that include this module
 * (reading a case, listing cases) never touch a file, and loading the S3 client takes tens of
 * milliseconds of a cold start.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sniffContentType } from '../../domain/blobs/sniff-content-type.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { TTL_ATTRIBUTE, keys, stripKeys } from '../dynamo/table.js';
import type { BlobMeta, BlobStore, NewBlob } from './blob-store.js';
import { BLOB_ID } from './local-blob-store.js';

/** The environment variable naming the attachments bucket; when set, the API uses this store. */
export const BLOB_BUCKET_ENV = 'BANSHI_BLOB_BUCKET';

/** Where and how a client uploads a blob's bytes. */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the client must send as they are (they are part of the signature). */
  headers: Record<string, string>;
}

/** A BlobStore whose clients upload and download through presigned URLs. */
export interface PresigningBlobStore extends BlobStore {
  uploadTarget(meta: BlobMeta): Promise<UploadTarget>;
  downloadUrl(meta: BlobMeta, disposition: string): Promise<string>;
}

/** The S3 SDK, loaded when the store first needs it. */
const s3Sdk = () => import('@aws-sdk/client-s3');
const presigner = () => import('@aws-sdk/s3-request-presigner');

export interface S3BlobStoreOptions {
  /** The S3 client; by default the process's own, created on first use (region from the environment). */
  s3?: S3Client;
  dynamo: DynamoDBDocumentClient;
  tableName: string;
  bucket: string;
  /** Lifetime of an upload URL; default 15 minutes. */
  uploadUrlSeconds?: number;
  /** Lifetime of a download URL; default 5 minutes. */
  downloadUrlSeconds?: number;
}

/** The object key of a blob. */
export const objectKeyOf = (blobId: string) => `blobs/${blobId}`;

/** How many leading bytes the content sniffer needs. */
const SNIFF_BYTES = 32;

/** An S3 service error's name and HTTP status (by shape: the SDK's classes load lazily). */
const s3ErrorOf = (error: unknown) => error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;

const isMissingObject = (error: unknown) => {
  const e = s3ErrorOf(error);
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
};

/** Whether S3 refused a write because the key exists (If-None-Match) or a concurrent write won. */
const isExistingObject = (error: unknown) => {
  const status = s3ErrorOf(error)?.$metadata?.httpStatusCode;
  return status === 412 || status === 409;
};

/** Whether `value` is a well-formed blob id (so no key outside `blobs/` is ever built). */
const isBlobId = (value: string) => BLOB_ID.test(value);

/** The S3 + DynamoDB BlobStore. */
export function createS3BlobStore(options: S3BlobStoreOptions): PresigningBlobStore {
  const { dynamo, tableName, bucket } = options;
  const s3 = async () => options.s3 ?? (await s3Client());
  const itemKey = (blobId: string) => ({ PK: keys.blob(blobId), SK: keys.META });

  async function readMeta(blobId: string): Promise<BlobMeta | undefined> {
    if (!isBlobId(blobId)) return undefined;
    const out = await dynamo.send(new GetCommand({ TableName: tableName, Key: itemKey(blobId), ConsistentRead: true }));
    return out.Item ? stripKeys<BlobMeta>(out.Item) : undefined;
  }

  async function markUploaded(meta: BlobMeta, uploadedAt: string): Promise<BlobMeta> {
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: tableName,
          Key: itemKey(meta.blobId),
          // An uploaded blob no longer expires: its TTL attribute goes with the confirmation.
          UpdateExpression: 'SET uploaded = :true, uploadedAt = :at REMOVE #ttl',
          ConditionExpression: 'attribute_exists(PK) AND uploaded = :false',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':true': true, ':false': false, ':at': uploadedAt },
        }),
      );
      const { expiresAt: _uploadedNeverExpires, ...kept } = meta;
      return { ...kept, uploaded: true, uploadedAt };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await readMeta(meta.blobId)) ?? meta; // a concurrent confirmation won
    }
  }

  /** Confirms an upload that happened since the record was written: size, type and content as declared. */
  async function confirm(meta: BlobMeta): Promise<BlobMeta> {
    const Key = objectKeyOf(meta.blobId);
    let head;
    try {
      const { HeadObjectCommand } = await s3Sdk();
      head = await (await s3()).send(new HeadObjectCommand({ Bucket: bucket, Key }));
    } catch (error) {
      if (isMissingObject(error)) return meta;
      throw error;
    }
    if (head.ContentLength !== meta.size || head.ContentType?.split(';')[0].trim().toLowerCase() !== meta.contentType) return meta;
    const { GetObjectCommand } = await s3Sdk();
    const start = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
    const bytes = start.Body ? await start.Body.transformToByteArray() : new Uint8Array();
    if (sniffContentType(bytes) !== meta.contentType) return meta;
    return markUploaded(meta, (head.LastModified ?? new Date()).toISOString());
  }

  return {
    async create(blob: NewBlob) {
      if (!isBlobId(blob.blobId)) throw new Error(`not a blob id: ${blob.blobId}`);
      const meta: BlobMeta = { ...blob, uploaded: false, caseIds: [] };
      await dynamo.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...meta, ...itemKey(blob.blobId) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return meta;
    },

    async head(blobId) {
      const meta = await readMeta(blobId);
      return meta && !meta.uploaded ? confirm(meta) : meta;
    },

    async put(blobId, bytes, uploadedAt) {
      const meta = await readMeta(blobId);
      if (!meta) throw new NotFoundError('blob');
      if (meta.uploaded) throw new ConflictError('the file was already uploaded');
      const { PutObjectCommand } = await s3Sdk();
      try {
        await (await s3()).send(
          new PutObjectCommand({ Bucket: bucket, Key: objectKeyOf(blobId), Body: bytes, ContentType: meta.contentType, ContentLength: bytes.length, IfNoneMatch: '*' }),
        );
      } catch (error) {
        if (isExistingObject(error)) throw new ConflictError('the file was already uploaded');
        throw error;
      }
      await markUploaded(meta, uploadedAt);
    },

    async get(blobId) {
      const meta = await readMeta(blobId);
      if (!meta?.uploaded) return undefined;
      const { GetObjectCommand } = await s3Sdk();
      try {
        const out = await (await s3()).send(new GetObjectCommand({ Bucket: bucket, Key: objectKeyOf(blobId) }));
        return out.Body ? await out.Body.transformToByteArray() : undefined;
      } catch (error) {
        if (isMissingObject(error)) return undefined;
        throw error;
      }
    },

    async linkCase(blobId, caseId) {
      if (!isBlobId(blobId)) throw new NotFoundError('blob');
      try {
        await dynamo.send(
          new UpdateCommand({
            TableName: tableName,
            Key: itemKey(blobId),
            UpdateExpression: 'SET caseIds = list_append(if_not_exists(caseIds, :none), :case)',
            ConditionExpression: 'attribute_exists(PK) AND NOT contains(caseIds, :caseId)',
            ExpressionAttributeValues: { ':none': [], ':case': [caseId], ':caseId': caseId },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        if (!(await readMeta(blobId))) throw new NotFoundError('blob');
        // Linked already: nothing to do.
      }
    },

    async uploadTarget(meta) {
      const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), presigner()]);
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: objectKeyOf(meta.blobId),
        ContentType: meta.contentType,
        ContentLength: meta.size,
        IfNoneMatch: '*',
      });
      const url = await getSignedUrl(await s3(), command, {
        expiresIn: options.uploadUrlSeconds ?? 900,
        signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      });
      return { url, method: 'PUT', headers: { 'content-type': meta.contentType, 'if-none-match': '*' } };
    },

    async downloadUrl(meta, disposition) {
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), presigner()]);
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: objectKeyOf(meta.blobId),
        ResponseContentType: meta.contentType,
        ResponseContentDisposition: disposition,
      });
      return getSignedUrl(await s3(), command, { expiresIn: options.downloadUrlSeconds ?? 300 });
    },
  };
}

/** Whether a store hands out presigned URLs (the S3 store) instead of serving bytes itself. */
export function isPresigning(store: BlobStore): store is PresigningBlobStore {
  return typeof (store as Partial<PresigningBlobStore>).uploadTarget === 'function';
}

/** The S3 client of the process (region from the environment), created on first use. */
let sharedS3: Promise<S3Client> | undefined;
export function s3Client(): Promise<S3Client> {
  sharedS3 ??= s3Sdk().then(({ S3Client }) => new S3Client({}));
  return sharedS3;
}
