/**
 * The flow designer: the flow as a diagram laid out top to bottom, a properties panel for the
 * selected step, the flow's settings, the problems of the check drawn where they fail, and a step
 * table that does everything without dragging. Controlled: every edit hands a whole new flow to
 * `onChange`, so the designer's undo and redo cover it.
 *
 * Problems are the check's (`props.problems`, pointers under `/flow`); the flow's semantic check of
 * the core (the same `checkFlow` the server runs at publishing) also runs here on every edit, so
 * the diagram never shows a problem the last edit fixed or misses one it made.
 */
import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Radio, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkFlow, checkFlowMessages } from '@banshi/schemas';
import type { FieldError, FlowDefinition, FlowStep, FormDefinition, Locale } from '@banshi/schemas';
import { useI18n, useMessages, type Translate } from '../../shared/i18n.js';
import { ruleMessages } from '../rules/messages.js';
import { fieldsOfForm, type RuleField } from '../rules/rule-fields.js';
import { describeModel, fromLogic, type Operator, type SentenceWords } from '../rules/rule-model.js';
import type { PartEditorProps } from '../part-editor-props.js';
import { FlowDiagram, type DiagramEdge, type DiagramEdgeData, type DiagramNode } from './flow-diagram.js';
import { addStep, connect, freshId, newStep, type StepKind } from './flow-edits.js';
import {
  flowGraph,
  layoutGraph,
  problemsByElement,
  START_NODE,
  stepIndexOf,
  type FlowGraph,
  type GraphNode,
} from './flow-graph.js';
import { STAFF_ROLES, slotOptions, useClaimSlots, type SlotOption } from './flow-reference.js';
import { FlowSettings } from './flow-settings.js';
import { flowMessages, type FlowMessageKey } from './messages.js';
import { ruleSummary } from './rule-summary.js';
import { STEP_KINDS, StepPanel } from './step-panel.js';
import { StepTable } from './step-table.js';

interface Selection {
  step: number;
  transition?: number;
  branch?: number;
}

const STAFF_ROLE_IDS = STAFF_ROLES.map((r) => r.id);
const OPERATORS: Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'empty', 'notEmpty', 'ageGte', 'ageLt'];
const CHECK_CODES: ReadonlySet<string> = new Set(Object.keys(checkFlowMessages));

/** The check's problems, with the flow's semantic ones recomputed for the flow as it is now. */
function currentProblems(given: readonly FieldError[], flow: FlowDefinition, form: FormDefinition, locale: Locale): FieldError[] {
  try {
    const live = checkFlow(flow, { roles: STAFF_ROLE_IDS, formSchema: form.schema }, locale).map((p) => ({ ...p, pointer: `/flow${p.pointer}` }));
    return [...given.filter((p) => !CHECK_CODES.has(p.code)), ...live];
  } catch {
    // A flow the meta-schema refuses may trip the semantic check: the given problems say why.
    return [...given];
  }
}

/** About how wide `text` is at 11px: CJK characters take a full em, others about half. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 11 : 6.2;
  return width;
}

/** The selection a diagram element stands for (`s3`, `s3-b1`, `s3-join`, `e-s3-t0`, `e-s3-fork1`). */
function selectionOf(id: string): Selection | undefined {
  const match = /^(?:e-)?s(\d+)(?:-(?:t(\d+)|b(\d+)|fork(\d+)|joinin(\d+)))?/.exec(id);
  if (!match) return undefined;
  const [, step, transition, branch, fork, joinIn] = match;
  const b = branch ?? fork ?? joinIn;
  return { step: Number(step), ...(transition !== undefined ? { transition: Number(transition) } : {}), ...(b !== undefined ? { branch: Number(b) } : {}) };
}

/** The selection a problem's pointer names (`/flow/steps/2/transitions/0/when` → step 2, transition 0). */
function selectionOfPointer(pointer: string): Selection | undefined {
  const match = /^\/flow\/steps\/(\d+)(?:\/(transitions|branches)\/(\d+))?/.exec(pointer);
  if (!match) return undefined;
  const [, step, part, index] = match;
  return { step: Number(step), ...(part === 'transitions' ? { transition: Number(index) } : part === 'branches' ? { branch: Number(index) } : {}) };
}

export function FlowDesigner({ value: flow, onChange, draft, problems: given }: PartEditorProps<FlowDefinition>) {
  const t = useMessages(flowMessages);
  const ruleT = useMessages(ruleMessages);
  const { locale, text } = useI18n();
  // The rule editor's own words, for a condition's short reading on its edge.
  const sentenceWords = useMemo<SentenceWords>(() => ({
    ops: Object.fromEntries(OPERATORS.map((op) => [op, ruleT(`op.${op}`)])) as Record<Operator, string>,
    and: ruleT('word.and'),
    or: ruleT('word.or'),
    yes: ruleT('yes'),
    no: ruleT('no'),
    sentence: '{condition}',
    ageUnit: ruleT('ageUnit'),
  }), [ruleT]);
  const fields = useMemo(() => fieldsOfForm(draft.form, locale, draft.ui), [draft.form, draft.ui, locale]);
  const claimSlots = useClaimSlots(draft.item.id);
  const slots = useMemo(() => slotOptions(flow, claimSlots), [flow, claimSlots]);
  const problems = useMemo(() => currentProblems(given, flow, draft.form, locale), [given, flow, draft.form, locale]);
  const graph = useMemo(() => flowGraph(flow), [flow]);
  const grouped = useMemo(() => problemsByElement(graph, problems), [graph, problems]);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [kind, setKind] = useState<StepKind>('task');
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Rendered heights of the nodes; until measured, the layout estimates them.
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(new Map());
  const onMeasured = useCallback((measured: Record<string, number>) => {
    setHeights((old) => {
      const changed = Object.entries(measured).filter(([id, h]) => Math.abs((old.get(id) ?? -99) - h) > 2);
      return changed.length === 0 ? old : new Map([...old, ...changed]);
    });
  }, []);
  const selected = selection && selection.step < flow.steps.length ? selection : null;

  const problemsOfStep = useCallback((index: number) => problems.filter((p) => stepIndexOf(p.pointer) === index), [problems]);

  const select = setSelection;
  // Choosing a step from the list or a problem brings its properties into view, focused.
  const panelRef = useRef<HTMLDivElement>(null);
  const [reveal, setReveal] = useState(0);
  const selectAndReveal = (next: Selection) => {
    select(next);
    setReveal((n) => n + 1);
  };
  useEffect(() => {
    if (reveal === 0) return;
    panelRef.current?.scrollIntoView({ block: 'start' });
    panelRef.current?.querySelector<HTMLElement>('#flow-step-panel-title')?.focus();
  }, [reveal]);

  // Laid out again only when what is drawn changes, not when the selection does.
  const drawn = useMemo(
    () => diagramElements({ flow, graph, grouped, t, text, fields, sentenceWords, slots, heights, select, openSettings: () => setSettingsOpen(true) }),
    [flow, graph, grouped, t, text, fields, sentenceWords, slots, heights, select],
  );
  const elements = useMemo(() => ({
    nodes: drawn.nodes.map((n) => {
      const at = selectionOf(n.id);
      const on = selected !== null && at?.step === selected.step && (n.id.includes('-b') ? at.branch === selected.branch : !n.id.endsWith('-join'));
      return on ? { ...n, selected: true } : n;
    }),
    edges: drawn.edges.map((e) => {
      const at = selectionOf(e.id);
      const on = selected !== null && e.data?.kind === 'transition' && at?.step === selected.step && at.transition === selected.transition;
      return on ? { ...e, selected: true } : e;
    }),
  }), [drawn, selected]);

  const onSelectNode = (id: string) => {
    if (id === START_NODE) {
      setSettingsOpen(true);
      return;
    }
    const s = selectionOf(id);
    if (s) select(s);
  };
  const onSelectEdge = (id: string) => {
    if (id === 'e-start') setSettingsOpen(true);
    else {
      const s = selectionOf(id);
      if (s) select(s);
    }
  };
  const onConnect = (source: string, target: string) => {
    const to = selectionOf(target);
    if (!to || /-/.test(target)) return;
    const targetId = flow.steps[to.step]?.id;
    if (!targetId) return;
    if (source === START_NODE) {
      onChange({ ...flow, start: targetId });
      return;
    }
    const from = selectionOf(source);
    if (!from) return;
    const next = connect(flow, from.step, targetId);
    onChange(next);
    // The new transition is the one object the step did not have before.
    const before = flow.steps[from.step].transitions ?? [];
    const j = (next.steps[from.step].transitions ?? []).findIndex((tr) => !before.includes(tr));
    select({ step: from.step, ...(j >= 0 ? { transition: j } : {}) });
  };
  const isValidTarget = (source: string, target: string) => {
    if (!/^s\d+$/.test(target)) return false;
    if (source === START_NODE) return true;
    const from = selectionOf(source);
    return Boolean(from && flow.steps[from.step] && flow.steps[from.step].kind !== 'end' && !source.includes('-b'));
  };

  const add = () => {
    const n = flow.steps.length + 1;
    const id = freshId(flow.steps.map((s) => s.id), kind === 'end' ? 'end' : kind === 'parallel' ? 'parallel' : kind === 'decision' ? 'decide' : 'step');
    const name = { 'zh-CN': flowMessages['zh-CN']['step.newName'].replace('{n}', String(n)), en: (flowMessages.en['step.newName'] ?? '').replace('{n}', String(n)) };
    onChange(addStep(flow, newStep(kind, id, name)));
    select({ step: flow.steps.length });
  };

  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('a11y.node'),
      'edge.a11yDescription.default': t('a11y.edge'),
      'controls.ariaLabel': t('a11y.controls'),
      'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('a11y.fitView'),
      'handle.ariaLabel': t('a11y.handle'),
    }),
    [t],
  );

  return (
    <div data-testid="flow-designer" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center" role="group" aria-labelledby="flow-add-kind-label">
          <span id="flow-add-kind-label">{t('toolbar.kind')}</span>
          <Radio.Group
            optionType="button"
            size="small"
            data-testid="flow-add-kind"
            value={kind}
            options={STEP_KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as FlowMessageKey) }))}
            onChange={(e) => setKind(e.target.value as StepKind)}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={add} data-testid="flow-add-step">{t('toolbar.addStep')}</Button>
        </Flex>
        <Button icon={<SettingOutlined />} aria-expanded={settingsOpen} aria-controls="flow-settings-card" data-testid="flow-settings-toggle" onClick={() => setSettingsOpen((o) => !o)}>
          {t('toolbar.settings')}
        </Button>
      </Flex>
      {settingsOpen && (
        <Card size="small" id="flow-settings-card" title={t('settings.title')}>
          <FlowSettings flow={flow} onChange={onChange} />
        </Card>
      )}

      <Flex gap={12} wrap align="flex-start">
        <div style={{ flex: '999 1 560px', minWidth: 0 }}>
          <FlowDiagram
            nodes={elements.nodes}
            edges={elements.edges}
            ariaLabel={t('diagram.label')}
            fitKey={`${graph.nodes.length}:${graph.edges.length}:${heights.size}`}
            height="clamp(440px, calc(100vh - 150px), 860px)"
            ariaLabels={ariaLabels}
            onSelectNode={onSelectNode}
            onSelectEdge={onSelectEdge}
            onConnect={onConnect}
            isValidTarget={isValidTarget}
            onMeasured={onMeasured}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('diagram.hint')}</Typography.Text>
        </div>
        {selected && (
          <Card size="small" ref={panelRef} style={{ flex: '1 1 360px', minWidth: 0, maxHeight: 'clamp(440px, calc(100vh - 150px), 860px)', overflowY: 'auto' }}>
            <StepPanel
              flow={flow}
              index={selected.step}
              focus={selected}
              onChange={onChange}
              onClose={() => select(null)}
              fields={fields}
              slots={slots}
              problems={problemsOfStep(selected.step)}
              itemType={draft.item.itemType}
            />
          </Card>
        )}
      </Flex>

      <section aria-labelledby="flow-problems-title" data-testid="flow-problems">
        <Typography.Title level={5} id="flow-problems-title" style={{ margin: '4px 0' }}>{t('problems.title')}</Typography.Title>
        {problems.length === 0 ? (
          <Alert type="success" showIcon title={t('problems.none')} data-testid="flow-problems-none" />
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none', display: 'grid', gap: 4 }}>
            {problems.map((p, i) => {
              const index = stepIndexOf(p.pointer);
              const step = index !== undefined ? flow.steps[index] : undefined;
              return (
                <li key={i}>
                  <Button
                    type="link"
                    danger
                    data-testid="flow-problem"
                    data-pointer={p.pointer}
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => {
                      const at = selectionOfPointer(p.pointer);
                      if (at && step) selectAndReveal(at);
                      else setSettingsOpen(true);
                    }}
                  >
                    ⚠ {step ? `${text(step.name) || step.id}：` : `${t('problems.flow')}：`}{p.message}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="flow-step-list-title">
        <Typography.Title level={5} id="flow-step-list-title" style={{ margin: '4px 0' }}>{t('list.title')}</Typography.Title>
        <StepTable flow={flow} selected={selected?.step} problemsOf={problemsOfStep} onSelect={(step) => selectAndReveal({ step })} onChange={onChange} />
      </section>
    </div>
  );
}

interface ElementsInput {
  flow: FlowDefinition;
  graph: FlowGraph;
  grouped: ReturnType<typeof problemsByElement>;
  t: Translate<FlowMessageKey>;
  text(value: { 'zh-CN': string; en?: string } | undefined): string;
  fields: RuleField[];
  sentenceWords: SentenceWords;
  slots: SlotOption[];
  heights: ReadonlyMap<string, number>;
  select(selection: Selection): void;
  openSettings(): void;
}

/** React Flow's nodes and edges for the graph: labels in the user's language, problems attached. */
function diagramElements({ flow, graph, grouped, t, text, fields, sentenceWords, slots, heights, select, openSettings }: ElementsInput): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  // A field's own label, without its section's, is enough on an edge.
  const short = fields.map((f) => ({ ...f, label: f.label.split(' › ').pop() ?? f.label }));
  const labels = new Map(short.map((f) => [f.path, f.label]));
  const words = { and: t('word.and'), or: t('word.or'), not: t('word.not') };
  const summary = (rule: unknown) => {
    if (rule === undefined) return undefined;
    const model = fromLogic(rule);
    return (model && describeModel(model, short, sentenceWords).trim()) || ruleSummary(rule, labels, words);
  };
  const roleName = (id: string | undefined) => (id ? text(STAFF_ROLES.find((r) => r.id === id)?.name) || id : '—');
  const slotName = (slot: string | undefined) => {
    const s = slot ?? 'lead';
    const known = slots.find((x) => x.slot === s)?.department;
    return known ? `${s}（${text(known)}）` : s;
  };
  const actions = (list: FlowStep['actions']) => (list ?? []).map((a) => t(`action.${a}` as FlowMessageKey)).join(t('word.listSep'));
  const effects = (step: FlowStep) => (step.effects ?? []).map((e) => `${t(`effect.${e.kind}` as FlowMessageKey)}${e.licenceType ? `：${e.licenceType}` : e.template ? `：${e.template}` : ''}`);

  const dataOf = (n: GraphNode): DiagramNode['data'] => {
    const problems = grouped.nodes.get(n.id) ?? [];
    if (n.kind === 'start') {
      return { kind: 'start', title: t('diagram.start'), tag: '', lines: [], chips: [], problems, testId: 'flow-start', connectable: true, hasTarget: false, hasSource: true };
    }
    const step = flow.steps[n.stepIndex!];
    if (n.kind === 'join') {
      return {
        kind: 'join',
        title: step.quorum ? t('diagram.joinQuorum', { n: step.quorum }) : t('diagram.joinAll'),
        tag: '',
        lines: [],
        chips: [],
        problems,
        testId: `flow-join-${step.id}`,
        connectable: true,
        hasTarget: true,
        hasSource: true,
      };
    }
    if (n.kind === 'branch') {
      const branch = step.branches![n.branchIndex!];
      return {
        kind: 'branch',
        title: text(branch.name) || branch.id,
        tag: t('kind.branch'),
        lines: [
          `${roleName(branch.role)} · ${slotName(branch.department)}`,
          [branch.deadlineDays ? t('diagram.days', { n: branch.deadlineDays }) : '', actions(branch.actions)].filter(Boolean).join(' · '),
        ].filter(Boolean),
        chips: [],
        correction: branch.actions?.includes('returnForCorrection') ? t('diagram.correctionShort') : undefined,
        correctionHint: t('diagram.correctionLoop'),
        problems,
        testId: `flow-branch-${step.id}-${branch.id}`,
        connectable: false,
        hasTarget: true,
        hasSource: true,
      };
    }
    const lines: string[] = [];
    if (step.kind === 'task') {
      lines.push(`${roleName(step.role)} · ${slotName(step.department)}`);
      if (step.deadlineDays) lines.push(t('diagram.days', { n: step.deadlineDays }));
      lines.push(actions(step.actions));
    } else if (step.kind === 'parallel') {
      if (step.deadlineDays) lines.push(t('diagram.days', { n: step.deadlineDays }));
    } else if (step.kind === 'end' && step.outcome) {
      lines.push(t(`outcome.${step.outcome}` as FlowMessageKey));
    }
    return {
      kind: step.kind,
      title: text(step.name) || step.id,
      tag: t(`kind.${step.kind}` as FlowMessageKey),
      lines,
      chips: effects(step),
      correction: step.kind === 'task' && step.actions?.includes('returnForCorrection') ? t('diagram.correctionShort') : undefined,
      correctionHint: t('diagram.correctionLoop'),
      problems,
      testId: `flow-node-${step.id}`,
      outcome: step.outcome,
      connectable: step.kind !== 'end',
      hasTarget: true,
      hasSource: step.kind !== 'end',
    };
  };

  const edgeData: Record<string, { data: DiagramEdgeData; size: { width: number; height: number } }> = {};
  for (const e of graph.edges) {
    const step = e.stepIndex !== undefined ? flow.steps[e.stepIndex] : undefined;
    const problems = grouped.edges.get(e.id) ?? [];
    let label = '';
    let condition: string | undefined;
    let testId = e.id;
    if (e.kind === 'transition' && step) {
      const tr = step.transitions![e.index!];
      label = tr.on ? t(`action.${tr.on}` as FlowMessageKey) : tr.when === undefined ? t('diagram.otherwise') : '';
      condition = summary(tr.when);
      testId = `flow-edge-${step.id}-${e.index}`;
    } else if (e.kind === 'fork' && step) {
      const branch = step.branches![e.index!];
      condition = summary(branch.when);
      testId = `flow-fork-${step.id}-${branch.id}`;
    } else if (e.kind === 'next' && step) {
      label = t('diagram.allApproved');
      testId = `flow-edge-${step.id}-next`;
    } else if (e.kind === 'onReject' && step) {
      label = t('diagram.anyRejected');
      testId = `flow-edge-${step.id}-reject`;
    } else if (e.kind === 'start') {
      testId = 'flow-edge-start';
    }
    const selectEdge = () => {
      if (e.kind === 'start') openSettings();
      else if (e.stepIndex !== undefined) select({ step: e.stepIndex, ...(e.kind === 'transition' ? { transition: e.index } : e.kind === 'fork' || e.kind === 'toJoin' ? { branch: e.index } : {}) });
    };
    // The label's box, roughly (11px text, at most 220px wide), so the layout keeps it clear of the nodes.
    const lines = [label, condition, ...problems.map((p) => `⚠ ${p.message}`)].filter((x): x is string => Boolean(x));
    const widest = Math.max(0, ...lines.map(textWidth));
    const wrapped = lines.reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / 208)), 0);
    edgeData[e.id] = {
      data: { kind: e.kind, label, condition, problems, testId, select: selectEdge },
      size: lines.length === 0 ? { width: 0, height: 0 } : { width: Math.min(220, widest + 14), height: 16 * wrapped + 6 },
    };
  }

  // Heights grow with what a node shows, so the layout leaves room for problem messages.
  const sized = {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const d = dataOf(n);
      const extra = d.problems.reduce((h, p) => h + 15 * Math.ceil(p.message.length / 17), 4) + (d.correction ? 16 : 0) + 19 * d.chips.length;
      const estimate = n.kind === 'start' || n.kind === 'join' ? n.height + (d.problems.length ? extra : 0) : 30 + 17 * d.lines.length + extra;
      return { ...n, height: heights.get(n.id) ?? estimate };
    }),
  };
  const layout = layoutGraph(sized, (id) => edgeData[id]?.size);

  const nodes: DiagramNode[] = sized.nodes.map((n) => {
    const data = dataOf(n);
    return {
      id: n.id,
      type: 'step',
      position: layout.nodes.get(n.id) ?? { x: 0, y: 0 },
      data,
      width: n.width,
      ariaLabel: [data.tag, data.title, ...data.problems.map((p) => `⚠ ${p.message}`)].filter(Boolean).join('，'),
      style: { width: n.width },
    };
  });

  const edges: DiagramEdge[] = graph.edges.map((e) => {
    const { data } = edgeData[e.id];
    return { id: e.id, type: 'flow', source: e.source, target: e.target, data: { ...data, route: layout.edges.get(e.id) } };
  });
  return { nodes, edges };
}
