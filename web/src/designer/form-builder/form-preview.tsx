/**
 * The live preview: the form as applicants get it, drawn by the real renderer (BanshiForm) and
 * checked by the real validator. A definition that cannot be compiled shows what is wrong
 * instead of the form, and the preview recovers as soon as the definition is fixed.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Button, Flex, Typography } from 'antd';
import { Component, useMemo, useState, type ReactNode } from 'react';
import type { FormRule } from '@banshi/forms';
import { BanshiForm } from '../../shared/forms/banshi-form.js';
import { useMessages } from '../../shared/i18n.js';
import { formBuilderMessages } from './messages.js';
import type { BuilderValue } from './form-model.js';
import { effectiveUi } from './form-model.js';

interface BoundaryProps {
  /** The definition being shown: a new one clears the error. */
  resetKey: string;
  fallback(error: Error): ReactNode;
  children: ReactNode;
}

interface BoundaryState {
  error?: Error;
  failedKey?: string;
}

/** Shows `fallback` instead of children that threw, until `resetKey` changes. */
class PreviewBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = {};

  static getDerivedStateFromError(error: Error): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (state.error && state.failedKey === undefined) return { failedKey: props.resetKey };
    if (state.error && state.failedKey !== props.resetKey) return { error: undefined, failedKey: undefined };
    return null;
  }

  render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The messages of an error thrown while compiling a form (FormDefinitionError carries a list). */
function problemsOf(error: Error): string[] {
  const problems = (error as Error & { problems?: unknown }).problems;
  return Array.isArray(problems) && problems.length > 0 ? problems.map(String) : [error.message];
}

/** The data's top-level shape: a preview keeps what was typed until the fields themselves change. */
function shapeOf(schema: unknown): string {
  const keys: string[] = [];
  const walk = (node: any, prefix: string, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 16) return;
    const props = node.properties ?? node.items?.properties;
    if (!props || typeof props !== 'object') return;
    for (const [key, child] of Object.entries(props)) {
      keys.push(`${prefix}/${key}:${(child as any)?.type}:${(child as any)?.format ?? ''}`);
      walk(child, `${prefix}/${key}`, depth + 1);
    }
  };
  walk(schema, '', 0);
  return keys.join('|');
}

export function FormPreview({ value }: { value: BuilderValue }) {
  const t = useMessages(formBuilderMessages);
  const schema = value.form.schema as unknown as RJSFSchema;
  const uiSchema = useMemo(() => effectiveUi(value) as UiSchema, [value]);
  const rules = value.form.rules as readonly FormRule[] | undefined;
  const shape = useMemo(() => shapeOf(schema), [schema]);
  const [data, setData] = useState<{ shape: string; formData: Record<string, unknown> }>({ shape, formData: {} });
  const formData = data.shape === shape ? data.formData : EMPTY;
  const [passed, setPassed] = useState(false);
  const resetKey = useMemo(() => JSON.stringify([schema, uiSchema, rules ?? []]), [schema, uiSchema, rules]);

  return (
    <section aria-label={t('preview')} data-testid="form-preview" style={{ display: 'grid', gap: 12 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('preview.title')}</Typography.Text>
        <Button size="small" data-testid="preview-reset" onClick={() => { setData({ shape, formData: {} }); setPassed(false); }}>
          {t('preview.reset')}
        </Button>
      </Flex>
      <PreviewBoundary
        resetKey={resetKey}
        fallback={(error) => (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="preview-error"
            title={t('preview.broken')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problemsOf(error).map((p, i) => <li key={i}>{p}</li>)}</ul>}
          />
        )}
      >
        <BanshiForm
          schema={schema}
          uiSchema={uiSchema}
          rules={rules}
          formData={formData}
          onChange={(next) => { setData({ shape, formData: next }); setPassed(false); }}
          onSubmit={() => setPassed(true)}
          submitLabel={t('preview')}
        />
      </PreviewBoundary>
      {passed && <Alert type="success" showIcon data-testid="preview-valid" title={t('preview.valid')} />}
    </section>
  );
}

const EMPTY: Record<string, unknown> = {};
