/**
 * The claims tab: the departments implementing the item at region, city and county level; add,
 * edit and withdraw a claim — the department (picked with its level and region), the departments
 * of the slots the flow uses, and the department's own promised limit, location and contacts.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Claim, FieldError, ItemDraft } from '@banshi/schemas';
import { api, ApiError } from '../../shared/api.js';
import { codeName } from '../../applicant/code-names.js';
import { useDepartments } from '../../applicant/use-departments.js';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { claimsMessages } from './messages.js';

interface ClaimForm {
  id?: string;
  departmentId?: string;
  level: string;
  region: string;
  departments: Record<string, string>;
  overridePromised: boolean;
  promisedValue: number;
  promisedUnit: 'workingDays' | 'naturalDays';
  address: string;
  hours: string;
  window: string;
  consultPhone: string;
  consultAddress: string;
  complaintPhone: string;
}

/** The department slots the item needs besides `lead`: those the guide declares and those the flow's steps and branches use. */
export function slotsOf(draft: ItemDraft): { slot: string; name?: string }[] {
  const slots = new Map<string, string | undefined>();
  for (const s of draft.item.departmentSlots ?? []) slots.set(s.slot, s.name['zh-CN']);
  for (const step of draft.flow.steps) {
    const used = [step.department, ...(step.branches ?? []).map((b) => (b as { department?: string }).department)];
    for (const slot of used) if (slot && slot !== 'lead' && !slots.has(slot)) slots.set(slot, undefined);
  }
  return [...slots].map(([slot, name]) => ({ slot, name }));
}

function formOf(claim?: Claim): ClaimForm {
  const o = claim?.overrides ?? {};
  return {
    id: claim?.id,
    departmentId: claim?.departmentId,
    level: claim?.level ?? '',
    region: claim?.region ?? '',
    departments: { ...(claim?.departments ?? {}) },
    overridePromised: Boolean(o.promisedLimit),
    promisedValue: o.promisedLimit?.value ?? 1,
    promisedUnit: o.promisedLimit?.unit ?? 'workingDays',
    address: o.location?.address['zh-CN'] ?? '',
    hours: o.location?.hours?.['zh-CN'] ?? '',
    window: o.location?.window?.['zh-CN'] ?? '',
    consultPhone: o.consultation?.phone ?? '',
    consultAddress: o.consultation?.address?.['zh-CN'] ?? '',
    complaintPhone: o.complaint?.phone ?? '',
  };
}

/** The body of a claim write. Empty optional settings are left out; an existing claim keeps the English of texts not edited here. */
function bodyOf(form: ClaimForm, before?: Claim): Record<string, unknown> {
  const o = before?.overrides ?? {};
  const text = (zh: string, previous?: { 'zh-CN': string; en?: string }) => (zh ? { ...(previous && previous['zh-CN'] === zh ? previous : {}), 'zh-CN': zh } : undefined);
  const location = form.address
    ? { address: text(form.address, o.location?.address), ...(form.hours ? { hours: text(form.hours, o.location?.hours) } : {}), ...(form.window ? { window: text(form.window, o.location?.window) } : {}) }
    : undefined;
  const consultation = form.consultPhone ? { ...(o.consultation ?? {}), phone: form.consultPhone, ...(form.consultAddress ? { address: text(form.consultAddress, o.consultation?.address) } : {}) } : undefined;
  if (consultation && !form.consultAddress) delete (consultation as { address?: unknown }).address;
  const complaint = form.complaintPhone ? { ...(o.complaint ?? {}), phone: form.complaintPhone } : undefined;
  const overrides = {
    ...(form.overridePromised ? { promisedLimit: { value: form.promisedValue, unit: form.promisedUnit } } : {}),
    ...(location ? { location } : {}),
    ...(consultation ? { consultation } : {}),
    ...(complaint ? { complaint } : {}),
  };
  return {
    ...(form.id ? { id: form.id } : {}),
    departmentId: form.departmentId ?? '',
    level: form.level,
    region: form.region,
    departments: form.departments,
    ...(Object.keys(overrides).length > 0 ? { overrides } : {}),
  };
}

export function ClaimsPanel({ itemId, draft }: { itemId: string; draft: ItemDraft }) {
  const t = useMessages(claimsMessages);
  const { locale, text } = useI18n();
  const { message } = App.useApp();
  const { departments, byId } = useDepartments();
  const id = encodeURIComponent(itemId);
  const [claims, setClaims] = useState<Claim[]>();
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<{ form: ClaimForm; before?: Claim }>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const slots = useMemo(() => slotsOf(draft), [draft]);

  const load = useCallback(() => {
    api<{ items: Claim[] }>(`/api/items/${id}/claims`)
      .then((res) => setClaims(res.items))
      .catch((e: ApiError) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  const departmentLabel = (departmentId: string) => {
    const d = byId.get(departmentId);
    return d ? `${text(d.name)}（${d.level ? codeName('useLevel', d.level, locale) : ''} · ${d.region ?? ''}）` : departmentId;
  };
  const options = departments.map((d) => ({ value: d.id, label: departmentLabel(d.id) }));

  const set = (patch: Partial<ClaimForm>) => setEditing((e) => (e ? { ...e, form: { ...e.form, ...patch } } : e));
  const open = (claim?: Claim) => {
    setProblems([]);
    setEditing({ form: formOf(claim), before: claim });
  };

  const save = async () => {
    if (!editing) return;
    if (!editing.form.departmentId) {
      setProblems([{ pointer: '/departmentId', code: 'required', message: t('needDepartment') }]);
      return;
    }
    setSaving(true);
    setProblems([]);
    try {
      const body = bodyOf(editing.form, editing.before);
      if (editing.before) await api(`/api/items/${id}/claims/${encodeURIComponent(editing.before.id)}`, { method: 'PUT', body });
      else await api(`/api/items/${id}/claims`, { body });
      message.success(t('saved'));
      setEditing(undefined);
      load();
    } catch (e) {
      const err = e as ApiError;
      if (err.errors?.length) setProblems(err.errors);
      else message.error(t('failed', { message: err.message }));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (claim: Claim) => {
    try {
      await api(`/api/items/${id}/claims/${encodeURIComponent(claim.id)}`, { method: 'DELETE' });
      message.success(t('removed'));
      load();
    } catch (e) {
      message.error(t('failed', { message: (e as Error).message }));
    }
  };

  const problemAt = (pointer: string) => problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => p.message).join('；') || undefined;
  const form = editing?.form;
  const levelOptions = ['2', '3', '4'].map((value) => ({ value, label: codeName('useLevel', value, locale) }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="claims-panel">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={t('loadFailed', { message: error })} />}
      <Card
        size="small"
        title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('title')}</Typography.Title>}
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open()} data-testid="claim-add">{t('add')}</Button>}
      >
        {claims && claims.length === 0 ? (
          <Typography.Text type="secondary" data-testid="claims-none">{t('none')}</Typography.Text>
        ) : (
          <List
            loading={!claims && !error}
            dataSource={claims ?? []}
            renderItem={(claim) => {
              const o = claim.overrides ?? {};
              const slotText = Object.entries(claim.departments ?? {}).map(([slot, d]) => `${slot}：${departmentLabel(d)}`).join('；');
              return (
                <List.Item key={claim.id} data-testid={`claim-${claim.id}`} style={{ flexWrap: 'wrap', gap: 8 }}>
                  <div style={{ minWidth: 220, flex: '1 1 320px' }}>
                    <Typography.Text strong>{departmentLabel(claim.departmentId)}</Typography.Text>
                    <Tag style={{ marginInlineStart: 8 }}>{codeName('useLevel', claim.level, locale)}</Tag>
                    <div>
                      <Typography.Text type="secondary">
                        {[
                          o.promisedLimit ? t('promised', { value: `${o.promisedLimit.value} ${t(o.promisedLimit.unit)}` }) : undefined,
                          o.location ? t('location', { address: text(o.location.address) }) : undefined,
                          o.consultation ? t('consult', { phone: o.consultation.phone }) : undefined,
                          o.complaint ? t('complaint', { phone: o.complaint.phone }) : undefined,
                          slotText ? t('slotsOf', { slots: slotText }) : undefined,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </div>
                  </div>
                  <Flex gap={4}>
                    <Button size="small" onClick={() => open(claim)} aria-label={`${t('edit')} ${departmentLabel(claim.departmentId)}`}>{t('edit')}</Button>
                    <Popconfirm title={t('removeConfirm', { name: departmentLabel(claim.departmentId) })} okText={t('removeOk')} cancelText={t('cancel')} onConfirm={() => remove(claim)}>
                      <Button size="small" danger>{t('remove')}</Button>
                    </Popconfirm>
                  </Flex>
                </List.Item>
              );
            }}
          />
        )}
      </Card>

      <Modal
        open={Boolean(editing)}
        title={editing?.before ? t('dialogEdit') : t('dialogAdd')}
        okText={t('save')}
        cancelText={t('cancel')}
        onOk={save}
        onCancel={() => setEditing(undefined)}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'claim-save' } as never}
        width={720}
        destroyOnHidden
      >
        {form && (
          <Form layout="vertical" component="div" data-testid="claim-form">
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('problems', { n: problems.length })}
                description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
                data-testid="claim-problems"
              />
            )}
            <Row gutter={16}>
              <Col xs={24}>
                <Form.Item label={t('department')} htmlFor="claim-department" validateStatus={problemAt('/departmentId') ? 'error' : undefined} help={problemAt('/departmentId')}>
                  <Select
                    id="claim-department"
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('departmentPlaceholder')}
                    value={form.departmentId}
                    options={options}
                    onChange={(departmentId: string) => {
                      const d = byId.get(departmentId);
                      set({ departmentId, ...(d?.level ? { level: d.level } : {}), ...(d?.region ? { region: d.region } : {}) });
                    }}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('level')} htmlFor="claim-level" validateStatus={problemAt('/level') ? 'error' : undefined} help={problemAt('/level')}>
                  <Select id="claim-level" value={form.level || undefined} options={levelOptions} onChange={(level: string) => set({ level })} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('region')} htmlFor="claim-region" validateStatus={problemAt('/region') ? 'error' : undefined} help={problemAt('/region')}>
                  <Input id="claim-region" value={form.region} inputMode="numeric" maxLength={6} onChange={(e) => set({ region: e.target.value })} />
                </Form.Item>
              </Col>
              {slots.length > 0 && (
                <Col xs={24}>
                  <Typography.Title level={4} style={{ fontSize: 15 }}>{t('slots')}</Typography.Title>
                </Col>
              )}
              {slots.map(({ slot, name }) => (
                <Col xs={24} md={12} key={slot}>
                  <Form.Item label={name ? `${name}（${slot}）` : t('slotDepartment', { slot })} htmlFor={`claim-slot-${slot}`} validateStatus={problemAt(`/departments/${slot}`) ? 'error' : undefined} help={problemAt(`/departments/${slot}`)}>
                    <Select
                      id={`claim-slot-${slot}`}
                      showSearch={{ optionFilterProp: 'label' }}
                      value={form.departments[slot]}
                      options={options}
                      allowClear
                      onChange={(departmentId: string | undefined) => {
                        const next = { ...form.departments };
                        if (departmentId) next[slot] = departmentId;
                        else delete next[slot];
                        set({ departments: next });
                      }}
                    />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24}>
                <Typography.Title level={4} style={{ fontSize: 15 }}>{t('overrides')}</Typography.Title>
                <Checkbox checked={form.overridePromised} onChange={(e) => set({ overridePromised: e.target.checked })} style={{ marginBottom: 12 }}>
                  {t('overridePromised')}
                </Checkbox>
              </Col>
              {form.overridePromised && (
                <>
                  <Col xs={12}>
                    <Form.Item label={t('promisedValue')} htmlFor="claim-promised-value" validateStatus={problemAt('/overrides/promisedLimit') ? 'error' : undefined} help={problemAt('/overrides/promisedLimit')}>
                      <InputNumber id="claim-promised-value" min={0} max={3650} value={form.promisedValue} onChange={(v) => set({ promisedValue: v ?? 0 })} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item label={t('promisedUnit')} htmlFor="claim-promised-unit">
                      <Select id="claim-promised-unit" value={form.promisedUnit} options={[{ value: 'workingDays', label: t('workingDays') }, { value: 'naturalDays', label: t('naturalDays') }]} onChange={(promisedUnit: ClaimForm['promisedUnit']) => set({ promisedUnit })} />
                    </Form.Item>
                  </Col>
                </>
              )}
              {(
                [
                  ['address', 'addressZh', '/overrides/location'],
                  ['hours', 'hoursZh', '/overrides/location/hours'],
                  ['window', 'windowZh', '/overrides/location/window'],
                  ['consultPhone', 'consultPhone', '/overrides/consultation'],
                  ['consultAddress', 'consultAddressZh', '/overrides/consultation/address'],
                  ['complaintPhone', 'complaintPhone', '/overrides/complaint'],
                ] as const
              ).map(([key, label, pointer]) => (
                <Col xs={24} md={12} key={key}>
                  <Form.Item label={t(label)} htmlFor={`claim-${key}`} validateStatus={problemAt(pointer) ? 'error' : undefined} help={problemAt(pointer)}>
                    <Input id={`claim-${key}`} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
