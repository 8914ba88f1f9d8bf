import { describe, expect, it } from 'vitest';
import type { ItemDraft } from '@banshi/schemas';
import { clearLocalDraft, localDraftKey, parseLocalDraft, readLocalDraft, restoreOffer, sameJson, writeLocalDraft, type DraftStorage } from './local-draft.js';

const draft = (name: string) => ({ item: { id: 'x', name: { 'zh-CN': name } }, form: { schema: { type: 'object', properties: {} } }, flow: { start: 'a', steps: [] } }) as unknown as ItemDraft;

/** The browser's storage as the module uses it: strings by key. */
function memoryStorage(): DraftStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => void entries.set(k, v), removeItem: (k) => void entries.delete(k) };
}

describe('the local copy of unsaved changes', () => {
  it('is kept per user and item, read back, and dropped', () => {
    const storage = memoryStorage();
    const key = localDraftKey('u-designer', 'senior-card');

    expect(writeLocalDraft(storage, key, draft('改过'), 3, new Date('2026-12-02T02:25:00Z'))).toBe(true);
    expect(readLocalDraft(storage, key)).toEqual({ revision: 3, savedAt: '2026-12-02T02:25:00.000Z', draft: draft('改过') });
    expect(readLocalDraft(storage, localDraftKey('u-other', 'senior-card'))).toBeUndefined();
    clearLocalDraft(storage, key);
    expect(storage.entries.size).toBe(0);
  });

  it('reports a full storage instead of throwing', () => {
    const full: DraftStorage = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new Error('QuotaExceededError'); } };

    expect(writeLocalDraft(full, 'k', draft('a'), 1)).toBe(false);
  });

  it('ignores entries that are not a local draft', () => {
    for (const raw of [null, '', 'not json', '[]', '{"revision":"1","savedAt":"t","draft":{}}', '{"revision":1,"savedAt":"t","draft":{"item":{}}}']) {
      expect(parseLocalDraft(raw), String(raw)).toBeUndefined();
    }
  });

  it('is offered only when it differs from the loaded draft, saying when the server moved on', () => {
    const local = { revision: 2, savedAt: '2026-12-02T02:25:00.000Z', draft: draft('改过') };

    expect(restoreOffer(undefined, draft('原来'), 2)).toBeUndefined();
    expect(restoreOffer(local, draft('改过'), 2)).toBeUndefined();
    expect(restoreOffer(local, draft('原来'), 2)).toEqual({ local, newerOnServer: false });
    expect(restoreOffer(local, draft('原来'), 4)).toEqual({ local, newerOnServer: true });
  });

  it('compares drafts as JSON, whatever the order of their keys', () => {
    expect(sameJson({ a: 1, b: [{ c: 'x', d: null }] }, { b: [{ d: null, c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
  });
});
