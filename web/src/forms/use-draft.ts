/**
 * Server-side drafts of an application (`/api/drafts/{itemId}`, `?for=` for an agent): loads the
 * saved draft once, then saves the data debounced after each change, so the application can be
 * resumed from another browser.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api.js';

/** A saved draft as the API returns it. */
export interface Draft {
  data: Record<string, unknown>;
  idempotencyKey?: string;
  step?: number;
  onBehalfOf?: string;
  updatedAt?: string;
}

export type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'failed'; error: ApiError };

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
  /** Schedules a save of `draft` after the delay (a newer call replaces it). */
  save(draft: Draft): void;
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

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setSaved(undefined);
    setLoadError(undefined);
    api<Draft | { draft: Draft }>(path)
      .then((body) => live && setSaved('draft' in body ? body.draft : body))
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
      await api(path, { method: 'PUT', body: { ...draft, ...(onBehalfOf ? { onBehalfOf } : {}) } });
      setStatus({ state: 'saved', at: new Date() });
    } catch (error) {
      setStatus({ state: 'failed', error: error as ApiError });
      // Keep the newest data and try again later, unless the session is gone.
      pending.current ??= draft;
      if ((error as ApiError).status !== 401) timer.current = window.setTimeout(() => void put(), 10_000);
    }
  }, [path, onBehalfOf]);

  const save = useCallback((draft: Draft) => {
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
