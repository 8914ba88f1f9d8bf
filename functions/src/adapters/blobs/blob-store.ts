/**
 * Attachments (blobs) behind one small interface: a folder locally (local-blob-store.ts), S3 in
 * AWS (presigned PUT/GET, a later change). The API creates a blob's metadata first, the client then
 * uploads the bytes once, and a submission links the blob to its case so that the case's staff may
 * read it without anyone scanning blobs.
 */
import type { BlobRecord } from '../../domain/blobs/ports.js';

/** The content types an attachment may have. */
export const BLOB_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type BlobContentType = (typeof BLOB_CONTENT_TYPES)[number];

/** The largest attachment accepted (10 MB). */
export const MAX_BLOB_BYTES = 10 * 1024 * 1024;

/** A blob's record as the stores keep it: the domain's record, its type one of the accepted ones. */
export interface BlobMeta extends BlobRecord {
  contentType: BlobContentType;
}

export type NewBlob = Omit<BlobMeta, 'uploaded' | 'uploadedAt' | 'caseIds'>;

export interface BlobStore {
  /** Records a new blob (not yet uploaded). */
  create(meta: NewBlob): Promise<BlobMeta>;
  /** The blob's metadata, or undefined when there is no such blob (or the id is malformed). */
  head(blobId: string): Promise<BlobMeta | undefined>;
  /**
   * Stores the bytes of a created blob, once.
   * @throws ConflictError when the bytes were already uploaded
   * @throws NotFoundError when there is no such blob
   */
  put(blobId: string, bytes: Uint8Array, uploadedAt: string): Promise<void>;
  /** The bytes, or undefined when the blob does not exist or has not been uploaded. */
  get(blobId: string): Promise<Uint8Array | undefined>;
  /** Records that a case references the blob (idempotent). */
  linkCase(blobId: string, caseId: string): Promise<void>;
}
