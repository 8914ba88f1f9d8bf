/**
 * Edits of a flow, each a pure function returning a whole new flow (the designer's undo history
 * keeps the old one). Steps are addressed by index, as the check's pointers (`/flow/steps/3`) are.
 */
import type { FlowAction, FlowBranch, FlowDefinition, FlowStep, FlowTransition } from '@banshi/schemas';

export type StepKind = FlowStep['kind'];

export const ALL_ACTIONS: FlowAction[] = ['accept', 'notAccept', 'returnForCorrection', 'approve', 'reject', 'transfer', 'suspend', 'resume', 'extend', 'complete', 'resubmit', 'withdraw'];

/** Staff actions that keep the case at its step and need no transition (as the core's check says). */
export const IN_PLACE_ACTIONS: ReadonlySet<FlowAction> = new Set(['returnForCorrection', 'suspend', 'resume', 'extend', 'transfer', 'resubmit', 'withdraw']);

export const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

/** A step id not yet used: `prefix`, `prefix2`, … */
export function freshId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let n = 2; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A new step of `kind` with what its kind needs to be sound except its links. */
export function newStep(kind: StepKind, id: string, name: { 'zh-CN': string; en?: string }): FlowStep {
  switch (kind) {
    case 'task':
      return { id, kind, name, role: 'reviewer', department: 'lead', actions: ['approve'], deadlineDays: 5, transitions: [] };
    case 'decision':
      return { id, kind, name, transitions: [] };
    case 'parallel':
      return {
        id,
        kind,
        name,
        branches: [
          { id: 'branch1', name: { 'zh-CN': '分支 1', en: 'Branch 1' }, role: 'reviewer', department: 'lead', deadlineDays: 5, actions: ['approve', 'reject'] },
        ],
      };
    case 'end':
      return { id, kind, name, outcome: 'completed' };
  }
}

const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));

/** Replaces step `index` with `step`. */
export function updateStep(flow: FlowDefinition, index: number, step: FlowStep): FlowDefinition {
  return { ...flow, steps: replaceAt(flow.steps, index, step) };
}

export function addStep(flow: FlowDefinition, step: FlowStep): FlowDefinition {
  return { ...flow, steps: [...flow.steps, step] };
}

/**
 * Deletes step `index` and every link to it (transitions, a parallel step's next / onReject).
 * The start moves to the first remaining step when it was the deleted one. The last step stays.
 */
export function deleteStep(flow: FlowDefinition, index: number): FlowDefinition {
  if (flow.steps.length <= 1) return flow;
  const gone = flow.steps[index].id;
  const steps = flow.steps
    .filter((_, i) => i !== index)
    .map((s) => {
      let next: FlowStep = s;
      if (s.transitions?.some((t) => t.to === gone)) next = { ...next, transitions: s.transitions.filter((t) => t.to !== gone) };
      if (s.next === gone) next = withoutKey(next, 'next');
      if (s.onReject === gone) next = withoutKey(next, 'onReject');
      return next;
    });
  const start = flow.start === gone ? steps[0].id : flow.start;
  return { ...flow, start, steps };
}

/** Renames step `index` and every reference to its id. */
export function renameStep(flow: FlowDefinition, index: number, id: string): FlowDefinition {
  const old = flow.steps[index].id;
  if (old === id) return flow;
  const ref = (target: string | undefined) => (target === old ? id : target);
  const steps = flow.steps.map((s, i) => {
    const renamed: FlowStep = { ...s, ...(i === index ? { id } : {}) };
    if (s.transitions) renamed.transitions = s.transitions.map((t) => (t.to === old ? { ...t, to: id } : t));
    if (s.next !== undefined) renamed.next = ref(s.next);
    if (s.onReject !== undefined) renamed.onReject = ref(s.onReject);
    return renamed;
  });
  return { ...flow, start: ref(flow.start) ?? flow.start, steps };
}

/** Changes a step's kind, keeping its id, name, deadline and effects, and what the new kind uses. */
export function changeKind(step: FlowStep, kind: StepKind): FlowStep {
  if (step.kind === kind) return step;
  const fresh = newStep(kind, step.id, step.name);
  const kept: Partial<FlowStep> = {};
  if (step.effects) kept.effects = step.effects;
  if (step.deadlineDays !== undefined && kind !== 'end') kept.deadlineDays = step.deadlineDays;
  if (kind === 'task' || kind === 'decision') {
    // Keep where it led; a decision's transitions carry no action, a task's need one.
    const transitions = (step.transitions ?? []).map((t) => (kind === 'decision' ? withoutKey(t, 'on') : { ...t, on: t.on ?? 'approve' }));
    if (step.next) transitions.push({ ...(kind === 'task' ? { on: 'approve' as const } : {}), to: step.next });
    kept.transitions = transitions;
    if (kind === 'task') {
      const used = [...new Set(transitions.flatMap((t) => (t.on ? [t.on] : [])))];
      kept.actions = used.length > 0 ? used : fresh.actions;
    }
  }
  if (kind === 'parallel') {
    const firstTarget = step.transitions?.[0]?.to;
    if (firstTarget) kept.next = firstTarget;
  }
  return { ...fresh, ...kept };
}

/** Adds a transition from step `from` to step id `to`, as fits the step's kind. */
export function connect(flow: FlowDefinition, from: number, to: string): FlowDefinition {
  const step = flow.steps[from];
  switch (step.kind) {
    case 'end':
      return flow;
    case 'parallel':
      return updateStep(flow, from, { ...step, next: to });
    case 'decision': {
      const transitions = [...(step.transitions ?? [])];
      // Before the unconditional fallback, which must stay last.
      // A new route goes before the fallback; until it has a condition the check says it shadows it.
      const fallback = transitions.findIndex((t) => t.when === undefined);
      if (fallback === -1) transitions.push({ to });
      else transitions.splice(fallback, 0, { to });
      return updateStep(flow, from, { ...step, transitions });
    }
    case 'task': {
      const actions = step.actions ?? [];
      const transitions = step.transitions ?? [];
      const forward = actions.filter((a) => !IN_PLACE_ACTIONS.has(a));
      const on = forward.find((a) => !transitions.some((t) => t.on === a)) ?? forward[0] ?? 'approve';
      const nextActions = actions.includes(on) ? actions : [...actions, on];
      return updateStep(flow, from, { ...step, actions: nextActions, transitions: [...transitions, { on, to }] });
    }
  }
}

export function updateTransition(step: FlowStep, index: number, transition: FlowTransition): FlowStep {
  return { ...step, transitions: replaceAt(step.transitions ?? [], index, transition) };
}

export function removeTransition(step: FlowStep, index: number): FlowStep {
  return { ...step, transitions: (step.transitions ?? []).filter((_, i) => i !== index) };
}

export function moveTransition(step: FlowStep, index: number, delta: -1 | 1): FlowStep {
  const list = [...(step.transitions ?? [])];
  const target = index + delta;
  if (target < 0 || target >= list.length) return step;
  [list[index], list[target]] = [list[target], list[index]];
  return { ...step, transitions: list };
}

export function updateBranch(step: FlowStep, index: number, branch: FlowBranch): FlowStep {
  return { ...step, branches: replaceAt(step.branches ?? [], index, branch) };
}

/** Sets or clears a transition's / branch's condition. */
export function withCondition<T extends { when?: unknown }>(value: T, when: unknown): T {
  if (when === undefined) return withoutKey(value, 'when');
  return { ...value, when };
}

/** Toggles an action on a task step; taking one away also takes away its transitions. */
export function toggleAction(step: FlowStep, action: FlowAction, on: boolean): FlowStep {
  const actions = step.actions ?? [];
  if (on) return actions.includes(action) ? step : { ...step, actions: ALL_ACTIONS.filter((a) => a === action || actions.includes(a)) };
  return { ...step, actions: actions.filter((a) => a !== action), transitions: (step.transitions ?? []).filter((t) => t.on !== action) };
}

/** A copy of `value` without `key` (the schema has no nulls: absent means unset). */
export function withoutKey<T extends object, K extends keyof T>(value: T, key: K): T {
  if (!(key in value)) return value;
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Sets `key` to `next`, or removes it when `next` is undefined or an empty string. */
export function setOptional<T extends object, K extends keyof T>(value: T, key: K, next: T[K] | undefined): T {
  if (next === undefined || next === '') return withoutKey(value, key);
  return { ...value, [key]: next };
}
