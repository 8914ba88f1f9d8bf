/**
 * The dry run: sample data (typed into the item's real form, or as JSON with a sample filled in)
 * and, optionally, the actions to take in order, sent to the server's flow engine through
 * `POST /api/items/{itemId}/draft/dry-run` after the draft is saved. The path comes back as a
 * timeline: each action, the step the case reached with its status and due date, the tasks it
 * opened (role, department, due date), the effects, and the status at the end. Nothing is stored.
 */
import { DeleteOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Button, Card, Flex, Input, InputNumber, Segmented, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FlowAction, ItemDraft } from '@banshi/schemas';
import { statusWord } from '@banshi/schemas';
import { api, ApiError } from '../../shared/api.js';
import { BanshiForm, chinaToday } from '../../shared/forms/banshi-form.js';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { Field, NativeSelect } from './flow-controls.js';
import { ALL_ACTIONS } from './flow-edits.js';
import { STAFF_ROLES } from './flow-reference.js';
import { flowMessages, type FlowMessageKey } from './messages.js';
import { sampleData } from './sample-data.js';

export interface DryRunPanelProps {
  itemId: string;
  draft: ItemDraft;
  /** Saves the draft (the server runs the saved one); rejects when it cannot be saved. */
  onSaveFirst(): Promise<void>;
}

interface PlannedAction {
  action: FlowAction;
  branchId?: string;
  extensionDays?: number;
}

interface DryRunTask {
  stepId: string;
  branchId?: string;
  departmentId: string;
  role: string;
  dueDate?: string;
}

interface DryRunStep {
  action: FlowAction | 'submit';
  stepId: string;
  status: string;
  dueDate?: string;
  openTasks: DryRunTask[];
  effects: string[];
  refused?: string;
}

interface DryRunResult {
  today: string;
  path: DryRunStep[];
}

interface Department {
  id: string;
  name: { 'zh-CN': string; en?: string };
  shortName?: { 'zh-CN': string; en?: string };
}

export function DryRunPanel({ itemId, draft, onSaveFirst }: DryRunPanelProps) {
  const t = useMessages(flowMessages);
  const { text, locale } = useI18n();
  const [mode, setMode] = useState<'form' | 'json'>('json');
  const [data, setData] = useState<Record<string, unknown>>({});
  const [json, setJson] = useState('{}');
  const [jsonError, setJsonError] = useState(false);
  const [actions, setActions] = useState<PlannedAction[]>([]);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<DryRunResult>();
  const [error, setError] = useState<{ title: string; details: string[] }>();
  const departments = useDepartments();

  const branches = useMemo(
    () => draft.flow.steps.flatMap((s) => (s.branches ?? []).map((b) => ({ value: b.id, label: `${text(s.name) || s.id} / ${text(b.name) || b.id}` }))),
    [draft.flow, text],
  );

  const setBoth = (next: Record<string, unknown>) => {
    setData(next);
    setJson(JSON.stringify(next, null, 2));
    setJsonError(false);
  };

  const run = async (input: Record<string, unknown>) => {
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      await onSaveFirst();
      const body = { data: input, ...(actions.length > 0 ? { actions: actions.map(clean) } : {}) };
      setResult(await api<DryRunResult>(`/api/items/${encodeURIComponent(itemId)}/draft/dry-run`, { method: 'POST', body }));
    } catch (e) {
      if (e instanceof ApiError) setError({ title: e.title, details: [...(e.detail ? [e.detail] : []), ...e.errors.map((x) => x.message)] });
      else setError({ title: t('dryrun.failed'), details: e instanceof Error && e.message ? [e.message] : [] });
    } finally {
      setRunning(false);
    }
  };

  const stepName = (id: string) => {
    const step = draft.flow.steps.find((s) => s.id === id);
    return step ? text(step.name) || id : id;
  };
  const branchName = (stepId: string, branchId: string) => {
    const b = draft.flow.steps.find((s) => s.id === stepId)?.branches?.find((x) => x.id === branchId);
    return b ? text(b.name) || branchId : branchId;
  };
  const roleName = (id: string) => text(STAFF_ROLES.find((r) => r.id === id)?.name) || id;
  const departmentName = (id: string) => {
    const d = departments.get(id);
    return d ? text(d.shortName ?? d.name) : id;
  };
  // The same words the case pages show for a case of this item type (one vocabulary).
  const statusName = (status: string) => statusWord(status, draft.item.itemType, locale);
  const actionName = (action: string) => (action === 'submit' ? t('dryrun.submit') : t(`action.${action}` as FlowMessageKey));
  const last = result?.path[result.path.length - 1];

  return (
    <section aria-labelledby="dryrun-title" data-testid="dryrun-panel" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
      <div>
        <Typography.Title level={4} id="dryrun-title" style={{ marginTop: 0 }}>{t('dryrun.title')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('dryrun.intro')}</Typography.Paragraph>
      </div>

      <Card size="small" title={t('dryrun.data')}
        extra={<Button size="small" onClick={() => setBoth(sampleData(draft.form.schema, chinaToday()))} data-testid="dryrun-fill-sample">{t('dryrun.fillSample')}</Button>}>
        <Segmented
          aria-label={t('dryrun.data')}
          data-testid="dryrun-mode"
          value={mode}
          options={[{ value: 'json', label: t('dryrun.mode.json') }, { value: 'form', label: t('dryrun.mode.form') }]}
          onChange={(m) => setMode(m as 'form' | 'json')}
          style={{ marginBottom: 8 }}
        />
        {mode === 'json' ? (
          <Field label={t('dryrun.jsonLabel')} htmlFor="dryrun-json">
            <Input.TextArea
              id="dryrun-json"
              data-testid="dryrun-json"
              value={json}
              status={jsonError ? 'error' : undefined}
              aria-invalid={jsonError || undefined}
              autoSize={{ minRows: 4, maxRows: 16 }}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              onChange={(e) => {
                setJson(e.target.value);
                try {
                  const parsed: unknown = JSON.parse(e.target.value);
                  const ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
                  setJsonError(!ok);
                  if (ok) setData(parsed as Record<string, unknown>);
                } catch {
                  setJsonError(true);
                }
              }}
            />
            {jsonError && <Typography.Text type="danger" role="alert">{t('dryrun.jsonInvalid')}</Typography.Text>}
          </Field>
        ) : (
          <BanshiForm
            schema={draft.form.schema as RJSFSchema}
            uiSchema={{ ...((draft.form.uiSchema ?? {}) as UiSchema), ...((draft.ui ?? {}) as UiSchema) }}
            rules={draft.form.rules}
            formData={data}
            stepped={false}
            onChange={setBoth}
            onSubmit={(clean) => void run(clean)}
            submitLabel={t('dryrun.useFormData')}
            submitting={running}
          />
        )}
      </Card>

      <Card size="small" title={t('dryrun.actions')}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('dryrun.actionsHint')}</Typography.Paragraph>
        <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 6 }} data-testid="dryrun-actions">
          {actions.map((a, i) => (
            <li key={i}>
              <Flex gap={8} wrap align="end" role="group" aria-label={`${t('dryrun.action')} ${i + 1}`}>
                <Field label={t('dryrun.action')} htmlFor={`dryrun-action-${i}`} style={{ flex: '1 1 140px', maxWidth: 320 }}>
                  <NativeSelect id={`dryrun-action-${i}`} testId={`dryrun-action-${i}`} value={a.action}
                    options={ALL_ACTIONS.map((x) => ({ value: x, label: `${t(`action.${x}` as FlowMessageKey)}（${x}）` }))}
                    onChange={(action) => setActions(actions.map((x, k) => (k === i ? { ...x, action: action as FlowAction } : x)))} />
                </Field>
                {branches.length > 0 && (
                  <Field label={t('dryrun.branch')} htmlFor={`dryrun-branch-${i}`} style={{ flex: '1 1 160px', maxWidth: 360 }}>
                    <NativeSelect id={`dryrun-branch-${i}`} testId={`dryrun-branch-${i}`} value={a.branchId ?? ''}
                      options={[{ value: '', label: t('dryrun.anyBranch') }, ...branches]}
                      onChange={(branchId) => setActions(actions.map((x, k) => (k === i ? { ...x, branchId: branchId || undefined } : x)))} />
                  </Field>
                )}
                {a.action === 'extend' && (
                  <Field label={t('dryrun.extensionDays')} htmlFor={`dryrun-days-${i}`} style={{ flex: '0 1 120px' }}>
                    <InputNumber id={`dryrun-days-${i}`} data-testid={`dryrun-days-${i}`} min={1} max={365} precision={0} value={a.extensionDays ?? null}
                      onChange={(n) => setActions(actions.map((x, k) => (k === i ? { ...x, extensionDays: typeof n === 'number' ? n : undefined } : x)))} />
                  </Field>
                )}
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('dryrun.remove')} ${i + 1}`} data-testid={`dryrun-remove-${i}`}
                  onClick={() => setActions(actions.filter((_, k) => k !== i))} />
              </Flex>
            </li>
          ))}
        </ol>
        <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid="dryrun-add-action"
          onClick={() => setActions([...actions, { action: 'accept' }])}>
          {t('dryrun.addAction')}
        </Button>
      </Card>

      <div>
        <Button type="primary" icon={<PlayCircleOutlined />} loading={running} disabled={mode === 'json' && jsonError} onClick={() => void run(data)} data-testid="dryrun-run">
          {t('dryrun.run')}
        </Button>
        {running && <Typography.Text type="secondary" role="status" style={{ marginInlineStart: 8 }}>{t('dryrun.running')}</Typography.Text>}
      </div>

      {error && (
        <Alert type="error" showIcon role="alert" data-testid="dryrun-error" title={error.title || t('dryrun.failed')}
          description={error.details.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{error.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : undefined} />
      )}

      {result && (
        <Card size="small" title={t('dryrun.result')} data-testid="dryrun-result"
          extra={last && <span data-testid="dryrun-final-status">{t('dryrun.finalStatus', { status: statusName(last.status) })}</span>}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('dryrun.today', { date: result.today })}</Typography.Paragraph>
          <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {result.path.map((entry, i) => (
              <li key={i} data-testid="dryrun-entry" data-step={entry.stepId} data-status={entry.status}
                style={{ position: 'relative', paddingInlineStart: 22, paddingBottom: 12, borderInlineStart: i < result.path.length - 1 ? '2px solid #d9d9d9' : '2px solid transparent', marginInlineStart: 6 }}>
                <span aria-hidden style={{ position: 'absolute', insetInlineStart: -7, top: 2, width: 12, height: 12, borderRadius: 6, background: entry.refused ? '#cf1322' : i === result.path.length - 1 ? '#237804' : '#1677ff' }} />
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{i + 1}. {actionName(entry.action)}</Typography.Text>
                  <span>→ {t('dryrun.atStep')}「{stepName(entry.stepId)}」</span>
                  <Tag color={entry.refused ? 'error' : undefined}>{statusName(entry.status)}</Tag>
                  {entry.dueDate && <Typography.Text type="secondary">{t('dryrun.caseDue', { date: entry.dueDate })}</Typography.Text>}
                </Flex>
                {entry.refused && <Typography.Text type="danger" role="note">{t('dryrun.refused', { reason: entry.refused })}</Typography.Text>}
                <div style={{ fontSize: 13 }}>
                  {entry.openTasks.length === 0 ? (
                    <Typography.Text type="secondary">{t('dryrun.noTasks')}</Typography.Text>
                  ) : (
                    <ul style={{ margin: '2px 0', paddingInlineStart: 18 }} aria-label={t('dryrun.tasks')}>
                      {entry.openTasks.map((task, k) => (
                        <li key={k} data-testid="dryrun-task">
                          {stepName(task.stepId)}{task.branchId ? ` / ${branchName(task.stepId, task.branchId)}` : ''}：{roleName(task.role)} · {departmentName(task.departmentId)}
                          {task.dueDate && ` · ${t('dryrun.taskDue', { date: task.dueDate })}`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.effects.length > 0 && (
                    <div>
                      {t('dryrun.effects')}：{entry.effects.map((e) => t(`effect.${e}` as FlowMessageKey)).join('、')}
                    </div>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </section>
  );
}

function clean(a: PlannedAction): PlannedAction {
  return { action: a.action, ...(a.branchId ? { branchId: a.branchId } : {}), ...(a.action === 'extend' && a.extensionDays ? { extensionDays: a.extensionDays } : {}) };
}

function useDepartments(): Map<string, Department> {
  const [departments, setDepartments] = useState<Map<string, Department>>(new Map());
  useEffect(() => {
    let live = true;
    api<{ items: Department[] }>('/api/departments')
      .then((res) => live && setDepartments(new Map(res.items.map((d) => [d.id, d]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return departments;
}
