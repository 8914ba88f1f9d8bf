import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlowAction } from '@banshi/schemas';
import { actionRefusal, allowedActions, extensionsUsedUp, FINAL_STATUSES, isFinalStatus } from '@banshi/schemas/core';
import flowSchema from '@banshi/schemas/meta/flow.schema.json' with { type: 'json' };
import { addWorkingDays, countWorkingDays, defaultCalendar } from '../../../src/domain/deadlines/index.js';
import { BanshiError } from '../../../src/domain/errors.js';
import { transition, type CaseState, type FlowChange } from '../../../src/domain/flows/transition.js';
import { applicant, contextOn, sampleFlow, staff, start } from './engine-harness.js';

/** Every action of the flow language: one added to the meta-schema fails the coverage test until a command takes it. */
const actions = flowSchema.$defs.Action.enum as FlowAction[];

const step = fc.record({
  /** 0: any action of the language, on any task; otherwise one of the actions the shared rule offers. */
  offered: fc.nat(3),
  action: fc.constantFrom(...actions),
  pick: fc.nat(11),
  taskPick: fc.nat(5),
  advanceDays: fc.integer({ min: 0, max: 9 }),
  extensionDays: fc.integer({ min: 1, max: 20 }),
});

type StepCommand = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** What the commands of many runs came to. */
interface Tally {
  /** Commands tried, and how many of them the engine took. */
  tried: number;
  accepted: number;
  /** Actions the engine took at least once. */
  taken: Set<FlowAction>;
  /** Actions the shared rule offered that the engine then refused, with why. */
  refusedOffers: string[];
}

const newTally = (): Tally => ({ tried: 0, accepted: 0, taken: new Set(), refusedOffers: [] });

function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** What a command may pick from the shared rule: the staff actions the task allows, and resubmit while a correction is asked. */
function offer(state: CaseState, task: CaseState['openTasks'][number] | undefined): FlowAction[] {
  const resubmit = actionRefusal(sampleFlow, undefined, state.case, 'resubmit') ? [] : (['resubmit'] as FlowAction[]);
  return [...allowedActions(sampleFlow, task, state.case), ...resubmit];
}

/**
 * Drives a case through random commands; commands the engine refuses leave the state untouched.
 * A finished case takes nothing more, so the commands after it go to a new case.
 */
function run(data: Record<string, unknown>, commands: StepCommand[], check: (before: CaseState, after: CaseState, change: FlowChange) => void, tally = newTally()) {
  let day = '2026-09-01';
  let state = start(data, day);
  for (const c of commands) {
    day = plusDays(day, c.advanceDays);
    if (isFinalStatus(state.case.status)) state = start(data, day);
    const task = state.openTasks[c.taskPick % Math.max(1, state.openTasks.length)];
    const offered = c.offered > 0 ? offer(state, task) : [];
    const action = offered.length > 0 ? offered[c.pick % offered.length] : c.action;
    const actor = action === 'resubmit' || action === 'withdraw' ? applicant : staff;
    tally.tried++;
    let change;
    try {
      change = transition(contextOn(day), state, {
        action, actor, taskId: task?.id, extensionDays: c.extensionDays,
        correction: [{ message: '补正' }], procedure: '9', reason: '征求第三方意见',
      });
    } catch (error) {
      if (!(error instanceof BanshiError)) throw error;
      // The one limit the rule leaves to the command: how often the time limit may be extended.
      const usedUp = action === 'extend' && extensionsUsedUp(sampleFlow, state.case.clock);
      if (offered.length > 0 && !usedUp) tally.refusedOffers.push(`${action} at ${state.case.status}/${task?.stepId}: ${error.message}`);
      continue;
    }
    tally.accepted++;
    tally.taken.add(action);
    check(state, change.next, change);
    state = change.next;
  }
}

/** The state the store holds once a change is committed: the open tasks it left alone, then those it opened or changed. */
function committed(before: CaseState, change: FlowChange): CaseState {
  const changed = new Map(change.tasks.map((t) => [t.id, t]));
  const kept = before.openTasks.filter((t) => !changed.has(t.id));
  return { case: change.case, openTasks: [...kept, ...change.tasks.filter((t) => t.status === 'open')] };
}

describe('flow engine invariants', () => {
  const data = fc.record({ area: fc.integer({ min: 0, max: 5000 }), hasBasement: fc.boolean() });

  it('takes a good share of the commands, every action the shared rule offers, and every action of the flow language', () => {
    const tally = newTally();
    // Long runs, so that even the actions a case reaches late (complete, resume) come up many times.
    fc.assert(fc.property(data, fc.array(step, { minLength: 20, maxLength: 40 }), (d, commands) => {
      run(d, commands, () => {}, tally);
    }), { numRuns: 200 });

    expect(tally.refusedOffers).toEqual([]);
    expect(tally.accepted / tally.tried).toBeGreaterThan(0.6);
    expect(actions.filter((a) => !tally.taken.has(a))).toEqual([]);
  });

  it('hands back as the next state what the store holds once the change is committed', () => {
    fc.assert(fc.property(data, fc.array(step, { maxLength: 40 }), (d, commands) => {
      run(d, commands, (before, after, change) => {
        expect(after).toEqual(committed(before, change));
      });
    }), { numRuns: 200 });
  });

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
