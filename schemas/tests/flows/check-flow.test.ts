import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlow, type CheckFlowContext } from '../../src/flows/check-flow.js';
import type { FlowDefinition, FlowStep } from '../../src/generated/flow.generated.js';
import { loadFixture } from '../support/load-fixture.js';

const context: CheckFlowContext = {
  roles: ['window', 'reviewer', 'decider', 'disclosure'],
  departmentSlots: ['planning', 'airDefence'],
  formSchema: loadFixture<object>('small-form-schema.json'),
};

function smallFlow(): FlowDefinition {
  return loadFixture<FlowDefinition>('small-flow.json');
}

function step(flow: FlowDefinition, id: string): FlowStep {
  const found = flow.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

const name = { 'zh-CN': '步骤' };

describe('checkFlow', () => {
  it('accepts a sound flow with a decision, a parallel step and three ends', () => {
    const flow = smallFlow();

    const errors = checkFlow(flow, context);

    expect(errors).toEqual([]);
  });

  it.each<[string, (flow: FlowDefinition) => void, { pointer: string; code: string }]>([
    [
      'a step that cannot be reached from the start',
      (f) => f.steps.push({ id: 'orphan', kind: 'task', name, role: 'window', actions: ['complete'], transitions: [{ on: 'complete', to: 'done' }] }),
      { pointer: '/steps/7', code: 'unreachable' },
    ],
    [
      'a reachable step that is not an end and leads nowhere',
      (f) => {
        step(f, 'route').transitions![1].to = 'limbo';
        f.steps.push({ id: 'limbo', kind: 'task', name, role: 'decider', actions: ['returnForCorrection'] });
      },
      { pointer: '/steps/7', code: 'dead-end' },
    ],
    [
      'a loop from which no end can be reached',
      (f) => {
        step(f, 'route').transitions![1].to = 'loop';
        f.steps.push({ id: 'loop', kind: 'task', name, role: 'decider', actions: ['approve'], transitions: [{ on: 'approve', to: 'loop' }] });
      },
      { pointer: '/steps/7', code: 'no-path-to-end' },
    ],
    ['a task role that does not exist', (f) => (step(f, 'decide').role = 'mayor'), { pointer: '/steps/3/role', code: 'unknown-role' }],
    [
      'a branch role that does not exist',
      (f) => (step(f, 'review').branches![0].role = 'planner'),
      { pointer: '/steps/2/branches/0/role', code: 'unknown-role' },
    ],
    [
      'a transition to a step that does not exist',
      (f) => (step(f, 'accept').transitions![0].to = 'nowhere'),
      { pointer: '/steps/0/transitions/0/to', code: 'unknown-target' },
    ],
    ['a join to a step that does not exist', (f) => (step(f, 'review').next = 'nowhere'), { pointer: '/steps/2/next', code: 'unknown-target' }],
    [
      'a condition on a field the form does not have',
      (f) => (step(f, 'route').transitions![0].when = { '==': [{ var: 'project.hasCellar' }, true] }),
      { pointer: '/steps/1/transitions/0/when', code: 'unknown-field' },
    ],
    [
      'a branch condition on a field the form does not have',
      (f) => (step(f, 'review').branches![1].when = { var: ['building.basement', false] }),
      { pointer: '/steps/2/branches/1/when', code: 'unknown-field' },
    ],
    ['a start step that does not exist', (f) => (f.start = 'begin'), { pointer: '/start', code: 'unknown-start' }],
    ['two steps with one id', (f) => (f.steps[5].id = 'done'), { pointer: '/steps/5/id', code: 'duplicate-step-id' }],
    ['a task step without a role', (f) => delete step(f, 'decide').role, { pointer: '/steps/3', code: 'missing-role' }],
    ['a task step without actions', (f) => (step(f, 'decide').actions = []), { pointer: '/steps/3', code: 'missing-actions' }],
    [
      'a transition taken by an action the step does not allow',
      (f) => (step(f, 'decide').transitions![0].on = 'complete'),
      { pointer: '/steps/3/transitions/0/on', code: 'action-not-allowed' },
    ],
    [
      'an allowed action that leads nowhere',
      (f) => step(f, 'decide').actions!.push('complete'),
      { pointer: '/steps/3/actions/2', code: 'action-without-transition' },
    ],
    [
      'a task transition without an action',
      (f) => delete step(f, 'decide').transitions![0].on,
      { pointer: '/steps/3/transitions/0', code: 'transition-without-action' },
    ],
    [
      'a decision step without an unconditional fallback',
      (f) => (step(f, 'route').transitions![1].when = { '!': [{ var: 'project.hasBasement' }] }),
      { pointer: '/steps/1/transitions', code: 'missing-fallback' },
    ],
    [
      'a decision transition after the fallback',
      (f) => step(f, 'route').transitions!.push({ to: 'review' }),
      { pointer: '/steps/1/transitions/2', code: 'shadowed-transition' },
    ],
    [
      'a decision transition with an action',
      (f) => (step(f, 'route').transitions![0].on = 'approve'),
      { pointer: '/steps/1/transitions/0/on', code: 'unexpected-action' },
    ],
    ['a parallel step without branches', (f) => (step(f, 'review').branches = []), { pointer: '/steps/2', code: 'missing-branches' }],
    ['a parallel step without a join', (f) => delete step(f, 'review').next, { pointer: '/steps/2', code: 'missing-next' }],
    [
      'a parallel step whose branches may reject without an onReject step',
      (f) => delete step(f, 'review').onReject,
      { pointer: '/steps/2', code: 'missing-on-reject' },
    ],
    [
      'two branches with one id',
      (f) => (step(f, 'review').branches![1].id = 'planning'),
      { pointer: '/steps/2/branches/1/id', code: 'duplicate-branch-id' },
    ],
    ['a quorum larger than the branches', (f) => (step(f, 'review').quorum = 3), { pointer: '/steps/2/quorum', code: 'quorum-too-large' }],
    [
      'a department slot the item does not define',
      (f) => (step(f, 'review').branches![0].department = 'fire'),
      { pointer: '/steps/2/branches/0/department', code: 'unknown-department' },
    ],
    ['an end step without an outcome', (f) => delete step(f, 'done').outcome, { pointer: '/steps/4', code: 'missing-outcome' }],
  ])('reports %s', (_, breakIt, expected) => {
    const flow = smallFlow();
    breakIt(flow);

    const errors = checkFlow(flow, context);

    expect(errors).toContainEqual(expect.objectContaining(expected));
  });

  it('allows $today and fields reached through $ref and array items', () => {
    const flow = smallFlow();
    step(flow, 'route').transitions![0].when = {
      and: [{ '>': [{ var: 'rooms.0.area' }, 10] }, { '<': [{ var: '$today' }, '2100-01-01'] }, { some: [{ var: 'rooms' }, { '>': [{ var: 'area' }, 5] }] }],
    };

    const errors = checkFlow(flow, context);

    expect(errors).toEqual([]);
  });

  it('skips field checks without a form schema and slot checks without slots', () => {
    const flow = smallFlow();
    step(flow, 'route').transitions![0].when = { var: 'anything.at.all' };
    step(flow, 'review').branches![0].department = 'anywhere';

    const errors = checkFlow(flow, { roles: context.roles });

    expect(errors).toEqual([]);
  });

  it('writes messages in zh-CN by default and in English on request', () => {
    const flow = smallFlow();
    step(flow, 'decide').role = 'mayor';

    const [zh] = checkFlow(flow, context);
    const [en] = checkFlow(flow, context, 'en');

    expect(zh.message).toBe('角色“mayor”不存在');
    expect(en.message).toBe('role "mayor" does not exist');
  });

  it('finds every step after a broken link of a task chain unreachable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), (length, seed) => {
        const steps: FlowStep[] = Array.from({ length }, (_, i) => ({
          id: `s${i}`,
          kind: 'task' as const,
          name,
          role: 'reviewer',
          actions: ['approve' as const],
          transitions: [{ on: 'approve' as const, to: i + 1 < length ? `s${i + 1}` : 'done' }],
        }));
        steps.push({ id: 'done', kind: 'end', name, outcome: 'completed' });
        const flow: FlowDefinition = { start: 's0', steps };
        expect(checkFlow(flow, context)).toEqual([]);

        const broken = seed % length;
        steps[broken].transitions = [];
        steps[broken].actions = ['returnForCorrection'];
        const errors = checkFlow(flow, context);

        const unreachable = errors.filter((e) => e.code === 'unreachable').map((e) => e.pointer);
        const expected = Array.from({ length: length - broken }, (_, k) => `/steps/${broken + 1 + k}`);
        expect(unreachable).toEqual(expected);
        expect(errors).toContainEqual(expect.objectContaining({ pointer: `/steps/${broken}`, code: 'dead-end' }));
      }),
    );
  });
});
