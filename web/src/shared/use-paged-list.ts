/**
 * A list read a page at a time with the API's opaque cursors (the catalog, my cases, the inbox, the
 * handled list): the first page on mount and whenever the query changes, then "load more" after the
 * last cursor. A new query keeps the list it replaces until its answer comes; a late answer to a
 * superseded request is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api.js';

export interface PagedList<T> {
  items: T[];
  cursor?: string;
  status: 'loading' | 'more' | 'idle';
  /** A first page has arrived (the list may still be empty). */
  loaded: boolean;
  error?: ApiError;
  /** Loads the first page (no argument) or the page after `cursor`. */
  fetchPage(after?: string): Promise<void>;
  /** Asks again for the page whose request failed. */
  retry(): Promise<void>;
}

const byId = (item: unknown) => (item as { id: string }).id;

/**
 * `path`: the endpoint with its query (e.g. `/api/inbox?limit=30&role=window`), `cursor` is added;
 * undefined waits (e.g. for the sign-in). `keyOf` names an item, so a page that overlaps the one
 * before adds no row twice (default: its `id`).
 */
export function usePagedList<T>(path: string | undefined, keyOf: (item: T) => string = byId): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [status, setStatus] = useState<'loading' | 'more' | 'idle'>('loading');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError>();
  const request = useRef(0);
  const last = useRef<string | undefined>(undefined);
  const key = useRef(keyOf);
  key.current = keyOf;

  const fetchPage = useCallback(
    async (after?: string) => {
      if (path === undefined) return;
      const seq = ++request.current;
      last.current = after;
      setStatus(after ? 'more' : 'loading');
      setError(undefined);
      try {
        const page = await api<{ items: T[]; cursor?: string }>(after ? `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(after)}` : path);
        if (seq !== request.current) return;
        setItems((prev) => {
          if (!after) return page.items;
          const seen = new Set(prev.map(key.current));
          return [...prev, ...page.items.filter((x) => !seen.has(key.current(x)))];
        });
        setCursor(page.cursor);
        setLoaded(true);
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

  const retry = useCallback(() => fetchPage(last.current), [fetchPage]);

  return { items, cursor, status, loaded, error, fetchPage, retry };
}
