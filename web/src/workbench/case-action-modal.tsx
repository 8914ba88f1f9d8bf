/**
 * The modal that asks for what one staff action needs and sends it with the case's version:
 * a reason (notAccept, reject, suspend), a list of what to correct (returnForCorrection), a
 * number of days (extend), a special procedure (suspend), or an optional comment (the rest).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { FlowAction, FlowDefinition, Task } from '@banshi/schemas';
import { api, ApiError } from '../shared/api.js';
import { useI18n } from '../shared/i18n.js';
import type { FormField } from './form-fields.js';
import type { CaseView, CaseWithDeadline } from '../shared/api-types.generated.js';

export interface CaseActionModalProps {
  action: FlowAction;
  /** The action's name in the words of the case's item type (useCaseWords). */
  label: string;
  current: CaseWithDeadline;
  task: Task | undefined;
  flow: FlowDefinition | undefined;
  /** The form's fields, to choose what to correct. */
  fields: FormField[];
  onClose(): void;
  /** The action went through: the case as it is now. */
  onDone(view: CaseView, action: FlowAction): void;
  /** 409: someone acted first (conflict) or the action is no longer allowed; `title` is the server's. */
  onConflict(kind: 'conflict' | 'not-allowed', title: string): void;
}

interface Values {
  reason?: string;
  comment?: string;
  extensionDays?: number;
  procedure?: string;
  correction?: { pointer?: string; message?: string }[];
}

const NEEDS_REASON: FlowAction[] = ['notAccept', 'reject', 'suspend'];
const PROCEDURES = ['2', '3', '4', '9'] as const;

/** The action's modal; render it only while an action is chosen. */
export function CaseActionModal({ action, label, current, task, flow, fields, onClose, onDone, onConflict }: CaseActionModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiError>();
  const maxDays = flow?.extension?.maxDays ?? 365;

  const send = async (values: Values) => {
    setSending(true);
    setProblem(undefined);
    const body: Record<string, unknown> = { action, expectedVersion: current.version, ...(task ? { taskId: task.id } : {}) };
    if (values.reason?.trim()) body.reason = values.reason.trim();
    if (values.comment?.trim()) body.comment = values.comment.trim();
    // The reason of a refusal also goes into the history as the event's comment.
    if ((action === 'notAccept' || action === 'reject') && body.reason) body.comment = body.reason;
    if (action === 'extend') body.extensionDays = values.extensionDays;
    if (action === 'suspend') body.procedure = values.procedure;
    if (action === 'returnForCorrection') {
      body.correction = (values.correction ?? []).map((c) => ({ ...(c.pointer ? { pointer: c.pointer } : {}), message: (c.message ?? '').trim() }));
    }
    try {
      const view = await api<CaseView>(`/api/cases/${encodeURIComponent(current.id)}/actions`, { method: 'POST', body });
      onDone(view, action);
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      if (error.status === 409) onConflict(error.code === 'conflict' ? 'conflict' : 'not-allowed', error.title);
      else setProblem(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('staffCase.modal.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={sending}
      okButtonProps={{ danger: NEEDS_REASON.includes(action) && action !== 'suspend', ...({ 'data-testid': 'action-confirm' } as Record<string, string>) }}
      cancelButtonProps={{ disabled: sending }}
      maskClosable={!sending}
      destroyOnHidden
      data-testid="action-modal"
    >
      <Form<Values>
        form={form}
        name="case-action"
        layout="vertical"
        onFinish={send}
        disabled={sending}
        initialValues={action === 'returnForCorrection' ? { correction: [{}] } : action === 'extend' ? { extensionDays: Math.min(5, maxDays) } : {}}
      >
        <Typography.Paragraph>{t('staffCase.modal.confirm', { receiptNo: current.receiptNo, action: label })}</Typography.Paragraph>

        {action === 'suspend' && (
          <Form.Item name="procedure" label={t('staffCase.form.procedure')} rules={[{ required: true, message: t('staffCase.form.procedureRequired') }]}>
            <Select options={PROCEDURES.map((code) => ({ value: code, label: t(`workbench.procedure.${code}`) }))} />
          </Form.Item>
        )}

        {NEEDS_REASON.includes(action) && (
          <Form.Item name="reason" label={t('staffCase.form.reason')} rules={[{ required: true, whitespace: true, message: t('staffCase.form.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}

        {action === 'extend' && (
          <Form.Item
            name="extensionDays"
            label={t('staffCase.form.days')}
            extra={t('staffCase.form.daysRange', { max: maxDays })}
            rules={[{ required: true, type: 'integer', min: 1, max: maxDays, message: t('staffCase.form.daysRange', { max: maxDays }) }]}
          >
            <InputNumber min={1} max={maxDays} precision={0} style={{ width: 160 }} />
          </Form.Item>
        )}

        {action === 'returnForCorrection' && (
          <Form.List
            name="correction"
            rules={[{ validator: async (_, items?: unknown[]) => { if (!items?.length) throw new Error(t('staffCase.form.corrAtLeastOne')); } }]}
          >
            {(items, { add, remove }, { errors }) => (
              <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 8 }}>{t('staffCase.form.corrections')}</legend>
                {items.map((item, index) => (
                  <div key={item.key} data-testid="correction-item" style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: '8px 12px 0', marginBottom: 12 }}>
                    <Flex justify="space-between" align="center">
                      <Typography.Text strong>{index + 1}.</Typography.Text>
                      <Button
                        type="text"
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={`${t('staffCase.form.corrRemove')} ${index + 1}`}
                        disabled={items.length <= 1}
                        onClick={() => remove(item.name)}
                      />
                    </Flex>
                    <Form.Item name={[item.name, 'pointer']} label={t('staffCase.form.corrField')}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        allowClear
                        placeholder={t('staffCase.form.corrFieldPlaceholder')}
                        options={fields.map((f) => ({ value: f.pointer, label: f.title }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'message']}
                      label={t('staffCase.form.corrMessage')}
                      rules={[{ required: true, whitespace: true, message: t('staffCase.form.corrMessageRequired') }]}
                    >
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                  </div>
                ))}
                <Form.Item>
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} disabled={items.length >= 100}>
                    {t('staffCase.form.corrAdd')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Form.Item>
              </fieldset>
            )}
          </Form.List>
        )}

        {!NEEDS_REASON.includes(action) && action !== 'returnForCorrection' && (
          <Form.Item name="comment" label={t('staffCase.form.comment')}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}

        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="action-error"
            title={problem.title}
            description={problem.errors.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{problem.errors.map((e) => <li key={e.pointer + e.code}>{e.message}</li>)}</ul> : problem.detail}
          />
        )}
      </Form>
    </Modal>
  );
}
