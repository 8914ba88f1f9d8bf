/** The receipt (/receipts/:caseId): the receipt number first, then what was filed and when it is due. */
import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { api, ApiError } from '../shared/api.js';
import type { CaseWithDeadline } from '../shared/api-types.generated.js';
import { chinaTime } from '../shared/china-time.js';
import { ProvisionalMark } from '../shared/provisional-mark.js';
import { useI18n } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';

const linkButton = { display: 'inline-block', padding: '6px 16px', borderRadius: 6 } as const;

export default function ReceiptPage() {
  const { caseId = '' } = useParams();
  const { t, text } = useI18n();
  const { principal, loading } = useSession();
  const location = useLocation();
  const [found, setFound] = useState<CaseWithDeadline>();
  const [error, setError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!principal) return;
    let live = true;
    setError(undefined);
    api<{ case: CaseWithDeadline }>(`/api/cases/${encodeURIComponent(caseId)}`)
      .then((r) => live && setFound(r.case))
      .catch((e: ApiError) => live && setError(e));
    return () => {
      live = false;
    };
  }, [caseId, principal, attempt]);

  if (loading) return <Skeleton active />;
  if (!principal) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (error) {
    return (
      <Alert type="error" showIcon title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('receipt.loadFailed')}</h1>}
        description={error.status === 0 ? t('common.networkError') : error.title}
        action={<Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>} />
    );
  }
  if (!found) return <Skeleton active paragraph={{ rows: 6 }} />;

  const submitted = chinaTime(found.createdAt);
  const due = found.deadline?.dueDate ?? found.clock.dueDate;
  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Flex vertical align="center" gap={8} style={{ textAlign: 'center', marginBottom: 24 }}>
        <CheckCircleFilled aria-hidden style={{ fontSize: 56, color: '#389e0d' }} />
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('receipt.title')}</Typography.Title>
        <Typography.Text>{t('receipt.number')}</Typography.Text>
        <Typography.Text strong copyable={{ text: found.receiptNo }} data-testid="receipt-number" aria-label={`${t('receipt.number')} ${found.receiptNo}`}
          style={{ fontSize: 'clamp(22px, 6vw, 32px)', letterSpacing: 1, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' }}>
          {found.receiptNo}
        </Typography.Text>
        <Typography.Text>{t('receipt.subtitle')}</Typography.Text>
      </Flex>
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 140 } }}
        items={[
          { key: 'item', label: t('receipt.item'), children: text(found.itemName) },
          { key: 'applicant', label: t('receipt.applicant'), children: found.applicant.name },
          { key: 'submitted', label: t('receipt.submittedAt'), children: submitted },
          { key: 'due', label: t('receipt.dueDate'), children: <><span data-testid="receipt-due-date">{due ?? '—'}</span><ProvisionalMark provisional={found.deadline?.provisional} /></> },
        ]} />
      <Flex gap={12} wrap justify="center" style={{ marginTop: 24 }}>
        <Link to={`/cases/${encodeURIComponent(found.id)}`} style={{ ...linkButton, background: '#c8161d', color: '#fff' }}>{t('receipt.viewCase')}</Link>
        <Link to="/my/cases" style={{ ...linkButton, border: '1px solid #d9d9d9', color: '#262626' }}>{t('receipt.myCases')}</Link>
      </Flex>
    </Card>
  );
}
