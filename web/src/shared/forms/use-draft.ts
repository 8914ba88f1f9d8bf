/**
 * Server-side drafts of an application (`/api/drafts/{itemId}`, `?for=` for an agent): loads the
 * saved draft once, then saves the data debounced after each change the applicant made, so the
 * application can be resumed from another browser.
 *
 * Only a real change is saved: nothing before the applicant's first edit (a form filling in its own
 * blanks, defaults or calculated values on opening is no draft), and not the same answers twice. A
 * saved draft holding no answer at all is not offered: it is deleted and the form starts afresh.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { sameAnswers } from '@banshi/forms';
import { api, ApiError } from '../api.js';

/** A saved draft as the API returns it. */
export interface Draft {
  data: Record<string, unknown>;
  idempotencyKey?: string;
  step?: number;
  onBehalfOf?: string;
  updatedAt?: string;
}

export type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; error: ApiError };

export interface UseDraftOptions {
  itemId: string;
  /** The applicant an agent acts for. */
  onBehalfOf?: string;
  /** False while nothing should be loaded or saved (e.g. correcting a case, agent not chosen). */
  enabled: boolean;
  /** Milliseconds after the last change (1500 by default). */
  delay?: number;
}

export interface UseDraftResult {
  /** undefined while loading; null when there is no draft. */
  saved: Draft | null | undefined;
  loadError?: ApiError;
  status: DraftStatus;
  /**
   * Schedules a save of `draft` after the delay (a newer call replaces it). `edited`: the change
   * is the applicant's own (typed, chosen, a step taken); until the first such change nothing is
   * saved. A draft with the same answers and step as the last one saved is not saved again.
   */
  save(draft: Draft, edited: boolean): void;
  /** Saves at once what is pending (e.g. before leaving). */
  flush(): Promise<void>;
  /** Deletes the draft (after a submit or when starting fresh). */
  discard(): Promise<void>;
}

function draftPath(itemId: string, onBehalfOf?: string): string {
  return `/api/drafts/${encodeURIComponent(itemId)}${onBehalfOf ? `?for=${encodeURIComponent(onBehalfOf)}` : ''}`;
}

export function useDraft({ itemId, onBehalfOf, enabled, delay = 1500 }: UseDraftOptions): UseDraftResult {
  const path = draftPath(itemId, onBehalfOf);
  const [saved, setSaved] = useState<Draft | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<ApiError>();
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const pending = useRef<Draft | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const edited = useRef(false);
  const lastSaved = useRef<Draft | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setSaved(undefined);
    setLoadError(undefined);
    api<Draft | { draft: Draft }>(path)
      .then((body) => {
        if (!live) return;
        const draft = 'draft' in body ? body.draft : body;
        if (!sameAnswers(draft.data, {})) {
          lastSaved.current = draft;
          setSaved(draft);
          return;
        }
        // A draft without a single answer (saved by an earlier version on opening the form).
        setSaved(null);
        void api(path, { method: 'DELETE' }).catch(() => undefined);
      })
      .catch((error: ApiError) => {
        if (!live) return;
        // No draft (404), or drafts not available: start a new application either way.
        if (error.status === 404 || error.status === 405) setSaved(null);
        else setLoadError(error);
      });
    return () => {
      live = false;
    };
  }, [path, enabled]);

  const put = useCallback(async () => {
    const draft = pending.current;
    if (!draft) return;
    pending.current = undefined;
    setStatus({ state: 'saving' });
    try {
      const stored = await api<Draft | undefined>(path, { method: 'PUT', body: { ...draft, ...(onBehalfOf ? { onBehalfOf } : {}) } });
      lastSaved.current = draft;
      // The server's time, as the next visit shows it ("saved at …").
      setStatus({ state: 'saved', at: stored?.updatedAt ?? new Date().toISOString() });
    } catch (error) {
      setStatus({ state: 'failed', error: error as ApiError });
      // Keep the newest data and try again later, unless the session is gone.
      pending.current ??= draft;
      if ((error as ApiError).status !== 401) timer.current = window.setTimeout(() => void put(), 10_000);
    }
  }, [path, onBehalfOf]);

  const save = useCallback((draft: Draft, byApplicant: boolean) => {
    if (byApplicant) edited.current = true;
    if (!edited.current) return;
    const last = pending.current ?? lastSaved.current;
    if (last && (last.step ?? 0) === (draft.step ?? 0) && sameAnswers(last.data, draft.data)) return;
    pending.current = draft;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void put(), delay);
  }, [put, delay]);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    await put();
  }, [put]);

  const discard = useCallback(async () => {
    window.clearTimeout(timer.current);
    pending.current = undefined;
    // A new application: again nothing is saved before the applicant's first change.
    lastSaved.current = undefined;
    edited.current = false;
    await api(path, { method: 'DELETE' }).catch(() => undefined);
  }, [path]);

  // Leaving the page within the delay still saves what was typed.
  const putRef = useRef(put);
  putRef.current = put;
  useEffect(() => () => {
    window.clearTimeout(timer.current);
    if (pending.current) void putRef.current();
  }, []);

  return { saved, loadError, status, save, flush, discard };
}
