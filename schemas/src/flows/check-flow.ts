import type { FlowDefinition, FlowStep } from '../generated/flow.generated.js';
import type { FieldError, Locale } from '../core/field-error.js';
import { checkFlowMessage, type CheckFlowCode } from './check-flow-messages.js';
import { jsonLogicVars } from './json-logic-vars.js';
import { schemaHasField } from './schema-has-field.js';

/** What a flow is checked against: the roles that exist, the item's department slots, its form. */
export interface CheckFlowContext {
  /** Staff roles that exist (roles.json `staffRoles[].id`). */
  roles: string[];
  /** The item's department slots besides `lead`; when absent, department slots are not checked. */
  departmentSlots?: string[];
  /** The form's JSON Schema; when absent, condition variables are not checked. */
  formSchema?: object;
}

// Actions that keep the case at its step (or are the applicant's), so they need no transition.
const actionsWithoutTransition = new Set([
  'returnForCorrection',
  'suspend',
  'resume',
  'extend',
  'transfer',
  'resubmit',
  'withdraw',
]);

// Variables the runtime adds to the form data.
const runtimeVariables = new Set(['$today']);

/**
 * Checks what JSON Schema cannot say about a flow: unique step ids; the start step and every
 * target exist; every step is reachable from the start and can reach an end step; task steps
 * have a role and actions, and their transitions are taken by allowed actions; decision steps end
 * with an unconditional fallback; parallel steps have uniquely named branches, a `next` and (when
 * a branch may reject) an `onReject`; every role exists; every department slot is the item's; every
 * JSON Logic variable in a condition names a field of the form (or `$today`).
 *
 * Assumes the flow is valid against flow.schema.json (run `validateDefinition('flow', …)` first).
 *
 * @returns one {@link FieldError} per problem, with a JSON pointer into the flow (for example
 *   `/steps/2/transitions/0/when`), a stable code and a message in `locale`; `[]` when the flow is sound.
 * @example
 * checkFlow(flow, { roles: ['window', 'decider'], formSchema: form.schema })
 */
export function checkFlow(flow: FlowDefinition, context: CheckFlowContext, locale: Locale = 'zh-CN'): FieldError[] {
  const errors: FieldError[] = [];
  const report = (pointer: string, code: CheckFlowCode, params: Record<string, string | number> = {}) =>
    errors.push({ pointer, code, message: checkFlowMessage(code, locale, params) });

  const steps = flow.steps ?? [];
  const indexOf = new Map<string, number>();
  steps.forEach((step, i) => {
    if (indexOf.has(step.id)) report(`/steps/${i}/id`, 'duplicate-step-id', { id: step.id });
    else indexOf.set(step.id, i);
  });

  if (!indexOf.has(flow.start)) report('/start', 'unknown-start', { id: flow.start });

  const roles = new Set(context.roles);
  const slots = context.departmentSlots ? new Set(['lead', ...context.departmentSlots]) : undefined;

  const checkRole = (pointer: string, role: string | undefined) => {
    if (role !== undefined && !roles.has(role)) report(pointer, 'unknown-role', { role });
  };
  const checkDepartment = (pointer: string, department: string | undefined) => {
    if (slots && department !== undefined && !slots.has(department)) {
      report(pointer, 'unknown-department', { department });
    }
  };
  const checkCondition = (pointer: string, rule: unknown) => {
    if (!context.formSchema || rule === undefined) return;
    for (const field of jsonLogicVars(rule)) {
      if (runtimeVariables.has(field)) continue;
      if (!schemaHasField(context.formSchema, field)) report(pointer, 'unknown-field', { field });
    }
  };

  // Outgoing edges of each step by index; unknown targets are reported and left out.
  const edges: number[][] = steps.map(() => []);
  const linkTo = (from: number, pointer: string, target: string | undefined) => {
    if (target === undefined) return;
    const to = indexOf.get(target);
    if (to === undefined) report(pointer, 'unknown-target', { id: target });
    else edges[from].push(to);
  };

  steps.forEach((step, i) => {
    const at = `/steps/${i}`;
    const transitions = step.transitions ?? [];
    transitions.forEach((t, j) => {
      linkTo(i, `${at}/transitions/${j}/to`, t.to);
      checkCondition(`${at}/transitions/${j}/when`, t.when);
    });
    switch (step.kind) {
      case 'task':
        checkTask(step, at);
        break;
      case 'decision':
        checkDecision(step, at);
        break;
      case 'parallel':
        checkParallel(step, at, i);
        break;
      case 'end':
        if (!step.outcome) report(at, 'missing-outcome', { id: step.id });
        if (transitions.length > 0 || step.next || step.onReject || (step.branches?.length ?? 0) > 0) {
          report(at, 'unexpected-transitions', { id: step.id });
        }
        break;
    }
  });

  function checkTask(step: FlowStep, at: string) {
    if (!step.role) report(at, 'missing-role', { id: step.id });
    else checkRole(`${at}/role`, step.role);
    checkDepartment(`${at}/department`, step.department ?? 'lead');
    const actions = step.actions ?? [];
    if (actions.length === 0) report(at, 'missing-actions', { id: step.id });
    const transitions = step.transitions ?? [];
    transitions.forEach((t, j) => {
      if (t.on === undefined) report(`${at}/transitions/${j}`, 'transition-without-action');
      else if (!actions.includes(t.on)) report(`${at}/transitions/${j}/on`, 'action-not-allowed', { action: t.on });
    });
    actions.forEach((action, k) => {
      if (actionsWithoutTransition.has(action)) return;
      if (!transitions.some((t) => t.on === action)) {
        report(`${at}/actions/${k}`, 'action-without-transition', { action });
      }
    });
  }

  function checkDecision(step: FlowStep, at: string) {
    const transitions = step.transitions ?? [];
    if (transitions.length === 0) return; // reported as a dead end below
    transitions.forEach((t, j) => {
      if (t.on !== undefined) report(`${at}/transitions/${j}/on`, 'unexpected-action');
    });
    const firstFallback = transitions.findIndex((t) => t.when === undefined);
    if (firstFallback === -1) report(`${at}/transitions`, 'missing-fallback', { id: step.id });
    else for (let j = firstFallback + 1; j < transitions.length; j++) report(`${at}/transitions/${j}`, 'shadowed-transition');
  }

  function checkParallel(step: FlowStep, at: string, i: number) {
    const branches = step.branches ?? [];
    if (branches.length === 0) report(at, 'missing-branches', { id: step.id });
    const branchIds = new Set<string>();
    let mayReject = false;
    branches.forEach((branch, k) => {
      const bat = `${at}/branches/${k}`;
      if (branchIds.has(branch.id)) report(`${bat}/id`, 'duplicate-branch-id', { id: branch.id });
      branchIds.add(branch.id);
      checkRole(`${bat}/role`, branch.role);
      checkDepartment(`${bat}/department`, branch.department);
      if (!branch.actions?.length) report(bat, 'missing-actions', { id: branch.id });
      if (branch.actions?.includes('reject')) mayReject = true;
      checkCondition(`${bat}/when`, branch.when);
    });
    if (step.quorum !== undefined && branches.length > 0 && step.quorum > branches.length) {
      report(`${at}/quorum`, 'quorum-too-large', { quorum: step.quorum, branches: branches.length });
    }
    if (step.next === undefined) report(at, 'missing-next', { id: step.id });
    else linkTo(i, `${at}/next`, step.next);
    if (step.onReject !== undefined) linkTo(i, `${at}/onReject`, step.onReject);
    else if (mayReject) report(at, 'missing-on-reject', { id: step.id });
  }

  // Reachability from the start, and which steps can reach an end step.
  const reachable = new Set<number>();
  const startIndex = indexOf.get(flow.start);
  if (startIndex !== undefined) {
    const queue = [startIndex];
    reachable.add(startIndex);
    while (queue.length > 0) {
      for (const to of edges[queue.shift()!]) {
        if (!reachable.has(to)) {
          reachable.add(to);
          queue.push(to);
        }
      }
    }
  }
  const incoming: number[][] = steps.map(() => []);
  edges.forEach((tos, from) => tos.forEach((to) => incoming[to].push(from)));
  const reachesEnd = new Set<number>();
  const queue = steps.flatMap((s, i) => (s.kind === 'end' ? [i] : []));
  queue.forEach((i) => reachesEnd.add(i));
  while (queue.length > 0) {
    for (const from of incoming[queue.shift()!]) {
      if (!reachesEnd.has(from)) {
        reachesEnd.add(from);
        queue.push(from);
      }
    }
  }

  steps.forEach((step, i) => {
    if (indexOf.get(step.id) !== i) return; // a duplicate, already reported
    if (startIndex !== undefined && !reachable.has(i)) {
      report(`/steps/${i}`, 'unreachable', { id: step.id });
      return;
    }
    if (step.kind === 'end' || reachesEnd.has(i)) return;
    const code = edges[i].length === 0 ? 'dead-end' : 'no-path-to-end';
    report(`/steps/${i}`, code, { id: step.id });
  });

  return errors;
}
