/** Every department (`GET /api/departments`, all pages), fetched once per page load and shared. */
import { useEffect, useState } from 'react';
import { api } from '../shared/api.js';
import type { Department } from '@banshi/schemas';

let cache: Promise<Department[]> | undefined;

async function loadAll(): Promise<Department[]> {
  const all: Department[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: Department[]; cursor?: string }>(`/api/departments${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** The departments (empty while loading or when they cannot be loaded). */
export function useDepartments(): { departments: Department[]; byId: Map<string, Department>; failed: boolean } {
  const [departments, setDepartments] = useState<Department[]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    cache ??= loadAll().catch((error: unknown) => {
      cache = undefined;
      throw error;
    });
    cache.then((d) => live && setDepartments(d)).catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  return { departments, byId: new Map(departments.map((d) => [d.id, d])), failed };
}
