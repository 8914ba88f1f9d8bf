/**
 * 办事指南: the service guide of an item rendered from its definition — conditions, materials,
 * limits, fees, where and how, results, contacts and the implementing departments (claims) with
 * what each sets differently — and the 在线申办 button.
 */
import { Alert, Button, Card, Descriptions, Flex, Grid, Result, Skeleton, Space, Table, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../shared/api.js';
import type { ItemGuide } from '../shared/api-types.generated.js';
import { codeName } from './code-names.js';
import { timeLimitText } from './time-limit.js';
import type { LocalizedText, ServiceItem } from '@banshi/schemas';
import { useDepartments } from './use-departments.js';
import { useI18n } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { MUTED, PlainList, SoftTag } from './ui.js';
import { PortalTheme } from './portal-theme.js';

type Material = ServiceItem['materials'][number];
interface Fee {
  name: LocalizedText;
  amount?: number;
  description?: LocalizedText;
  basis: LocalizedText;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<Typography.Title level={2} id={id} style={{ fontSize: 17, margin: 0 }}>{title}</Typography.Title>} aria-labelledby={id} role="region">
      {children}
    </Card>
  );
}

function GuidePageContent() {
  const { itemId = '' } = useParams();
  const { t, text, locale } = useI18n();
  const { principal } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { byId } = useDepartments();
  const [guide, setGuide] = useState<ItemGuide>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setGuide(undefined);
    setError(undefined);
    api<ItemGuide>(`/api/items/${encodeURIComponent(itemId)}`).then(setGuide).catch((e: ApiError) => setError(e));
  }, [itemId, attempt]);

  useEffect(() => {
    if (guide) document.title = `${text(guide.item.name)} · ${t('app.name')}`;
  }, [guide, text, t]);

  if (error?.status === 404) {
    return <Result status="404" title={<h1 style={{ fontSize: 22 }}>{t('guide.notFound')}</h1>} extra={<Link to="/"><Button type="primary">{t('nav.catalog')}</Button></Link>} />;
  }
  if (error) {
    return (
      <>
        <h1 style={{ fontSize: 22 }}>{t('guide.title')}</h1>
        <Alert type="error" showIcon title={t('guide.loadFailed')} description={error.title} action={<Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>} />
      </>
    );
  }
  if (!guide) {
    return (
      <>
        <h1 className="sr-only" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('guide.title')}</h1>
        <Skeleton active paragraph={{ rows: 12 }} />
      </>
    );
  }

  const { item, claims } = guide;
  const applyPath = `/items/${encodeURIComponent(item.id)}/apply`;
  const apply = () => (principal ? navigate(applyPath) : navigate(`/sign-in?next=${encodeURIComponent(applyPath)}`));
  const canApplyOnline = item.onlineDepth === '3' || item.onlineDepth === '4';
  const none = <Typography.Text style={{ color: MUTED }}>{t('common.none')}</Typography.Text>;
  const deptName = (id: string) => {
    const d = byId.get(id);
    return d ? text(d.name) : id;
  };

  const applyButton = (
    <Button type="primary" size="large" icon={<FormOutlined aria-hidden />} onClick={apply} data-testid="apply-button" disabled={!canApplyOnline}>
      {t('guide.apply')}
    </Button>
  );

  const materialColumns = [
    { title: t('guide.material.name'), key: 'name', render: (_: unknown, m: Material) => (
      <>
        <div>{text(m.name)}</div>
        {m.condition && <Typography.Text style={{ color: MUTED }}>{t('guide.material.condition')}: {text(m.condition)}</Typography.Text>}
        {(m.blankFormUrl || m.sampleUrl) && (
          <Space size="small">
            {m.blankFormUrl && <a href={m.blankFormUrl} target="_blank" rel="noreferrer">{t('guide.material.blankForm')}</a>}
            {m.sampleUrl && <a href={m.sampleUrl} target="_blank" rel="noreferrer">{t('guide.material.sample')}</a>}
          </Space>
        )}
      </>
    ) },
    { title: t('guide.material.necessity'), key: 'necessity', render: (_: unknown, m: Material) => <NecessityTag code={m.necessity} /> },
    { title: t('guide.material.form'), key: 'form', render: (_: unknown, m: Material) => codeName('materialForm', m.form, locale) },
    { title: t('guide.material.count'), key: 'count', render: (_: unknown, m: Material) => t('guide.material.countValue', { originals: m.originals, copies: m.copies }) },
    { title: t('guide.material.source'), key: 'source', render: (_: unknown, m: Material) => codeName('materialSource', m.source, locale) },
    { title: t('guide.material.standard'), key: 'standard', render: (_: unknown, m: Material) => text(m.standard) },
  ];

  const results = [item.result, ...(item.additionalResults ?? [])];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ flex: '1 1 280px', minWidth: 0 }}>
            <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }} data-testid="guide-title">{text(item.name)}</Typography.Title>
            <Space size={[4, 4]} wrap>
              <SoftTag tone="red">{codeName('itemType', item.itemType, locale)}</SoftTag>
              {item.useLevel.map((l) => <SoftTag key={l}>{codeName('useLevel', l, locale)}</SoftTag>)}
              <SoftTag tone="blue">{codeName('caseType', item.caseType, locale)}</SoftTag>
              <SoftTag tone="green">{t('guide.onlineDepthTag', { n: item.onlineDepth, name: codeName('onlineDepth', item.onlineDepth, locale) })}</SoftTag>
            </Space>
            <Typography.Paragraph style={{ color: MUTED, marginTop: 8, marginBottom: 0 }}>
              {t('guide.basicCode')}: {item.basicCode} · {t('guide.version', { n: guide.version })}
            </Typography.Paragraph>
          </div>
          <Space orientation="vertical" align={screens.sm ? 'end' : 'start'}>
            {applyButton}
            {!canApplyOnline && <Typography.Text style={{ color: MUTED }}>{t('guide.notOnline')}</Typography.Text>}
            {canApplyOnline && !principal && <Typography.Text style={{ color: MUTED }}>{t('guide.signInFirst')}</Typography.Text>}
          </Space>
        </Flex>
      </Card>

      <Section id="guide-basics" title={t('guide.basics')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          items={[
            { key: 'implementer', label: t('guide.implementer'), children: <>{text(item.implementer.name)}（{codeName('implementerNature', item.implementer.nature, locale)}）</> },
            { key: 'objects', label: t('guide.serviceObjects'), children: item.serviceObjects.map((o) => codeName('serviceObject', o, locale)).join('、') },
            { key: 'statutory', label: t('guide.statutoryLimit'), children: <span data-testid="statutory-limit">{timeLimitText(item.statutoryLimit, t)}</span> },
            { key: 'promised', label: t('guide.promisedLimit'), children: <span data-testid="promised-limit">{timeLimitText(item.promisedLimit, t)}</span> },
            { key: 'caseType', label: t('guide.caseType'), children: codeName('caseType', item.caseType, locale) },
            { key: 'inHall', label: t('guide.inHall'), children: t(item.inHall ? 'guide.yes' : 'guide.no') },
          ]}
        />
      </Section>

      <Section id="guide-conditions" title={t('guide.conditions')}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="acceptance-conditions">
          {item.acceptanceConditions.map((c, i) => <li key={i}>{text(c)}</li>)}
        </ol>
      </Section>

      <Section id="guide-materials" title={t('guide.materials')}>
        {item.materials.length === 0 ? none : screens.md ? (
          <Table rowKey="id" size="small" pagination={false} columns={materialColumns} dataSource={item.materials} scroll={{ x: 720 }} data-testid="materials" />
        ) : (
          <PlainList
            testId="materials"
            items={item.materials}
            render={(m) => (
              <>
                <div style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8} align="flex-start">
                    <Typography.Text strong>{text(m.name)}</Typography.Text>
                    <NecessityTag code={m.necessity} />
                  </Flex>
                  {m.condition && <div><Typography.Text style={{ color: MUTED }}>{t('guide.material.condition')}: {text(m.condition)}</Typography.Text></div>}
                  <div>{t('guide.material.form')}: {codeName('materialForm', m.form, locale)} · {t('guide.material.countValue', { originals: m.originals, copies: m.copies })}</div>
                  <div>{t('guide.material.source')}: {codeName('materialSource', m.source, locale)}</div>
                  <div>{t('guide.material.standard')}: {text(m.standard)}</div>
                </div>
              </>
            )}
          />
        )}
      </Section>

      <Section id="guide-fees" title={t('guide.fees')}>
        {item.fees.length === 0 ? (
          <Typography.Text data-testid="fees">{item.feeNote ? text(item.feeNote) : t('guide.free')}</Typography.Text>
        ) : (
          <div data-testid="fees">
            {item.feeNote && <Typography.Paragraph>{text(item.feeNote)}</Typography.Paragraph>}
            <PlainList
              items={item.fees as unknown as Fee[]}
              render={(fee: Fee) => (
                <>
                  <div>
                    <Typography.Text strong>{text(fee.name)}</Typography.Text>
                    {fee.amount !== undefined && <span>：{t('guide.feeAmount', { amount: fee.amount.toFixed(2) })}</span>}
                    {fee.description && <div>{text(fee.description)}</div>}
                    <Typography.Text style={{ color: MUTED }}>{t('guide.feeBasis')}: {text(fee.basis)}</Typography.Text>
                  </div>
                </>
              )}
            />
          </div>
        )}
      </Section>

      <Section id="guide-how" title={t('guide.whereHow')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'forms', label: t('guide.handleForms'), children: item.handleForms.map((f) => codeName('handleForm', f, locale)).join('、') },
            { key: 'depth', label: t('guide.onlineDepth'), children: t('guide.onlineDepthValue', { n: item.onlineDepth, name: codeName('onlineDepth', item.onlineDepth, locale) }) },
            { key: 'visits', label: t('guide.visitsOnSite'), children: t('guide.visitsValue', { n: item.visitsOnSite }) },
            { key: 'address', label: t('guide.address'), children: item.location ? text(item.location.address) : none },
            ...(item.location?.window ? [{ key: 'window', label: t('guide.window'), children: text(item.location.window) }] : []),
            ...(item.location?.hours ? [{ key: 'hours', label: t('guide.hours'), children: text(item.location.hours) }] : []),
          ]}
        />
      </Section>

      <Section id="guide-result" title={t('guide.result')}>
        <PlainList
          items={results}
          render={(r) => (
            <>
              <div>
                <Typography.Text strong>{text(r.name)}</Typography.Text>
                <SoftTag style={{ marginInlineStart: 8 }}>{t(`guide.resultType.${r.type}` as 'guide.resultType.licence')}</SoftTag>
                {r.validity && <div>{t('guide.validity')}: {text(r.validity)}</div>}
                {r.replyTypes && r.replyTypes.length > 0 && (
                  <div>
                    {t('guide.replyTypes')}:
                    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                      {r.replyTypes.map((code) => <li key={code}>{codeName('disclosureReplyType', code, locale)}</li>)}
                    </ul>
                  </div>
                )}
              </div>
            </>
          )}
        />
      </Section>

      <Section id="guide-basis" title={t('guide.legalBasis')}>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {item.legalBasis.map((b, i) => (
            <li key={i}>
              {b.url ? <a href={b.url} target="_blank" rel="noreferrer">{text(b.name)}</a> : text(b.name)}
              {b.documentNo && `（${b.documentNo}）`}
              {b.articles && <Typography.Text style={{ color: MUTED }}> {b.articles}</Typography.Text>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="guide-contacts" title={t('guide.contacts')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'consult', label: t('guide.consultation'), children: <Contact phone={item.consultation.phone} address={item.consultation.address ? text(item.consultation.address) : undefined} url={item.consultation.url} /> },
            { key: 'complaint', label: t('guide.complaint'), children: <Contact phone={item.complaint.phone} url={item.complaint.url} /> },
          ]}
        />
      </Section>

      <Section id="guide-claims" title={t('guide.claims')}>
        {claims.length === 0 ? none : (
          <PlainList
            testId="claims"
            items={claims}
            render={(claim) => {
              const o = claim.overrides ?? {};
              const slots = Object.entries(claim.departments ?? {});
              return (
                <>
                  <div style={{ width: '100%' }}>
                    <Typography.Text strong>{deptName(claim.departmentId)}</Typography.Text>
                    <SoftTag style={{ marginInlineStart: 8 }}>{codeName('useLevel', claim.level, locale)}</SoftTag>
                    <Descriptions
                      column={1}
                      size="small"
                      style={{ marginTop: 6 }}
                      items={[
                        {
                          key: 'promised',
                          label: t('guide.promisedLimit'),
                          children: o.promisedLimit ? <span>{timeLimitText(o.promisedLimit, t)} <SoftTag tone="amber">{t('guide.claimOverride')}</SoftTag></span> : timeLimitText(item.promisedLimit, t),
                        },
                        ...(o.location ? [{ key: 'address', label: t('guide.address'), children: <>{text(o.location.address)}{o.location.window && `，${text(o.location.window)}`}{o.location.hours && <div>{t('guide.hours')}: {text(o.location.hours)}</div>}</> }] : []),
                        ...(o.consultation ? [{ key: 'consult', label: t('guide.consultation'), children: <Contact phone={o.consultation.phone} address={o.consultation.address ? text(o.consultation.address) : undefined} url={o.consultation.url} /> }] : []),
                        ...(o.complaint ? [{ key: 'complaint', label: t('guide.complaint'), children: <Contact phone={o.complaint.phone} url={o.complaint.url} /> }] : []),
                        ...(slots.length > 0
                          ? [{
                              key: 'slots',
                              label: t('guide.cooperating'),
                              children: (
                                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                                  {slots.map(([slot, id]) => {
                                    const slotName = item.departmentSlots?.find((s) => s.slot === slot)?.name;
                                    return <li key={slot}>{slotName ? `${text(slotName)}：` : ''}{deptName(id)}</li>;
                                  })}
                                </ul>
                              ),
                            }]
                          : []),
                      ]}
                    />
                  </div>
                </>
              );
            }}
          />
        )}
      </Section>
    </Space>
  );
}

function NecessityTag({ code }: { code: string }) {
  const { locale } = useI18n();
  const colour = code === '1' ? 'red' : code === '3' ? 'amber' : 'grey';
  return <SoftTag tone={colour} data-necessity={code}>{codeName('materialNecessity', code, locale)}</SoftTag>;
}

function Contact({ phone, address, url }: { phone: string; address?: string; url?: string }) {
  const { t } = useI18n();
  return (
    <span>
      {t('guide.phone')}: <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
      {address && <div>{t('guide.address')}: {address}</div>}
      {url && <div><a href={url} target="_blank" rel="noreferrer">{url}</a></div>}
    </span>
  );
}

export default function GuidePage() {
  return (
    <PortalTheme>
      <GuidePageContent />
    </PortalTheme>
  );
}
