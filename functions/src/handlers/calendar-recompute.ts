/**
 * After an admin enters or changes a year of the calendar, the stored due dates of open cases
 * that reach that year are counted again.
 *
 * Due dates are a time budget with a pause ledger, kept in two places: on the case
 * (`clock.dueDate`, `clock.statutoryDueDate`) and on each open task (`dueDate`, which also orders
 * the inbox and the sweep's `due` index). A due date before January 1 of the changed year cannot
 * depend on it, so the open, running tasks to look at are exactly those the sparse `due` index
 * holds at or after that day: the recomputation reads them page by page (never a scan), reads each
 * of their cases once, counts the case's and its open tasks' due dates again with the new calendar
 * (`recomputeDueDates`, pure) and writes back what moved in one transaction per case, conditional on
 * the case version. When a staff action wins that race the case is read again and counted again.
 *
 * Running it again changes nothing (the result depends on the case and the calendar only), so a
 * run cut short is continued from its cursor or simply repeated. Cases whose clock is paused are
 * counted when they resume; read views derive a case's due dates from its clock at read time, so
 * they show the new calendar even before the stored dates are rewritten.
 */
import type { Case, Task } from '@banshi/schemas';
import { isFinalStatus } from '@banshi/schemas/core';
import type { CaseStore } from '../adapters/dynamo/case-store.js';
import type { DueDateStore } from '../adapters/dynamo/due-date-store.js';
import type { CatalogRepository } from '../domain/cases/ports.js';
import { recomputeDueDates, regionPrefix, type Calendar } from '../domain/deadlines/index.js';

export interface RecomputeOptions {
  dueDates: Pick<DueDateStore, 'listDueFrom' | 'writeDueDates'>;
  cases: Pick<CaseStore, 'getCase' | 'getOpenTasks'>;
  catalog: Pick<CatalogRepository, 'getVersion'>;
  /** The calendar after the change. */
  calendar: Calendar;
  /** Only cases in this region (a region arrangement changed); all cases when absent. */
  region?: string;
  /** Tasks per page of the `due` index (default 50). */
  pageSize?: number;
  /** Time left; the run stops between pages when less than 5 s remain and returns its cursor. */
  remainingMs?: () => number;
  /** Continue an earlier run. */
  cursor?: string;
}

/** What one run did. */
export interface RecomputeReport {
  year: number;
  /** Open running tasks read from the `due` index. */
  examined: number;
  /** Cases whose stored due dates (or tasks' due dates) moved. */
  casesChanged: number;
  tasksMoved: number;
  /** False when the run stopped for lack of time: continue with `cursor`. */
  complete: boolean;
  cursor?: string;
}

const SAFETY_MS = 5_000;
const ATTEMPTS = 3;

/** The step limit (working days) the flow gave a task when it opened: its branch's, else its step's. */
async function stepDaysOf(catalog: RecomputeOptions['catalog'], c: Case): Promise<(task: Task) => number | undefined> {
  const flow = (await catalog.getVersion(c.itemId, c.itemVersion))?.flow;
  return (task) => {
    const step = flow?.steps.find((s) => s.id === task.stepId);
    const branch = task.branchId ? step?.branches?.find((b) => b.id === task.branchId) : undefined;
    return branch?.deadlineDays ?? step?.deadlineDays;
  };
}

/**
 * Recomputes the stored due dates of the open cases whose due dates reach `year`.
 *
 * @example
 * await recomputeOpenDueDates(2027, { dueDates, cases, catalog, calendar: await calendars.current() });
 */
export async function recomputeOpenDueDates(year: number, options: RecomputeOptions): Promise<RecomputeReport> {
  const report: RecomputeReport = { year, examined: 0, casesChanged: 0, tasksMoved: 0, complete: false };
  const remaining = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const inRegion = (c: Case) => !options.region || regionPrefix(c.clock.region).startsWith(regionPrefix(options.region));
  const done = new Set<string>();
  let cursor = options.cursor;
  do {
    if (remaining() < SAFETY_MS) return { ...report, ...(cursor ? { cursor } : {}) };
    const page = await options.dueDates.listDueFrom(`${year}-01-01`, { limit: options.pageSize ?? 50, ...(cursor ? { cursor } : {}) });
    report.examined += page.items.length;
    // A case is counted once per run, even when its tasks sit on several pages or moved later.
    const caseIds = [...new Set(page.items.map((t) => t.caseId))].filter((id) => !done.has(id));
    for (const caseId of caseIds) {
      done.add(caseId);
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const c = await options.cases.getCase(caseId);
        if (!c || isFinalStatus(c.status) || !inRegion(c)) break;
        const change = recomputeDueDates(options.calendar, c, await options.cases.getOpenTasks(caseId), await stepDaysOf(options.catalog, c));
        if (await options.dueDates.writeDueDates(c, change)) {
          if (change.clock || change.tasks.length > 0) report.casesChanged += 1;
          report.tasksMoved += change.tasks.length;
          break;
        }
      }
    }
    cursor = page.cursor;
  } while (cursor);
  report.complete = true;
  return report;
}
