import type { Case, TimeLimit, FlowAction, Task } from '@banshi/schemas';
import { listedActions } from '@banshi/schemas/core';
import { BanshiError } from '../errors.js';
import type { FlowContext } from './flow-context.js';
import { startCase, transition, type CaseState } from './transition.js';

export interface DryRunStep {
  /** The action taken (`submit` first). */
  action: FlowAction | 'submit';
  /** Where the case stood afterwards. */
  stepId: string;
  status: Case['status'];
  dueDate?: string;
  openTasks: Pick<Task, 'stepId' | 'branchId' | 'departmentId' | 'role' | 'dueDate'>[];
  /** At a parallel step: each branch and its state (a correction pauses the other branches). */
  branches?: { id: string; state: NonNullable<Case['branches']>[number]['state'] }[];
  effects: string[];
  /** Why the engine refused the action, when it did; the run stops there. */
  refused?: string;
}

export interface DryRunInput {
  data: Record<string, unknown>;
  /** Staff and applicant actions to try in order; by default the first allowed forward action at each step. */
  actions?: { action: FlowAction; branchId?: string; extensionDays?: number }[];
  promised: TimeLimit;
  statutory: TimeLimit;
  region: string;
  departments: Record<string, string>;
}

const FORWARD: FlowAction[] = ['accept', 'approve', 'complete'];

/**
 * Runs a draft flow on sample data through the real engine, in memory, and reports the path:
 * each step reached, the tasks it opened (department, role, due date) and the effects it would run.
 * Nothing is stored. Without explicit actions the run takes the first forward action (accept,
 * approve, complete) at every open task until the case ends, for at most 50 actions.
 */
export function dryRun(ctx: FlowContext, input: DryRunInput): DryRunStep[] {
  const actor = { userId: 'dry-run', role: 'staff' };
  const change = startCase(
    ctx,
    {
      id: 'dry-run',
      receiptNo: 'DRY-RUN',
      itemId: 'draft',
      itemVersion: 1,
      itemName: { 'zh-CN': '试运行' },
      claimId: 'draft',
      departmentId: input.departments.lead ?? 'lead',
      departments: slotsOf(ctx, input.departments),
      applicant: { userId: 'dry-run-applicant', name: '试运行', kind: 'person' },
      data: input.data,
      clock: { receivedOn: ctx.today, region: input.region, promised: input.promised, statutory: input.statutory, extensionDays: 0, extensions: 0, pauses: [] },
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    actor,
  );
  let state: CaseState = change.next;
  const path: DryRunStep[] = [describe('submit', state, change.effects.map((e) => e.kind))];

  const planned = input.actions ? [...input.actions] : undefined;
  // A case returned for correction has no open task until the applicant resubmits (a planned action).
  const waitsForApplicant = () => state.case.status === 'correction' && (planned?.length ?? 0) > 0;
  for (let i = 0; i < 50 && (state.openTasks.length > 0 || waitsForApplicant()); i++) {
    const next = planned ? planned.shift() : undefined;
    if (planned && !next) break;
    const task = next?.branchId ? state.openTasks.find((t) => t.branchId === next.branchId) : state.openTasks[0];
    const action = next?.action ?? pickForward(ctx, task);
    try {
      const c = transition(ctx, state, { action, actor, taskId: task?.id, extensionDays: next?.extensionDays, correction: [{ message: 'dry run' }], procedure: '9', reason: 'dry run' });
      state = c.next;
      path.push(describe(action, state, c.effects.map((e) => e.kind)));
    } catch (error) {
      if (!(error instanceof BanshiError)) throw error;
      path.push({ ...describe(action, state, []), refused: error.message });
      break;
    }
  }
  return path;
}

/** Every department slot the flow names, mapped to the given department or to the slot's own name. */
function slotsOf(ctx: FlowContext, given: Record<string, string>): Record<string, string> {
  const slots = new Set(['lead']);
  for (const step of ctx.flow.steps) {
    if (step.kind === 'task') slots.add(step.department ?? 'lead');
    for (const b of step.branches ?? []) slots.add(b.department);
  }
  return Object.fromEntries([...slots].map((slot) => [slot, given[slot] ?? slot]));
}

/** The first forward action the task's step lists, else its first action; the engine then says whether it may be taken. */
function pickForward(ctx: FlowContext, task: Task | undefined): FlowAction {
  const listed = task ? listedActions(ctx.flow, task) : [];
  return FORWARD.find((a) => listed.includes(a)) ?? listed[0] ?? 'approve';
}

function describe(action: DryRunStep['action'], state: CaseState, effects: string[]): DryRunStep {
  return {
    action,
    stepId: state.case.stepId,
    status: state.case.status,
    ...(state.case.clock.dueDate ? { dueDate: state.case.clock.dueDate } : {}),
    openTasks: state.openTasks.map(({ stepId, branchId, departmentId, role, dueDate }) => ({ stepId, ...(branchId ? { branchId } : {}), departmentId, role, dueDate })),
    ...(state.case.branches ? { branches: state.case.branches.map(({ id, state: s }) => ({ id, state: s })) } : {}),
    effects,
  };
}
