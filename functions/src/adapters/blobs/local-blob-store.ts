/**
 * The local BlobStore: a folder (`BANSHI_DATA_DIR/blobs`, default `.data/blobs`). Each blob is a
 * file named by its id and a JSON file of its metadata beside it (`<blobId>.json`). Ids are checked
 * against the server's own id format before any path is built, so no id can leave the folder.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { BlobMeta, BlobStore, NewBlob } from './blob-store.js';

/** The id format of blobs: `b-` and 32 lower-case hex digits (a random UUID). */
export const BLOB_ID = /^b-[0-9a-f]{32}$/;

/** A new random blob id. */
export const newBlobId = () => `b-${randomUUID().replace(/-/g, '')}`;

/** The default folder: `$BANSHI_DATA_DIR/blobs`, else `.data/blobs` (relative to the working directory). */
export function defaultBlobDir(): string {
  return resolve(process.env.BANSHI_DATA_DIR ?? '.data', 'blobs');
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** A BlobStore in `dir` (created on first write). */
export function createLocalBlobStore(dir: string = defaultBlobDir()): BlobStore {
  const root = resolve(dir);
  const contentPath = (blobId: string) => join(root, blobId);
  const metaPath = (blobId: string) => join(root, `${blobId}.json`);
  /** Metadata updates of one blob run one after another (read-modify-write of a file). */
  const queues = new Map<string, Promise<unknown>>();
  const serial = <T>(blobId: string, fn: () => Promise<T>): Promise<T> => {
    const run = (queues.get(blobId) ?? Promise.resolve()).then(fn, fn);
    const tail = run.catch(() => undefined);
    queues.set(blobId, tail);
    void tail.then(() => {
      if (queues.get(blobId) === tail) queues.delete(blobId);
    });
    return run;
  };

  async function readMeta(blobId: string): Promise<BlobMeta | undefined> {
    if (!BLOB_ID.test(blobId)) return undefined;
    try {
      return JSON.parse(await readFile(metaPath(blobId), 'utf8')) as BlobMeta;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async function writeMeta(meta: BlobMeta): Promise<void> {
    // Write then rename: a reader never sees half a file.
    const temp = `${metaPath(meta.blobId)}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(meta));
    await rename(temp, metaPath(meta.blobId));
  }

  return {
    async create(blob: NewBlob) {
      if (!BLOB_ID.test(blob.blobId)) throw new Error(`not a blob id: ${blob.blobId}`);
      await mkdir(root, { recursive: true });
      const meta: BlobMeta = { ...blob, uploaded: false, caseIds: [] };
      await writeFile(metaPath(blob.blobId), JSON.stringify(meta), { flag: 'wx' });
      return meta;
    },
    head: readMeta,
    put: (blobId, bytes, uploadedAt) =>
      serial(blobId, async () => {
        const meta = await readMeta(blobId);
        if (!meta) throw new NotFoundError('blob');
        if (meta.uploaded) throw new ConflictError('the file was already uploaded');
        let file;
        try {
          // `wx`: exclusive create — a second upload can never overwrite the first.
          file = await open(contentPath(blobId), 'wx');
        } catch (error) {
          if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') throw new ConflictError('the file was already uploaded');
          throw error;
        }
        try {
          await file.writeFile(bytes);
        } finally {
          await file.close();
        }
        const { expiresAt: _uploadedNeverExpires, ...kept } = meta;
        await writeMeta({ ...kept, uploaded: true, uploadedAt });
      }),
    async get(blobId) {
      const meta = await readMeta(blobId);
      if (!meta?.uploaded) return undefined;
      try {
        return new Uint8Array(await readFile(contentPath(blobId)));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    linkCase: (blobId, caseId) =>
      serial(blobId, async () => {
        const meta = await readMeta(blobId);
        if (!meta) throw new NotFoundError('blob');
        if (meta.caseIds.includes(caseId)) return;
        await writeMeta({ ...meta, caseIds: [...meta.caseIds, caseId] });
      }),
  };
}
