import type { AuditEvent, BranchState, Case, CaseStatus, FlowAction, FlowBranch, FlowStep, Task } from '@banshi/schemas';
import type { CaseChange, FlowEffectToRun } from '../cases/case-change.js';
import { addWorkingDays, countWorkingDays, dueDates, extendClock, pauseClock, restartClock, resumeClock } from '../deadlines/index.js';
import { ActionNotAllowedError, BadRequestError, NotFoundError } from '../errors.js';
import type { FlowCommand, FlowContext } from './flow-context.js';
import { actionRefusal, extensionsUsedUp } from '@banshi/schemas/core';

/** Actions that need no transition: they pause, extend or reopen the case where it stands. */
const IN_PLACE_ACTIONS: ReadonlySet<FlowAction> = new Set(['returnForCorrection', 'suspend', 'resume', 'extend']);

/** Guards decision chains against cycles that never reach a task or an end. */
const MAX_HOPS = 100;

/** The application as submitted, before the engine places it on the flow. */
export type NewCase = Omit<Case, 'status' | 'stepId' | 'version' | 'branches' | 'correction' | 'suspension' | 'outcome'>;

/** The state the engine works on: the case and its open tasks. */
export interface CaseState {
  case: Case;
  openTasks: Task[];
}

/** What the engine hands back: the change to commit, and the state it leads to. */
export interface FlowChange extends CaseChange {
  /** The case and its open tasks after the change, as the store holds them once it is committed. */
  next: CaseState;
}

/**
 * Places a newly submitted case on its flow: opens the start step (following decisions and
 * parallel forks as far as they go) and derives the due dates from the clock.
 *
 * @returns the change to commit, with `expectedVersion: null`, and the new case with its open tasks
 * @throws ActionNotAllowedError when the flow cannot be entered (a broken flow that slipped past its checks)
 */
export function startCase(ctx: FlowContext, draft: NewCase, actor: FlowCommand['actor']): FlowChange {
  const work = new Work(ctx, { ...draft, status: 'submitted', stepId: ctx.flow.start, version: 0 }, []);
  work.enter(ctx.flow.start);
  return work.finish(null, {
    action: 'submit',
    actor,
    fromStatus: undefined,
    stepId: undefined,
  });
}

/**
 * Applies one action to a case: the pure heart of Banshi.
 *
 * Staff actions name the open task they act on; whether the case's state and the step (or parallel
 * branch) of that task allow the action is `actionRefusal`'s to say, as it is for the web app.
 * Accept, approve, reject, complete and the like follow the step's transitions (the first whose
 * condition holds); return-for-correction, suspend, resume and extend act in place and move the
 * clock. The applicant's resubmit and withdraw need no task.
 *
 * @returns the new case, the tasks opened or closed, one audit event, the effects to carry out and
 *   the state after the change
 * @throws ActionNotAllowedError when the flow or the case's state does not allow the action
 * @throws NotFoundError when the task is not an open task of this case
 * @throws BadRequestError when the action lacks what it needs (correction items, extension days)
 */
export function transition(ctx: FlowContext, state: CaseState, command: FlowCommand): FlowChange {
  const before = state.case;
  const { action } = command;
  const task = state.openTasks.find((t) => t.id === command.taskId);
  const refusal = actionRefusal(ctx.flow, task, before, action);
  if (refusal?.code === 'no-task') throw new NotFoundError('task');
  if (refusal) throw new ActionNotAllowedError(refusal.code === 'no-step' ? 'submit' : action, refusal.message);
  const work = new Work(ctx, structuredClone(before), state.openTasks.map((t) => ({ ...t })));
  const base = { action, actor: command.actor, fromStatus: before.status, comment: command.comment };

  if (action === 'withdraw') {
    work.closeAll('cancelled', command);
    work.closeOpenPause();
    for (const b of work.case.branches ?? []) if (b.state === 'open' || b.state === 'paused') b.state = 'cancelled';
    work.case.status = 'withdrawn';
    work.case.outcome = { result: 'withdrawn', at: ctx.now, ...(command.reason ? { reason: command.reason } : {}) };
    delete work.case.correction;
    delete work.case.suspension;
    return work.finish(before.version, { ...base, stepId: before.stepId });
  }

  if (action === 'resubmit') {
    const { stepId } = before.correction!;
    if (command.data) work.case.data = command.data;
    if ((ctx.flow.correction?.clock ?? 'pause') === 'restart') {
      work.closeOpenPause();
      work.case.clock = restartClock(work.case.clock, ctx.today);
    } else {
      work.closeOpenPause();
    }
    delete work.case.correction;
    work.reopen(stepId);
    return work.finish(before.version, { ...base, stepId, detail: { dataChanged: Boolean(command.data) } });
  }

  // Every other action is a staff action on an open task, which actionRefusal made sure of.
  if (!task) throw new NotFoundError('task');
  const step = work.step(task.stepId);
  const branch = task.branchId ? step.branches?.find((b) => b.id === task.branchId) : undefined;
  // Who acted where: the step, the branch (and its name) and the department of the task.
  const detailBase = {
    stepId: task.stepId,
    departmentId: task.departmentId,
    ...(task.branchId ? { branchId: task.branchId } : {}),
    ...(branch ? { branchName: branch.name } : {}),
  };

  switch (action) {
    case 'returnForCorrection': {
      if (!command.correction?.length) {
        throw new BadRequestError('a correction request lists what to fix', [
          { pointer: '/correction', code: 'required', message: 'correction items are required' },
        ]);
      }
      // The other branches of a parallel step wait for the corrected application: their tasks
      // leave the inboxes (recorded as cancelled in the event) and the branches are paused until
      // the resubmission reopens them.
      work.closeAll('cancelled', command, task.id);
      for (const b of work.case.branches ?? []) if (b.state === 'open' && b.id !== task.branchId) b.state = 'paused';
      work.case.correction = {
        items: command.correction,
        requestedAt: ctx.now,
        requestedBy: command.actor.userId,
        stepId: task.stepId,
        ...(task.branchId ? { branchId: task.branchId } : {}),
        departmentId: task.departmentId,
      };
      work.case.clock = pauseClock(work.case.clock, 'correction', ctx.today);
      work.case.status = 'correction';
      return work.finish(before.version, { ...base, ...detailBase, detail: { correction: command.correction } });
    }
    case 'suspend': {
      if (!command.procedure || !command.reason) {
        throw new BadRequestError('a special procedure needs its kind and reason', [
          ...(command.procedure ? [] : [{ pointer: '/procedure', code: 'required', message: 'procedure is required' }]),
          ...(command.reason ? [] : [{ pointer: '/reason', code: 'required', message: 'reason is required' }]),
        ]);
      }
      work.case.suspension = { procedure: command.procedure, reason: command.reason, since: ctx.now, by: command.actor.userId };
      work.case.clock = pauseClock(work.case.clock, 'suspension', ctx.today);
      work.case.status = 'suspended';
      for (const t of work.openTasks()) {
        t.suspended = true;
        work.touch(t);
      }
      return work.finish(before.version, { ...base, ...detailBase, detail: { procedure: command.procedure, reason: command.reason } });
    }
    case 'resume': {
      const paused = work.closeOpenPause();
      delete work.case.suspension;
      for (const t of work.openTasks()) {
        delete t.suspended;
        work.touch(t);
        if (paused > 0) work.moveDue(t, addWorkingDays(ctx.calendar, t.dueDate, paused, work.case.clock.region));
      }
      work.case.status = work.statusAt(step);
      return work.finish(before.version, { ...base, ...detailBase });
    }
    case 'extend': {
      // actionRefusal has made sure the flow has an extension policy.
      const limit = ctx.flow.extension!;
      const days = command.extensionDays;
      if (!Number.isInteger(days) || days! < 1 || days! > limit.maxDays) {
        throw new BadRequestError(`an extension is 1 to ${limit.maxDays} working days`, [
          { pointer: '/extensionDays', code: 'range', message: `1–${limit.maxDays}` },
        ]);
      }
      if (extensionsUsedUp(ctx.flow, work.case.clock)) {
        throw new ActionNotAllowedError(action, 'the time limit was already extended as often as allowed');
      }
      const oldDue = work.case.clock.dueDate;
      work.case.clock = extendClock(work.case.clock, days!);
      const newDue = dueDates(ctx.calendar, work.case.clock).dueDate;
      for (const t of work.openTasks()) if (newDue && t.dueDate === oldDue) work.moveDue(t, newDue);
      return work.finish(before.version, { ...base, ...detailBase, detail: { extensionDays: days } });
    }
    default:
      break;
  }

  if (IN_PLACE_ACTIONS.has(action)) throw new ActionNotAllowedError(action, 'unsupported');
  work.close(task, 'done', command);

  if (branch) {
    const states = work.case.branches ?? [];
    const mine = states.find((b) => b.id === branch.id);
    if (!mine) throw new ActionNotAllowedError(action, `branch ${branch.id} is not open`);
    if (action === 'reject') {
      mine.state = 'rejected';
      if (command.reason ?? command.comment) mine.reason = command.reason ?? command.comment;
      work.closeAll('cancelled', command);
      for (const b of states) if (b.state === 'open') b.state = 'cancelled';
      if (!step.onReject) throw new ActionNotAllowedError(action, `step ${step.id} has no onReject`);
      work.enter(step.onReject);
    } else if (action === 'approve') {
      mine.state = 'approved';
      const approved = states.filter((b) => b.state === 'approved').length;
      const opened = states.filter((b) => b.state !== 'skipped').length;
      if (approved >= (step.quorum ?? opened)) {
        work.closeAll('cancelled', command);
        for (const b of states) if (b.state === 'open') b.state = 'cancelled';
        work.enter(step.next!);
      }
    } else {
      throw new ActionNotAllowedError(action, `a parallel branch answers with approve or reject`);
    }
    return work.finish(before.version, { ...base, ...detailBase });
  }

  const target = work.pickTransition(step, action);
  if (command.reason && (action === 'reject' || action === 'notAccept')) work.pendingReason = command.reason;
  work.enter(target);
  return work.finish(before.version, { ...base, ...detailBase });
}

/** The mutable scratch state of one engine call; nothing escapes except the finished change. */
class Work {
  private readonly changed = new Map<string, Task>();
  /** Tasks this change cancelled (not the one acted on): recorded in the audit event. */
  private readonly cancelled: Task[] = [];
  /** Tasks opened by this change, with their step's own limit in working days. */
  private readonly opened = new Map<string, number | undefined>();
  private readonly effects: FlowEffectToRun[] = [];
  private readonly steps: Map<string, FlowStep>;
  pendingReason?: string;
  readonly case: Case;
  /** How many of `tasks` were open before this change; the rest it opened. */
  private readonly given: number;

  constructor(
    private readonly ctx: FlowContext,
    current: Case,
    private readonly tasks: Task[],
  ) {
    this.case = current;
    this.given = tasks.length;
    this.steps = new Map(ctx.flow.steps.map((s) => [s.id, s]));
  }

  step(id: string): FlowStep {
    const step = this.steps.get(id);
    if (!step) throw new ActionNotAllowedError('submit', `the flow has no step ${id}`);
    return step;
  }

  openTasks(): Task[] {
    return this.tasks.filter((t) => t.status === 'open');
  }

  statusAt(step: FlowStep): CaseStatus {
    return step.status ?? (step.id === this.ctx.flow.start ? 'submitted' : 'inReview');
  }

  pickTransition(step: FlowStep, action: FlowAction): string {
    const found = (step.transitions ?? []).find(
      (t) => t.on === action && (t.when === undefined || this.ctx.evaluate(t.when, this.case.data)),
    );
    if (!found) throw new ActionNotAllowedError(action, `no transition of step ${step.id} takes ${action} here`);
    return found.to;
  }

  /** Moves the case into a step, following decisions until it rests on tasks or an end. */
  enter(stepId: string, hops = 0): void {
    if (hops > MAX_HOPS) throw new ActionNotAllowedError('submit', 'the flow loops through decisions without end');
    const step = this.step(stepId);
    this.case.stepId = step.id;
    delete this.case.branches;
    for (const effect of step.effects ?? []) this.effects.push({ ...effect, stepId: step.id });

    switch (step.kind) {
      case 'task':
        this.case.status = this.statusAt(step);
        this.open(step);
        return;
      case 'decision': {
        const found = (step.transitions ?? []).find(
          (t) => t.when === undefined || this.ctx.evaluate(t.when, this.case.data),
        );
        if (!found) throw new ActionNotAllowedError('submit', `no condition of decision ${step.id} holds`);
        this.enter(found.to, hops + 1);
        return;
      }
      case 'parallel': {
        const states: BranchState[] = (step.branches ?? []).map((b) => ({
          id: b.id,
          name: b.name,
          departmentId: this.department(b.department),
          role: b.role,
          state: b.when === undefined || this.ctx.evaluate(b.when, this.case.data) ? 'open' : 'skipped',
        }));
        if (!states.some((b) => b.state === 'open')) {
          this.enter(step.next!, hops + 1);
          return;
        }
        this.case.branches = states;
        this.case.status = this.statusAt(step);
        for (const b of step.branches ?? []) {
          if (states.find((s) => s.id === b.id)?.state === 'open') this.open(step, b);
        }
        return;
      }
      case 'end': {
        const result = step.outcome ?? 'completed';
        this.case.status = result;
        this.case.outcome = { result, at: this.ctx.now, ...(this.pendingReason ? { reason: this.pendingReason } : {}) };
        return;
      }
    }
  }

  /** Reopens the step (or the open branches of a parallel step) a correction was asked at. */
  reopen(stepId: string): void {
    const step = this.step(stepId);
    this.case.status = this.statusAt(step);
    if (step.kind === 'parallel') {
      for (const b of step.branches ?? []) {
        const state = this.case.branches?.find((s) => s.id === b.id);
        if (state?.state === 'paused') state.state = 'open';
        if (state?.state === 'open') this.open(step, b);
      }
    } else {
      this.open(step);
    }
  }

  private department(slot: string | undefined): string {
    const id = this.case.departments[slot ?? 'lead'];
    if (!id) throw new ActionNotAllowedError('submit', `the claim names no department for slot ${slot}`);
    return id;
  }

  private open(step: FlowStep, branch?: FlowBranch): void {
    const days = branch?.deadlineDays ?? step.deadlineDays;
    const task: Task = {
      id: this.ctx.newTaskId(),
      caseId: this.case.id,
      receiptNo: this.case.receiptNo,
      itemId: this.case.itemId,
      itemName: this.case.itemName,
      ...(this.case.itemType ? { itemType: this.case.itemType } : {}),
      applicantName: this.case.applicant.name,
      receivedAt: this.case.createdAt,
      stepId: step.id,
      stepName: branch?.name ?? step.name,
      ...(branch ? { branchId: branch.id } : {}),
      departmentId: this.department(branch?.department ?? step.department),
      role: (branch?.role ?? step.role)!,
      status: 'open',
      createdAt: this.ctx.now,
      dueDate: '',
    };
    this.opened.set(task.id, days);
    this.tasks.push(task);
    this.changed.set(task.id, task);
  }

  close(task: Task, status: 'done' | 'cancelled', command: FlowCommand): void {
    const live = this.tasks.find((t) => t.id === task.id)!;
    live.status = status;
    live.closedAt = this.ctx.now;
    live.closedBy = command.actor.userId;
    live.action = command.action;
    delete live.suspended;
    if (status === 'cancelled') this.cancelled.push(live);
    this.changed.set(live.id, live);
  }

  closeAll(status: 'done' | 'cancelled', command: FlowCommand, doneId?: string): void {
    for (const t of this.openTasks()) this.close(t, t.id === doneId ? 'done' : status, command);
  }

  /** Closes the clock's open pause, if any; returns the working days it lasted. */
  closeOpenPause(): number {
    const open = this.case.clock.pauses.find((p) => p.to === undefined);
    if (!open) return 0;
    this.case.clock = resumeClock(this.case.clock, this.ctx.today);
    return countWorkingDays(this.ctx.calendar, open.from, this.ctx.today, this.case.clock.region);
  }

  moveDue(task: Task, dueDate: string): void {
    task.dueDate = dueDate;
    this.touch(task);
  }

  /** Marks a task as changed by this change, so the store writes it. */
  touch(task: Task): void {
    this.changed.set(task.id, task);
  }

  /** Derives due dates, stamps the version and writes the one audit event of this change. */
  finish(
    expectedVersion: number | null,
    e: Pick<AuditEvent, 'action' | 'actor' | 'fromStatus' | 'stepId' | 'comment' | 'detail' | 'branchId' | 'branchName' | 'departmentId'>,
  ): FlowChange {
    const { ctx } = this;
    const c = this.case;
    const due = dueDates(ctx.calendar, c.clock);
    const previousDue = c.clock.dueDate;
    c.clock = { ...c.clock };
    delete c.clock.dueDate;
    delete c.clock.statutoryDueDate;
    if (due.dueDate) c.clock.dueDate = due.dueDate;
    if (due.statutoryDueDate) c.clock.statutoryDueDate = due.statutoryDueDate;
    c.version = (expectedVersion ?? 0) + 1;
    c.updatedAt = ctx.now;

    // A new task is due when the case is, or sooner when its step has its own limit; a task
    // already open never outlives the case.
    for (const t of this.openTasks()) {
      const caseDue = c.clock.dueDate;
      let next = t.dueDate;
      if (this.opened.has(t.id)) {
        const days = this.opened.get(t.id);
        const stepDue = days ? addWorkingDays(ctx.calendar, ctx.today, days, c.clock.region) : undefined;
        next = [stepDue, caseDue].filter((d): d is string => Boolean(d)).sort()[0] ?? ctx.today;
      } else if (caseDue && next > caseDue) {
        next = caseDue;
      }
      if (t.dueDate !== next) {
        t.dueDate = next;
        this.changed.set(t.id, t);
      }
    }

    const event: AuditEvent = {
      caseId: c.id,
      seq: c.version,
      at: ctx.now,
      actor: e.actor,
      action: e.action,
      ...(e.fromStatus ? { fromStatus: e.fromStatus } : {}),
      toStatus: c.status,
      ...(e.stepId ? { stepId: e.stepId } : {}),
      toStepId: c.stepId,
      ...(e.branchId ? { branchId: e.branchId } : {}),
      ...(e.branchName ? { branchName: e.branchName } : {}),
      ...(e.departmentId ? { departmentId: e.departmentId } : {}),
      ...(e.comment ? { comment: e.comment } : {}),
      detail: {
        ...(e.detail ?? {}),
        ...(this.cancelled.length > 0
          ? {
              cancelledTasks: this.cancelled.map((t) => ({
                taskId: t.id,
                stepId: t.stepId,
                ...(t.branchId ? { branchId: t.branchId } : {}),
                departmentId: t.departmentId,
                role: t.role,
              })),
            }
          : {}),
        ...(previousDue !== c.clock.dueDate ? { dueDate: { from: previousDue ?? null, to: c.clock.dueDate ?? null } } : {}),
      },
    };
    const tasks = [...this.changed.values()];
    // The open tasks this change left alone, in their order, then those it opened or changed.
    const openTasks = [...this.tasks.slice(0, this.given).filter((t) => !this.changed.has(t.id)), ...tasks.filter((t) => t.status === 'open')];
    return { expectedVersion, case: c, tasks, event, effects: this.effects, next: { case: c, openTasks } };
  }
}
