import jsonLogic from 'json-logic-js';
import type { FlowDefinition } from '@banshi/schemas';
import { defaultCalendar } from '../../../src/domain/deadlines/index.js';
import type { FlowCommand, FlowContext } from '../../../src/domain/flows/flow-context.js';
import { startCase, type CaseState, type NewCase } from '../../../src/domain/flows/transition.js';
import reviewFlow from '../../fixtures/review-flow.json' with { type: 'json' };

export const sampleFlow = reviewFlow as FlowDefinition;

export const applicant = { userId: 'u-applicant', role: 'applicant' };
export const staff = { userId: 'u-staff', role: 'staff', departmentId: 'd-lead' };

/** A flow context on a fixed day, with deterministic task ids. */
export function contextOn(today: string, flow: FlowDefinition = sampleFlow): FlowContext {
  let n = 0;
  return {
    flow,
    calendar: defaultCalendar(),
    today,
    now: `${today}T02:00:00.000Z`,
    evaluate: (rule, data) => Boolean(jsonLogic.apply(rule as jsonLogic.RulesLogic, data)),
    newTaskId: () => `t${String(++n).padStart(4, '0')}-${today}`,
  };
}

export function newCase(data: Record<string, unknown>, receivedOn: string): NewCase {
  return {
    id: 'c1',
    receiptNo: '150102-TEST-0001',
    itemId: 'sample',
    itemVersion: 1,
    itemName: { 'zh-CN': '样例事项' },
    claimId: 'claim-1',
    departmentId: 'd-lead',
    departments: { lead: 'd-lead', planning: 'd-planning', housing: 'd-housing', airDefence: 'd-air' },
    applicant: { userId: applicant.userId, name: '张三', kind: 'person' },
    data,
    clock: {
      receivedOn,
      region: '150102',
      promised: { value: 20, unit: 'workingDays' },
      statutory: { value: 45, unit: 'workingDays' },
      extensionDays: 0,
      extensions: 0,
      pauses: [],
    },
    createdAt: `${receivedOn}T02:00:00.000Z`,
    updatedAt: `${receivedOn}T02:00:00.000Z`,
  };
}

export function start(data: Record<string, unknown>, day = '2026-03-02'): CaseState {
  return startCase(contextOn(day), newCase(data, day), applicant).next;
}

export function taskAt(state: CaseState, stepId: string, branchId?: string): string {
  const task = state.openTasks.find((t) => t.stepId === stepId && t.branchId === branchId);
  if (!task) throw new Error(`no open task at ${stepId}${branchId ? `/${branchId}` : ''}`);
  return task.id;
}

export type Command = FlowCommand;
