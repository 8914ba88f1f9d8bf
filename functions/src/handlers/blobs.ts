/**
 * Attachments: declare a blob (metadata), upload its bytes once, read them back; the rules are the
 * domain's (domain/blobs/attachments.ts). Locally the bytes live in a folder
 * (adapters/blobs/local-blob-store.ts). In AWS (`BANSHI_BLOB_BUCKET` set) they live in S3
 * (adapters/blobs/s3-blob-store.ts): the upload URL is a presigned PUT straight to the bucket, and
 * files too large to pass through a Lambda response are read through a short-lived presigned GET.
 */
import { MAX_BLOB_BYTES, type BlobContentType, type BlobMeta } from '../adapters/blobs/blob-store.js';
import { isPresigning } from '../adapters/blobs/s3-blob-store.js';
import { declareBlob, readableBlob, uploadBlob as storeUpload } from '../domain/blobs/attachments.js';
import { NotFoundError, type FieldError } from '../domain/errors.js';
import { message, wordings } from '../domain/messages.js';
import { authorize } from '../domain/permissions/policy.js';
import { PayloadTooLargeError } from '../http/errors.js';
import type { HttpResult } from '../http/handler-kit.js';
import { headerOf } from '../http/headers.js';
import { routeHandler } from './route-handler.js';

/** Files up to this size are answered inline; larger ones (Lambda answers at most 6 MB, base64) by redirect. */
const INLINE_READ_BYTES = 4 * 1024 * 1024;

/** The local server's body limit for a request: 10 MB for blob uploads, the default otherwise. */
export function blobUploadBodyLimit(method: string, path: string): number | undefined {
  return method === 'PUT' && /^\/api\/blobs\/[^/]+\/content\/?$/.test(path) ? MAX_BLOB_BYTES : undefined;
}

/** The declared size is beyond what a blob may have: 413 with the field's pointer. */
class BlobTooLargeError extends PayloadTooLargeError {
  readonly localizedDetail = wordings('blob.tooLarge', MAX_BLOB_BYTES);
  constructor(readonly errors: FieldError[]) {
    super(MAX_BLOB_BYTES);
  }
}

/** RFC 6266 / 5987: `inline; filename*=UTF-8''…` (the name percent-encoded, never raw in a header). */
function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}

interface CreateBlobBody {
  name: string;
  contentType: BlobContentType;
  size: number;
  material?: string;
}

/** POST /api/blobs — records a new attachment and answers where to upload its bytes (201). */
export const createBlob = routeHandler<CreateBlobBody>(async ({ services, principal, body, locale }) => {
  authorize(principal, 'blob:create');
  if (body.size > MAX_BLOB_BYTES) {
    throw new BlobTooLargeError([{ pointer: '/size', code: 'maximum', message: message('blob.maxBytes', locale, MAX_BLOB_BYTES) }]);
  }
  const meta = await declareBlob(services, principal, body, locale);
  const { blobs } = services;
  const target = isPresigning(blobs)
    ? await blobs.uploadTarget(meta as BlobMeta)
    : { url: `/api/blobs/${meta.blobId}/content`, method: 'PUT' as const, headers: { 'content-type': body.contentType } };
  return {
    status: 201,
    headers: { location: `/api/blobs/${meta.blobId}` },
    body: { blobId: meta.blobId, uploadUrl: target.url, method: target.method, headers: target.headers, maxBytes: MAX_BLOB_BYTES },
  };
});

/** PUT /api/blobs/{blobId}/content — the raw bytes, once, by the owner; size and type must be as declared (204). */
export const uploadBlob = routeHandler(async ({ services, principal, params, event, headers, locale }) => {
  const declaredType = headerOf(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
  const bytes = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  await storeUpload(services, principal, params.blobId, declaredType, bytes, locale);
  return { status: 204 };
});

/** GET /api/blobs/{blobId} — the bytes, for the owner and for whoever may read a case referencing it. */
export const getBlob = routeHandler(async ({ services, principal, params }): Promise<HttpResult> => {
  const { blobs } = services;
  const meta = await readableBlob(services, principal, params.blobId);
  if (isPresigning(blobs) && meta.uploaded && meta.size > INLINE_READ_BYTES) {
    return { status: 303, headers: { location: await blobs.downloadUrl(meta as BlobMeta, contentDisposition(meta.name)) } };
  }
  const bytes = await blobs.get(meta.blobId);
  if (!bytes) throw new NotFoundError('blob');
  return {
    body: bytes,
    headers: { 'content-type': meta.contentType, 'content-disposition': contentDisposition(meta.name), 'content-security-policy': "default-src 'none'; sandbox" },
  };
});
