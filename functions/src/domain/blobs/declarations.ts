/**
 * Attachment declarations (`POST /api/blobs`) that are never uploaded do not live forever: each
 * carries an expiry (epoch seconds, the table's TTL attribute in AWS) that the upload removes. Until
 * DynamoDB's TTL deletes it — lazily, up to days later — a read treats an expired declaration that
 * was never uploaded as gone. And the name a declaration carries must not disguise itself.
 */
import type { Locale } from '@banshi/schemas';
import { fileNameProblem } from '@banshi/forms';
import type { FieldError } from '../errors.js';
import { message } from '../messages.js';

/** How long a declaration waits for its upload: 24 hours. */
export const DECLARATION_TTL_SECONDS = 24 * 60 * 60;

/**
 * When a declaration made at `createdAt` expires, in epoch seconds.
 *
 * @example declarationExpiresAt(new Date('2026-03-02T02:00:00Z')) // 1772503200 (a day later)
 */
export function declarationExpiresAt(createdAt: Date): number {
  return Math.floor(createdAt.getTime() / 1000) + DECLARATION_TTL_SECONDS;
}

/**
 * Whether a declaration is gone: never uploaded and past its expiry. An uploaded blob never expires
 * (and declarations from before expiry existed have none).
 */
export function isExpiredDeclaration(meta: { uploaded: boolean; expiresAt?: number }, now: Date): boolean {
  return !meta.uploaded && meta.expiresAt !== undefined && meta.expiresAt <= Math.floor(now.getTime() / 1000);
}

/**
 * The field error for an attachment name that hides what it is — bidirectional overrides and marks,
 * zero-width characters, a BOM, control characters, lone surrogates (forms/src/formats/file-name.ts)
 * — or null. Such names are refused, not cleaned: what staff see is what the applicant named.
 */
export function fileNameError(name: string, pointer: string, locale: Locale): FieldError | null {
  if (fileNameProblem(name) === null) return null;
  return {
    pointer,
    code: 'file-name',
    message: message('blob.fileName', locale),
  };
}
