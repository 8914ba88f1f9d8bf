/**
 * The rules of one field, built without code: when it is shown (a `visible` rule), how it is
 * calculated (a `calculate` rule) and the cross-field checks it must pass (`check` rules).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, InputNumber, Popconfirm, Select, Switch, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../shared/i18n.js';
import { RuleEditor } from '../rules/rule-editor.js';
import type { RuleField } from '../rules/rule-fields.js';
import { calcFromLogic, calcToLogic, type Arithmetic, type Calc, type CalcKind, type CalcOperand, type Scalar } from './calc-model.js';
import { freeRuleId, rulesOf, setCheck, setFieldLogic, type BuilderValue, type FieldEntry } from './form-model.js';
import { formBuilderMessages } from './messages.js';

interface FieldRulesProps {
  value: BuilderValue;
  onChange(next: BuilderValue): void;
  entry: FieldEntry;
  /** The fields a rule of this field may read (the field itself and its children left out). */
  fields: RuleField[];
}

/** The `visible` rule of the field. */
export function VisibilityRule({ value, onChange, entry, fields }: FieldRulesProps) {
  const t = useMessages(formBuilderMessages);
  const rule = rulesOf(value, entry.path, 'visible')[0];
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <Typography.Text type="secondary">{t('section.visibleHint')}</Typography.Text>
      <RuleEditor
        testId="visible"
        value={rule && 'when' in rule ? rule.when : undefined}
        fields={fields}
        onChange={(logic) => onChange(setFieldLogic(value, entry.path, 'visible', logic))}
      />
    </div>
  );
}

const keyOf = (v: unknown) => JSON.stringify(v ?? null);

/** The `calculate` rule of the field. */
export function CalculationRule({ value, onChange, entry, fields }: FieldRulesProps) {
  const t = useMessages(formBuilderMessages);
  const rule = rulesOf(value, entry.path, 'calculate')[0];
  const logic = rule && 'value' in rule ? rule.value : undefined;
  const [calc, setCalc] = useState<Calc | undefined>(() => calcFromLogic(logic));
  const written = useRef(keyOf(logic));
  useEffect(() => {
    if (keyOf(logic) !== written.current) {
      written.current = keyOf(logic);
      setCalc(calcFromLogic(logic));
    }
  }, [logic]);

  const update = (next: Calc | undefined) => {
    setCalc(next);
    const out = next ? calcToLogic(next) : undefined;
    if (keyOf(out) !== keyOf(logic)) {
      written.current = keyOf(out);
      onChange(setFieldLogic(value, entry.path, 'calculate', out));
    }
  };

  if (logic !== undefined && calc === undefined) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="calc-raw"
        title={t('calc.raw')}
        description={
          <>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '8px 0', fontSize: 12, maxHeight: 200, overflow: 'auto' }}>{JSON.stringify(logic, null, 2)}</pre>
            <Popconfirm title={t('calc.replaceConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => update(undefined)}>
              <Button size="small" data-testid="calc-replace">{t('calc.replace')}</Button>
            </Popconfirm>
          </>
        }
      />
    );
  }

  const idFields = fields.filter((f) => f.format === 'resident-id');
  const numberFields = fields.filter((f) => f.type === 'number' || f.type === 'integer');
  const kinds: (CalcKind | 'none')[] = ['none', 'age', 'birthDate', 'arithmetic', 'conditional'];
  const pickKind = (kind: CalcKind | 'none') => {
    if (kind === 'none') return update(undefined);
    if (kind === 'age' || kind === 'birthDate') return update({ kind, source: idFields.length === 1 ? idFields[0]!.path : undefined });
    if (kind === 'arithmetic') return update({ kind, op: '+' });
    return update({ kind });
  };

  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="calc-editor">
      <label style={{ display: 'grid', gap: 4 }}>
        <span>{t('calc.kind')}</span>
        <Select
          data-testid="calc-kind"
          aria-label={t('calc.kind')}
          value={calc?.kind ?? 'none'}
          options={kinds.map((k) => ({ value: k, label: t(`calc.${k}`) }))}
          onChange={pickKind}
        />
      </label>
      {(calc?.kind === 'age' || calc?.kind === 'birthDate') && (
        <label style={{ display: 'grid', gap: 4 }}>
          <span>{t('calc.source')}</span>
          <Select
            data-testid="calc-source"
            aria-label={t('calc.source')}
            value={calc.source}
            options={idFields.map((f) => ({ value: f.path, label: f.label }))}
            onChange={(source: string) => update({ ...calc, source })}
          />
        </label>
      )}
      {calc?.kind === 'arithmetic' && (
        <Flex gap={8} wrap align="center">
          <OperandInput label={t('calc.left')} id="calc-left" fields={numberFields} value={calc.left} onChange={(left) => update({ ...calc, left })} />
          <Select
            data-testid="calc-op"
            aria-label={t('calc.op')}
            style={{ width: 70 }}
            value={calc.op}
            options={(['+', '-', '*', '/'] as Arithmetic[]).map((op) => ({ value: op, label: { '+': '+', '-': '−', '*': '×', '/': '÷' }[op] }))}
            onChange={(op: Arithmetic) => update({ ...calc, op })}
          />
          <OperandInput label={t('calc.right')} id="calc-right" fields={numberFields} value={calc.right} onChange={(right) => update({ ...calc, right })} />
        </Flex>
      )}
      {calc?.kind === 'conditional' && (
        <>
          <RuleEditor testId="calc-when" value={calc.when} fields={fields} onChange={(when) => update({ ...calc, when })} />
          <Flex gap={8} wrap>
            <ScalarInput label={t('calc.then')} id="calc-then" entry={entry} value={calc.then} onChange={(then) => update({ ...calc, then })} />
            <ScalarInput label={t('calc.else')} id="calc-else" entry={entry} value={calc.else} onChange={(otherwise) => update({ ...calc, else: otherwise })} />
          </Flex>
        </>
      )}
      {calc && calcToLogic(calc) === undefined && <Typography.Text type="warning">{t('calc.incomplete')}</Typography.Text>}
    </div>
  );
}

/** A number operand: another number field, or a fixed number. */
function OperandInput({ label, id, fields, value, onChange }: { label: string; id: string; fields: RuleField[]; value?: CalcOperand; onChange(v: CalcOperand | undefined): void }) {
  const t = useMessages(formBuilderMessages);
  const CONSTANT = '\u0000constant';
  const mode = value === undefined ? undefined : 'field' in value ? value.field : CONSTANT;
  return (
    <Flex gap={4} align="center" wrap>
      <Select
        data-testid={id}
        aria-label={label}
        placeholder={label}
        style={{ minWidth: 140 }}
        value={mode}
        options={[...fields.map((f) => ({ value: f.path, label: f.label })), { value: CONSTANT, label: t('calc.constant') }]}
        onChange={(v: string) => onChange(v === CONSTANT ? { number: 0 } : { field: v })}
      />
      {value && 'number' in value && (
        <InputNumber aria-label={`${label} ${t('calc.constant')}`} data-testid={`${id}-number`} value={value.number} onChange={(n) => onChange({ number: typeof n === 'number' ? n : 0 })} />
      )}
    </Flex>
  );
}

/** A value of the calculated field's own type. */
function ScalarInput({ label, id, entry, value, onChange }: { label: string; id: string; entry: FieldEntry; value?: Scalar; onChange(v: Scalar | undefined): void }) {
  const t = useMessages(formBuilderMessages);
  const type = Array.isArray(entry.node.type) ? entry.node.type.find((x: unknown) => x !== 'null') : entry.node.type;
  return (
    <label style={{ display: 'grid', gap: 4 }}>
      <span>{label}</span>
      {type === 'number' || type === 'integer' ? (
        <InputNumber data-testid={id} value={typeof value === 'number' ? value : null} onChange={(n) => onChange(typeof n === 'number' ? n : undefined)} />
      ) : type === 'boolean' ? (
        <Switch data-testid={id} checkedChildren={t('ok')} checked={value === true} onChange={(c) => onChange(c)} />
      ) : (
        <Input data-testid={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      )}
    </label>
  );
}

interface PendingCheck {
  id: string;
  message: { 'zh-CN': string; en?: string };
}

/** The `check` rules of the field; a new check is kept here until its condition is complete. */
export function CheckRules({ value, onChange, entry, fields }: FieldRulesProps) {
  const t = useMessages(formBuilderMessages);
  const checks = rulesOf(value, entry.path, 'check').filter((r): r is Extract<typeof r, { kind: 'check' }> => r.kind === 'check');
  const [pending, setPending] = useState<PendingCheck[]>([]);
  // A check whose condition is cleared leaves the form but stays here, so its editor keeps its place.
  const rows = [
    ...checks.map((c) => ({ id: c.id, when: c.when as unknown, message: c.message, saved: true })),
    ...pending.filter((p) => !checks.some((c) => c.id === p.id)).map((p) => ({ ...p, when: undefined as unknown, saved: false })),
  ];
  const label = String(entry.node.title ?? entry.key);

  const add = () => {
    const taken = new Set(pending.map((p) => p.id));
    let id = freeRuleId(value, `check_${entry.path.join('_')}`);
    for (let n = 2; taken.has(id); n += 1) id = freeRuleId(value, `check_${entry.path.join('_')}_${n}`);
    setPending((p) => [...p, { id, message: { 'zh-CN': t('check.defaultMessage', { label }) } }]);
  };

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Typography.Text type="secondary">{t('section.checksHint')}</Typography.Text>
      {rows.map((row, i) => (
        <div key={row.id} data-testid={`check-${i}`} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8, display: 'grid', gap: 8 }}>
          <RuleEditor
            testId={`check-${i}`}
            label={t('check.when')}
            sentence={t('check.sentence')}
            value={row.when}
            fields={fields}
            onChange={(when) => {
              if (when === undefined) setPending((p) => [...p.filter((x) => x.id !== row.id), { id: row.id, message: row.message }]);
              onChange(setCheck(value, entry.path, row.id, when, row.message));
            }}
          />
          <label style={{ display: 'grid', gap: 4 }}>
            <span>{t('check.message')}</span>
            <Input
              data-testid={`check-${i}-message`}
              value={row.message['zh-CN']}
              status={row.message['zh-CN'] ? undefined : 'error'}
              onChange={(e) => {
                const message = { ...row.message, 'zh-CN': e.target.value };
                if (row.saved && e.target.value) onChange(setCheck(value, entry.path, row.id, row.when, message));
                else setPending((p) => p.map((x) => (x.id === row.id ? { ...x, message } : x)));
              }}
            />
          </label>
          <label style={{ display: 'grid', gap: 4 }}>
            <span>{t('check.messageEn')}</span>
            <Input
              data-testid={`check-${i}-message-en`}
              value={row.message.en ?? ''}
              onChange={(e) => {
                const { en: _en, ...rest } = row.message;
                const message = e.target.value ? { ...rest, en: e.target.value } : rest;
                if (row.saved) onChange(setCheck(value, entry.path, row.id, row.when, message));
                else setPending((p) => p.map((x) => (x.id === row.id ? { ...x, message } : x)));
              }}
            />
          </label>
          <Flex justify="space-between" align="center" wrap gap={8}>
            {!row.saved ? <Typography.Text type="warning">{t('check.pending')}</Typography.Text> : <span />}
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              data-testid={`check-${i}-remove`}
              onClick={() => {
                setPending((p) => p.filter((x) => x.id !== row.id));
                if (row.saved) onChange(setCheck(value, entry.path, row.id, undefined, row.message));
              }}
            >
              {t('check.remove')}
            </Button>
          </Flex>
        </div>
      ))}
      <div>
        <Button size="small" icon={<PlusOutlined />} data-testid="check-add" onClick={add}>{t('check.add')}</Button>
      </div>
    </div>
  );
}
