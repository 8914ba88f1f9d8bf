/**
 * The designer's local copy of unsaved changes: kept in the browser's storage per user and item,
 * with the server revision the changes were made on, so that the next visit after leaving (the
 * breadcrumb, a closed tab, a crash) offers them back ("恢复未保存的修改？"). It is dropped once the
 * draft is saved, or when the designer declines it.
 */
import type { ItemDraft } from '@banshi/schemas';

/** What is kept of the unsaved changes of one item. */
export interface LocalDraft {
  /** The server revision the changes were made on. */
  revision: number;
  /** When the copy was last written (ISO 8601). */
  savedAt: string;
  draft: ItemDraft;
}

/** The storage a local draft lives in (localStorage in the app). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The storage key of one user's local draft of one item. */
export const localDraftKey = (userId: string, itemId: string) => `banshi.designer.draft:${userId}:${itemId}`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored local draft read back; undefined when there is none or the entry is not one (damaged, or of another format). */
export function parseLocalDraft(raw: string | null): LocalDraft | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.revision !== 'number' || typeof value.savedAt !== 'string' || !isRecord(value.draft)) return undefined;
  const { item, form, flow } = value.draft;
  if (!isRecord(item) || !isRecord(form) || !isRecord(flow)) return undefined;
  return value as unknown as LocalDraft;
}

/** Whether two JSON values are equal, whatever the order of their objects' keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

/** What to offer on a visit: the stored copy, and whether the server's draft moved on since it was made. */
export interface RestoreOffer {
  local: LocalDraft;
  /** The server's draft has a newer revision than the one the copy was made on: restoring replaces that. */
  newerOnServer: boolean;
}

/**
 * Whether a stored copy is worth offering over the draft just loaded from the server.
 *
 * @returns the offer; undefined when there is no copy or it holds nothing the loaded draft does not
 */
export function restoreOffer(local: LocalDraft | undefined, loaded: ItemDraft, revision: number): RestoreOffer | undefined {
  if (!local || sameJson(local.draft, loaded)) return undefined;
  return { local, newerOnServer: revision > local.revision };
}

/** Reads the local draft at `key`. */
export function readLocalDraft(storage: DraftStorage, key: string): LocalDraft | undefined {
  try {
    return parseLocalDraft(storage.getItem(key));
  } catch {
    return undefined;
  }
}

/**
 * Keeps `draft` (unsaved changes on server revision `revision`) at `key`.
 *
 * @returns false when the browser refused (storage full or disabled)
 */
export function writeLocalDraft(storage: DraftStorage, key: string, draft: ItemDraft, revision: number, now = new Date()): boolean {
  const entry: LocalDraft = { revision, savedAt: now.toISOString(), draft };
  try {
    storage.setItem(key, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** Drops the local draft at `key`. */
export function clearLocalDraft(storage: DraftStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to drop.
  }
}
