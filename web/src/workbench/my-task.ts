/** Which open task of a case is the signed-in staff member's to act on. */
import type { Principal } from '../shared/session.js';
import type { Task } from '@banshi/schemas';

/** My open task on the case: one of my department whose role is one of my staff roles. */
export function findMyTask(openTasks: Task[], principal: Principal | undefined): Task | undefined {
  if (!principal?.departmentId) return undefined;
  return openTasks.find(
    (task) => task.status === 'open' && task.departmentId === principal.departmentId && (principal.staffRoles ?? []).includes(task.role),
  );
}
