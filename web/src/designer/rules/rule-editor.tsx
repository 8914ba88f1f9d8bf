/**
 * The visual rule editor: conditions picked from the form's fields, grouped and joined by
 * 全部满足 / 任一满足, written as JSON Logic — no code. It reads back the JSON Logic it writes;
 * any other rule is shown as it is and kept until the designer chooses to rewrite it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, InputNumber, Popconfirm, Segmented, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useMessages } from '../../shared/i18n.js';
import { ruleMessages } from './messages.js';
import type { RuleField } from './rule-fields.js';
import {
  describeModel,
  fromLogic,
  isComplete,
  operatorsFor,
  takesValue,
  toLogic,
  type Condition,
  type ConditionGroup,
  type Join,
  type Operator,
  type RuleModel,
  type Scalar,
  type SentenceWords,
} from './rule-model.js';

export interface RuleEditorProps {
  /** JSON Logic, or undefined for no rule. */
  value: unknown;
  /** The new JSON Logic; undefined when no complete condition is left. */
  onChange(next: unknown | undefined): void;
  fields: RuleField[];
  /** A heading above the editor (also its accessible name). */
  label?: string;
  /** Prefix of the data-testid values inside (default `rule`), for pages with several editors. */
  testId?: string;
  /** How the readable sentence frames the condition, `{condition}` standing for it (default 当 {condition} 时). */
  sentence?: string;
}

interface EditorState {
  model: RuleModel;
  /** The value when it is JSON Logic this editor cannot show as conditions. */
  raw?: unknown;
}

const OPERATORS: Operator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'empty', 'notEmpty', 'ageGte', 'ageLt'];
const keyOf = (value: unknown) => JSON.stringify(value ?? null);

function stateOf(value: unknown): EditorState {
  const model = fromLogic(value);
  return model ? { model } : { model: { join: 'and', groups: [] }, raw: value };
}

const blank = (): Condition => ({ field: '', op: 'eq' });

export function RuleEditor({ value, onChange, fields, label, testId = 'rule', sentence: frame }: RuleEditorProps) {
  const t = useMessages(ruleMessages);
  const [state, setState] = useState<EditorState>(() => stateOf(value));
  // The JSON Logic this editor last wrote: a different value came from outside (undo, another editor).
  const written = useRef(keyOf(value));
  useEffect(() => {
    const key = keyOf(value);
    if (key !== written.current) {
      written.current = key;
      setState(stateOf(value));
    }
  }, [value]);

  const words = useMemo<SentenceWords>(() => ({
    ops: Object.fromEntries(OPERATORS.map((op) => [op, t(`op.${op}`)])) as Record<Operator, string>,
    and: t('word.and'),
    or: t('word.or'),
    yes: t('yes'),
    no: t('no'),
    sentence: frame ?? t('sentence'),
    ageUnit: t('ageUnit'),
    fieldQuote: t('fieldQuote'),
  }), [t, frame]);

  const update = (model: RuleModel) => {
    setState({ model });
    const logic = toLogic(model, fields);
    const key = keyOf(logic);
    if (key !== keyOf(value)) {
      written.current = key;
      onChange(logic);
    }
  };

  const { model, raw } = state;
  const setGroup = (g: number, group: ConditionGroup) => update({ ...model, groups: model.groups.map((x, i) => (i === g ? group : x)) });
  const setCondition = (g: number, c: number, condition: Condition) => {
    const group = model.groups[g]!;
    setGroup(g, { ...group, conditions: group.conditions.map((x, i) => (i === c ? condition : x)) });
  };
  const removeCondition = (g: number, c: number) => {
    const group = model.groups[g]!;
    const conditions = group.conditions.filter((_, i) => i !== c);
    update({ ...model, groups: conditions.length ? model.groups.map((x, i) => (i === g ? { ...group, conditions } : x)) : model.groups.filter((_, i) => i !== g) });
  };
  const addGroup = () => update({ ...model, groups: [...model.groups, { join: 'and', conditions: [blank()] }] });

  const sentence = describeModel(model, fields, words);
  const incomplete = model.groups.some((g) => g.conditions.some((c) => !isComplete(c)));
  const unknown = [...new Set(model.groups.flatMap((g) => g.conditions.map((c) => c.field)).filter((p) => p && !fields.some((f) => f.path === p)))];
  const fieldOptions = useMemo(() => fields.map((f) => ({ value: f.path, label: f.label })), [fields]);

  return (
    <section aria-label={label ?? t('sentence').replace('{condition}', '…')} data-testid={`${testId}-editor`} style={{ display: 'grid', gap: 8 }}>
      {label && <Typography.Text strong>{label}</Typography.Text>}
      {raw !== undefined ? (
        <Alert
          type="warning"
          showIcon
          data-testid={`${testId}-raw`}
          title={t('raw')}
          description={
            <>
              <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '8px 0', fontSize: 12, maxHeight: 200, overflow: 'auto' }}>{JSON.stringify(raw, null, 2)}</pre>
              <Popconfirm
                title={t('replaceConfirm')}
                okText={t('ok')}
                cancelText={t('cancel')}
                onConfirm={() => {
                  written.current = keyOf(undefined);
                  setState({ model: { join: 'and', groups: [{ join: 'and', conditions: [blank()] }] } });
                  onChange(undefined);
                }}
              >
                <Button size="small" data-testid={`${testId}-replace`}>{t('replace')}</Button>
              </Popconfirm>
            </>
          }
        />
      ) : (
        <>
          {model.groups.length === 0 && <Typography.Text type="secondary">{t('none')}</Typography.Text>}
          {model.groups.length > 1 && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text id={`${testId}-groups-join`}>{t('groupsJoin')}</Typography.Text>
              <Segmented
                size="small"
                aria-labelledby={`${testId}-groups-join`}
                data-testid={`${testId}-groups-join`}
                value={model.join}
                options={[{ value: 'and', label: t('join.and') }, { value: 'or', label: t('join.or') }]}
                onChange={(join) => update({ ...model, join: join as Join })}
              />
            </Flex>
          )}
          {model.groups.map((group, g) => (
            <div
              key={g}
              role="group"
              aria-label={t('group', { n: g + 1 })}
              data-testid={`${testId}-group-${g}`}
              style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 8, display: 'grid', gap: 8 }}
            >
              {group.conditions.length > 1 && (
                <Flex gap={8} align="center" wrap>
                  <Typography.Text id={`${testId}-join-${g}`}>{t('groupJoin')}</Typography.Text>
                  <Segmented
                    size="small"
                    aria-labelledby={`${testId}-join-${g}`}
                    data-testid={`${testId}-join-${g}`}
                    value={group.join}
                    options={[{ value: 'and', label: t('join.and') }, { value: 'or', label: t('join.or') }]}
                    onChange={(join) => setGroup(g, { ...group, join: join as Join })}
                  />
                </Flex>
              )}
              {group.conditions.map((condition, c) => (
                <ConditionRow
                  key={c}
                  id={`${testId}-${g}-${c}`}
                  condition={condition}
                  fields={fields}
                  fieldOptions={fieldOptions}
                  onChange={(next) => setCondition(g, c, next)}
                  onRemove={() => removeCondition(g, c)}
                />
              ))}
              <div>
                <Button size="small" icon={<PlusOutlined />} data-testid={`${testId}-add-condition-${g}`}
                  onClick={() => setGroup(g, { ...group, conditions: [...group.conditions, blank()] })}>
                  {t('addCondition')}
                </Button>
              </div>
            </div>
          ))}
          <Flex gap={8} wrap>
            <Button size="small" icon={<PlusOutlined />} data-testid={`${testId}-add-group`} onClick={addGroup}>
              {model.groups.length === 0 ? t('addCondition') : t('addGroup')}
            </Button>
            {model.groups.length > 0 && (
              <Button size="small" danger data-testid={`${testId}-clear`} onClick={() => update({ join: 'and', groups: [] })}>{t('clear')}</Button>
            )}
          </Flex>
          {unknown.map((path) => <Alert key={path} type="error" showIcon title={t('unknownField', { path })} />)}
          {incomplete && <Typography.Text type="warning">{t('incomplete')}</Typography.Text>}
          {sentence && (
            <Typography.Paragraph data-testid={`${testId}-sentence`} style={{ margin: 0, background: '#f6ffed', padding: '4px 8px', borderRadius: 4 }}>
              {sentence}
            </Typography.Paragraph>
          )}
        </>
      )}
    </section>
  );
}

interface ConditionRowProps {
  id: string;
  condition: Condition;
  fields: RuleField[];
  fieldOptions: { value: string; label: string }[];
  onChange(next: Condition): void;
  onRemove(): void;
}

function ConditionRow({ id, condition, fields, fieldOptions, onChange, onRemove }: ConditionRowProps) {
  const t = useMessages(ruleMessages);
  const field = fields.find((f) => f.path === condition.field);
  const operators = operatorsFor(field);
  const pickField = (path: string) => {
    const next = fields.find((f) => f.path === path);
    const ops = operatorsFor(next);
    // A new condition starts with the field's most useful comparison (年龄 ≥ for an ID number).
    const op = condition.field && ops.includes(condition.op) ? condition.op : ops[0]!;
    onChange({ field: path, op, ...(next?.type === 'boolean' && takesValue(op) ? { value: true } : {}) });
  };
  const pickOp = (op: Operator) => {
    const keepValue = takesValue(op) && condition.value !== undefined && (op === 'ageGte' || op === 'ageLt') === (condition.op === 'ageGte' || condition.op === 'ageLt');
    onChange({ field: condition.field, op, ...(keepValue ? { value: condition.value } : field?.type === 'boolean' && takesValue(op) ? { value: true } : {}) });
  };
  return (
    <Flex gap={8} wrap align="center" data-testid={`${id}`} role="group" aria-label={t('field')}>
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('field')}
        data-testid={`${id}-field`}
        placeholder={t('fieldPlaceholder')}
        style={{ minWidth: 180, flex: '1 1 180px' }}
        value={condition.field || undefined}
        options={fieldOptions}
        onChange={pickField}
      />
      <Select
        aria-label={t('operator')}
        data-testid={`${id}-op`}
        style={{ width: 120 }}
        value={condition.op}
        options={operators.map((op) => ({ value: op, label: t(`op.${op}`) }))}
        onChange={pickOp}
      />
      {takesValue(condition.op) && (
        <ValueInput id={`${id}-value`} condition={condition} field={field} onChange={(value) => onChange({ ...condition, ...(value === undefined ? { value: undefined } : { value }) })} />
      )}
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('removeCondition')} data-testid={`${id}-remove`} onClick={onRemove} />
    </Flex>
  );
}

function ValueInput({ id, condition, field, onChange }: { id: string; condition: Condition; field: RuleField | undefined; onChange(value: Scalar | undefined): void }) {
  const t = useMessages(ruleMessages);
  const age = condition.op === 'ageGte' || condition.op === 'ageLt';
  const options = age ? undefined : field?.options;
  if (options) {
    // Option values may be numbers or booleans: the Select works on their index.
    const at = options.findIndex((o) => o.value === condition.value);
    return (
      <Select
        aria-label={t('value')}
        data-testid={id}
        placeholder={t('valuePlaceholder')}
        style={{ minWidth: 140, flex: '1 1 140px' }}
        value={at >= 0 ? String(at) : undefined}
        options={options.map((o, i) => ({ value: String(i), label: o.label }))}
        onChange={(i: string) => onChange(options[Number(i)]?.value)}
      />
    );
  }
  if (!age && field?.type === 'boolean') {
    return (
      <Switch
        aria-label={t('value')}
        data-testid={id}
        checkedChildren={t('yes')}
        unCheckedChildren={t('no')}
        checked={condition.value === true}
        onChange={(checked) => onChange(checked)}
      />
    );
  }
  if (age || field?.type === 'number' || field?.type === 'integer') {
    return (
      <InputNumber
        aria-label={t('value')}
        data-testid={id}
        style={{ width: 120 }}
        min={age ? 0 : undefined}
        precision={age || field?.type === 'integer' ? 0 : undefined}
        value={typeof condition.value === 'number' ? condition.value : null}
        onChange={(n) => onChange(typeof n === 'number' ? n : undefined)}
      />
    );
  }
  return (
    <Input
      aria-label={t('value')}
      data-testid={id}
      type={field?.format === 'date' ? 'date' : 'text'}
      placeholder={t('valuePlaceholder')}
      style={{ minWidth: 140, flex: '1 1 140px', width: 'auto' }}
      value={typeof condition.value === 'string' ? condition.value : condition.value === undefined ? '' : String(condition.value)}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}
