import type { Case, IsoDate, Task } from '@banshi/schemas';
import { addWorkingDays } from './add-working-days.js';
import { dueDates } from './due-dates.js';
import { fromEpochDay, toEpochDay } from './iso-date.js';
import { pausedWorkingDays } from './paused-working-days.js';
import type { Calendar } from './types.js';

/** What recomputing a case's due dates under a changed calendar changes; empty when nothing does. */
export interface DueDateChange {
  /** The case clock's new due dates, when either differs from the stored ones. */
  clock?: { dueDate?: IsoDate; statutoryDueDate?: IsoDate };
  /** Open tasks whose due date moves, each with its new `dueDate`. */
  tasks: Task[];
}

/** China's calendar day of an instant (UTC+8 all year: China has no daylight saving time). */
function chinaDay(instant: string): IsoDate {
  return fromEpochDay(Math.floor((Date.parse(instant) + 8 * 3_600_000) / 86_400_000));
}

/**
 * Due dates are a time budget with a pause ledger, so a changed calendar changes them: the case's
 * promised and statutory due dates are counted again from its clock, and each open, running task
 * gets again what the flow engine gave it when it opened — its step's own limit (`stepDays`
 * working days from the day it opened, plus the working days the clock stood still since), never
 * later than the case's due date. A task without a step limit follows the case.
 *
 * Idempotent: the result depends on the case, the tasks and the calendar only, so a second run with
 * the same calendar changes nothing. A case whose clock is paused has no due dates and is left alone
 * (its tasks are suspended; resuming counts them again).
 *
 * @throws RangeError when a stored date is invalid.
 */
export function recomputeDueDates(
  calendar: Calendar,
  c: Case,
  openTasks: readonly Task[],
  stepDays: (task: Task) => number | undefined,
): DueDateChange {
  const due = dueDates(calendar, c.clock);
  if (!due.dueDate) return { tasks: [] };
  const region = c.clock.region;
  const clockChanged = due.dueDate !== c.clock.dueDate || due.statutoryDueDate !== c.clock.statutoryDueDate;
  const tasks: Task[] = [];
  for (const task of openTasks) {
    if (task.status !== 'open' || task.suspended) continue;
    const days = stepDays(task);
    let next = due.dueDate;
    if (days) {
      const opened = chinaDay(task.createdAt);
      const pausedSince = c.clock.pauses.filter((p) => toEpochDay(p.from) >= toEpochDay(opened));
      const stepDue = addWorkingDays(calendar, opened, days + pausedWorkingDays(calendar, pausedSince, region), region);
      if (stepDue < next) next = stepDue;
    }
    if (next !== task.dueDate) tasks.push({ ...task, dueDate: next });
  }
  return { ...(clockChanged ? { clock: due } : {}), tasks };
}
