import { describe, expect, it } from 'vitest';
import { checkFlow, loadBuiltInItems, loadReference, validateDefinition, type FlowDefinition, type FlowStep } from '@banshi/schemas';
import {
  ALL_ACTIONS,
  changeKind,
  connect,
  deleteStep,
  freshId,
  IN_PLACE_ACTIONS,
  moveTransition,
  newStep,
  addStep,
  removeTransition,
  renameStep,
  setOptional,
  toggleAction,
  withCondition,
  withoutKey,
} from './flow-edits.js';

const roles = loadReference().roles.staffRoles.map((r) => r.id);
const builtIn = (slug: string) => loadBuiltInItems().find((b) => b.slug === slug)!;
const senior = builtIn('senior-card');
const permit = builtIn('construction-permit-parallel');
const flowOf = (b: typeof senior) => structuredClone(b.flow) as FlowDefinition;

/** The designer's own check: the schema's, then the core's (as the flow designer runs it). */
function problems(flow: FlowDefinition, b = senior) {
  const shape = validateDefinition('flow', flow, 'en');
  if (shape.length > 0) return shape;
  return checkFlow(flow, { roles, departmentSlots: (b.item.departmentSlots ?? []).map((s) => s.slot), formSchema: b.form.schema }, 'en');
}
const codes = (flow: FlowDefinition, b = senior) => problems(flow, b).map((p) => p.code);
const indexOf = (flow: FlowDefinition, id: string) => flow.steps.findIndex((s) => s.id === id);
const name = { 'zh-CN': '新步骤', en: 'New step' };

describe('flow edits keep a flow sound', () => {
  it('starts from sound built-in flows', () => {
    expect(problems(flowOf(senior))).toEqual([]);
    expect(problems(flowOf(permit), permit)).toEqual([]);
  });

  it('gives fresh ids', () => {
    expect(freshId(['task', 'task2'], 'task')).toBe('task3');
    expect(freshId(['end'], 'task')).toBe('task');
  });

  it('builds a sound flow from new steps joined with connect', () => {
    let flow: FlowDefinition = { start: 'review', steps: [newStep('task', 'review', name)] };
    flow = addStep(flow, newStep('end', 'done', { 'zh-CN': '办结' }));
    expect(codes(flow)).toContain('action-without-transition');

    flow = connect(flow, 0, 'done');

    expect(flow.steps[0]!.transitions).toEqual([{ on: 'approve', to: 'done' }]);
    expect(problems(flow)).toEqual([]);
  });

  it('gives each new kind of step what its kind needs', () => {
    for (const kind of ['task', 'decision', 'parallel', 'end'] as const) {
      const step = newStep(kind, 'x', name);
      expect(step).toMatchObject({ id: 'x', kind, name });
    }
    expect(newStep('parallel', 'p', name).branches).toHaveLength(1);
    expect(newStep('end', 'e', name).outcome).toBe('completed');
  });

  it('deletes a step with every link to it; taking away the action that led there leaves the flow sound', () => {
    const flow = flowOf(senior);
    const without = deleteStep(flow, indexOf(flow, 'denied'));

    expect(without.steps.map((s) => s.id)).toEqual(['accept', 'complete', 'done', 'notAccepted']);
    expect(without.steps.flatMap((s) => s.transitions ?? []).some((t) => t.to === 'denied')).toBe(false);
    expect(codes(without)).toEqual(['action-without-transition']);
    const complete = indexOf(without, 'complete');
    const mended = { ...without, steps: without.steps.map((s, i) => (i === complete ? toggleAction(s, 'reject', false) : s)) };
    expect(problems(mended)).toEqual([]);
  });

  it('deletes a parallel step’s join targets and moves the start off a deleted start step', () => {
    const flow = flowOf(permit);
    const noDenied = deleteStep(flow, indexOf(flow, 'denied'));
    expect(noDenied.steps[indexOf(noDenied, 'review')]).not.toHaveProperty('onReject');
    expect(codes(noDenied, permit)).toContain('missing-on-reject');

    const noStart = deleteStep(flow, 0);
    expect(noStart.start).toBe('review');
    expect(deleteStep({ start: 'a', steps: [newStep('end', 'a', name)] }, 0).steps).toHaveLength(1);
  });

  it('renames a step and every reference to it, the start and a parallel step’s exits included', () => {
    const flow = flowOf(permit);
    const renamed = renameStep(renameStep(renameStep(flow, 0, 'intake'), indexOf(flow, 'complete'), 'issue'), indexOf(flow, 'denied'), 'refused');

    expect(renamed.start).toBe('intake');
    expect(renamed.steps[indexOf(renamed, 'review')]).toMatchObject({ next: 'issue', onReject: 'refused' });
    expect(problems(renamed, permit)).toEqual([]);
    expect(renameStep(flow, 0, 'accept')).toBe(flow);
  });

  it('changes a task into a decision and back, keeping where it led', () => {
    const flow = flowOf(senior);
    const at = indexOf(flow, 'complete');
    const decision = changeKind(flow.steps[at]!, 'decision');

    expect(decision.transitions).toEqual([{ to: 'done' }, { to: 'denied' }]);
    expect(decision).not.toHaveProperty('actions');
    const task = changeKind(decision, 'task');
    expect(task.transitions).toEqual([{ on: 'approve', to: 'done' }, { on: 'approve', to: 'denied' }]);
    expect(task.actions).toEqual(['approve']);
    expect(changeKind(task, 'task')).toBe(task);
  });

  it('changes a task into a parallel step whose join leads where the task first led, and an end keeps its effects', () => {
    const flow = flowOf(senior);
    const parallel = changeKind(flow.steps[indexOf(flow, 'complete')]!, 'parallel');
    expect(parallel).toMatchObject({ kind: 'parallel', next: 'done' });
    expect(parallel).not.toHaveProperty('transitions');

    const done = flow.steps[indexOf(flow, 'done')]!;
    const task = changeKind({ ...done, deadlineDays: 3 } as FlowStep, 'task');
    expect(task.effects).toEqual(done.effects);
    expect(task.deadlineDays).toBe(3);
    expect(changeKind(task, 'end')).not.toHaveProperty('deadlineDays');
  });

  it('connects a task by the first forward action without a transition, adding approve when it has none', () => {
    const flow = flowOf(senior);
    const accept = indexOf(flow, 'accept');
    const more = connect(flow, accept, 'done');
    expect(more.steps[accept]!.transitions!.at(-1)).toEqual({ on: 'accept', to: 'done' });

    const bare: FlowDefinition = { start: 't', steps: [{ ...newStep('task', 't', name), actions: ['returnForCorrection'] }, newStep('end', 'e', name)] };
    const joined = connect(bare, 0, 'e');
    expect(joined.steps[0]).toMatchObject({ actions: ['returnForCorrection', 'approve'], transitions: [{ on: 'approve', to: 'e' }] });
    expect(problems(joined)).toEqual([]);
  });

  it('connects a decision before its fallback, and a condition on the new route makes it sound', () => {
    const flow: FlowDefinition = {
      start: 'd',
      steps: [{ ...newStep('decision', 'd', name), transitions: [{ to: 'a' }] }, newStep('end', 'a', name), newStep('end', 'b', name)],
    };
    expect(codes(flow)).toEqual(['unreachable']);

    const connected = connect(flow, 0, 'b');
    expect(connected.steps[0]!.transitions).toEqual([{ to: 'b' }, { to: 'a' }]);
    expect(codes(connected)).toContain('shadowed-transition');

    const d = connected.steps[0]!;
    const conditioned = { ...connected, steps: [{ ...d, transitions: [withCondition(d.transitions![0]!, { '==': [{ var: 'residenceType' }, 'hukou'] }), d.transitions![1]!] }, ...connected.steps.slice(1)] };
    expect(problems(conditioned)).toEqual([]);
  });

  it('connects a parallel step through its join, and leaves an end step as it is', () => {
    const flow = flowOf(permit);
    const review = indexOf(flow, 'review');
    expect(connect(flow, review, 'done').steps[review]!.next).toBe('done');
    const done = indexOf(flow, 'done');
    expect(connect(flow, done, 'accept')).toBe(flow);
  });

  it('reorders and removes transitions, ignoring moves past either end', () => {
    const step = flowOf(senior).steps[0]!;
    const swapped = moveTransition(step, 0, 1);

    expect(swapped.transitions!.map((t) => t.to)).toEqual(['notAccepted', 'complete']);
    expect(moveTransition(step, 0, -1)).toBe(step);
    expect(moveTransition(step, 1, 1)).toBe(step);
    expect(removeTransition(step, 0).transitions!.map((t) => t.to)).toEqual(['notAccepted']);
  });

  it('adds actions in the canonical order and takes their transitions away with them', () => {
    const step = flowOf(senior).steps[0]!;
    const withSuspend = toggleAction(step, 'suspend', true);

    expect(withSuspend.actions).toEqual(ALL_ACTIONS.filter((a) => ['accept', 'notAccept', 'returnForCorrection', 'suspend'].includes(a)));
    expect(toggleAction(withSuspend, 'suspend', true)).toBe(withSuspend);
    const noAccept = toggleAction(step, 'accept', false);
    expect(noAccept.actions).not.toContain('accept');
    expect(noAccept.transitions!.map((t) => t.on)).toEqual(['notAccept']);
  });

  it('treats the in-place actions as the core check does: they need no transition', () => {
    const flow = flowOf(senior);
    const accept = indexOf(flow, 'accept');
    const withAll = { ...flow, steps: flow.steps.map((s, i) => (i === accept ? [...IN_PLACE_ACTIONS].filter((a) => a !== 'resubmit' && a !== 'withdraw').reduce((st, a) => toggleAction(st, a, true), s) : s)) };

    expect(problems(withAll)).toEqual([]);
  });

  it('sets and clears optional keys without leaving undefined or empty values', () => {
    const t = { to: 'a', when: { '==': [1, 1] } };
    expect(withCondition(t, undefined)).toEqual({ to: 'a' });
    expect(withoutKey({ to: 'a' } as { to: string; when?: unknown }, 'when')).toEqual({ to: 'a' });
    expect(setOptional({ id: 'x', note: 'n' } as { id: string; note?: string }, 'note', '')).toEqual({ id: 'x' });
    expect(setOptional({ id: 'x' } as { id: string; note?: string }, 'note', 'y')).toEqual({ id: 'x', note: 'y' });
  });

  it('never changes the flow it is given', () => {
    const flow = flowOf(permit);
    const before = structuredClone(flow);

    deleteStep(flow, 1);
    renameStep(flow, 1, 'x');
    connect(flow, 0, 'done');
    changeKind(flow.steps[0]!, 'decision');
    toggleAction(flow.steps[0]!, 'accept', false);

    expect(flow).toEqual(before);
  });
});
