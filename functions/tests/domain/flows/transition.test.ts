import { describe, expect, it } from 'vitest';
import { ActionNotAllowedError, BadRequestError, NotFoundError } from '../../../src/domain/errors.js';
import { startCase, transition } from '../../../src/domain/flows/transition.js';
import { applicant, contextOn, newCase, staff, start, taskAt } from './engine-harness.js';

describe('startCase', () => {
  it('opens the start task for the lead department, due within the step limit', () => {
    const state = start({ area: 10 }, '2026-03-02');

    expect(state.case.status).toBe('submitted');
    expect(state.case.version).toBe(1);
    expect(state.openTasks).toHaveLength(1);
    expect(state.openTasks[0]).toMatchObject({ stepId: 'receive', departmentId: 'd-lead', role: 'window', dueDate: '2026-03-04' });
    expect(state.case.clock.dueDate).toBe('2026-03-30');
  });
});

describe('transition', () => {
  it('accepts, follows the decision to review, approves and completes with a licence effect', () => {
    let state = start({ area: 10 });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    expect(state.case).toMatchObject({ status: 'inReview', stepId: 'review' });

    state = transition(contextOn('2026-03-04'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'review') }).next;
    expect(state.case).toMatchObject({ status: 'approved', stepId: 'complete' });

    const last = transition(contextOn('2026-03-05'), state, { action: 'complete', actor: staff, taskId: taskAt(state, 'complete') });
    state = last.next;
    expect(state.case.status).toBe('completed');
    expect(state.case.outcome?.result).toBe('completed');
    expect(state.openTasks).toEqual([]);
    expect(last.effects).toEqual([{ kind: 'issueLicence', licenceType: 'sample', stepId: 'done' }]);
    expect(last.event).toMatchObject({ seq: 4, action: 'complete', fromStatus: 'approved', toStatus: 'completed' });
  });

  it('refuses an action the step does not allow', () => {
    const state = start({ area: 10 });

    expect(() => transition(contextOn('2026-03-03'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'receive') }))
      .toThrow(ActionNotAllowedError);
  });

  it('refuses a task that is not open on the case', () => {
    const state = start({ area: 10 });

    expect(() => transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: 'nope' })).toThrow(NotFoundError);
  });

  it('returns the case for correction, pauses the clock, and moves the deadline by the paused working days across 国庆', () => {
    let state = start({ area: 10 }, '2026-09-14');
    state = transition(contextOn('2026-09-15'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    expect(state.case.clock.dueDate).toBe('2026-10-16');

    state = transition(contextOn('2026-09-24'), state, {
      action: 'returnForCorrection', actor: staff, taskId: taskAt(state, 'review'),
      correction: [{ pointer: '/area', message: '请补充用地面积证明' }],
    }).next;
    expect(state.case.status).toBe('correction');
    expect(state.case.clock.dueDate).toBeUndefined();
    expect(state.openTasks).toEqual([]);

    // Paused working days after 09-24 up to 10-12: 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12.
    state = transition(contextOn('2026-10-12'), state, { action: 'resubmit', actor: applicant, data: { area: 12 } }).next;
    expect(state.case).toMatchObject({ status: 'inReview', stepId: 'review', data: { area: 12 } });
    expect(state.case.clock.pauses).toEqual([{ kind: 'correction', from: '2026-09-24', to: '2026-10-12' }]);
    expect(state.case.clock.dueDate).toBe('2026-10-27');
    expect(state.openTasks.map((t) => t.stepId)).toEqual(['review']);
  });

  it('requires the list of what to fix when returning for correction', () => {
    let state = start({ area: 10 });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;

    expect(() => transition(contextOn('2026-03-03'), state, { action: 'returnForCorrection', actor: staff, taskId: taskAt(state, 'review') }))
      .toThrow(BadRequestError);
  });

  it('forks only to the branches the data requires and joins when all have approved', () => {
    let state = start({ area: 5000, hasBasement: false });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    expect(state.case.stepId).toBe('joint');
    expect(state.openTasks.map((t) => t.departmentId).sort()).toEqual(['d-housing', 'd-planning']);
    expect(state.case.branches?.find((b) => b.id === 'airDefence')?.state).toBe('skipped');

    state = transition(contextOn('2026-03-04'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'joint', 'planning') }).next;
    expect(state.case.stepId).toBe('joint');

    state = transition(contextOn('2026-03-05'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'joint', 'fire') }).next;
    expect(state.case).toMatchObject({ stepId: 'complete', status: 'approved' });
  });

  it('opens the civil air defence branch when the project has a basement', () => {
    let state = start({ area: 5000, hasBasement: true });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;

    expect(state.openTasks.map((t) => t.branchId).sort()).toEqual(['airDefence', 'fire', 'planning']);
  });

  it('denies the case when one branch rejects and cancels the other branches', () => {
    let state = start({ area: 5000, hasBasement: true });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    const change = transition(contextOn('2026-03-04'), state, { action: 'reject', actor: staff, taskId: taskAt(state, 'joint', 'fire'), reason: '消防设计不符合规范' });
    state = change.next;

    expect(state.case.status).toBe('denied');
    expect(state.openTasks).toEqual([]);
    expect(change.tasks.filter((t) => t.status === 'cancelled')).toHaveLength(2);
  });

  it('reopens the still-open branches after a correction asked by one department', () => {
    let state = start({ area: 5000, hasBasement: true });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    state = transition(contextOn('2026-03-04'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'joint', 'planning') }).next;
    state = transition(contextOn('2026-03-05'), state, {
      action: 'returnForCorrection', actor: staff, taskId: taskAt(state, 'joint', 'fire'), correction: [{ message: '补充消防设计文件' }],
    }).next;
    expect(state.openTasks).toEqual([]);

    state = transition(contextOn('2026-03-09'), state, { action: 'resubmit', actor: applicant }).next;
    expect(state.openTasks.map((t) => t.branchId).sort()).toEqual(['airDefence', 'fire']);
  });

  it('records the branches a correction pauses: their tasks cancelled in the event, the branches paused, then reopened', () => {
    let state = start({ area: 5000, hasBasement: true });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    const fireTask = taskAt(state, 'joint', 'fire');
    const returned = transition(contextOn('2026-03-05'), state, {
      action: 'returnForCorrection', actor: staff, taskId: fireTask, correction: [{ pointer: '/area', message: '补充消防设计文件' }],
    });
    state = returned.next;

    expect(returned.event).toMatchObject({ branchId: 'fire', departmentId: 'd-housing', branchName: { 'zh-CN': expect.any(String) } });
    const cancelled = (returned.event.detail as { cancelledTasks?: { branchId?: string; departmentId: string }[] }).cancelledTasks ?? [];
    expect(cancelled.map((t) => t.branchId).sort()).toEqual(['airDefence', 'planning']);
    expect(returned.tasks.filter((t) => t.status === 'cancelled').map((t) => t.action)).toEqual(['returnForCorrection', 'returnForCorrection']);
    expect(state.case.correction).toMatchObject({ branchId: 'fire', departmentId: 'd-housing' });
    expect(Object.fromEntries(state.case.branches!.map((b) => [b.id, b.state]))).toEqual({ planning: 'paused', fire: 'open', airDefence: 'paused' });

    const resubmitted = transition(contextOn('2026-03-09'), state, { action: 'resubmit', actor: applicant });
    state = resubmitted.next;
    expect(state.case.branches!.every((b) => b.state === 'open')).toBe(true);
    expect(state.openTasks.map((t) => t.branchId).sort()).toEqual(['airDefence', 'fire', 'planning']);
    expect(resubmitted.event.detail).not.toHaveProperty('cancelledTasks');
  });

  it('cancels the paused branches when the applicant withdraws during a correction', () => {
    let state = start({ area: 5000, hasBasement: false });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    state = transition(contextOn('2026-03-04'), state, {
      action: 'returnForCorrection', actor: staff, taskId: taskAt(state, 'joint', 'planning'), correction: [{ message: '补充规划图' }],
    }).next;
    state = transition(contextOn('2026-03-05'), state, { action: 'withdraw', actor: applicant }).next;

    expect(Object.fromEntries(state.case.branches!.map((b) => [b.id, b.state]))).toEqual({ planning: 'cancelled', fire: 'cancelled', airDefence: 'skipped' });
  });

  it('copies the receipt time, the applicant and the item type onto every task it opens', () => {
    const change = startCase(contextOn('2026-03-02'), { ...newCase({ area: 10 }, '2026-03-02'), itemType: '20' }, applicant);

    expect(change.tasks[0]).toMatchObject({ receivedAt: '2026-03-02T02:00:00.000Z', applicantName: '张三', itemType: '20' });
  });

  it('names the department and the branch of the task in the audit event', () => {
    let state = start({ area: 5000, hasBasement: false });
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    const change = transition(contextOn('2026-03-04'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'joint', 'planning') });

    expect(change.event).toMatchObject({ action: 'approve', branchId: 'planning', departmentId: 'd-planning' });
    expect(change.event.branchName).toBeDefined();
  });

  it('suspends for a special procedure and resumes with the days added back', () => {
    let state = start({ area: 10 }, '2026-03-02');
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    const due = state.case.clock.dueDate;
    state = transition(contextOn('2026-03-04'), state, { action: 'suspend', actor: staff, taskId: taskAt(state, 'review'), procedure: '4', reason: '专家评审' }).next;
    expect(state.case.status).toBe('suspended');
    expect(state.openTasks.map((t) => t.suspended)).toEqual([true]);
    expect(() => transition(contextOn('2026-03-05'), state, { action: 'approve', actor: staff, taskId: taskAt(state, 'review') }))
      .toThrow(ActionNotAllowedError);

    state = transition(contextOn('2026-03-11'), state, { action: 'resume', actor: staff, taskId: taskAt(state, 'review') }).next;
    expect(state.case.status).toBe('inReview');
    expect(state.openTasks.map((t) => t.suspended)).toEqual([undefined]);
    expect(due).toBe('2026-03-30');
    expect(state.case.clock.dueDate).toBe('2026-04-07');
  });

  it('extends the limit once, by at most the flow maximum', () => {
    let state = start({ area: 10 }, '2026-03-02');
    state = transition(contextOn('2026-03-03'), state, { action: 'accept', actor: staff, taskId: taskAt(state, 'receive') }).next;
    expect(() => transition(contextOn('2026-03-04'), state, { action: 'extend', actor: staff, taskId: taskAt(state, 'review'), extensionDays: 21 }))
      .toThrow(BadRequestError);

    state = transition(contextOn('2026-03-04'), state, { action: 'extend', actor: staff, taskId: taskAt(state, 'review'), extensionDays: 5 }).next;
    expect(state.case.clock.dueDate).toBe('2026-04-07');
    expect(state.openTasks[0].dueDate).toBe('2026-04-07');
    expect(() => transition(contextOn('2026-03-05'), state, { action: 'extend', actor: staff, taskId: taskAt(state, 'review'), extensionDays: 5 }))
      .toThrow(ActionNotAllowedError);
  });

  it('lets the applicant withdraw before the decision and closes every task', () => {
    let state = start({ area: 10 });
    state = transition(contextOn('2026-03-03'), state, { action: 'withdraw', actor: applicant }).next;

    expect(state.case.status).toBe('withdrawn');
    expect(state.openTasks).toEqual([]);
    expect(() => transition(contextOn('2026-03-04'), state, { action: 'withdraw', actor: applicant })).toThrow(ActionNotAllowedError);
  });

  it('does not accept a resubmission unless the case waits for one', () => {
    const state = start({ area: 10 });

    expect(() => transition(contextOn('2026-03-03'), state, { action: 'resubmit', actor: applicant })).toThrow(ActionNotAllowedError);
  });
});
