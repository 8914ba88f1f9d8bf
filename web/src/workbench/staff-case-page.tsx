/**
 * The staff case view (/workbench/cases/:caseId): the case, its deadline, the submission rendered
 * from its own item version, attachments, parallel branches and history; and exactly the actions
 * the flow allows at the step of my open task, each in a modal sent with the case's version.
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { AuditEvent, Department, FlowAction, ItemVersion } from '@banshi/schemas';
import { allowedActions, extensionsUsedUp } from '@banshi/schemas/core';
import { api, ApiError } from '../shared/api.js';
import { findMyTask } from './my-task.js';
import { AttachmentList, collectAttachments } from './attachment-list.js';
import { BranchList } from '../shared/branch-list.js';
import { CaseActionModal } from './case-action-modal.js';
import { CaseStatusTag } from '../shared/case-status-tag.js';
import { CaseTimeline } from '../shared/case-timeline.js';
import { ProvisionalMark } from '../shared/provisional-mark.js';
import { DeadlineTag, useRemainingText } from '../shared/deadline-tag.js';
import { formFields } from './form-fields.js';
import { SafeSubmission } from './safe-submission.js';
import { StaffOnly } from '../shared/auth/staff-only.js';
import type { CaseView } from '../shared/api-types.generated.js';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';
import { useCaseWords } from '../shared/use-case-words.js';
import { useEventPlaces } from '../shared/use-event-places.js';
import type { Principal } from '../shared/session.js';
import { chinaTime } from '../shared/china-time.js';

const PRIMARY: FlowAction[] = ['accept', 'approve', 'complete', 'resume'];
const DANGER: FlowAction[] = ['notAccept', 'reject'];

/** The page: signed-in staff only. */
export default function StaffCasePage() {
  return <StaffOnly>{(principal) => <StaffCase principal={principal} />}</StaffOnly>;
}

function Section({ title, children, testId, extra }: { title: string; children: ReactNode; testId?: string; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      data-testid={testId}
      extra={extra}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      {children}
    </Card>
  );
}

function StaffCase({ principal }: { principal: Principal }) {
  const { caseId = '' } = useParams();
  const { t, text, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const remainingText = useRemainingText();

  const [view, setView] = useState<CaseView>();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [error, setError] = useState<ApiError>();
  const [reloading, setReloading] = useState(false);
  const [version, setVersion] = useState<ItemVersion>();
  const [versionError, setVersionError] = useState<ApiError>();
  const [departments, setDepartments] = useState<Map<string, Department>>(new Map());
  const [action, setAction] = useState<FlowAction>();
  const [notice, setNotice] = useState<{ kind: 'conflict' | 'not-allowed'; title: string }>();

  const load = useCallback(async () => {
    setReloading(true);
    try {
      const [next, history] = await Promise.all([
        api<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`),
        api<{ items: AuditEvent[] }>(`/api/cases/${encodeURIComponent(caseId)}/history`),
      ]);
      setView(next);
      setEvents(history.items);
      setError(undefined);
      return next;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      return undefined;
    } finally {
      setReloading(false);
    }
  }, [caseId]);

  useEffect(() => {
    setView(undefined);
    void load();
  }, [load]);

  const itemId = view?.case.itemId;
  const itemVersion = view?.case.itemVersion;
  const loadVersion = useCallback(async () => {
    if (!itemId || !itemVersion) return;
    setVersionError(undefined);
    try {
      setVersion(await api<ItemVersion>(`/api/items/${encodeURIComponent(itemId)}/versions/${itemVersion}`));
    } catch (err) {
      setVersionError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }, [itemId, itemVersion]);
  useEffect(() => {
    void loadVersion();
  }, [loadVersion]);

  const hasBranches = Boolean(view?.case.branches?.length);
  // Department names: for the branches and for who acted in the history.
  useEffect(() => {
    if (departments.size) return;
    api<{ items: Department[] }>('/api/departments')
      .then((r) => setDepartments(new Map(r.items.map((d) => [d.id, d]))))
      .catch(() => undefined);
  }, [departments.size]);
  const places = useEventPlaces(version?.flow, departments);
  const itemType = view?.case.itemType ?? (version?.item.itemType as string | undefined);
  const words = useCaseWords(itemType);

  const fields = useMemo(() => formFields(version?.form.schema, version?.form.uiSchema, locale), [version, locale]);
  const fieldTitle = useCallback(
    (pointer: string) => fields.find((f) => f.pointer === pointer)?.title ?? fields.find((f) => pointer.startsWith(`${f.pointer}/`))?.title,
    [fields],
  );

  if (error && !view) {
    return error.status === 404 || error.status === 403 ? (
      <Result status="404" title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('staffCase.notFound')}</h1>} extra={<Link to="/workbench">{t('staffCase.back')}</Link>} />
    ) : (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error.status === 0 ? t('common.networkError') : error.title}
        action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!view) return <Skeleton active paragraph={{ rows: 10 }} />;

  const current = view.case;
  const askedBy = current.correction ? places.askedBy(current.correction, current.branches) : undefined;
  const myTask = findMyTask(view.openTasks, principal);
  const actions = allowedActions(version?.flow, myTask, current);
  // The engine's rule: once, unless the flow's extension policy allows more.
  const extensionExhausted = version ? extensionsUsedUp(version.flow, current.clock) : false;
  const stepName = version?.flow.steps.find((s) => s.id === current.stepId)?.name ?? view.openTasks.find((x) => x.stepId === current.stepId)?.stepName;
  const openPause = current.clock.pauses.find((p) => !p.to);
  const attachments = collectAttachments(current.data);

  const onDone = (next: CaseView, done: FlowAction) => {
    const label = words.action(done, Boolean(myTask?.branchId));
    setAction(undefined);
    setNotice(undefined);
    if (!findMyTask(next.openTasks, principal)) {
      void message.success(t('staffCase.done', { action: label }));
      navigate('/workbench', { state: { done: t('staffCase.doneLeft', { action: label, receiptNo: current.receiptNo }) } });
      return;
    }
    void message.success(t('staffCase.done', { action: label }));
    setView(next);
    void load();
  };

  const onConflict = (kind: 'conflict' | 'not-allowed', title: string) => {
    setAction(undefined);
    const shown = kind === 'conflict' ? t('staffCase.conflict') : title;
    setNotice({ kind, title: shown });
    if (kind === 'conflict') void message.warning(shown);
    else void message.error(shown);
    void load();
  };

  const summary = [
    { key: 'status', label: t('staffCase.field.status'), children: <CaseStatusTag status={current.status} itemType={itemType} /> },
    { key: 'receiptNo', label: t('staffCase.field.receiptNo'), children: <span data-testid="case-receipt-no">{current.receiptNo}</span> },
    { key: 'applicant', label: t('staffCase.field.applicant'), children: current.applicant.name },
    // Applied for someone else (the form allows it): whom, and the applicant's relation to them.
    ...(current.subject
      ? [{
          key: 'subject',
          label: t('staffCase.field.subject'),
          children: (
            <span data-testid="case-subject" data-relation={current.subject.relation}>
              {t('staffCase.subject', { name: current.subject.name ?? '—', relation: t(`relation.${current.subject.relation}`) })}
            </span>
          ),
        }]
      : []),
    {
      key: 'item',
      label: t('staffCase.field.item'),
      children: `${text(current.itemName)}（${t('staffCase.versionN', { n: current.itemVersion })}）`,
    },
    { key: 'step', label: t('staffCase.field.step'), children: stepName ? text(stepName) : current.stepId },
    { key: 'received', label: t('staffCase.field.received'), children: current.clock.receivedOn },
    { key: 'due', label: t('staffCase.field.due'), children: <span data-testid="case-due-date">{current.deadline.dueDate ?? current.clock.dueDate ?? '—'}<ProvisionalMark provisional={current.deadline.provisional} /></span> },
    {
      key: 'deadline',
      label: t('staffCase.field.deadline'),
      children: (
        <Space wrap size={6}>
          <DeadlineTag deadline={current.deadline} show="state" />
          {current.deadline.state !== 'finished' && current.deadline.state !== 'paused' && <span>{remainingText(current.deadline.remainingWorkingDays)}</span>}
          {openPause && <span>{t('staffCase.pausedSince', { from: openPause.from })}</span>}
        </Space>
      ),
    },
    ...(current.clock.extensionDays > 0
      ? [{ key: 'extension', label: t('staffCase.field.extension'), children: t('staffCase.extended', { days: current.clock.extensionDays, times: current.clock.extensions }) }]
      : []),
    ...(current.suspension
      ? [{
          key: 'suspension',
          label: t('staffCase.field.suspension'),
          children: `${t(`workbench.procedure.${current.suspension.procedure}` as MessageKey)}：${current.suspension.reason}（${chinaTime(current.suspension.since, { date: true })}）`,
        }]
      : []),
    ...(current.correction && current.status === 'correction'
      ? [{
          key: 'correction',
          label: t('staffCase.field.correction'),
          span: 'filled' as const,
          children: (
            <>
            {askedBy && <div data-testid="correction-asked-by">{t('apply.correctionAskedBy', { department: askedBy })}</div>}
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {current.correction.items.map((c, i) => (
                <li key={i}>
                  {c.pointer ? `${fieldTitle(c.pointer) ?? c.pointer}：` : ''}
                  {c.message}
                </li>
              ))}
            </ul>
            </>
          ),
        }]
      : []),
    ...(current.outcome
      ? [{
          key: 'outcome',
          label: t('staffCase.field.outcome'),
          children: `${words.status(current.outcome.result)}${current.outcome.reason ? `：${current.outcome.reason}` : ''}（${chinaTime(current.outcome.at)}）`,
        }]
      : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="staff-case" data-case-id={current.id} data-version={current.version} data-status={current.status}>
      <Link to="/workbench">
        <ArrowLeftOutlined aria-hidden /> {t('staffCase.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0, wordBreak: 'break-all' }}>
            {t('staffCase.title', { receiptNo: current.receiptNo })}
          </Typography.Title>
          <CaseStatusTag status={current.status} itemType={itemType} />
          {current.deadline.state !== 'finished' && <DeadlineTag deadline={current.deadline} show="state" />}
        </Space>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={reloading} aria-label={t('inbox.refresh')}>
          {t('inbox.refresh')}
        </Button>
      </Flex>

      {notice && (
        <Alert
          type={notice.kind === 'conflict' ? 'warning' : 'error'}
          showIcon
          closable
          role="alert"
          data-testid="case-conflict"
          title={notice.title}
          onClose={() => setNotice(undefined)}
        />
      )}

      <Section title={t('staffCase.actions')} testId="case-actions">
        {myTask ? (
          <Flex vertical gap={10}>
            <Typography.Text>
              {t('staffCase.myTask', { step: text(myTask.stepName) })} · {t('inbox.col.due')} {myTask.dueDate}
            </Typography.Text>
            {versionError ? (
              <Alert type="error" showIcon title={versionError.title} action={<Button size="small" onClick={() => void loadVersion()}>{t('common.retry')}</Button>} />
            ) : !version ? (
              <Skeleton.Button active />
            ) : actions.length ? (
              <Flex wrap gap={8}>
                {actions.map((a) => {
                  const disabled = a === 'extend' && extensionExhausted;
                  const button = (
                    <Button
                      key={a}
                      type={PRIMARY.includes(a) ? 'primary' : 'default'}
                      danger={DANGER.includes(a)}
                      disabled={disabled}
                      onClick={() => setAction(a)}
                      data-testid={`action-${a}`}
                    >
                      {words.action(a, Boolean(myTask.branchId))}
                    </Button>
                  );
                  return disabled ? <Tooltip key={a} title={t('staffCase.extended', { days: current.clock.extensionDays, times: current.clock.extensions })}>{button}</Tooltip> : button;
                })}
              </Flex>
            ) : (
              <Typography.Text>{t('staffCase.noActions')}</Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text data-testid="case-no-actions">{t('staffCase.noActions')}</Typography.Text>
        )}
      </Section>

      <Section title={t('staffCase.summary')} testId="case-summary">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={summary} />
      </Section>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={16}>
            <Section title={t('staffCase.submission')} testId="case-submission">
              {versionError ? (
                <Alert type="error" showIcon title={versionError.title} action={<Button size="small" onClick={() => void loadVersion()}>{t('common.retry')}</Button>} />
              ) : version ? (
                <SafeSubmission form={version.form} data={current.data} fields={fields} />
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              )}
            </Section>
            <Section title={t('staffCase.attachments')}>
              <AttachmentList items={attachments} fieldTitle={fieldTitle} />
            </Section>
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={16}>
            {hasBranches && (
              <Section title={t('staffCase.branches')}>
                <BranchList branches={current.branches ?? []} departments={departments} showRole {...(current.status === 'correction' && current.correction?.branchId ? { returnedBranchId: current.correction.branchId } : {})} />
              </Section>
            )}
            <Section title={t('staffCase.history')}>
              <CaseTimeline audience="staff" events={events} fieldTitle={fieldTitle} itemType={itemType} places={places} />
            </Section>
          </Flex>
        </Col>
      </Row>

      {action && (
        <CaseActionModal
          action={action}
          label={words.action(action, Boolean(myTask?.branchId))}
          current={current}
          task={myTask}
          flow={version?.flow}
          fields={fields}
          onClose={() => setAction(undefined)}
          onDone={onDone}
          onConflict={onConflict}
        />
      )}
    </Flex>
  );
}
