/**
 * The national working-day calendar as admins maintain it: each year's holidays and make-up working
 * days (调休) and per-region arrangements, stored in the table and taking precedence over the
 * `chinese-days` data for their year. Every change is audited, reaches this process's calendar at
 * once (other warm processes within a minute), and recounts the stored due dates of the open cases
 * that reach the changed year (calendar-recompute.ts).
 */
import type { Context } from 'aws-lambda';
import type { StoredRegion, StoredYear } from '../adapters/dynamo/calendar-store.js';
import { actorOf } from '../domain/cases/case-context.js';
import {
  ARRANGEMENT_YEARS,
  calendarReminder,
  checkArrangement,
  packageArrangement,
  regionPrefix,
  type DateRange,
} from '../domain/deadlines/index.js';
import { BadRequestError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import type { Principal } from '../domain/permissions/principal.js';
import type { Locale } from '@banshi/schemas/core';
import { message } from '../domain/messages.js';
import type { AppServices } from './app-services.js';
import { recomputeOpenDueDates, type RecomputeReport } from './calendar-recompute.js';
import { routeHandler } from './route-handler.js';

const YEAR = /^\d{4}$/;
const REGION = /^\d{2}(\d{2}){0,2}$/;

interface ArrangementBody {
  holidays: DateRange[];
  workingDays: DateRange[];
  expectedRevision?: number;
}

/** The year of the path, or a 400 naming it. */
function yearParam(value: string | undefined, locale: Locale): number {
  const year = Number(value);
  if (!value || !YEAR.test(value) || year < ARRANGEMENT_YEARS.min || year > ARRANGEMENT_YEARS.max) {
    throw new BadRequestError(message('calendar.yearInvalid', locale), [
      { pointer: '/year', code: 'range', message: message('calendar.yearRange', locale, ARRANGEMENT_YEARS.min, ARRANGEMENT_YEARS.max) },
    ]);
  }
  return year;
}

/** The region of the path as a full 6-digit GB/T 2260 code ('65' → '650000'), or a 400. */
function regionParam(value: string | undefined, locale: Locale): string {
  if (!value || !REGION.test(value)) {
    throw new BadRequestError(message('calendar.regionInvalid', locale), [
      { pointer: '/region', code: 'format', message: message('calendar.regionFormat', locale) },
    ]);
  }
  return regionPrefix(value).padEnd(6, '0');
}

const revisionOf = (s: StoredYear | StoredRegion) => ({ revision: s.revision, updatedAt: s.updatedAt, updatedBy: s.updatedBy });

/** Checks the admin and the body's dates (422). */
function checked<T extends ArrangementBody>(principal: Principal, input: T, year: number, locale: Locale): T {
  authorize(principal, 'calendar:manage');
  checkArrangement(year, input, locale);
  return input;
}

/**
 * Counts the open cases' due dates reaching `year` again with the current calendar. After a save
 * (`afterChange`) this process's cached calendar is dropped first, so the count uses the change.
 */
async function recompute(services: AppServices, year: number, context: Context | undefined, options: { afterChange?: boolean; region?: string; cursor?: string } = {}): Promise<RecomputeReport> {
  if (options.afterChange) services.calendars.forget();
  const remaining = typeof context?.getRemainingTimeInMillis === 'function' ? () => context.getRemainingTimeInMillis() : undefined;
  return recomputeOpenDueDates(year, {
    dueDates: services.dueDates,
    cases: services.cases,
    catalog: services.catalog,
    calendar: await services.loadCalendar(),
    ...(options.region ? { region: options.region } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(remaining ? { remainingMs: remaining } : {}),
  });
}

/**
 * GET /api/calendar/years — which years have holiday data (from the package or stored), the region
 * arrangements, and `reminderYear`: the year admins should enter now (from December 1, next year).
 */
export const listYears = routeHandler(async ({ services, principal }) => {
  authorize(principal, 'calendar:manage');
  const { calendarStore, clock } = services;
  const [calendar, stored] = await Promise.all([services.loadCalendar(), calendarStore.loadAll()]);
  const today = clock.today();
  const storedYears = new Map(stored.years.map((y) => [y.year, y]));
  const reminderYear = calendarReminder(calendar, today);
  return {
    body: {
      today,
      ...(reminderYear ? { reminderYear } : {}),
      years: calendar.coveredYears.map((year) => {
        const s = storedYears.get(year);
        return { year, source: s ? 'stored' : 'package', ...(s ? revisionOf(s) : {}) };
      }),
      regions: stored.regions.map((r) => ({ year: r.year, region: r.region, name: r.name, ...revisionOf(r) })),
    },
  };
});

/** GET /api/calendar/{year} — the year's arrangement (stored, else the package's, else none) and its region arrangements. */
export const getYear = routeHandler(async ({ services, principal, params, locale }) => {
  authorize(principal, 'calendar:manage');
  const year = yearParam(params.year, locale);
  const { calendarStore } = services;
  const [stored, all] = await Promise.all([calendarStore.getYear(year), calendarStore.loadAll()]);
  const fromPackage = packageArrangement(year);
  const source = stored ? 'stored' : fromPackage ? 'package' : 'none';
  const days = stored ?? fromPackage ?? { holidays: [], workingDays: [] };
  return {
    body: {
      year,
      source,
      revision: stored?.revision ?? 0,
      ...(stored ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy } : {}),
      holidays: days.holidays,
      workingDays: days.workingDays,
      regions: all.regions.filter((r) => r.year === year),
    },
  };
});

/** PUT /api/calendar/{year} — stores the year's national arrangement (audited), then recounts open due dates reaching it. */
export const putYear = routeHandler<ArrangementBody>(async ({ services, principal, params, body, locale, context, log }) => {
  const year = yearParam(params.year, locale);
  const input = checked(principal, body, year, locale);
  const { calendarStore, clock } = services;
  const { stored } = await calendarStore.saveYear(year, input, actorOf(principal), clock.now().toISOString());
  const report = await recompute(services, year, context, { afterChange: true });
  log.info('calendar year saved', { revision: stored.revision, ...report });
  return { body: { source: 'stored', ...stored, recompute: report } };
});

/** PUT /api/calendar/{year}/regions/{region} — stores a region's arrangement of the year (audited), then recounts that region's open due dates. */
export const putRegion = routeHandler<ArrangementBody & { name: StoredRegion['name'] }>(async ({ services, principal, params, body, locale, context, log }) => {
  const year = yearParam(params.year, locale);
  const region = regionParam(params.region, locale);
  const input = checked(principal, body, year, locale);
  const { calendarStore, clock } = services;
  const { stored } = await calendarStore.saveRegion(year, region, input.name, input, actorOf(principal), clock.now().toISOString());
  const report = await recompute(services, year, context, { afterChange: true, region });
  log.info('calendar region saved', { region, revision: stored.revision, ...report });
  return { body: { ...stored, recompute: report } };
});

/** GET /api/calendar/{year}/audit — who changed the year's calendar when, before and after; newest first. */
export const listAudit = routeHandler(async ({ services, principal, params, locale }) => {
  authorize(principal, 'calendar:manage');
  const year = yearParam(params.year, locale);
  return { body: { items: await services.calendarStore.listAudit(year) } };
});

/** POST /api/calendar/{year}/recompute — recounts open due dates reaching the year again (idempotent; `cursor` continues a run cut short). */
export const recomputeYear = routeHandler<{ cursor?: string } | undefined>(async ({ services, principal, params, body, locale, context }) => {
  authorize(principal, 'calendar:manage');
  const year = yearParam(params.year, locale);
  return { body: await recompute(services, year, context, body?.cursor ? { cursor: body.cursor } : {}) };
});
