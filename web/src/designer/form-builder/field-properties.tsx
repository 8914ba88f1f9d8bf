/**
 * The properties of the selected field: key, labels, required, help, limits, pattern, choices,
 * the material an attachment belongs to, and its rules. Every change is one new form value;
 * entries that would break the form (a bad key, a bad pattern) are checked as they are typed
 * and applied only once valid.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { ServiceItem } from '@banshi/schemas';
import { useI18n, useMessages } from '../../shared/i18n.js';
import type { RuleField } from '../rules/rule-fields.js';
import { CalculationRule, CheckRules, VisibilityRule } from './field-rules.js';
import {
  FILE_TYPES,
  flatten,
  fieldTree,
  keyProblem,
  optionsOfField,
  pathId,
  relocateField,
  samePath,
  setAttachment,
  setKeyword,
  setOptions,
  setRequired,
  setUi,
  editField,
  type BuilderValue,
  type ChoiceOption,
  type FieldEntry,
  type Json,
  type Path,
} from './form-model.js';
import { formBuilderMessages, type FormBuilderMessageKey } from './messages.js';

export interface FieldPropertiesProps {
  value: BuilderValue;
  onChange(next: BuilderValue): void;
  entry: FieldEntry;
  /** Called when the field moves (renamed key, other section), with its new path. */
  onMoved(path: Path): void;
  materials: ServiceItem['materials'];
  ruleFields: RuleField[];
  problems: string[];
}

/**
 * A labelled property with its error (announced) and help. A set of radios or checkboxes is a
 * named group instead: a label around several inputs would pick the first one when clicked.
 */
function Prop({ label, error, help, group, children }: { label: string; error?: string; help?: string; group?: boolean; children: ReactNode }) {
  const id = useId();
  const notes = (
    <>
      {help && !error && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{help}</Typography.Text>}
      {error && <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>{error}</Typography.Text>}
    </>
  );
  if (group) {
    return (
      <div role="group" aria-labelledby={id} style={{ display: 'grid', gap: 4 }}>
        <span id={id}>{label}</span>
        {children}
        {notes}
      </div>
    );
  }
  return (
    <label style={{ display: 'grid', gap: 4 }}>
      <span>{label}</span>
      {children}
      {notes}
    </label>
  );
}

/** A text input applied when valid (on Enter or leaving it), with its problem shown while typing. */
function CheckedInput({ value, check, onCommit, testId, placeholder }: { value: string; check(text: string): string; onCommit(text: string): void; testId: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problem = check(text);
  const commit = () => {
    if (!problem && text !== value) onCommit(text);
  };
  return (
    <>
      <Input
        data-testid={testId}
        value={text}
        placeholder={placeholder}
        status={problem ? 'error' : undefined}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={commit}
      />
      {problem && <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }} data-testid={`${testId}-error`}>{problem}</Typography.Text>}
    </>
  );
}

const numberOrUndefined = (n: number | string | null) => (typeof n === 'number' ? n : undefined);

function typeName(node: Json): string | undefined {
  return Array.isArray(node.type) ? node.type.find((t: unknown) => t !== 'null') : node.type;
}

export function FieldProperties({ value, onChange, entry, onMoved, materials, ruleFields, problems }: FieldPropertiesProps) {
  const t = useMessages(formBuilderMessages);
  const { text } = useI18n();
  const { path, node, ui, kind } = entry;
  const options = (ui['ui:options'] ?? {}) as Json;
  const container = kind === 'step' || kind === 'section' || kind === 'group';
  const inputKinds = ['text', 'textarea', 'number', 'money', 'residentId', 'creditCode', 'mobile', 'region', 'address', 'date'];

  const keyCheck = (key: string) => {
    const problem = keyProblem(value, path, key);
    return problem === 'pattern' ? t('prop.keyPattern') : problem === 'taken' ? t('prop.keyTaken') : '';
  };
  const rename = (key: string) => {
    const next = relocateField(value, path, [...path.slice(0, -1), key]);
    if (next !== value) {
      onChange(next);
      onMoved([...path.slice(0, -1), key]);
    }
  };

  const containers = flatten(fieldTree(value)).filter(
    (e) => (e.kind === 'step' || e.kind === 'section' || e.kind === 'group') && !(e.path.length >= path.length && samePath(e.path.slice(0, path.length), path)),
  );
  const parentId = pathId(path.slice(0, -1));
  const move = (target: string) => {
    const parent = target === '' ? [] : containers.find((c) => pathId(c.path) === target)?.path ?? [];
    const next = relocateField(value, path, [...parent, entry.key]);
    if (next !== value) {
      onChange(next);
      onMoved([...parent, entry.key]);
    }
  };

  const limit = (min: string, max: string, labels: [FormBuilderMessageKey, FormBuilderMessageKey], integer = true) => {
    const lo = node[min] as number | undefined;
    const hi = node[max] as number | undefined;
    const error = lo !== undefined && hi !== undefined && lo > hi ? t('prop.minMax') : undefined;
    return (
      <Flex gap={8} wrap>
        <Prop label={t(labels[0])} error={error}>
          <InputNumber data-testid={`prop-${min}`} min={integer ? 0 : undefined} precision={integer ? 0 : undefined} value={lo ?? null}
            onChange={(n) => onChange(setKeyword(value, path, min, numberOrUndefined(n)))} />
        </Prop>
        <Prop label={t(labels[1])}>
          <InputNumber data-testid={`prop-${max}`} min={integer ? 0 : undefined} precision={integer ? 0 : undefined} value={hi ?? null}
            onChange={(n) => onChange(setKeyword(value, path, max, numberOrUndefined(n)))} />
        </Prop>
      </Flex>
    );
  };

  const spec = (node['x-attachment'] ?? {}) as { material?: string; accept?: string[]; maxSizeKb?: number };
  const patternCheck = (p: string) => {
    if (p === '') return '';
    try {
      new RegExp(p, 'u');
      return '';
    } catch (error) {
      return t('prop.patternInvalid', { error: (error as Error).message });
    }
  };

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="field-properties">
      {problems.map((p, i) => <Alert key={i} type="error" showIcon title={p} />)}
      <Typography.Title level={5} style={{ margin: 0 }}>{t('section.basic')}</Typography.Title>
      <Prop label={t('prop.label')} error={node.title ? undefined : t('prop.labelRequired')}>
        <Input data-testid="prop-label" value={String(node.title ?? '')} onChange={(e) => onChange(setKeyword(value, path, 'title', e.target.value))} />
      </Prop>
      <Prop label={t('prop.labelEn')}>
        <Input data-testid="prop-label-en" value={String(options.labelEn ?? '')} onChange={(e) => onChange(setUi(value, path, 'options.labelEn', e.target.value))} />
      </Prop>
      <Prop label={t('prop.key')} help={t('prop.keyHelp')}>
        <CheckedInput testId="prop-key" value={entry.key} check={keyCheck} onCommit={rename} />
      </Prop>
      <Flex gap={8} align="center">
        <Switch id={`required-${pathId(path)}`} data-testid="prop-required" checked={entry.required} onChange={(on) => onChange(setRequired(value, path, on))} />
        <label htmlFor={`required-${pathId(path)}`}>{t('prop.required')}</label>
      </Flex>
      <Prop label={t('prop.parent')}>
        <Select
          data-testid="prop-parent"
          value={parentId}
          options={[{ value: '', label: t('root') }, ...containers.map((c) => ({ value: pathId(c.path), label: `${'· '.repeat(c.path.length - 1)}${String(c.node.title ?? c.key)}` }))]}
          onChange={move}
        />
      </Prop>
      {!container && (
        <>
          <Prop label={t('prop.help')}>
            <Input.TextArea data-testid="prop-help" autoSize={{ minRows: 1, maxRows: 4 }} value={String(ui['ui:help'] ?? '')} onChange={(e) => onChange(setUi(value, path, 'ui:help', e.target.value))} />
          </Prop>
          <Prop label={t('prop.helpEn')}>
            <Input.TextArea data-testid="prop-help-en" autoSize={{ minRows: 1, maxRows: 4 }} value={String(options.helpEn ?? '')} onChange={(e) => onChange(setUi(value, path, 'options.helpEn', e.target.value))} />
          </Prop>
        </>
      )}
      {inputKinds.includes(kind) && kind !== 'date' && (
        <Flex gap={8} wrap>
          <Prop label={t('prop.placeholder')}>
            <Input data-testid="prop-placeholder" value={String(ui['ui:placeholder'] ?? '')} onChange={(e) => onChange(setUi(value, path, 'ui:placeholder', e.target.value))} />
          </Prop>
          <Prop label={t('prop.placeholderEn')}>
            <Input data-testid="prop-placeholder-en" value={String(options.placeholderEn ?? '')} onChange={(e) => onChange(setUi(value, path, 'options.placeholderEn', e.target.value))} />
          </Prop>
        </Flex>
      )}

      {(kind === 'text' || kind === 'textarea' || kind === 'address' || kind === 'number' || kind === 'money' || kind === 'multiple' || kind === 'group' || kind === 'attachment') && (
        <Typography.Title level={5} style={{ margin: 0 }}>{t(kind === 'attachment' ? 'section.attachment' : 'section.limits')}</Typography.Title>
      )}
      {(kind === 'text' || kind === 'textarea' || kind === 'address') && (
        <>
          {limit('minLength', 'maxLength', ['prop.minLength', 'prop.maxLength'])}
          <Prop label={t('prop.pattern')}>
            <CheckedInput testId="prop-pattern" value={String(node.pattern ?? '')} check={patternCheck}
              onCommit={(p) => onChange(setKeyword(value, path, 'pattern', p === '' ? undefined : p))} />
          </Prop>
        </>
      )}
      {(kind === 'number' || kind === 'money') && (
        <>
          {kind === 'number' && (
            <Flex gap={8} align="center">
              <Switch id={`integer-${pathId(path)}`} data-testid="prop-integer" checked={typeName(node) === 'integer'}
                onChange={(on) => onChange(editField(value, path, (n) => {
                  const type = on ? 'integer' : 'number';
                  n.type = Array.isArray(n.type) ? n.type.map((x: unknown) => (x === 'null' ? x : type)) : type;
                }))} />
              <label htmlFor={`integer-${pathId(path)}`}>{t('prop.integer')}</label>
            </Flex>
          )}
          {limit('minimum', 'maximum', ['prop.minimum', 'prop.maximum'], false)}
        </>
      )}
      {kind === 'multiple' && limit('minItems', 'maxItems', ['prop.minItems', 'prop.maxItems'])}
      {kind === 'group' && limit('minItems', 'maxItems', ['prop.minItems', 'prop.maxItems'])}
      {kind === 'boolean' && (
        <Prop label={t('prop.default')} help={t('prop.default.help')} group>
          <Radio.Group
            data-testid="prop-default"
            value={node.default === true ? 'yes' : node.default === false ? 'no' : 'none'}
            options={(['none', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`prop.default.${v}`) }))}
            onChange={(e) => onChange(setKeyword(value, path, 'default', e.target.value === 'yes' ? true : e.target.value === 'no' ? false : undefined))}
          />
        </Prop>
      )}
      {kind === 'single' && (
        <Prop label={t('prop.widget')} group>
          <Radio.Group
            data-testid="prop-widget"
            value={ui['ui:widget'] === 'radio' ? 'radio' : 'select'}
            options={[{ value: 'radio', label: t('prop.widget.radio') }, { value: 'select', label: t('prop.widget.select') }]}
            onChange={(e) => onChange(setUi(value, path, 'ui:widget', e.target.value === 'radio' ? 'radio' : undefined))}
          />
        </Prop>
      )}
      {(kind === 'single' || kind === 'multiple') && (
        <OptionsEditor options={optionsOfField(entry)} onChange={(next) => onChange(setOptions(value, path, next))} />
      )}
      {kind === 'attachment' && (
        <>
          {materials.length === 0 ? (
            <Alert type="warning" showIcon title={t('prop.noMaterials')} />
          ) : (
            <Prop
              label={t('prop.material')}
              error={!spec.material ? t('prop.materialNone') : materials.some((m) => m.id === spec.material) ? undefined : t('prop.materialMissing', { id: spec.material })}
            >
              <Select
                data-testid="prop-material"
                value={spec.material}
                placeholder={t('prop.materialNone')}
                options={materials.map((m) => ({ value: m.id, label: `${text(m.name)}（${m.id}）` }))}
                onChange={(material: string) => {
                  const chosen = materials.find((m) => m.id === material);
                  const previous = materials.find((m) => m.id === spec.material);
                  let next = setAttachment(value, path, 'material', material);
                  // A label or key still named after the material (or the default) follows the new one.
                  if (chosen && (!node.title || node.title === t('default.attachment') || node.title === previous?.name['zh-CN'])) {
                    next = setKeyword(next, path, 'title', chosen.name['zh-CN']);
                    next = setUi(next, path, 'options.labelEn', chosen.name.en);
                  }
                  const newPath = [...path.slice(0, -1), material];
                  const moved = chosen && entry.key === spec.material && !keyProblem(next, path, material) ? relocateField(next, path, newPath) : next;
                  onChange(moved);
                  if (moved !== next) onMoved(newPath);
                }}
              />
            </Prop>
          )}
          <Prop label={t('prop.accept')} group>
            <Checkbox.Group
              data-testid="prop-accept"
              value={spec.accept ?? []}
              options={FILE_TYPES.map((f) => ({ value: f.type, label: f.name }))}
              onChange={(accept) => onChange(setAttachment(value, path, 'accept', accept.length ? accept : undefined))}
            />
          </Prop>
          <Prop label={t('prop.maxSizeKb')}>
            <InputNumber data-testid="prop-maxSizeKb" min={1} precision={0} value={spec.maxSizeKb ?? null}
              onChange={(n) => onChange(setAttachment(value, path, 'maxSizeKb', numberOrUndefined(n)))} />
          </Prop>
          {limit('minItems', 'maxItems', ['prop.minFiles', 'prop.maxFiles'])}
        </>
      )}

      <Typography.Title level={5} style={{ margin: 0 }}>{t('section.visible')}</Typography.Title>
      <VisibilityRule value={value} onChange={onChange} entry={entry} fields={ruleFields} />
      {!container && kind !== 'attachment' && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('section.calc')}</Typography.Title>
          <CalculationRule key={pathId(path)} value={value} onChange={onChange} entry={entry} fields={ruleFields} />
          <Typography.Title level={5} style={{ margin: 0 }}>{t('section.checks')}</Typography.Title>
          <CheckRules key={`checks-${pathId(path)}`} value={value} onChange={onChange} entry={entry} fields={ruleFields} />
        </>
      )}
    </div>
  );
}

/** The choices of a choice field: value, Chinese and English label each. */
function OptionsEditor({ options, onChange }: { options: ChoiceOption[]; onChange(next: ChoiceOption[]): void }) {
  const t = useMessages(formBuilderMessages);
  const id = useId();
  const values = options.map((o) => o.value);
  const invalid = values.some((v, i) => v === '' || values.indexOf(v) !== i);
  const set = (i: number, change: Partial<ChoiceOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...change } : o)));
  const nextValue = () => {
    for (let n = options.length + 1; ; n += 1) if (!values.includes(`option${n}`)) return `option${n}`;
  };
  return (
    <div role="group" aria-labelledby={id} style={{ display: 'grid', gap: 6 }} data-testid="prop-options">
      <Typography.Text id={id}>{t('prop.options')}</Typography.Text>
      {options.map((o, i) => (
        <Flex key={i} gap={4} wrap align="center" data-testid={`option-${i}`}>
          <Input aria-label={`${t('prop.optionLabel')} ${i + 1}`} data-testid={`option-${i}-label`} style={{ flex: '2 1 100px' }} placeholder={t('prop.optionLabel')} value={o.label} onChange={(e) => set(i, { label: e.target.value })} />
          <Input aria-label={`${t('prop.optionLabelEn')} ${i + 1}`} data-testid={`option-${i}-label-en`} style={{ flex: '2 1 100px' }} placeholder={t('prop.optionLabelEn')} value={o.labelEn ?? ''}
            onChange={(e) => set(i, { labelEn: e.target.value || undefined })} />
          <Input aria-label={`${t('prop.optionValue')} ${i + 1}`} data-testid={`option-${i}-value`} style={{ flex: '1 1 80px' }} placeholder={t('prop.optionValue')} value={o.value} status={o.value === '' || values.indexOf(o.value) !== i ? 'error' : undefined}
            onChange={(e) => set(i, { value: e.target.value })} />
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('prop.removeOption', { n: i + 1 })} data-testid={`option-${i}-remove`}
            disabled={options.length <= 1} onClick={() => onChange(options.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      {invalid && <Typography.Text type="danger" role="alert" style={{ fontSize: 12 }}>{t('prop.optionValueInvalid')}</Typography.Text>}
      <div>
        <Button size="small" icon={<PlusOutlined />} data-testid="option-add"
          onClick={() => onChange([...options, { value: nextValue(), label: `${t('prop.options')} ${options.length + 1}` }])}>
          {t('prop.addOption')}
        </Button>
      </div>
    </div>
  );
}
