/**
 * The submission, rendered by the shared SubmissionView; if that rendering fails (a widget the
 * form names is missing, a schema it cannot read), the staff still see every field as a plain
 * list of titles and values instead of a broken page.
 */
import { Descriptions } from 'antd';
import { Component, type ReactNode } from 'react';
import { SubmissionView, type SubmissionViewProps } from '../shared/submission-view.js';
import type { FormField } from './form-fields.js';
import { unescapeSegment } from '@banshi/schemas/core';

class Boundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error('SubmissionView failed; showing the plain list', error);
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapeSegment(part)];
  }
  return node;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : show(v))).join('，');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields with a value, as a plain list. */
export function PlainSubmission({ fields, data }: { fields: FormField[]; data: unknown }) {
  const items = fields
    .map((f) => ({ f, v: valueAt(data, f.pointer) }))
    .filter(({ v }) => v !== undefined)
    .map(({ f, v }) => ({ key: f.pointer, label: f.title, children: f.choices && typeof v !== 'object' ? f.choices[String(v)] ?? show(v) : show(v) }));
  return <Descriptions size="small" column={1} bordered items={items} data-testid="submission-plain" />;
}

/** SubmissionView behind an error boundary whose fallback is PlainSubmission. */
export function SafeSubmission({ form, data, fields }: SubmissionViewProps & { fields: FormField[] }) {
  return (
    <Boundary fallback={<PlainSubmission fields={fields} data={data} />}>
      <SubmissionView form={form} data={data} />
    </Boundary>
  );
}
