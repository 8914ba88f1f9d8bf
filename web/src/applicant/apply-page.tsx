/**
 * The apply page (/items/:itemId/apply): the item's published form, drafts saved on the server,
 * agent mode (choose the applicant first), a submit safe against double clicks and retries, and
 * correction mode (?correct={caseId}: the case's own form version, prefilled, resubmitted).
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Alert, Button, Flex, Skeleton, Space } from 'antd';
import { CheckCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Case } from '@banshi/schemas';
import { hasRole, mayApply } from '@banshi/schemas/core';
import type { FieldError, FormRule, SubjectForm } from '@banshi/forms';
import { api, ApiError } from '../shared/api.js';
import { BanshiForm } from '../shared/forms/banshi-form.js';
import { useDraft, type Draft } from '../shared/forms/use-draft.js';
import { useI18n } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { chinaTime } from '../shared/china-time.js';
import { Panel } from './panel.js';
import { PlainList, SoftTag } from './ui.js';
import { correctionStep } from './correction-step.js';
import { useDepartments } from './use-departments.js';
import { useEventPlaces } from '../shared/use-event-places.js';
import { FORM_STYLE } from '../shared/forms/form-style.js';
import { SubjectChoice, useApplicantIdentity } from '../shared/forms/use-applicant-identity.js';

interface ItemVersion {
  item: { id: string; name: { 'zh-CN': string; en?: string } };
  version?: number;
  form: { schema: RJSFSchema; uiSchema?: UiSchema; rules?: FormRule[]; subject?: SubjectForm['subject'] };
}

type Data = Record<string, unknown>;

/** Server field errors point into the request body (`/data/...`); the form's pointers start at the data. */
function fieldErrorsOf(error: ApiError): FieldError[] {
  return error.errors.filter((e) => e.pointer === '/data' || e.pointer.startsWith('/data/')).map((e) => ({ ...e, pointer: e.pointer.slice('/data'.length) }));
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export default function ApplyPage() {
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const correctId = params.get('correct') ?? undefined;
  const { principal, loading: sessionLoading } = useSession();
  const { t, text } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const next = encodeURIComponent(location.pathname + location.search);

  const [definition, setDefinition] = useState<ItemVersion>();
  const [correcting, setCorrecting] = useState<Case>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  // Agent mode: the applicant the agent acts for.
  const isAgent = Boolean(hasRole(principal?.roles, 'agent') && principal?.onBehalfOf?.length);
  const [actingFor, setActingFor] = useState<string>();
  const [names, setNames] = useState<Record<string, string>>({});
  const [agentChoice, setAgentChoice] = useState<string>();

  const [data, setData] = useState<Data>({});
  const [step, setStep] = useState(0);
  const [started, setStarted] = useState(false);
  const idempotencyKey = useRef<string>(newKey());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError>();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const lastSubmitted = useRef<Data | undefined>(undefined);
  const { byId: departmentsById } = useDepartments();
  const places = useEventPlaces(undefined, departmentsById);

  // Load the form: the newest published version, or the case's own version when correcting.
  useEffect(() => {
    if (!principal) return;
    let live = true;
    setLoadError(undefined);
    (async () => {
      let version: number;
      let corrected: Case | undefined;
      if (correctId) {
        const { case: c } = await api<{ case: Case }>(`/api/cases/${encodeURIComponent(correctId)}`);
        if (!live) return;
        corrected = c;
        setCorrecting(c);
        setData(c.data as Data);
        setStarted(true);
        version = c.itemVersion;
      } else {
        version = (await api<{ version: number }>(`/api/items/${encodeURIComponent(itemId)}`)).version;
      }
      const def = await api<ItemVersion>(`/api/items/${encodeURIComponent(itemId)}/versions/${version}`);
      if (!live) return;
      setDefinition(def);
      // A correction opens on the step of the first field the staff flagged.
      const flagged = (corrected?.correction?.items ?? []).flatMap((i) => (i.pointer ? [i.pointer] : []));
      if (flagged.length) setStep(correctionStep(def.form.schema, def.form.uiSchema, flagged));
    })().catch((error: ApiError) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [itemId, correctId, principal, attempt]);

  useEffect(() => {
    if (!isAgent) return;
    api<{ items: { id: string; name: string }[] }>('/api/auth/dev-users')
      .then((r) => setNames(Object.fromEntries(r.items.map((u) => [u.id, u.name]))))
      .catch(() => undefined);
  }, [isAgent]);

  const onBehalfOf = isAgent ? actingFor : undefined;
  const draftsOn = Boolean(principal && definition && !correctId && (!isAgent || actingFor));
  const draft = useDraft({ itemId, onBehalfOf, enabled: draftsOn });
  // The applicant section: the verified identity, read-only; or, applying for someone else, theirs.
  const identity = useApplicantIdentity(definition?.form, { principal, onBehalfOf, correcting });

  // No saved draft: start at once. A saved one: the user chooses (below).
  useEffect(() => {
    if (draftsOn && draft.saved === null) setStarted(true);
  }, [draftsOn, draft.saved]);

  const resume = (saved: Draft) => {
    setData(saved.data ?? {});
    setStep(saved.step ?? 0);
    if (saved.idempotencyKey) idempotencyKey.current = saved.idempotencyKey;
    setStarted(true);
  };
  const startFresh = () => {
    void draft.discard();
    idempotencyKey.current = newKey();
    setData({});
    setStep(0);
    setStarted(true);
  };

  // `edited`: the applicant's own change; a form filling in its calculated values is not saved as a draft.
  const remember = useCallback((nextData: Data, nextStep: number, edited: boolean) => {
    if (draftsOn) draft.save({ data: nextData, idempotencyKey: idempotencyKey.current, step: nextStep }, edited);
  }, [draftsOn, draft.save]);

  const handleChange = useCallback((nextData: Data, edited: boolean) => {
    setData(nextData);
    remember(nextData, step, edited);
  }, [remember, step]);
  const handleStep = useCallback((n: number) => {
    setStep(n);
    remember(data, n, true);
  }, [remember, data]);

  const submit = async (clean: Data) => {
    if (submitting) return;
    lastSubmitted.current = clean;
    setSubmitting(true);
    setSubmitError(undefined);
    setServerErrors([]);
    try {
      if (correcting) {
        await api(`/api/cases/${encodeURIComponent(correcting.id)}/actions`, {
          body: { action: 'resubmit', expectedVersion: correcting.version, data: clean },
        });
        navigate(`/cases/${encodeURIComponent(correcting.id)}`);
        return;
      }
      const { case: created } = await api<{ case: Case }>('/api/cases', {
        body: { itemId, data: clean, ...(onBehalfOf ? { onBehalfOf } : {}), ...identity.body },
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
      await draft.discard();
      navigate(`/receipts/${encodeURIComponent(created.id)}`);
    } catch (e) {
      const error = e as ApiError;
      if (error.status === 401) await draft.flush().catch(() => undefined);
      const fields = fieldErrorsOf(error);
      if (fields.length > 0) setServerErrors(fields);
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  const marked = useMemo(() => (correcting?.correction?.items ?? []).map((i) => i.pointer).filter((p): p is string => Boolean(p)), [correcting]);

  if (sessionLoading) return <Skeleton active />;
  if (!principal) return <Navigate to={`/sign-in?next=${next}`} replace />;
  if (!mayApply(principal.roles)) {
    return (
      <>
        <h1 style={H1}>{t('apply.title')}</h1>
        <Alert type="warning" showIcon title={t('apply.notApplicant')} />
      </>
    );
  }

  const title = definition ? text(definition.item.name) : t('apply.title');
  const heading = (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <h1 style={{ ...H1, margin: 0 }}>{title}</h1>
      {draftsOn && started && <DraftIndicator status={draft.status} />}
    </Flex>
  );

  if (loadError) {
    return (
      <>
        {heading}
        {loadError.status === 401 ? (
          <Alert type="warning" showIcon title={t('apply.sessionExpired')} action={<Link to={`/sign-in?next=${next}`}>{t('apply.signInAgain')}</Link>} />
        ) : (
          <Alert type="error" showIcon title={t('apply.loadFailed')} description={loadError.status === 0 ? t('common.networkError') : loadError.title}
            action={<Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>} />
        )}
      </>
    );
  }
  if (!definition) return <>{heading}<Skeleton active paragraph={{ rows: 8 }} /></>;

  if (isAgent && !actingFor && !correctId) {
    return (
      <>
        {heading}
        <Panel title={<h2 style={{ fontSize: 18, fontWeight: 600, margin: 0 }}>{t('apply.agentTitle')}</h2>}>
          <p>{t('apply.agentHint')}</p>
          <form className="banshi-form" onSubmit={(e) => { e.preventDefault(); if (agentChoice) setActingFor(agentChoice); }}>
            <style>{FORM_STYLE}</style>
            <div className="banshi-field">
              <label className="banshi-label banshi-label-required" htmlFor="agent-applicant">{t('apply.agentLabel')}</label>
              <select id="agent-applicant" className="form-control" style={{ maxWidth: 360 }} required value={agentChoice ?? ''} onChange={(e) => setAgentChoice(e.target.value || undefined)}>
                <option value="">{t('apply.agentPick')}</option>
                {(principal.onBehalfOf ?? []).map((id) => <option key={id} value={id}>{names[id] ? `${names[id]}（${id}）` : id}</option>)}
              </select>
            </div>
            <Button type="primary" htmlType="submit" disabled={!agentChoice}>{t('apply.agentStart')}</Button>
          </form>
        </Panel>
      </>
    );
  }

  if (draftsOn && draft.saved === undefined && !draft.loadError) return <>{heading}<Skeleton active paragraph={{ rows: 8 }} /></>;
  const askedBy = correcting?.correction ? places.askedBy(correcting.correction, correcting.branches) : undefined;

  return (
    <>
      {heading}
      {onBehalfOf && <SoftTag tone="blue" style={{ marginBottom: 12 }}>{t('apply.agentFor', { name: names[onBehalfOf] ?? onBehalfOf })}</SoftTag>}
      {correcting && (
        correcting.status === 'correction' && correcting.correction ? (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="correction-list"
            title={t('apply.correctionTitle')}
            description={
              <>
                {askedBy && <div data-testid="correction-asked-by">{t('apply.correctionAskedBy', { department: askedBy })}</div>}
                <PlainList items={correcting.correction.items} render={(item) => item.message} />
                <span>{t('apply.correctionHint')}</span>
              </>
            } />
        ) : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('apply.correctionNotOpen')} />
      )}
      {!started && draft.saved ? (
        <Panel>
          <p style={{ fontWeight: 600 }}>{t('apply.draftFound', { time: draft.saved.updatedAt ? chinaTime(draft.saved.updatedAt) : '' })}</p>
          <Space wrap>
            <Button type="primary" onClick={() => resume(draft.saved!)} data-testid="draft-continue">{t('apply.draftContinue')}</Button>
            <Button onClick={startFresh} data-testid="draft-fresh">{t('apply.draftFresh')}</Button>
          </Space>
        </Panel>
      ) : (
        <Panel>
          {submitError && (
            <SubmitProblem error={submitError} hasFieldErrors={serverErrors.length > 0} next={next}
              onRetry={() => lastSubmitted.current && void submit(lastSubmitted.current)} />
          )}
          {!correcting && <SubjectChoice identity={identity} />}
          <BanshiForm
            schema={identity.schema ?? definition.form.schema}
            uiSchema={identity.uiSchema ?? definition.form.uiSchema}
            rules={definition.form.rules}
            formData={identity.show(data)}
            onChange={handleChange}
            onSubmit={(clean) => void submit(clean)}
            serverErrors={serverErrors}
            marked={marked}
            step={step}
            onStepChange={handleStep}
            submitting={submitting}
            submitLabel={correcting ? t('apply.resubmit') : t('apply.submit')}
          />
        </Panel>
      )}
    </>
  );
}

function DraftIndicator({ status }: { status: ReturnType<typeof useDraft>['status'] }) {
  const { t } = useI18n();
  return (
    <span role="status" aria-live="polite" data-testid="draft-status" style={{ fontSize: 14, color: status.state === 'failed' ? '#ad4e00' : undefined }}>
      {status.state === 'saving' && <><LoadingOutlined aria-hidden /> {t('apply.draftSaving')}</>}
      {status.state === 'saved' && <><CheckCircleOutlined aria-hidden style={{ color: '#389e0d' }} /> {t('apply.draftSaved', { time: chinaTime(status.at) })}</>}
      {status.state === 'failed' && t('apply.draftFailed')}
    </span>
  );
}

function SubmitProblem({ error, hasFieldErrors, next, onRetry }: { error: ApiError; hasFieldErrors: boolean; next: string; onRetry(): void }) {
  const { t } = useI18n();
  if (error.status === 401) {
    return <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('apply.sessionExpired')} action={<Link to={`/sign-in?next=${next}`}>{t('apply.signInAgain')}</Link>} />;
  }
  if (hasFieldErrors) return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('apply.serverErrors')} />;
  const transient = error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 429;
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('apply.submitFailed')}
      description={error.status === 0 ? t('common.networkError') : error.detail ?? error.title}
      action={transient ? <Button onClick={onRetry} data-testid="submit-retry">{t('common.retry')}</Button> : undefined} />
  );
}

const H1 = { fontSize: 24, fontWeight: 600, lineHeight: 1.35, color: 'rgba(0,0,0,.88)', marginBottom: 16 } as const;
