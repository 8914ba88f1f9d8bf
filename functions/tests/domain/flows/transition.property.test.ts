import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowAction } from '@banshi/schemas';
import { addWorkingDays, countWorkingDays, defaultCalendar } from '../../../src/domain/deadlines/index.js';
import { BanshiError } from '../../../src/domain/errors.js';
import { FINAL_STATUSES, transition, type CaseState } from '../../../src/domain/flows/transition.js';
import { applicant, apply, contextOn, staff, start } from './engine-harness.js';

const actions: FlowAction[] = [
  'accept', 'notAccept', 'returnForCorrection', 'resubmit', 'approve', 'reject',
  'suspend', 'resume', 'extend', 'complete', 'withdraw',
];

const step = fc.record({
  action: fc.constantFrom(...actions),
  taskPick: fc.nat(5),
  advanceDays: fc.integer({ min: 0, max: 9 }),
  extensionDays: fc.integer({ min: 1, max: 20 }),
});

type StepCommand = typeof step extends fc.Arbitrary<infer T> ? T : never;

function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Drives a case through random commands; commands the engine refuses leave the state untouched. */
function run(data: Record<string, unknown>, commands: StepCommand[], check: (before: CaseState, after: CaseState, change: ReturnType<typeof transition>) => void) {
  let day = '2026-09-01';
  let state = start(data, day);
  for (const c of commands) {
    day = plusDays(day, c.advanceDays);
    const task = state.openTasks[c.taskPick % Math.max(1, state.openTasks.length)];
    const actor = c.action === 'resubmit' || c.action === 'withdraw' ? applicant : staff;
    let change;
    try {
      change = transition(contextOn(day), state, {
        action: c.action, actor, taskId: task?.id, extensionDays: c.extensionDays,
        correction: [{ message: '补正' }], procedure: '9', reason: '征求第三方意见',
      });
    } catch (error) {
      if (error instanceof BanshiError) continue;
      throw error;
    }
    const next = apply(state, change);
    check(state, next, change);
    state = next;
  }
}

describe('flow engine invariants', () => {
  const data = fc.record({ area: fc.integer({ min: 0, max: 5000 }), hasBasement: fc.boolean() });

  it('never leaves two open tasks on one step or branch', () => {
    fc.assert(fc.property(data, fc.array(step, { maxLength: 40 }), (d, commands) => {
      run(d, commands, (_before, after) => {
        const keys = after.openTasks.map((t) => `${t.stepId}/${t.branchId ?? ''}`);
        expect(new Set(keys).size).toBe(keys.length);
      });
    }), { numRuns: 200 });
  });

  it('writes exactly one audit event per state change, numbered by the new version', () => {
    fc.assert(fc.property(data, fc.array(step, { maxLength: 40 }), (d, commands) => {
      run(d, commands, (before, after, change) => {
        expect(after.case.version).toBe(before.case.version + 1);
        expect(change.event.seq).toBe(after.case.version);
        expect(change.event.toStatus).toBe(after.case.status);
        expect(change.expectedVersion).toBe(before.case.version);
      });
    }), { numRuns: 200 });
  });

  it('leaves no open task on a finished case', () => {
    fc.assert(fc.property(data, fc.array(step, { maxLength: 40 }), (d, commands) => {
      run(d, commands, (_before, after) => {
        if (FINAL_STATUSES.has(after.case.status)) expect(after.openTasks).toEqual([]);
        else if (after.case.status !== 'correction') expect(after.openTasks.length).toBeGreaterThan(0);
      });
    }), { numRuns: 200 });
  });

  it('never counts paused time: the due date is the limit plus extensions plus the paused working days', () => {
    const calendar = defaultCalendar();
    fc.assert(fc.property(data, fc.array(step, { maxLength: 40 }), (d, commands) => {
      run(d, commands, (_before, after) => {
        const { clock } = after.case;
        if (clock.pauses.some((p) => !p.to)) {
          expect(clock.dueDate).toBeUndefined();
          return;
        }
        const paused = clock.pauses.reduce((n, p) => n + countWorkingDays(calendar, p.from, p.to!, clock.region), 0);
        const expected = addWorkingDays(calendar, clock.receivedOn, clock.promised.value + clock.extensionDays + paused, clock.region);
        expect(clock.dueDate).toBe(expected);
      });
    }), { numRuns: 200 });
  });
});
