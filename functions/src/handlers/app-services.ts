/**
 * The composition root of the API: the stores, clock, ids and calendar every handler uses,
 * created once per process on first use (a warm Lambda reuses them) from the environment.
 * Tests and the local server may replace the clock.
 */
import { cachedCatalog, type CachedCatalog } from '../adapters/cached-catalog.js';
import { systemClock, type Clock } from '../adapters/clock.js';
import { createCaseStore, type CaseStore } from '../adapters/dynamo/case-store.js';
import { createCatalogStore, type CatalogStore } from '../adapters/dynamo/catalog-store.js';
import { documentClient, tableName } from '../adapters/dynamo/client.js';
import { newCaseId, newReceiptNo, newTaskId } from '../adapters/ids.js';
import type { CaseServices } from '../domain/cases/ports.js';
import { defaultCalendar } from '../domain/deadlines/index.js';

export interface AppServices extends CaseServices {
  cases: CaseStore;
  /** The submission path's catalog reads, cached per process. */
  catalog: CachedCatalog;
  catalogStore: CatalogStore;
}

let services: AppServices | undefined;
let clock: Clock = systemClock;

/** The process-wide services. */
export function appServices(): AppServices {
  if (!services) {
    const client = documentClient();
    const table = tableName();
    const catalogStore = createCatalogStore(client, table);
    services = {
      cases: createCaseStore(client, table),
      catalog: cachedCatalog(catalogStore),
      catalogStore,
      clock: { now: () => clock.now(), today: () => clock.today() },
      ids: { newCaseId: () => newCaseId(clock.now()), newTaskId: () => newTaskId(clock.now()), newReceiptNo },
      calendar: defaultCalendar(),
    };
  }
  return services;
}

/** Replaces the clock (tests that need a particular day: a deadline across a public holiday). */
export function useClock(next: Clock): void {
  clock = next;
}
