/**
 * The staff inbox: open tasks of my department and role, by due date, with deadline state derived
 * at read time; and my handled list (已办): the tasks I closed, newest first.
 */
import { DEFAULT_REGION_CODE } from '@banshi/schemas/core';
import { deadlineState, isProvisional, remainingWorkingDays } from '../domain/deadlines/index.js';
import { BadRequestError } from '../domain/errors.js';
import { message } from '../domain/messages.js';
import { authorize } from '../domain/permissions/policy.js';
import { routeHandler, type PageQuery } from './route-handler.js';

/** GET /api/inbox?role=&limit=&cursor= — `role` defaults to my first staff role. */
export const inbox = routeHandler<undefined, PageQuery & { role?: string }>(async ({ services, principal, query, locale }) => {
  const role = query.role ?? principal.staffRoles?.[0];
  if (!principal.departmentId || !role) {
    authorize(principal, 'inbox:read', { kind: 'inbox', departmentId: principal.departmentId ?? '' });
    throw new BadRequestError(message('inbox.roleRequired', locale), [{ pointer: '/role', code: 'required', message: 'role' }]);
  }
  authorize(principal, 'inbox:read', { kind: 'inbox', departmentId: principal.departmentId, role });
  const calendar = await services.loadCalendar();
  const { cases, clock } = services;
  const page = await cases.listInbox(principal.departmentId, role, { limit: query.limit, cursor: query.cursor });
  const today = clock.today();
  const region = principal.region ?? DEFAULT_REGION_CODE;
  return {
    body: {
      today,
      items: page.items.map((task) => ({
        ...task,
        deadline: task.suspended
          ? { state: 'paused' as const }
          : {
              state: deadlineState(task.dueDate, today, calendar, region),
              remainingWorkingDays: remainingWorkingDays(task.dueDate, today, calendar, region),
              // Counted across a year without holiday data: the due date may still move (暂定).
              ...(isProvisional(calendar, today, task.dueDate) ? { provisional: true } : {}),
            },
      })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
  };
});

/**
 * GET /api/inbox/handled?limit=&cursor= — the tasks I closed as done (已办), newest first, each with
 * where its case stands now. Staff only; always the signed-in staff member's own list.
 */
export const handled = routeHandler<undefined, PageQuery>(async ({ services, principal, query }) => {
  authorize(principal, 'inbox:read', { kind: 'inbox', departmentId: principal.departmentId ?? '' });
  const page = await services.cases.listHandled(principal.userId, { limit: query.limit, cursor: query.cursor });
  return {
    body: {
      items: page.items.map(({ task, case: c }) => ({
        ...task,
        ...(c ? { case: { status: c.status, version: c.version, ...(c.outcome ? { outcome: c.outcome } : {}) } } : {}),
      })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
  };
});
