import { describe, expect, it } from 'vitest';
import {
  actionRefusal,
  allowedActions,
  APPLICANT_ACTIONS,
  extensionsUsedUp,
  listedActions,
  STAFF_ACTIONS,
  type CaseStanding,
  type FlowRules,
} from '../../src/core/allowed-actions.js';
import type { FlowAction } from '../../src/generated/flow.generated.js';
import flowSchema from '../../src/meta/flow.schema.json' with { type: 'json' };

const name = { 'zh-CN': '步骤' };

const flow: FlowRules = {
  extension: { maxDays: 20 },
  steps: [
    { id: 'receive', kind: 'task', name, role: 'window', actions: ['notAccept', 'accept', 'returnForCorrection'] },
    { id: 'review', kind: 'task', name, role: 'reviewer', actions: ['approve', 'reject', 'suspend', 'extend', 'resume'] },
    {
      id: 'joint',
      kind: 'parallel',
      name,
      actions: ['complete'],
      branches: [
        { id: 'planning', name, role: 'reviewer', department: 'planning', actions: ['approve', 'returnForCorrection'] },
        { id: 'fire', name, role: 'reviewer', department: 'housing' },
      ],
    },
  ],
};

const at = (status: CaseStanding['status']): CaseStanding => ({ status });

describe('allowedActions', () => {
  it("offers the step's actions in the action bar's order", () => {
    expect(allowedActions(flow, { stepId: 'receive' }, at('submitted'))).toEqual(['accept', 'returnForCorrection', 'notAccept']);
  });

  it("offers a parallel branch's own actions, or the step's when the branch lists none", () => {
    expect(allowedActions(flow, { stepId: 'joint', branchId: 'planning' }, at('inReview'))).toEqual(['approve', 'returnForCorrection']);
    expect(allowedActions(flow, { stepId: 'joint', branchId: 'fire' }, at('inReview'))).toEqual(['complete']);
  });

  it('offers resume only while the case is suspended, and then nothing else', () => {
    expect(allowedActions(flow, { stepId: 'review' }, at('inReview'))).toEqual(['approve', 'reject', 'extend', 'suspend']);
    expect(allowedActions(flow, { stepId: 'review' }, at('suspended'))).toEqual(['resume']);
  });

  it('offers extend only when the flow has an extension policy', () => {
    const { extension: _, ...noExtension } = flow;

    expect(allowedActions(noExtension, { stepId: 'review' }, at('inReview'))).toEqual(['approve', 'reject', 'suspend']);
  });

  it('offers nothing without a flow or a task, on a finished case, or at a step the flow lacks', () => {
    expect(allowedActions(undefined, { stepId: 'receive' }, at('submitted'))).toEqual([]);
    expect(allowedActions(flow, undefined, at('submitted'))).toEqual([]);
    expect(allowedActions(flow, { stepId: 'receive' }, at('withdrawn'))).toEqual([]);
    expect(allowedActions(flow, { stepId: 'gone' }, at('submitted'))).toEqual([]);
  });

  it("never offers the applicant's actions, and orders every other action of the flow language", () => {
    const language = flowSchema.$defs.Action.enum as FlowAction[];

    expect(STAFF_ACTIONS.filter((a) => APPLICANT_ACTIONS.includes(a))).toEqual([]);
    expect([...STAFF_ACTIONS, ...APPLICANT_ACTIONS].sort()).toEqual([...language].sort());
  });
});

describe('actionRefusal', () => {
  it.each<[string, FlowAction, CaseStanding, { stepId: string; branchId?: string } | undefined, string | undefined]>([
    ['anything on a finished case', 'withdraw', at('completed'), undefined, 'case-final'],
    ['withdraw at any other time', 'withdraw', at('suspended'), undefined, undefined],
    ['resubmit without a correction asked', 'resubmit', at('inReview'), undefined, 'not-awaiting-correction'],
    ['a staff action without a task', 'accept', at('submitted'), undefined, 'no-task'],
    ['an action at a step the flow lacks', 'accept', at('submitted'), { stepId: 'gone' }, 'no-step'],
    ['anything but resume while suspended', 'approve', at('suspended'), { stepId: 'review' }, 'suspended'],
    ['resume when not suspended', 'resume', at('inReview'), { stepId: 'review' }, 'not-suspended'],
    ['an action the step does not list', 'approve', at('submitted'), { stepId: 'receive' }, 'not-allowed-at-step'],
  ])('refuses %s', (_, action, current, task, code) => {
    expect(actionRefusal(flow, task, current, action)?.code).toBe(code);
  });

  it('refuses extend when the flow has no extension policy', () => {
    const { extension: _, ...noExtension } = flow;

    expect(actionRefusal(noExtension, { stepId: 'review' }, at('inReview'), 'extend')).toEqual({ code: 'no-extension', message: 'this flow allows no extension' });
  });

  it('allows resubmit while a correction is asked', () => {
    const correction = { items: [{ message: '补正' }], requestedAt: '2026-03-03T02:00:00.000Z', requestedBy: 'u1', stepId: 'receive', departmentId: 'd1' };

    expect(actionRefusal(flow, undefined, { status: 'correction', correction }, 'resubmit')).toBeUndefined();
    expect(actionRefusal(flow, undefined, { status: 'correction' }, 'resubmit')?.code).toBe('not-awaiting-correction');
  });

  it('explains a refusal in words that name the step and the action', () => {
    expect(actionRefusal(flow, { stepId: 'receive' }, at('submitted'), 'approve')?.message).toBe('step receive does not allow approve');
  });
});

describe('listedActions', () => {
  it("lists the step's or branch's actions in the flow's order", () => {
    expect(listedActions(flow, { stepId: 'receive' })).toEqual(['notAccept', 'accept', 'returnForCorrection']);
    expect(listedActions(flow, { stepId: 'joint', branchId: 'planning' })).toEqual(['approve', 'returnForCorrection']);
    expect(listedActions(flow, { stepId: 'gone' })).toEqual([]);
  });
});

describe('extensionsUsedUp', () => {
  it('allows one extension unless the policy says how many', () => {
    expect(extensionsUsedUp(flow, { extensions: 0 })).toBe(false);
    expect(extensionsUsedUp(flow, { extensions: 1 })).toBe(true);
    expect(extensionsUsedUp({ ...flow, extension: { maxDays: 20, maxTimes: 2 } }, { extensions: 1 })).toBe(false);
  });
});
