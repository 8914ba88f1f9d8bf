/**
 * A list read a page at a time with the API's opaque cursors (the inbox, the handled list): the
 * first page on mount and whenever the query changes, then "load more" after the last cursor. A
 * late answer to a superseded request is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api.js';

export interface PagedList<T> {
  items: T[];
  cursor?: string;
  status: 'loading' | 'more' | 'idle';
  error?: ApiError;
  /** Loads the first page (no argument) or the page after `cursor`. */
  fetchPage(after?: string): Promise<void>;
}

/** `path`: the endpoint with its query (e.g. `/api/inbox?limit=30&role=window`); `cursor` is added. */
export function usePagedList<T extends { id: string }>(path: string): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [status, setStatus] = useState<'loading' | 'more' | 'idle'>('loading');
  const [error, setError] = useState<ApiError>();
  const request = useRef(0);

  const fetchPage = useCallback(
    async (after?: string) => {
      const seq = ++request.current;
      setStatus(after ? 'more' : 'loading');
      setError(undefined);
      try {
        const page = await api<{ items: T[]; cursor?: string }>(after ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(after)}` : path);
        if (seq !== request.current) return;
        setItems((prev) => (after ? [...prev, ...page.items.filter((x) => !prev.some((p) => p.id === x.id))] : page.items));
        setCursor(page.cursor);
      } catch (err) {
        if (seq !== request.current) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      } finally {
        if (seq === request.current) setStatus('idle');
      }
    },
    [path],
  );

  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);

  return { items, cursor, status, error, fetchPage };
}
