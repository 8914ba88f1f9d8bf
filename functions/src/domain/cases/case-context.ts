import { isStaff, type Actor, type FlowDefinition } from '@banshi/schemas';
import { evaluateCondition } from '@banshi/forms';
import type { FlowContext } from '../flows/flow-context.js';
import type { Principal } from '../permissions/principal.js';
import type { CaseServices } from './ports.js';

/** The engine's context for one request: the pinned flow, today's date and the shared rule evaluator. */
export function flowContext(services: CaseServices, flow: FlowDefinition, today: string, now: string): FlowContext {
  return {
    flow,
    calendar: services.calendar,
    today,
    now,
    evaluate: (rule, data) => evaluateCondition(rule, data, { today }),
    newTaskId: () => services.ids.newTaskId(),
  };
}

/** The audit actor for a principal: who, in which capacity, for which department. */
export function actorOf(principal: Principal): Actor {
  const role = isStaff(principal.roles) ? 'staff' : principal.roles[0] ?? 'applicant';
  return {
    userId: principal.userId,
    role,
    ...(principal.departmentId ? { departmentId: principal.departmentId } : {}),
    name: principal.name,
  };
}

