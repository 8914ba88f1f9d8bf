/** Which actions the signed-in staff member may take on a case: exactly what the flow allows at the step of their open task. */
import type { FlowAction } from '@banshi/schemas';
import type { Principal } from '../shared/session.js';
import type { CaseWithDeadline, FlowDefinition, Task } from './workbench-types.js';

/** The staff actions, in the order the action bar shows them (decisions first, then in-place ones). */
export const STAFF_ACTION_ORDER: FlowAction[] = [
  'accept', 'approve', 'complete', 'returnForCorrection', 'notAccept', 'reject', 'transfer', 'extend', 'suspend', 'resume',
];

/** My open task on the case: one of my department whose role is one of my staff roles. */
export function findMyTask(openTasks: Task[], principal: Principal | undefined): Task | undefined {
  if (!principal?.departmentId) return undefined;
  return openTasks.find(
    (task) => task.status === 'open' && task.departmentId === principal.departmentId && (principal.staffRoles ?? []).includes(task.role),
  );
}

/**
 * The actions the flow allows at my task's step (or at its branch, for a parallel step), in the
 * action bar's order. While the case is suspended only `resume` is allowed. `extend` is offered
 * only when the flow has an extension policy. Applicant actions (resubmit, withdraw) never appear.
 */
export function allowedActions(flow: FlowDefinition | undefined, task: Task | undefined, current: CaseWithDeadline): FlowAction[] {
  if (!flow || !task) return [];
  if (current.status === 'suspended') return ['resume'];
  const step = flow.steps.find((s) => s.id === task.stepId);
  if (!step) return [];
  const listed = task.branchId ? step.branches?.find((b) => b.id === task.branchId)?.actions ?? [] : step.actions ?? [];
  return STAFF_ACTION_ORDER.filter((action) => listed.includes(action) && action !== 'resume' && (action !== 'extend' || Boolean(flow.extension)));
}
