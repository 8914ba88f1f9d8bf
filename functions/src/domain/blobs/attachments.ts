/**
 * Attachments: a file is declared first (name, type, size), its bytes are uploaded once by whoever
 * declared it and must be what was declared, and it is read by its uploader or by whoever may read
 * a case that references it. A submission may reference only files its submitter uploaded (or, on
 * a resubmission, files already on the case), with the type and size they have.
 */
import type { FieldError, Locale } from '@banshi/schemas/core';
import { caseResource } from '../cases/act-on-case.js';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { message } from '../messages.js';
import { can } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';
import { attachmentRefs } from './attachment-refs.js';
import { declarationExpiresAt, fileNameError, isExpiredDeclaration } from './declarations.js';
import type { BlobRecord, BlobServices, Warnings } from './ports.js';
import { sniffContentType } from './sniff-content-type.js';

/** Most attachment items one submission may reference. */
export const MAX_ATTACHMENTS = 100;

export interface BlobDeclaration {
  name: string;
  contentType: string;
  size: number;
  material?: string;
}

/** The blob's record, or undefined when there is none or it is a declaration that expired unuploaded. */
async function liveHead(services: BlobServices, blobId: string): Promise<BlobRecord | undefined> {
  const meta = await services.blobs.head(blobId);
  return meta && isExpiredDeclaration(meta, services.clock.now()) ? undefined : meta;
}

/**
 * Records a new attachment of the principal, not yet uploaded; it expires unless uploaded in time.
 *
 * @throws ValidationError (422) when the name hides what it is
 */
export async function declareBlob(services: BlobServices, principal: Principal, input: BlobDeclaration, locale: Locale): Promise<BlobRecord> {
  const nameError = fileNameError(input.name, '/name', locale);
  if (nameError) throw new ValidationError([nameError], nameError.message);
  const now = services.clock.now();
  return services.blobs.create({
    blobId: services.newBlobId(),
    ownerId: principal.userId,
    name: input.name,
    contentType: input.contentType,
    size: input.size,
    ...(input.material ? { material: input.material } : {}),
    createdAt: now.toISOString(),
    expiresAt: declarationExpiresAt(now),
  });
}

/**
 * Stores the uploaded bytes of a declared blob: once, by its owner, of the declared type and size,
 * and with content that is of that type.
 *
 * @param declaredType the media type the upload was sent as
 * @throws NotFoundError for anyone but the owner; ConflictError when already uploaded; BadRequestError listing what differs
 */
export async function uploadBlob(services: BlobServices, principal: Principal, blobId: string, declaredType: string | undefined, bytes: Uint8Array, locale: Locale): Promise<void> {
  const meta = await liveHead(services, blobId);
  if (!meta || meta.ownerId !== principal.userId) throw new NotFoundError('blob');
  if (meta.uploaded) throw new ConflictError(message('blob.alreadyUploaded', locale));
  const problems: FieldError[] = [];
  if (declaredType !== meta.contentType) {
    problems.push({ pointer: '', code: 'content-type', message: message('blob.contentTypeMustBe', locale, meta.contentType) });
  }
  if (bytes.length !== meta.size) {
    problems.push({ pointer: '', code: 'size', message: message('blob.sizeMustBe', locale, meta.size) });
  } else if (sniffContentType(bytes) !== meta.contentType) {
    problems.push({ pointer: '', code: 'content-mismatch', message: message('blob.contentMismatch', locale) });
  }
  if (problems.length > 0) throw new BadRequestError(message('blob.uploadRefused', locale), problems);
  await services.blobs.put(meta.blobId, bytes, services.clock.now().toISOString());
}

/**
 * The record of a blob the principal may read: its owner's, or one a case they may read references.
 *
 * @throws NotFoundError otherwise (the same answer as for a blob that does not exist)
 */
export async function readableBlob(services: BlobServices, principal: Principal, blobId: string): Promise<BlobRecord> {
  const meta = await services.blobs.head(blobId);
  if (meta && meta.ownerId === principal.userId) return meta;
  for (const caseId of meta?.caseIds ?? []) {
    const found = await services.cases.getCase(caseId);
    if (found && can(principal, 'case:read', caseResource(found))) return meta!;
  }
  throw new NotFoundError('blob');
}

/**
 * Checks the attachments submitted data references: each must be a blob the principal uploaded (or
 * one already on `caseId`, for a resubmission), with the type and size the data says.
 *
 * @param pointerPrefix where the data sits in the request body (`/data`)
 * @throws BadRequestError with the pointer of each attachment item that fails
 */
export async function checkAttachments(services: BlobServices, principal: Principal, data: unknown, pointerPrefix: string, locale: Locale, caseId?: string): Promise<void> {
  const refs = attachmentRefs(data);
  const title = message('attachments.refused', locale);
  if (refs.length > MAX_ATTACHMENTS) {
    throw new BadRequestError(title, [{ pointer: pointerPrefix, code: 'maxItems', message: message('attachments.tooMany', locale, MAX_ATTACHMENTS) }]);
  }
  const problems: FieldError[] = [];
  for (const ref of refs) {
    const pointer = `${pointerPrefix}${ref.pointer}`;
    const meta = await liveHead(services, ref.blobId);
    if (!meta || (meta.ownerId !== principal.userId && !(caseId && meta.caseIds.includes(caseId)))) {
      problems.push({ pointer, code: 'unknown-attachment', message: message('attachments.unknown', locale) });
    } else if (!meta.uploaded) {
      problems.push({ pointer, code: 'not-uploaded', message: message('attachments.notUploaded', locale) });
    } else if (ref.contentType !== meta.contentType || ref.size !== meta.size) {
      problems.push({ pointer, code: 'attachment-mismatch', message: message('attachments.mismatch', locale) });
    }
  }
  if (problems.length > 0) throw new BadRequestError(title, problems);
}

/** Records `caseId` on every blob the case's data references — best effort: a failure is reported, not thrown. */
export async function linkAttachments(services: BlobServices, data: unknown, caseId: string, log: Warnings): Promise<void> {
  for (const ref of attachmentRefs(data)) {
    try {
      if (await services.blobs.head(ref.blobId)) await services.blobs.linkCase(ref.blobId, caseId);
    } catch (error) {
      log.warn('could not link an attachment to its case', { caseId, blobId: ref.blobId, error });
    }
  }
}
