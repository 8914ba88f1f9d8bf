/**
 * What the attachment services need from storage, as interfaces: the local folder and the S3
 * bucket (functions/src/adapters/blobs) implement them, and the services never see either.
 */
import type { Case } from '@banshi/schemas';

/** An attachment's record: who declared it, what it was declared to be, and whether its bytes came. */
export interface BlobRecord {
  blobId: string;
  /** The user who declared (and alone may upload) the blob. */
  ownerId: string;
  name: string;
  contentType: string;
  /** Declared size in bytes; the upload must have exactly this many. */
  size: number;
  material?: string;
  createdAt: string;
  uploaded: boolean;
  uploadedAt?: string;
  /** Cases whose submitted data reference the blob. */
  caseIds: string[];
  /**
   * Epoch seconds after which a declaration never uploaded is gone (declarations.ts); the table's
   * TTL attribute in AWS. Removed by the upload.
   */
  expiresAt?: number;
}

export interface BlobRecords {
  create(meta: Omit<BlobRecord, 'uploaded' | 'uploadedAt' | 'caseIds'>): Promise<BlobRecord>;
  head(blobId: string): Promise<BlobRecord | undefined>;
  /** Stores the bytes of a declared blob, once (ConflictError when they were already uploaded). */
  put(blobId: string, bytes: Uint8Array, uploadedAt: string): Promise<void>;
  get(blobId: string): Promise<Uint8Array | undefined>;
  /** Records that a case references the blob (idempotent). */
  linkCase(blobId: string, caseId: string): Promise<void>;
}

export interface BlobServices {
  blobs: BlobRecords;
  clock: { now(): Date };
  newBlobId(): string;
  /** The cases a reader may be allowed to see a blob through. */
  cases: { getCase(caseId: string): Promise<Case | undefined> };
}

/** Where best-effort failures are reported. */
export interface Warnings {
  warn(message: string, fields?: Record<string, unknown>): void;
}
