import type { Case } from '@banshi/schemas';
import { isFinalStatus } from '@banshi/schemas/core';
import { deadlineState, dueDates, isProvisional, remainingWorkingDays, type Calendar } from '../deadlines/index.js';

/**
 * A case with what is derived at read time: its due dates counted from its clock with the current
 * calendar (so a calendar change shows at once, before the stored dates are rewritten), where its
 * deadline stands, and `provisional` when the due date reaches a year without holiday data.
 */
export function withDeadline(calendar: Calendar, today: string, c: Case) {
  if (isFinalStatus(c.status)) return { ...c, deadline: { state: 'finished' as const } };
  const due = dueDates(calendar, c.clock);
  const { dueDate: _d, statutoryDueDate: _s, ...rest } = c.clock;
  return {
    ...c,
    clock: { ...rest, ...due },
    deadline: {
      state: deadlineState(due.dueDate, today, calendar, c.clock.region),
      ...(due.dueDate
        ? {
            dueDate: due.dueDate,
            remainingWorkingDays: remainingWorkingDays(due.dueDate, today, calendar, c.clock.region),
            ...(isProvisional(calendar, c.clock.receivedOn, due.dueDate) ? { provisional: true } : {}),
          }
        : {}),
    },
  };
}
