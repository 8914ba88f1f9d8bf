/**
 * 办件详情 (applicant): status, receipt number, the deadline and how much is left, the staff's
 * correction list with 补正并重新提交, withdraw while allowed, parallel branches, the timeline from
 * the case history and the submitted data rendered read-only from the pinned form version.
 */
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, Modal, Result, Row, Skeleton, Space, Typography } from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isFinalStatus } from '@banshi/schemas/core';
import { api, ApiError } from '../shared/api.js';
import { chinaTime } from '../shared/china-time.js';
import { BranchList } from '../shared/branch-list.js';
import { CaseStatusTag } from '../shared/case-status-tag.js';
import { CaseTimeline } from '../shared/case-timeline.js';
import { codeName } from './code-names.js';
import { CorrectionList } from './correction-list.js';
import { DeadlineTag } from '../shared/deadline-tag.js';
import { fieldTitle } from './form-labels.js';
import { timeLimitText } from './time-limit.js';
import type { AuditEvent, ItemVersion } from '@banshi/schemas';
import type { CaseWithDeadline } from '../shared/api-types.generated.js';
import { SubmissionView } from '../shared/submission-view.js';
import { useI18n } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { useCaseWords } from '../shared/use-case-words.js';
import { useEventPlaces, type FlowNames } from '../shared/use-event-places.js';
import { useDepartments } from './use-departments.js';
import { MUTED, SoftTag } from './ui.js';
import { PortalTheme } from './portal-theme.js';

function CasePageContent() {
  const { caseId = '' } = useParams();
  const { t, text, locale } = useI18n();
  const { principal, loading: sessionLoading } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [theCase, setCase] = useState<CaseWithDeadline>();
  const [events, setEvents] = useState<AuditEvent[]>();
  const [version, setVersion] = useState<ItemVersion>();
  const [formError, setFormError] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [conflict, setConflict] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { byId: departmentsById } = useDepartments();
  const places = useEventPlaces(version?.flow as FlowNames | undefined, departmentsById);
  const itemType = theCase?.itemType ?? version?.item.itemType;
  const words = useCaseWords(itemType);

  const reload = useCallback(async () => {
    const [view, history] = await Promise.all([
      api<{ case: CaseWithDeadline }>(`/api/cases/${encodeURIComponent(caseId)}`),
      api<{ items: AuditEvent[] }>(`/api/cases/${encodeURIComponent(caseId)}/history`),
    ]);
    setCase(view.case);
    setEvents(history.items);
    return view.case;
  }, [caseId]);

  useEffect(() => {
    if (!principal) return;
    setError(undefined);
    reload().catch((e: ApiError) => setError(e));
  }, [principal, reload]);

  const itemId = theCase?.itemId;
  const itemVersion = theCase?.itemVersion;
  useEffect(() => {
    if (!itemId || !itemVersion) return;
    setFormError(false);
    api<ItemVersion>(`/api/items/${encodeURIComponent(itemId)}/versions/${itemVersion}`).then(setVersion).catch(() => setFormError(true));
  }, [itemId, itemVersion]);

  if (!sessionLoading && !principal) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;

  if (error) {
    return error.status === 404 || error.status === 403 ? (
      <Result status="404" title={<h1 style={{ fontSize: 22 }}>{t('case.notFound')}</h1>} extra={<Link to="/my/cases"><Button type="primary">{t('nav.myCases')}</Button></Link>} />
    ) : (
      <>
        <h1 style={{ fontSize: 22 }}>{t('case.title')}</h1>
        <Alert type="error" showIcon title={t('case.loadFailed')} description={error.title}
          action={<Button onClick={() => { setError(undefined); reload().catch((e: ApiError) => setError(e)); }}>{t('common.retry')}</Button>} />
      </>
    );
  }

  if (!theCase || !events) {
    return (
      <>
        <h1 style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('case.title')}</h1>
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }

  const c = theCase;
  const form = version?.form;
  const canWithdraw = !isFinalStatus(c.status) && c.status !== 'draft' && Boolean(principal && (principal.userId === c.applicant.userId || principal.userId === c.agentId));
  const openPause = c.clock.pauses.find((p) => !p.to);
  const date = (iso: string) => chinaTime(iso, { date: true });
  const titleOf = (pointer: string) => fieldTitle(form?.schema, form?.uiSchema, pointer, locale);

  const withdraw = async () => {
    setBusy(true);
    try {
      // The reason is kept on the outcome and, as the event's comment, in the case history too
      // (as the workbench does for a refusal), so the timeline says why the case was withdrawn.
      const why = reason.trim();
      await api(`/api/cases/${encodeURIComponent(c.id)}/actions`, {
        body: { action: 'withdraw', expectedVersion: c.version, ...(why ? { reason: why, comment: why } : {}) },
      });
      setWithdrawOpen(false);
      setReason('');
      await reload();
      message.success(t('case.withdrawn'));
    } catch (e) {
      const err = e as ApiError;
      setWithdrawOpen(false);
      if (err.status === 409) {
        setConflict(true);
        await reload().catch(() => undefined);
      } else {
        message.error(err.title || t('common.error'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ flex: '1 1 300px', minWidth: 0 }}>
            <Typography.Text style={{ color: MUTED }}>{t('case.title')}</Typography.Text>
            <Typography.Title level={1} style={{ fontSize: 24, margin: '4px 0 8px' }} data-testid="case-title">{text(c.itemName)}</Typography.Title>
            <Space size={[8, 8]} wrap>
              <CaseStatusTag status={c.status} itemType={itemType} />
              <span>{t('case.receiptNo')}: <Typography.Text strong copyable data-testid="case-receipt-no">{c.receiptNo}</Typography.Text></span>
            </Space>
            <div style={{ marginTop: 6 }}>
              <Typography.Text style={{ color: MUTED }}>
                {t('case.submittedOn', { date: date(c.createdAt) })} · {t('case.applicant')}: {c.applicant.name} · <Link to={`/items/${encodeURIComponent(c.itemId)}`} style={{ textDecoration: "underline" }}>{t("case.viewGuide")}</Link>
              </Typography.Text>
            </div>
          </div>
          <Space wrap>
            {c.status === 'correction' && (
              <Button type="primary" icon={<EditOutlined aria-hidden />} data-testid="resubmit-button"
                onClick={() => navigate(`/items/${encodeURIComponent(c.itemId)}/apply?correct=${encodeURIComponent(c.id)}`)}>
                {t('case.resubmit')}
              </Button>
            )}
            {canWithdraw && (
              <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setWithdrawOpen(true)} data-testid="withdraw-button">{t('case.withdraw')}</Button>
            )}
          </Space>
        </Flex>
      </Card>

      {conflict && (
        <Alert type="warning" showIcon closable={{ onClose: () => setConflict(false) }} title={t('case.conflict')} data-testid="case-conflict" />
      )}

      {c.status === 'correction' && c.correction && <CorrectionList correction={c.correction} askedBy={places.askedBy(c.correction, c.branches)} {...(form ? { form } : {})} />}

      {c.outcome && (
        <Alert
          type={c.outcome.result === 'completed' ? 'success' : c.outcome.result === 'withdrawn' ? 'info' : 'error'}
          showIcon
          data-testid="case-outcome"
          title={t('case.outcome', { result: words.status(c.outcome.result), date: date(c.outcome.at) })}
          {...(c.outcome.reason ? { description: `${t('applicant.timeline.reason')}: ${c.outcome.reason}` } : {})}
        />
      )}

      {c.status === 'suspended' && c.suspension && (
        <Alert type="info" showIcon title={t('case.suspended', { procedure: codeName('specialProcedure', c.suspension.procedure, locale) })} description={c.suspension.reason} />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('case.deadline')}</Typography.Title>}>
              <div style={{ marginBottom: 8 }}><DeadlineTag deadline={c.deadline} /></div>
              {openPause && <Typography.Paragraph style={{ color: MUTED }} data-testid="clock-paused">{t(openPause.kind === 'correction' ? 'case.pausedCorrection' : 'case.pausedSuspension', { date: openPause.from })}</Typography.Paragraph>}
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'received', label: t('case.receivedOn'), children: c.clock.receivedOn },
                  { key: 'promised', label: t('case.promisedDue'), children: <>{c.clock.dueDate ?? (openPause ? t('case.pausedShort') : '—')}<Typography.Text style={{ color: MUTED }}>（{timeLimitText(c.clock.promised, t)}）</Typography.Text></> },
                  { key: 'statutory', label: t('case.statutoryDue'), children: <>{c.clock.statutoryDueDate ?? (openPause ? t('case.pausedShort') : '—')}<Typography.Text style={{ color: MUTED }}>（{timeLimitText(c.clock.statutory, t)}）</Typography.Text></> },
                  ...(c.clock.extensionDays > 0 ? [{ key: 'ext', label: t('case.extended'), children: t('case.extendedValue', { n: c.clock.extensionDays, times: c.clock.extensions }) }] : []),
                ]}
              />
            </Card>

            {c.branches && c.branches.length > 0 && (
              <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('case.branches')}</Typography.Title>}>
                <BranchList branches={c.branches} departments={departmentsById} {...(c.status === 'correction' && c.correction?.branchId ? { returnedBranchId: c.correction.branchId } : {})} />
              </Card>
            )}

            <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('case.timeline')}</Typography.Title>}>
              <CaseTimeline audience="applicant" events={events} fieldTitle={titleOf} itemType={itemType} places={places} />
            </Card>
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 15, order: 1 }}>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('case.submission')}</Typography.Title>}
            extra={<SoftTag>{t('case.formVersion', { n: c.itemVersion })}</SoftTag>}>
            {formError && <Alert type="warning" showIcon title={t('case.formFailed')} />}
            {!form && !formError && <Skeleton active />}
            {form && <SubmissionView form={form} data={c.data} />}
          </Card>
        </Col>
      </Row>

      <Modal
        open={withdrawOpen}
        title={t('case.withdrawTitle')}
        okText={t('case.withdrawConfirm')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'withdraw-confirm' } as ButtonProps}
        cancelText={t('common.cancel')}
        onOk={withdraw}
        onCancel={() => setWithdrawOpen(false)}
      >
        <Typography.Paragraph>{t('case.withdrawHint', { receiptNo: c.receiptNo })}</Typography.Paragraph>
        <label htmlFor="withdraw-reason" style={{ display: 'block', marginBottom: 4 }}>{t('case.withdrawReason')}</label>
        <Input.TextArea id="withdraw-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}

export default function CasePage() {
  return (
    <PortalTheme>
      <CasePageContent />
    </PortalTheme>
  );
}
