/**
 * The small controlled inputs the guide editor is made of. Each edits one place of the item (a
 * path) and shows the meta-schema's messages for that place; every change hands a whole new item up.
 */
import type { Locale } from '@banshi/schemas';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { escapeSegment } from '@banshi/schemas/core';

export type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`, or undefined. */
export function getIn(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isObject(at)) at = at[key as string];
    else return undefined;
  }
  return at;
}

/** A copy of `value` with `path` set (undefined removes an object's key); missing objects are made. */
export function setIn<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path;
  if (Array.isArray(value) && typeof key === 'number') {
    const copy = [...value];
    copy[key] = setIn(copy[key], rest, next);
    return copy as T;
  }
  const base: Record<string, unknown> = isObject(value) ? { ...value } : {};
  const child = setIn(base[key as string], rest, next);
  if (child === undefined) delete base[key as string];
  else base[key as string] = child;
  return base as T;
}

/** JSON pointer of a path. */
export const pointerOf = (path: Path) => path.map((k) => `/${escapeSegment(String(k))}`).join('');

export interface GuideContextValue {
  item: unknown;
  update(path: Path, value: unknown): void;
  /** Messages of the problems at `path` or below it. */
  messagesAt(path: Path): string[];
}

export const GuideContext = createContext<GuideContextValue | undefined>(undefined);

function useGuide(): GuideContextValue {
  const value = useContext(GuideContext);
  if (!value) throw new Error('guide field outside GuideContext');
  return value;
}

const idOf = (path: Path) => `guide${path.map((k) => `-${k}`).join('')}`;

function Field({ label, path, children, span = 12 }: { label: string; path: Path; children: ReactNode; span?: number }) {
  const { messagesAt } = useGuide();
  const messages = messagesAt(path);
  return (
    <Col xs={24} md={span}>
      <Form.Item
        label={label}
        htmlFor={idOf(path)}
        validateStatus={messages.length > 0 ? 'error' : undefined}
        help={messages.length > 0 ? <span data-testid={`problem-${pointerOf(path)}`}>{messages.join('；')}</span> : undefined}
        style={{ marginBottom: 12 }}
      >
        {children}
      </Form.Item>
    </Col>
  );
}

/** A text input; `optional` removes the property when emptied. */
export function TextField({ label, path, optional, multiline, span, placeholder }: { label: string; path: Path; optional?: boolean; multiline?: boolean; span?: number; placeholder?: string }) {
  const { item, update, messagesAt } = useGuide();
  const value = getIn(item, path);
  const onChange = (next: string) => update(path, next === '' && optional ? undefined : next);
  const invalid = messagesAt(path).length > 0;
  return (
    <Field label={label} path={path} span={span}>
      {multiline ? (
        <Input.TextArea id={idOf(path)} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} aria-invalid={invalid} placeholder={placeholder} />
      ) : (
        <Input id={idOf(path)} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} placeholder={placeholder} />
      )}
    </Field>
  );
}

/**
 * A LocalizedText: Chinese and English side by side. Optional texts disappear when both are
 * emptied; English disappears when emptied.
 */
export function LocalizedField({ labelZh, labelEn, path, optional, multiline, noEnglish }: { labelZh: string; labelEn?: string; path: Path; optional?: boolean; multiline?: boolean; noEnglish?: boolean }) {
  const { item, update } = useGuide();
  const value = getIn(item, path);
  const current = isObject(value) ? (value as { 'zh-CN'?: string; en?: string }) : {};
  const set = (lang: Locale, text: string) => {
    const next: Record<string, string> = { ...(current as Record<string, string>) };
    if (text === '' && lang === 'en') delete next.en;
    else next[lang] = text;
    if (optional && !next['zh-CN'] && !next.en) update(path, undefined);
    else update(path, { 'zh-CN': next['zh-CN'] ?? '', ...(next.en !== undefined ? { en: next.en } : {}) });
  };
  const { messagesAt } = useGuide();
  const zhPath = [...path, 'zh-CN'];
  const enPath = [...path, 'en'];
  const Control = multiline ? Input.TextArea : Input;
  const extra = multiline ? { autoSize: { minRows: 2, maxRows: 6 } } : {};
  return (
    <>
      <Field label={labelZh} path={zhPath} span={noEnglish ? 24 : 12}>
        <Control id={idOf(zhPath)} value={current['zh-CN'] ?? ''} onChange={(e: { target: { value: string } }) => set('zh-CN', e.target.value)} aria-invalid={messagesAt(path).length > 0} {...extra} />
      </Field>
      {!noEnglish && labelEn && (
        <Field label={labelEn} path={enPath}>
          <Control id={idOf(enPath)} lang="en" value={current.en ?? ''} onChange={(e: { target: { value: string } }) => set('en', e.target.value)} {...extra} />
        </Field>
      )}
    </>
  );
}

export function NumberField({ label, path, min, max, step, optional, span }: { label: string; path: Path; min?: number; max?: number; step?: number; optional?: boolean; span?: number }) {
  const { item, update } = useGuide();
  const value = getIn(item, path);
  return (
    <Field label={label} path={path} span={span}>
      <InputNumber
        id={idOf(path)}
        style={{ width: '100%' }}
        value={typeof value === 'number' ? value : null}
        min={min}
        max={max}
        step={step}
        onChange={(next) => update(path, next === null ? (optional ? undefined : 0) : next)}
      />
    </Field>
  );
}

export function SelectField({ label, path, options, multiple, span, optional }: { label: string; path: Path; options: { value: string; label: string }[]; multiple?: boolean; span?: number; optional?: boolean }) {
  const { item, update } = useGuide();
  const value = getIn(item, path);
  return (
    <Field label={label} path={path} span={span}>
      <Select
        id={idOf(path)}
        mode={multiple ? 'multiple' : undefined}
        value={value as string | string[] | undefined}
        options={options}
        allowClear={optional}
        onChange={(next: string | string[] | undefined) => update(path, next === undefined || next === null ? undefined : next)}
        style={{ width: '100%' }}
      />
    </Field>
  );
}

export function CheckboxesField({ label, path, options, span }: { label: string; path: Path; options: { value: string; label: string }[]; span?: number }) {
  const { item, update, messagesAt } = useGuide();
  const value = getIn(item, path);
  const messages = messagesAt(path);
  const id = idOf(path);
  return (
    <Col xs={24} md={span ?? 12}>
      <div role="group" aria-labelledby={`${id}-label`} style={{ marginBottom: 12 }}>
        <div id={`${id}-label`} style={{ marginBottom: 8 }}>{label}</div>
        <Checkbox.Group
          value={Array.isArray(value) ? (value as string[]) : []}
          // Keep the code table's order, whatever the order of clicks.
          onChange={(next) => update(path, options.map((o) => o.value).filter((v) => (next as string[]).includes(v)))}
          options={options}
        />
        {messages.length > 0 && <Typography.Text type="danger" style={{ display: 'block' }} data-testid={`problem-${pointerOf(path)}`}>{messages.join('；')}</Typography.Text>}
      </div>
    </Col>
  );
}

export function SwitchField({ label, path, yes, no }: { label: string; path: Path; yes: string; no: string }) {
  const { item, update } = useGuide();
  const value = getIn(item, path);
  return (
    <Field label={label} path={path}>
      <Switch id={idOf(path)} checked={value === true} onChange={(checked) => update(path, checked)} checkedChildren={yes} unCheckedChildren={no} />
    </Field>
  );
}

/** The rows of a fields grid. */
export function Fields({ children }: { children: ReactNode }) {
  return <Row gutter={16}>{children}</Row>;
}

/**
 * A list of entries (materials, fees, conditions …): each in its own box with move and remove
 * buttons, and an add button below.
 */
export function ListField<T>({
  path,
  title,
  addLabel,
  create,
  render,
  labels,
  empty,
  minItems = 0,
  testId,
}: {
  path: Path;
  title: (index: number) => string;
  addLabel: string;
  create: () => T;
  render: (index: number) => ReactNode;
  labels: { remove: string; moveUp: string; moveDown: string };
  empty?: string;
  minItems?: number;
  testId?: string;
}) {
  const { item, update, messagesAt } = useGuide();
  const value = getIn(item, path);
  const list = Array.isArray(value) ? (value as T[]) : [];
  const move = (from: number, to: number) => {
    const copy = [...list];
    const [entry] = copy.splice(from, 1);
    copy.splice(to, 0, entry);
    update(path, copy);
  };
  const listMessages = messagesAt(path).length > 0 && list.length === 0 ? messagesAt(path) : [];
  return (
    <Col xs={24}>
      <div data-testid={testId}>
        {list.length === 0 && empty && <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>}
        {list.map((_, index) => (
          <Card
            key={index}
            size="small"
            style={{ marginBottom: 12 }}
            title={<span style={{ fontSize: 14 }}>{title(index)}</span>}
            extra={
              <Flex gap={4}>
                <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={`${labels.moveUp} ${title(index)}`} disabled={index === 0} onClick={() => move(index, index - 1)} />
                <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={`${labels.moveDown} ${title(index)}`} disabled={index === list.length - 1} onClick={() => move(index, index + 1)} />
                <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${labels.remove} ${title(index)}`} disabled={list.length <= minItems} onClick={() => update(path, list.filter((__, i) => i !== index))} />
              </Flex>
            }
          >
            <Fields>{render(index)}</Fields>
          </Card>
        ))}
        {listMessages.length > 0 && <Typography.Text type="danger" style={{ display: 'block' }}>{listMessages.join('；')}</Typography.Text>}
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => update(path, [...list, create()])} style={{ marginBottom: 12 }}>
          {addLabel}
        </Button>
      </div>
    </Col>
  );
}
