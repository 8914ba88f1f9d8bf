import type { Case, Clock } from '../generated/case.generated.js';
import type { FlowAction, FlowDefinition } from '../generated/flow.generated.js';
import type { Task } from '../generated/task.generated.js';
import { isFinalStatus } from './case-status.js';

/** The staff actions, in the order an action bar shows them: decisions first, then the in-place ones. */
export const STAFF_ACTIONS: readonly FlowAction[] = [
  'accept',
  'approve',
  'complete',
  'returnForCorrection',
  'notAccept',
  'reject',
  'transfer',
  'extend',
  'suspend',
  'resume',
];

/** The applicant's own actions on their case: they act on the case, not on a task. */
export const APPLICANT_ACTIONS: readonly FlowAction[] = ['resubmit', 'withdraw'];

/** Why an action is refused; `message` is the engine's explanation, recorded in its error. */
export interface ActionRefusal {
  code:
    | 'case-final'
    | 'not-awaiting-correction'
    | 'no-task'
    | 'no-step'
    | 'suspended'
    | 'not-suspended'
    | 'not-allowed-at-step'
    | 'no-extension';
  message: string;
}

/** The parts of a flow, a task and a case the decision reads. */
export type FlowRules = Pick<FlowDefinition, 'steps' | 'extension'>;
export type TaskPlace = Pick<Task, 'stepId' | 'branchId'>;
export type CaseStanding = Pick<Case, 'status' | 'correction'>;

/**
 * The actions the flow lists at a task's step, or at its branch for a parallel step, in the
 * flow's order; whether one may be taken now is `actionRefusal`'s to say.
 */
export function listedActions(flow: FlowRules, task: TaskPlace): FlowAction[] {
  const step = flow.steps.find((s) => s.id === task.stepId);
  const branch = task.branchId ? step?.branches?.find((b) => b.id === task.branchId) : undefined;
  return branch?.actions ?? step?.actions ?? [];
}

/**
 * Whether the flow and the case's state allow an action on a task, and if not, why.
 *
 * A finished case allows nothing. The applicant may withdraw at any time and resubmit while a
 * correction is asked. A staff action needs an open task; while the case is suspended only
 * `resume` is allowed (and `resume` only then), otherwise the action must be listed at the task's
 * step or, for a parallel step, at its branch; `extend` also needs the flow's extension policy.
 * Limits of the command itself (how many days, how often extended: see `extensionsUsedUp`) are
 * the engine's to check when the command comes.
 */
export function actionRefusal(flow: FlowRules, task: TaskPlace | undefined, current: CaseStanding, action: FlowAction): ActionRefusal | undefined {
  if (isFinalStatus(current.status)) return { code: 'case-final', message: `the case is already ${current.status}` };
  if (action === 'withdraw') return undefined;
  if (action === 'resubmit') {
    return current.status === 'correction' && current.correction
      ? undefined
      : { code: 'not-awaiting-correction', message: 'the case is not waiting for a correction' };
  }
  if (!task) return { code: 'no-task', message: 'there is no open task to act on' };
  const step = flow.steps.find((s) => s.id === task.stepId);
  if (!step) return { code: 'no-step', message: `the flow has no step ${task.stepId}` };
  if (current.status === 'suspended') {
    return action === 'resume' ? undefined : { code: 'suspended', message: 'the case is in a special procedure; resume it first' };
  }
  if (action === 'resume') return { code: 'not-suspended', message: 'the case is not suspended' };
  if (!listedActions(flow, task).includes(action)) {
    return { code: 'not-allowed-at-step', message: `step ${step.id} does not allow ${action}` };
  }
  if (action === 'extend' && !flow.extension) return { code: 'no-extension', message: 'this flow allows no extension' };
  return undefined;
}

/**
 * The staff actions a task allows now, in the action bar's order: exactly those `actionRefusal`
 * lets through. No flow or no task allows nothing; the applicant's actions never appear.
 */
export function allowedActions(flow: FlowRules | undefined, task: TaskPlace | undefined, current: CaseStanding): FlowAction[] {
  if (!flow || !task) return [];
  return STAFF_ACTIONS.filter((action) => actionRefusal(flow, task, current, action) === undefined);
}

/**
 * Whether the case's time limit was already extended as often as the flow allows (once, unless
 * the flow's extension policy says otherwise): `extend` is then refused though the step lists it.
 */
export function extensionsUsedUp(flow: FlowRules, clock: Pick<Clock, 'extensions'>): boolean {
  return clock.extensions >= (flow.extension?.maxTimes ?? 1);
}
