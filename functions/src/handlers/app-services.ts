/**
 * The composition root of the API: the stores, clock, ids and calendar every handler uses,
 * created once per process on first use (a warm Lambda reuses them) from the environment.
 * Tests and the local server may replace the clock.
 */
import { cachedCalendar, type CalendarSource } from '../adapters/cached-calendar.js';
import { cachedCatalog, type CachedCatalog } from '../adapters/cached-catalog.js';
import { systemClock, type Clock } from '../adapters/clock.js';
import { createCaseStore, type CaseStore } from '../adapters/dynamo/case-store.js';
import { createCalendarStore, type CalendarStore } from '../adapters/dynamo/calendar-store.js';
import { createCatalogStore, type CatalogStore } from '../adapters/dynamo/catalog-store.js';
import { documentClient, tableName } from '../adapters/dynamo/client.js';
import { newCaseId, newReceiptNo, newTaskId } from '../adapters/ids.js';
import type { CaseServices } from '../domain/cases/ports.js';
import type { Calendar } from '../domain/deadlines/index.js';

export interface AppServices extends CaseServices {
  cases: CaseStore;
  /** The submission path's catalog reads, cached per process. */
  catalog: CachedCatalog;
  catalogStore: CatalogStore;
  /** The calendar admins maintain (stored years and region arrangements). */
  calendarStore: CalendarStore;
  /** The stored calendar, cached per process; `calendar` reads the version it loaded last. */
  calendars: CalendarSource;
}

let services: AppServices | undefined;
let clock: Clock = systemClock;

/** The process-wide services. */
export function appServices(): AppServices {
  if (!services) {
    const client = documentClient();
    const table = tableName();
    const catalogStore = createCatalogStore(client, table);
    const calendarStore = createCalendarStore(client, table);
    const calendars = cachedCalendar(() => calendarStore.loadAll());
    // The domain gets a plain Calendar; it answers from the calendar loaded last, which every
    // handler that counts days refreshes first (`await loadCalendar()`).
    const calendar: Calendar = {
      isWorkingDay: (date, region) => calendars.latest().isWorkingDay(date, region),
      covers: (year) => calendars.latest().covers(year),
      get coveredYears() {
        return calendars.latest().coveredYears;
      },
      get regions() {
        return calendars.latest().regions;
      },
    };
    services = {
      cases: createCaseStore(client, table),
      catalog: cachedCatalog(catalogStore),
      catalogStore,
      clock: { now: () => clock.now(), today: () => clock.today() },
      ids: { newCaseId: () => newCaseId(clock.now()), newTaskId: () => newTaskId(clock.now()), newReceiptNo },
      calendar,
      calendarStore,
      calendars,
    };
  }
  return services;
}

/** Replaces the clock (tests that need a particular day: a deadline across a public holiday). */
export function useClock(next: Clock): void {
  clock = next;
}

/**
 * The current calendar (package data with the years admins stored), read from the table at most
 * once a minute per process. Handlers that count working days await it before the domain runs.
 */
export async function loadCalendar(): Promise<Calendar> {
  return appServices().calendars.current();
}
