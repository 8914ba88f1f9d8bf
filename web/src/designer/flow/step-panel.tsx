/**
 * The properties of one step: id, names, kind, handling role and department, deadline, allowed
 * actions (with the correction loop), transitions with their conditions (the visual rule editor),
 * a parallel step's branches and join, an end step's outcome, and the effects of entering it.
 * Every change hands the whole new flow up.
 */
import { CloseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Divider, Flex, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { statusWord } from '@banshi/schemas';
import type { FieldError, FlowAction, FlowBranch, FlowDefinition, FlowEffect, FlowStep, FlowTransition } from '@banshi/schemas';
import { useI18n, useMessages, type Translate } from '../../shared/i18n.js';
import { RuleEditor } from '../rules/rule-editor.js';
import type { RuleField } from '../rules/rule-fields.js';
import { Field, NativeSelect, type Option } from './flow-controls.js';
import {
  ALL_ACTIONS,
  IDENTIFIER,
  IN_PLACE_ACTIONS,
  changeKind,
  connect,
  deleteStep,
  freshId,
  moveTransition,
  removeTransition,
  renameStep,
  setOptional,
  toggleAction,
  updateBranch,
  updateStep,
  updateTransition,
  withCondition,
  type StepKind,
} from './flow-edits.js';
import { STAFF_ROLES, type SlotOption } from './flow-reference.js';
import { flowMessages, type FlowMessageKey } from './messages.js';

export const STEP_KINDS: StepKind[] = ['task', 'parallel', 'decision', 'end'];
const STATUSES = ['submitted', 'accepted', 'inReview', 'approved'] as const;
const OUTCOMES = ['completed', 'denied', 'notAccepted'] as const;
const EFFECT_KINDS = ['notify', 'issueLicence', 'webhook'] as const;
const EFFECT_PARAM = { notify: 'template', issueLicence: 'licenceType', webhook: 'url' } as const;

export interface StepPanelProps {
  flow: FlowDefinition;
  index: number;
  onChange(flow: FlowDefinition): void;
  onClose(): void;
  fields: RuleField[];
  slots: SlotOption[];
  problems: FieldError[];
  /** The transition or branch to bring into view (chosen on the diagram). */
  focus?: { transition?: number; branch?: number };
  /** The item's type (GB/T 39046): names the statuses in the words the applicant and staff see. */
  itemType?: string;
}

export function actionLabel(t: Translate<FlowMessageKey>, action: FlowAction): string {
  return t(`action.${action}` as FlowMessageKey);
}

export function StepPanel({ flow, index, onChange, onClose, fields, slots, problems, focus, itemType }: StepPanelProps) {
  const t = useMessages(flowMessages);
  const { locale, text } = useI18n();
  const step = flow.steps[index];
  const set = (next: FlowStep) => onChange(updateStep(flow, index, next));
  const at = `flow-step`;
  const stepOptions: Option[] = flow.steps.map((s) => ({ value: s.id, label: `${text(s.name) || s.id}（${s.id}）` }));
  const roleOptions: Option[] = [{ value: '', label: t('panel.roleNone') }, ...STAFF_ROLES.map((r) => ({ value: r.id, label: `${text(r.name)}（${r.id}）` }))];
  const focusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focus?.transition, focus?.branch, index]);

  return (
    <section aria-labelledby="flow-step-panel-title" data-testid="flow-step-panel" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Typography.Title level={4} id="flow-step-panel-title" tabIndex={-1} style={{ margin: 0, outline: 'none' }}>
          {t('panel.title')} · {text(step.name) || step.id}
        </Typography.Title>
        <Button type="text" icon={<CloseOutlined />} aria-label={t('panel.close')} onClick={onClose} data-testid="flow-panel-close" />
      </Flex>
      <Flex gap={8} wrap>
        {flow.start === step.id ? (
          <Tag color="default" data-testid="flow-step-is-start">▶ {t('panel.isStart')}</Tag>
        ) : (
          <Button size="small" onClick={() => onChange({ ...flow, start: step.id })} data-testid="flow-set-start">{t('panel.setStart')}</Button>
        )}
        <Button size="small" danger icon={<DeleteOutlined />} disabled={flow.steps.length <= 1} onClick={() => onChange(deleteStep(flow, index))} data-testid="flow-delete-step">
          {t('panel.delete')}
        </Button>
      </Flex>

      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="flow-step-problems"
          title={t('panel.problems')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
        />
      )}

      <StepIdField flow={flow} index={index} onChange={onChange} />
      <Flex gap={8} wrap>
        <Field label={t('panel.nameZh')} htmlFor={`${at}-name-zh`} style={{ flex: '1 1 160px' }}>
          <Input id={`${at}-name-zh`} data-testid="flow-step-name-zh" value={step.name['zh-CN']} status={step.name['zh-CN'] ? undefined : 'error'}
            onChange={(e) => set({ ...step, name: { ...step.name, 'zh-CN': e.target.value } })} />
        </Field>
        <Field label={t('panel.nameEn')} htmlFor={`${at}-name-en`} style={{ flex: '1 1 160px' }}>
          <Input id={`${at}-name-en`} data-testid="flow-step-name-en" value={step.name.en ?? ''}
            onChange={(e) => set({ ...step, name: setOptional(step.name, 'en', e.target.value) })} />
        </Field>
      </Flex>
      <div role="group" aria-labelledby={`${at}-kind-label`}>
        <div id={`${at}-kind-label`} style={{ fontSize: 13 }}>{t('panel.kind')}</div>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="small"
          data-testid="flow-step-kind"
          value={step.kind}
          options={STEP_KINDS.map((k) => ({ value: k, label: t(`kind.${k}` as FlowMessageKey) }))}
          onChange={(e) => set(changeKind(step, e.target.value as StepKind))}
        />
      </div>

      {step.kind === 'task' && (
        <>
          <Flex gap={8} wrap>
            <Field label={t('panel.role')} htmlFor={`${at}-role`} style={{ flex: '1 1 150px' }}>
              <NativeSelect id={`${at}-role`} testId="flow-step-role" value={step.role ?? ''} options={roleOptions} invalid={!step.role}
                onChange={(role) => set(setOptional(step, 'role', role))} />
            </Field>
            <Field label={t('panel.department')} htmlFor={`${at}-department`} style={{ flex: '1 1 150px' }}>
              <SlotInput id={`${at}-department`} testId="flow-step-department" value={step.department ?? 'lead'} slots={slots}
                onChange={(department) => set(setOptional(step, 'department', department))} />
            </Field>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginTop: -8 }}>{t('panel.departmentHint')}</Typography.Text>
          <Flex gap={8} wrap>
            <Field label={t('panel.deadline')} htmlFor={`${at}-deadline`} style={{ flex: '1 1 120px' }}>
              <InputNumber id={`${at}-deadline`} data-testid="flow-step-deadline" min={1} max={365} precision={0} style={{ width: '100%' }}
                value={step.deadlineDays ?? null} onChange={(n) => set(setOptional(step, 'deadlineDays', typeof n === 'number' ? n : undefined))} />
            </Field>
            <Field label={t('panel.status')} htmlFor={`${at}-status`} style={{ flex: '1 1 150px' }}>
              <NativeSelect id={`${at}-status`} testId="flow-step-status" value={step.status ?? ''}
                options={[{ value: '', label: t('status.default') }, ...STATUSES.map((s) => ({ value: s, label: statusWord(s, itemType, locale) }))]}
                onChange={(status) => set(setOptional(step, 'status', (status || undefined) as FlowStep['status']))} />
            </Field>
          </Flex>
          <ActionsField id={`${at}-actions`} testId="flow-step-actions" actions={step.actions ?? []} t={t}
            onToggle={(action, on) => set(toggleAction(step, action, on))} />
          {(step.actions ?? []).includes('returnForCorrection') && (
            <Alert type="warning" showIcon data-testid="flow-step-correction" title={t('panel.correction')} description={t('panel.correctionHint')} />
          )}
        </>
      )}

      {step.kind === 'parallel' && (
        <>
          <Flex gap={8} wrap>
            <Field label={t('panel.deadline')} htmlFor={`${at}-deadline`} style={{ flex: '1 1 120px' }}>
              <InputNumber id={`${at}-deadline`} data-testid="flow-step-deadline" min={1} max={365} precision={0} style={{ width: '100%' }}
                value={step.deadlineDays ?? null} onChange={(n) => set(setOptional(step, 'deadlineDays', typeof n === 'number' ? n : undefined))} />
            </Field>
            <Field label={t('panel.quorum')} htmlFor={`${at}-quorum`} hint={t('panel.quorumHint')} style={{ flex: '1 1 150px' }}>
              <InputNumber id={`${at}-quorum`} data-testid="flow-step-quorum" min={1} precision={0} style={{ width: '100%' }}
                value={step.quorum ?? null} onChange={(n) => set(setOptional(step, 'quorum', typeof n === 'number' ? n : undefined))} />
            </Field>
          </Flex>
          <Flex gap={8} wrap>
            <Field label={t('panel.next')} htmlFor={`${at}-next`} style={{ flex: '1 1 150px' }}>
              <NativeSelect id={`${at}-next`} testId="flow-step-next" value={step.next ?? ''} invalid={!step.next}
                options={[{ value: '', label: t('panel.none.option') }, ...stepOptions.filter((o) => o.value !== step.id)]}
                onChange={(next) => set(setOptional(step, 'next', next))} />
            </Field>
            <Field label={t('panel.onReject')} htmlFor={`${at}-on-reject`} style={{ flex: '1 1 150px' }}>
              <NativeSelect id={`${at}-on-reject`} testId="flow-step-on-reject" value={step.onReject ?? ''}
                options={[{ value: '', label: t('panel.none.option') }, ...stepOptions.filter((o) => o.value !== step.id)]}
                onChange={(onReject) => set(setOptional(step, 'onReject', onReject))} />
            </Field>
          </Flex>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('panel.branches')}</Divider>
          {(step.branches ?? []).map((branch, k) => (
            <div key={k} ref={focus?.branch === k ? focusRef : undefined}>
              <BranchEditor
                branch={branch}
                index={k}
                highlighted={focus?.branch === k}
                fields={fields}
                slots={slots}
                roleOptions={roleOptions}
                onChange={(b) => set(updateBranch(step, k, b))}
                onRemove={() => set({ ...step, branches: (step.branches ?? []).filter((_, i) => i !== k) })}
              />
            </div>
          ))}
          <div>
            <Button icon={<PlusOutlined />} data-testid="flow-add-branch"
              onClick={() => {
                const n = (step.branches?.length ?? 0) + 1;
                const id = freshId((step.branches ?? []).map((b) => b.id), `branch${n}`);
                const branch: FlowBranch = { id, name: { 'zh-CN': `分支 ${n}`, en: `Branch ${n}` }, role: 'reviewer', department: 'lead', deadlineDays: 5, actions: ['approve', 'reject'] };
                set({ ...step, branches: [...(step.branches ?? []), branch] });
              }}>
              {t('panel.addBranch')}
            </Button>
          </div>
        </>
      )}

      {step.kind === 'decision' && (
        <Field label={t('panel.deadline')} htmlFor={`${at}-deadline`}>
          <InputNumber id={`${at}-deadline`} data-testid="flow-step-deadline" min={1} max={365} precision={0} style={{ width: 160 }}
            value={step.deadlineDays ?? null} onChange={(n) => set(setOptional(step, 'deadlineDays', typeof n === 'number' ? n : undefined))} />
        </Field>
      )}

      {step.kind === 'end' && (
        <Field label={t('panel.outcome')} htmlFor={`${at}-outcome`}>
          <NativeSelect id={`${at}-outcome`} testId="flow-step-outcome" value={step.outcome ?? ''} invalid={!step.outcome}
            options={[...(step.outcome ? [] : [{ value: '', label: t('panel.none.option') }]), ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}` as FlowMessageKey) }))]}
            onChange={(outcome) => set(setOptional(step, 'outcome', (outcome || undefined) as FlowStep['outcome']))} />
        </Field>
      )}

      {(step.kind === 'task' || step.kind === 'decision') && (
        <>
          <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('panel.transitions')}</Divider>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{step.kind === 'decision' ? t('panel.decisionHint') : t('panel.taskTransitionsHint')}</Typography.Text>
          {(step.transitions ?? []).map((transition, j) => (
            <div key={j} ref={focus?.transition === j ? focusRef : undefined}>
              <TransitionEditor
                step={step}
                index={j}
                transition={transition}
                highlighted={focus?.transition === j}
                stepOptions={stepOptions}
                fields={fields}
                onChange={(tr) => set(updateTransition(step, j, tr))}
                onRemove={() => set(removeTransition(step, j))}
                onMove={(delta) => set(moveTransition(step, j, delta))}
              />
            </div>
          ))}
          <div>
            <Button icon={<PlusOutlined />} data-testid="flow-add-transition" disabled={flow.steps.length < 2}
              onClick={() => {
                // The first step it does not lead to yet (the designer picks the right one next).
                const transitions = step.transitions ?? [];
                const target = flow.steps.find((s, i) => i !== index && !transitions.some((tr) => tr.to === s.id)) ?? flow.steps.find((_, i) => i !== index);
                if (target) onChange(connect(flow, index, target.id));
              }}>
              {t('panel.addTransition')}
            </Button>
          </div>
        </>
      )}

      <Divider titlePlacement="start" style={{ margin: '4px 0' }}>{t('panel.effects')}</Divider>
      <EffectsEditor effects={step.effects ?? []} onChange={(effects) => set(setOptional(step, 'effects', effects.length ? effects : undefined))} />
    </section>
  );
}

function StepIdField({ flow, index, onChange }: { flow: FlowDefinition; index: number; onChange(flow: FlowDefinition): void }) {
  const t = useMessages(flowMessages);
  const id = flow.steps[index].id;
  const [draft, setDraft] = useState(id);
  useEffect(() => setDraft(id), [id]);
  const valid = IDENTIFIER.test(draft) && !flow.steps.some((s, i) => i !== index && s.id === draft);
  const commit = () => {
    if (valid && draft !== id) onChange(renameStep(flow, index, draft));
    else if (!valid) setDraft(id);
  };
  return (
    <Field label={t('panel.id')} htmlFor="flow-step-id" hint={valid ? t('panel.idHint') : t('panel.idInvalid')}>
      <Input id="flow-step-id" data-testid="flow-step-id" value={draft} status={valid ? undefined : 'error'} aria-invalid={!valid || undefined}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit} onPressEnter={commit} style={{ fontFamily: 'monospace' }} />
    </Field>
  );
}

function SlotInput({ id, testId, value, slots, onChange }: { id: string; testId: string; value: string; slots: SlotOption[]; onChange(value: string): void }) {
  const { text } = useI18n();
  const listId = `${id}-slots`;
  return (
    <>
      <Input id={id} data-testid={testId} list={listId} value={value} status={value ? undefined : 'error'} autoComplete="off"
        onChange={(e) => onChange(e.target.value.trim())} style={{ fontFamily: 'monospace' }} />
      <datalist id={listId}>
        {slots.map((s) => <option key={s.slot} value={s.slot}>{s.department ? text(s.department) : s.slot}</option>)}
      </datalist>
    </>
  );
}

function ActionsField({ id, testId, actions, t, onToggle }: { id: string; testId: string; actions: FlowAction[]; t: Translate<FlowMessageKey>; onToggle(action: FlowAction, on: boolean): void }) {
  return (
    <div role="group" aria-labelledby={`${id}-label`} data-testid={testId}>
      <div id={`${id}-label`} style={{ fontSize: 13 }}>{t('panel.actions')}</div>
      <Flex wrap gap={4}>
        {ALL_ACTIONS.filter((a) => a !== 'resubmit' && a !== 'withdraw').map((action) => (
          <Checkbox key={action} checked={actions.includes(action)} onChange={(e) => onToggle(action, e.target.checked)} data-testid={`${testId}-${action}`}>
            {actionLabel(t, action)}
          </Checkbox>
        ))}
      </Flex>
    </div>
  );
}

function TransitionEditor({ step, index, transition, highlighted, stepOptions, fields, onChange, onRemove, onMove }: {
  step: FlowStep;
  index: number;
  transition: FlowTransition;
  highlighted: boolean;
  stepOptions: Option[];
  fields: RuleField[];
  onChange(t: FlowTransition): void;
  onRemove(): void;
  onMove(delta: -1 | 1): void;
}) {
  const t = useMessages(flowMessages);
  const id = `flow-transition-${index}`;
  const actions = (step.actions ?? []).filter((a) => !IN_PLACE_ACTIONS.has(a) || a === transition.on);
  // A decision's transitions are all about their conditions; a task's get one on request.
  const [showRule, setShowRule] = useState(transition.when !== undefined || step.kind === 'decision');
  useEffect(() => {
    if (transition.when !== undefined) setShowRule(true);
  }, [transition.when]);
  return (
    <div
      role="group"
      aria-label={`${t('panel.transitions')} ${index + 1}`}
      data-testid={id}
      style={{ border: `1px solid ${highlighted ? '#1677ff' : '#d9d9d9'}`, borderRadius: 6, padding: 8, display: 'grid', gap: 6, background: highlighted ? '#f0f7ff' : '#fff' }}
    >
      <Flex gap={8} wrap align="end">
        {step.kind === 'task' && (
          <Field label={t('panel.on')} htmlFor={`${id}-on`} style={{ flex: '1 1 110px' }}>
            <NativeSelect id={`${id}-on`} testId={`${id}-on`} value={transition.on ?? ''} invalid={!transition.on}
              options={actions.map((a) => ({ value: a, label: t(`action.${a}` as FlowMessageKey) }))}
              onChange={(on) => onChange({ ...transition, on: on as FlowAction })} />
          </Field>
        )}
        <Field label={t('panel.to')} htmlFor={`${id}-to`} style={{ flex: '2 1 150px' }}>
          <NativeSelect id={`${id}-to`} testId={`${id}-to`} value={transition.to} options={stepOptions} onChange={(to) => onChange({ ...transition, to })} />
        </Field>
        <Flex gap={2}>
          <Button size="small" aria-label={t('panel.moveUp')} data-testid={`${id}-up`} onClick={() => onMove(-1)} disabled={index === 0}>↑</Button>
          <Button size="small" aria-label={t('panel.moveDown')} data-testid={`${id}-down`} onClick={() => onMove(1)} disabled={index === (step.transitions?.length ?? 1) - 1}>↓</Button>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('panel.removeTransition')} data-testid={`${id}-remove`} onClick={onRemove} />
        </Flex>
      </Flex>
      {showRule ? (
        <RuleEditor value={transition.when} fields={fields} label={t('panel.condition')} testId={`${id}-rule`}
          onChange={(when) => onChange(withCondition(transition, when))} />
      ) : (
        <div>
          <Button size="small" icon={<PlusOutlined />} data-testid={`${id}-add-condition`} onClick={() => setShowRule(true)}>
            {t('panel.condition')}
          </Button>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{step.kind === 'decision' ? t('diagram.otherwise') : t('panel.noCondition')}</Typography.Text>
        </div>
      )}
    </div>
  );
}

function BranchEditor({ branch, index, highlighted, fields, slots, roleOptions, onChange, onRemove }: {
  branch: FlowBranch;
  index: number;
  highlighted: boolean;
  fields: RuleField[];
  slots: SlotOption[];
  roleOptions: Option[];
  onChange(b: FlowBranch): void;
  onRemove(): void;
}) {
  const t = useMessages(flowMessages);
  const id = `flow-branch-${index}`;
  return (
    <div
      role="group"
      aria-label={`${t('kind.branch')} ${index + 1}`}
      data-testid={id}
      style={{ border: `1px solid ${highlighted ? '#722ed1' : '#d3adf7'}`, borderRadius: 6, padding: 8, display: 'grid', gap: 6, background: highlighted ? '#f9f0ff' : '#fff' }}
    >
      <Flex gap={8} wrap align="end">
        <Field label={t('panel.branchId')} htmlFor={`${id}-id`} style={{ flex: '1 1 100px' }}>
          <Input id={`${id}-id`} data-testid={`${id}-id`} value={branch.id} status={IDENTIFIER.test(branch.id) ? undefined : 'error'} style={{ fontFamily: 'monospace' }}
            onChange={(e) => onChange({ ...branch, id: e.target.value.trim() })} />
        </Field>
        <Field label={t('panel.nameZh')} htmlFor={`${id}-name-zh`} style={{ flex: '2 1 140px' }}>
          <Input id={`${id}-name-zh`} data-testid={`${id}-name-zh`} value={branch.name['zh-CN']} onChange={(e) => onChange({ ...branch, name: { ...branch.name, 'zh-CN': e.target.value } })} />
        </Field>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('panel.removeBranch')} data-testid={`${id}-remove`} onClick={onRemove} />
      </Flex>
      <Field label={t('panel.nameEn')} htmlFor={`${id}-name-en`}>
        <Input id={`${id}-name-en`} value={branch.name.en ?? ''} onChange={(e) => onChange({ ...branch, name: setOptional(branch.name, 'en', e.target.value) })} />
      </Field>
      <Flex gap={8} wrap>
        <Field label={t('panel.role')} htmlFor={`${id}-role`} style={{ flex: '1 1 120px' }}>
          <NativeSelect id={`${id}-role`} testId={`${id}-role`} value={branch.role} options={roleOptions} invalid={!branch.role} onChange={(role) => onChange({ ...branch, role })} />
        </Field>
        <Field label={t('panel.department')} htmlFor={`${id}-department`} style={{ flex: '1 1 120px' }}>
          <SlotInput id={`${id}-department`} testId={`${id}-department`} value={branch.department} slots={slots} onChange={(department) => onChange({ ...branch, department })} />
        </Field>
        <Field label={t('panel.deadline')} htmlFor={`${id}-deadline`} style={{ flex: '1 1 100px' }}>
          <InputNumber id={`${id}-deadline`} data-testid={`${id}-deadline`} min={1} max={365} precision={0} style={{ width: '100%' }}
            value={branch.deadlineDays ?? null} onChange={(n) => onChange(setOptional(branch, 'deadlineDays', typeof n === 'number' ? n : undefined))} />
        </Field>
      </Flex>
      <ActionsField id={`${id}-actions`} testId={`${id}-actions`} actions={branch.actions ?? []} t={t}
        onToggle={(action, on) => {
          const actions = branch.actions ?? [];
          onChange({ ...branch, actions: on ? ALL_ACTIONS.filter((a) => a === action || actions.includes(a)) : actions.filter((a) => a !== action) });
        }} />
      <RuleEditor value={branch.when} fields={fields} label={t('panel.branchWhen')} testId={`${id}-rule`} onChange={(when) => onChange(withCondition(branch, when))} />
    </div>
  );
}

function EffectsEditor({ effects, onChange }: { effects: FlowEffect[]; onChange(effects: FlowEffect[]): void }) {
  const t = useMessages(flowMessages);
  return (
    <div style={{ display: 'grid', gap: 6 }} data-testid="flow-step-effects">
      {effects.map((effect, k) => {
        const param = EFFECT_PARAM[effect.kind];
        const id = `flow-effect-${k}`;
        return (
          <Flex key={k} gap={8} wrap align="end" role="group" aria-label={`${t('panel.effectKind')} ${k + 1}`}>
            <Field label={t('panel.effectKind')} htmlFor={`${id}-kind`} style={{ flex: '1 1 140px' }}>
              <NativeSelect id={`${id}-kind`} testId={`${id}-kind`} value={effect.kind}
                options={EFFECT_KINDS.map((kind) => ({ value: kind, label: t(`effect.${kind}` as FlowMessageKey) }))}
                onChange={(kind) => onChange(effects.map((e, i) => (i === k ? { kind: kind as FlowEffect['kind'] } : e)))} />
            </Field>
            <Field label={t(`effect.${param}` as FlowMessageKey)} htmlFor={`${id}-param`} style={{ flex: '2 1 160px' }}>
              <Input id={`${id}-param`} data-testid={`${id}-param`} value={effect[param] ?? ''} type={param === 'url' ? 'url' : 'text'}
                onChange={(e) => onChange(effects.map((x, i) => (i === k ? setOptional(x, param, e.target.value) : x)))} />
            </Field>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('panel.removeEffect')} onClick={() => onChange(effects.filter((_, i) => i !== k))} />
          </Flex>
        );
      })}
      <div>
        <Button size="small" icon={<PlusOutlined />} data-testid="flow-add-effect" onClick={() => onChange([...effects, { kind: 'notify', template: 'completed' }])}>
          {t('panel.addEffect')}
        </Button>
      </div>
    </div>
  );
}
