/**
 * The deadline sweep (scheduled by EventBridge Scheduler): finds the open, running tasks that are
 * due soon or overdue by their promised due date and records one notice for each, idempotently.
 *
 * It never scans. Open running tasks carry keys of the sparse `due` index (DUE_SHARDS partitions
 * sorted by due date); the sweep reads them only up to the horizon — the first due date that is
 * still on time — so its cost follows the number of tasks needing attention, not the table.
 * Recording is a conditional Put per (task, due date, state): running twice, or a retry by the
 * scheduler, records nothing twice.
 *
 * Each task is counted in its own case's region calendar (`case.clock.region`: an autonomous
 * region's festival days are not working days there), read per page with one BatchGetItem of the
 * cases' regions. The horizon is the latest of the regions' horizons, so no region's due-soon task
 * is left unread. The calendar includes the years admins stored, read once per warm process.
 */
import type { Context } from 'aws-lambda';
import { DEFAULT_REGION_CODE } from '@banshi/schemas/core';
import type { Clock } from '../adapters/clock.js';
import type { CaseStore } from '../adapters/dynamo/case-store.js';
import type { DeadlineNoticeStore } from '../adapters/dynamo/deadline-notice-store.js';
import { deadlineNotices } from '../domain/deadlines/deadline-notices.js';
import { sweepHorizon } from '../domain/deadlines/sweep-horizon.js';
import type { Calendar } from '../domain/deadlines/index.js';
import { logger as processLogger, type Logger } from '../http/logger.js';
import { servicesFromEnvironment } from './app-services.js';

export interface DeadlineSweepOptions {
  cases: Pick<CaseStore, 'listDueBefore'>;
  notices: Pick<DeadlineNoticeStore, 'record'>;
  /** The calendar, or where to get the current one at the start of each run. */
  calendar: Calendar | (() => Promise<Calendar>);
  /** The region (`clock.region`) of each case id found; without it every task counts in `region`. */
  caseRegions?: (caseIds: readonly string[]) => Promise<Map<string, string>>;
  clock: Clock;
  /** GB/T 2260 code of the calendar for tasks whose case region is unknown; default `BANSHI_REGION`, else 150000. */
  region?: string;
  /** Working days before the due date that count as due soon (default 3, as the inbox). */
  warnWithinDays?: number;
  /** Tasks per page of the due index (default 100). */
  pageSize?: number;
  logger?: Logger;
}

/** What one run did. */
export interface SweepReport {
  today: string;
  /** Tasks due before this date were read. */
  horizon: string;
  /** Open running tasks read from the due index. */
  examined: number;
  /** Notices written by this run. */
  recorded: number;
  /** Notices that earlier runs had written. */
  alreadyRecorded: number;
  /** False when the run stopped for lack of time; the next run carries on (nothing is lost). */
  complete: boolean;
}

/** Stop reading new pages when less than this much time is left. */
const SAFETY_MS = 15_000;

/**
 * Builds the sweep. `remainingMs` (Lambda's `getRemainingTimeInMillis`) lets a run stop between
 * pages before its timeout; the tasks it did not reach are found by the next run.
 */
export function createDeadlineSweep(options: DeadlineSweepOptions) {
  const region = options.region ?? process.env.BANSHI_REGION ?? DEFAULT_REGION_CODE;
  const warnWithinDays = options.warnWithinDays ?? 3;
  const log = options.logger ?? processLogger;
  return async (remainingMs: () => number = () => Number.POSITIVE_INFINITY): Promise<SweepReport> => {
    const today = options.clock.today();
    const calendar = typeof options.calendar === 'function' ? await options.calendar() : options.calendar;
    // The latest horizon over the fallback region and every region with its own days.
    const horizon = [region, ...calendar.regions.map((prefix) => prefix.padEnd(6, '0'))]
      .map((r) => sweepHorizon(calendar, today, r, warnWithinDays))
      .reduce((a, b) => (a > b ? a : b));
    const report: SweepReport = { today, horizon, examined: 0, recorded: 0, alreadyRecorded: 0, complete: false };
    const recordedAt = options.clock.now().toISOString();
    let cursor: string | undefined;
    do {
      if (remainingMs() < SAFETY_MS) {
        log.warn('deadline sweep stopped before its time ran out', { ...report });
        return report;
      }
      const page = await options.cases.listDueBefore(horizon, { limit: options.pageSize ?? 100, ...(cursor ? { cursor } : {}) });
      report.examined += page.items.length;
      const regions = options.caseRegions ? await options.caseRegions(page.items.map((t) => t.caseId)) : new Map<string, string>();
      const notices = deadlineNotices(page.items, today, calendar, (task) => regions.get(task.caseId) ?? region, warnWithinDays);
      const outcomes = await Promise.all(notices.map((notice) => options.notices.record(notice, recordedAt)));
      for (const recorded of outcomes) report[recorded ? 'recorded' : 'alreadyRecorded'] += 1;
      cursor = page.cursor;
    } while (cursor);
    report.complete = true;
    log.info('deadline sweep', { ...report });
    return report;
  };
}

let sweep: ReturnType<typeof createDeadlineSweep> | undefined;

/** The Lambda handler (EventBridge Scheduler target; the event carries nothing the sweep needs). */
export async function deadlineSweep(_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SweepReport> {
  sweep ??= (() => {
    const services = servicesFromEnvironment();
    return createDeadlineSweep({
      cases: services.cases,
      notices: services.deadlineNotices,
      calendar: () => services.loadCalendar(),
      caseRegions: (caseIds) => services.dueDates.caseRegions(caseIds),
      clock: services.clock,
    });
  })();
  return sweep(context ? () => context.getRemainingTimeInMillis() : undefined);
}
