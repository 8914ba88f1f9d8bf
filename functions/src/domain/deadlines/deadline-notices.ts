import type { Task, IsoDate } from '@banshi/schemas';
import { deadlineState } from './deadline-state.js';
import type { Calendar } from './types.js';

/** What the sweep records about a task: it is due soon (预警) or overdue (超期). */
export interface DeadlineNotice {
  taskId: string;
  caseId: string;
  receiptNo: string;
  itemId: string;
  departmentId: string;
  role: string;
  stepId: string;
  dueDate: IsoDate;
  state: 'dueSoon' | 'overdue';
  /** The day the sweep saw it. */
  noticedOn: IsoDate;
}

/**
 * The notices the sweep owes for `tasks` on `today`: one per open, running task that is due soon or
 * overdue by its promised due date. Suspended and closed tasks, and tasks still on time, get none.
 * A notice is identified by (task, due date, state), so recording it again is a no-op and an
 * extended task that comes due again is noticed again.
 *
 * Each task is counted in its case's region (`region` as a function of the task), or in one
 * region for all when `region` is a code.
 *
 * @throws RangeError when a task's due date or `today` is not a valid date.
 */
export function deadlineNotices(
  tasks: readonly Task[],
  today: IsoDate,
  calendar: Calendar,
  region: string | ((task: Task) => string),
  warnWithinDays = 3,
): DeadlineNotice[] {
  const notices: DeadlineNotice[] = [];
  for (const task of tasks) {
    if (task.status !== 'open' || task.suspended || !task.dueDate) continue;
    const state = deadlineState(task.dueDate, today, calendar, typeof region === 'string' ? region : region(task), warnWithinDays);
    if (state !== 'dueSoon' && state !== 'overdue') continue;
    notices.push({
      taskId: task.id,
      caseId: task.caseId,
      receiptNo: task.receiptNo,
      itemId: task.itemId,
      departmentId: task.departmentId,
      role: task.role,
      stepId: task.stepId,
      dueDate: task.dueDate,
      state,
      noticedOn: today,
    });
  }
  return notices;
}
