/**
 * Attachments: create a blob (metadata), upload its bytes once, read them back; and the checks a
 * submission makes on the attachments its data references. Locally the bytes live in a folder
 * (adapters/blobs/local-blob-store.ts). In AWS (`BANSHI_BLOB_BUCKET` set) they live in S3
 * (adapters/blobs/s3-blob-store.ts): the upload URL is a presigned PUT straight to the bucket, and
 * files too large to pass through a Lambda response are read through a short-lived presigned GET.
 */
import { MAX_BLOB_BYTES, type BlobContentType, type BlobMeta, type BlobStore } from '../adapters/blobs/blob-store.js';
import { createLocalBlobStore, newBlobId } from '../adapters/blobs/local-blob-store.js';
import { BLOB_BUCKET_ENV, createS3BlobStore, isPresigning } from '../adapters/blobs/s3-blob-store.js';
import { documentClient, tableName } from '../adapters/dynamo/client.js';
import { attachmentRefs } from '../domain/blobs/attachment-refs.js';
import { declarationExpiresAt, fileNameError, isExpiredDeclaration } from '../domain/blobs/declarations.js';
import { sniffContentType } from '../domain/blobs/sniff-content-type.js';
import { caseResource } from '../domain/cases/act-on-case.js';
import { BadRequestError, ConflictError, NotFoundError, ValidationError, type FieldError } from '../domain/errors.js';
import { authorize, can } from '../domain/permissions/policy.js';
import type { Principal } from '../domain/permissions/principal.js';
import { PayloadTooLargeError } from '../http/errors.js';
import { httpHandler, type HttpResult } from '../http/handler-kit.js';
import { headerOf } from '../http/headers.js';
import type { Logger } from '../http/logger.js';
import { say, type Locale } from '../http/negotiate-locale.js';
import { appServices } from './app-services.js';
import { checkBody } from './check-body.js';

/** Most attachment items one submission may reference. */
const MAX_ATTACHMENTS = 100;

let store: BlobStore | undefined;
let allowUnknownBlobIds = false;

/** Files up to this size are answered inline; larger ones (Lambda answers at most 6 MB, base64) by redirect. */
const INLINE_READ_BYTES = 4 * 1024 * 1024;

/**
 * The process-wide blob store: S3 when `BANSHI_BLOB_BUCKET` names a bucket (in AWS), else a folder
 * under `BANSHI_DATA_DIR` (created on first use).
 */
export function blobStore(): BlobStore {
  const bucket = process.env[BLOB_BUCKET_ENV];
  store ??= bucket ? createS3BlobStore({ dynamo: documentClient(), tableName: tableName(), bucket }) : createLocalBlobStore();
  return store;
}

/**
 * Replaces the blob store (tests, the local server). `allowUnknownBlobIds` lets submissions
 * reference blob ids the store has never issued (the API tests' fixed sample attachments); blobs
 * that exist are always checked. Off unless set.
 */
export function useBlobStore(next: BlobStore, opts: { allowUnknownBlobIds?: boolean } = {}): void {
  store = next;
  allowUnknownBlobIds = opts.allowUnknownBlobIds ?? false;
}

/** The local server's body limit for a request: 10 MB for blob uploads, the default otherwise. */
export function blobUploadBodyLimit(method: string, path: string): number | undefined {
  return method === 'PUT' && /^\/api\/blobs\/[^/]+\/content\/?$/.test(path) ? MAX_BLOB_BYTES : undefined;
}


/** The declared size is beyond what a blob may have: 413 with the field's pointer. */
class BlobTooLargeError extends PayloadTooLargeError {
  readonly localizedDetail = { 'zh-CN': `文件不能超过 ${MAX_BLOB_BYTES / 1024 / 1024} MB`, en: `a file may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MB` };
  constructor(readonly errors: FieldError[]) {
    super(MAX_BLOB_BYTES);
  }
}

/** RFC 6266 / 5987: `inline; filename*=UTF-8''…` (the name percent-encoded, never raw in a header). */
function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}

/** The blob's metadata, or undefined when there is none or it is a declaration that expired unuploaded. */
async function liveHead(blobs: BlobStore, blobId: string): Promise<BlobMeta | undefined> {
  const meta = await blobs.head(blobId);
  return meta && isExpiredDeclaration(meta, appServices().clock.now()) ? undefined : meta;
}

/** Whether the principal may read the blob: its owner, or whoever may read a case that references it. */
async function mayRead(principal: Principal, meta: BlobMeta): Promise<boolean> {
  if (meta.ownerId === principal.userId) return true;
  const { cases } = appServices();
  for (const caseId of meta.caseIds) {
    const found = await cases.getCase(caseId);
    if (found && can(principal, 'case:read', caseResource(found))) return true;
  }
  return false;
}

interface CreateBlobBody {
  name: string;
  contentType: BlobContentType;
  size: number;
  material?: string;
}

/** POST /api/blobs — records a new attachment and answers where to upload its bytes (201). */
export const createBlob = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, body, locale }) => {
  authorize(principal, 'blob:create');
  const input = checkBody<CreateBlobBody>('CreateBlob', body, locale);
  if (input.size > MAX_BLOB_BYTES) {
    throw new BlobTooLargeError([{ pointer: '/size', code: 'maximum', message: say(locale, `文件不能超过 ${MAX_BLOB_BYTES / 1024 / 1024} MB`, `at most ${MAX_BLOB_BYTES} bytes`) }]);
  }
  const nameError = fileNameError(input.name, '/name', locale);
  if (nameError) throw new ValidationError([nameError], nameError.message);
  const blobId = newBlobId();
  const blobs = blobStore();
  const now = appServices().clock.now();
  const meta = await blobs.create({
    blobId,
    ownerId: principal.userId,
    name: input.name,
    contentType: input.contentType,
    size: input.size,
    ...(input.material ? { material: input.material } : {}),
    createdAt: now.toISOString(),
    expiresAt: declarationExpiresAt(now),
  });
  const target = isPresigning(blobs)
    ? await blobs.uploadTarget(meta)
    : { url: `/api/blobs/${blobId}/content`, method: 'PUT' as const, headers: { 'content-type': input.contentType } };
  return {
    status: 201,
    headers: { location: `/api/blobs/${blobId}` },
    body: { blobId, uploadUrl: target.url, method: target.method, headers: target.headers, maxBytes: MAX_BLOB_BYTES },
  };
});

/** PUT /api/blobs/{blobId}/content — the raw bytes, once, by the owner; size and type must be as declared (204). */
export const uploadBlob = httpHandler({ auth: 'required', body: 'none' }, async ({ principal, params, event, headers, locale }) => {
  const blobs = blobStore();
  const meta = await liveHead(blobs, params.blobId);
  if (!meta || meta.ownerId !== principal.userId) throw new NotFoundError('blob');
  if (meta.uploaded) throw new ConflictError(say(locale, '文件已上传，不能覆盖', 'the file was already uploaded'));
  const declaredType = headerOf(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
  const bytes = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : Buffer.alloc(0);
  const problems: FieldError[] = [];
  if (declaredType !== meta.contentType) {
    problems.push({ pointer: '', code: 'content-type', message: say(locale, `内容类型须为 ${meta.contentType}`, `the content type must be ${meta.contentType}`) });
  }
  if (bytes.length !== meta.size) {
    problems.push({ pointer: '', code: 'size', message: say(locale, `文件大小须为 ${meta.size} 字节`, `the file must have ${meta.size} bytes`) });
  } else if (sniffContentType(bytes) !== meta.contentType) {
    problems.push({ pointer: '', code: 'content-mismatch', message: say(locale, '文件内容与声明的类型不符', 'the file content does not match its type') });
  }
  if (problems.length > 0) throw new BadRequestError(say(locale, '上传的文件不符合要求', 'the uploaded file is not acceptable'), problems);
  await blobs.put(meta.blobId, bytes, appServices().clock.now().toISOString());
  return { status: 204 };
});

/** GET /api/blobs/{blobId} — the bytes, for the owner and for whoever may read a case referencing it. */
export const getBlob = httpHandler({ auth: 'required' }, async ({ principal, params }): Promise<HttpResult> => {
  const blobs = blobStore();
  const meta = await blobs.head(params.blobId);
  if (!meta || !(await mayRead(principal, meta))) throw new NotFoundError('blob');
  if (isPresigning(blobs) && meta.uploaded && meta.size > INLINE_READ_BYTES) {
    return { status: 303, headers: { location: await blobs.downloadUrl(meta, contentDisposition(meta.name)) } };
  }
  const bytes = await blobs.get(meta.blobId);
  if (!bytes) throw new NotFoundError('blob');
  return {
    body: bytes,
    headers: { 'content-type': meta.contentType, 'content-disposition': contentDisposition(meta.name), 'content-security-policy': "default-src 'none'; sandbox" },
  };
});

/**
 * Checks the attachments submitted data references: each must be a blob the principal uploaded (or
 * one already on `caseId`, for a resubmission), with the type and size the item says.
 *
 * @param pointerPrefix where the data sits in the request body (`/data`)
 * @throws BadRequestError with the pointer of each attachment item that fails
 */
export async function checkAttachments(principal: Principal, data: unknown, pointerPrefix: string, locale: Locale, caseId?: string): Promise<void> {
  const refs = attachmentRefs(data);
  const title = say(locale, '附件不符合要求', 'the attachments are not acceptable');
  if (refs.length > MAX_ATTACHMENTS) {
    throw new BadRequestError(title, [{ pointer: pointerPrefix, code: 'maxItems', message: say(locale, `附件不能超过 ${MAX_ATTACHMENTS} 个`, `at most ${MAX_ATTACHMENTS} attachments`) }]);
  }
  const blobs = blobStore();
  const problems: FieldError[] = [];
  for (const ref of refs) {
    const pointer = `${pointerPrefix}${ref.pointer}`;
    const meta = await liveHead(blobs, ref.blobId);
    if (!meta && allowUnknownBlobIds) continue;
    if (!meta || (meta.ownerId !== principal.userId && !(caseId && meta.caseIds.includes(caseId)))) {
      problems.push({ pointer, code: 'unknown-attachment', message: say(locale, '附件不存在或不是您上传的', 'the attachment does not exist or was not uploaded by you') });
    } else if (!meta.uploaded) {
      problems.push({ pointer, code: 'not-uploaded', message: say(locale, '附件尚未上传完成', 'the attachment has not been uploaded') });
    } else if (ref.contentType !== meta.contentType || ref.size !== meta.size) {
      problems.push({ pointer, code: 'attachment-mismatch', message: say(locale, '附件的类型或大小与上传的文件不符', 'the type or size differs from the uploaded file') });
    }
  }
  if (problems.length > 0) throw new BadRequestError(title, problems);
}

/** Records `caseId` on every blob the case's data references — best effort: a failure is logged, not thrown. */
export async function linkAttachments(data: unknown, caseId: string, log: Logger): Promise<void> {
  const blobs = blobStore();
  for (const ref of attachmentRefs(data)) {
    try {
      if (await blobs.head(ref.blobId)) await blobs.linkCase(ref.blobId, caseId);
    } catch (error) {
      log.warn('could not link an attachment to its case', { caseId, blobId: ref.blobId, error });
    }
  }
}
