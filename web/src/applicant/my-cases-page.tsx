/**
 * 我的办件: the signed-in applicant's cases (an agent's: the cases they filed), newest first, with
 * status, receipt number, submitted date and the deadline; "load more" pagination.
 */
import { Alert, Button, Card, Empty, Flex, Grid, Skeleton, Space, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { hasRole } from '@banshi/schemas/core';
import { chinaTime } from '../shared/china-time.js';
import { CaseStatusTag } from '../shared/case-status-tag.js';
import { DeadlineTag } from '../shared/deadline-tag.js';
import type { CaseWithDeadline } from '../shared/api-types.generated.js';
import { useI18n } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { usePagedList } from '../shared/use-paged-list.js';
import { MUTED, PlainList } from './ui.js';
import { PortalTheme } from './portal-theme.js';

function MyCasesPageContent() {
  const { t, text } = useI18n();
  const { principal, loading } = useSession();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const list = usePagedList<CaseWithDeadline>(principal ? '/api/my/cases' : undefined);
  const items = list.loaded ? list.items : undefined;
  const { cursor } = list;
  const error = list.error && (list.error.title || t('common.error'));

  if (!loading && !principal) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;

  const date = (iso: string) => chinaTime(iso, { date: true });
  const isAgent = hasRole(principal?.roles, 'agent') && !hasRole(principal?.roles, 'applicant');
  const caseLink = (c: CaseWithDeadline) => `/cases/${encodeURIComponent(c.id)}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 26, marginBottom: 4 }}>{t('nav.myCases')}</Typography.Title>
        <Typography.Text style={{ color: MUTED }}>{t(isAgent ? 'myCases.introAgent' : 'myCases.intro')}</Typography.Text>
      </div>

      {error && <Alert type="error" showIcon title={t('myCases.loadFailed')} description={error} action={<Button onClick={() => void list.retry()}>{t('common.retry')}</Button>} />}

      {!items && !error && <Skeleton active paragraph={{ rows: 6 }} />}

      {items && items.length === 0 && (
        <Card>
          <Empty description={t('myCases.empty')}>
            <Link to="/"><Button type="primary">{t('myCases.goCatalog')}</Button></Link>
          </Empty>
        </Card>
      )}

      {items && items.length > 0 && (screens.md ? (
        <Table
          data-testid="my-cases"
          rowKey="id"
          pagination={false}
          dataSource={items}
          scroll={{ x: 860 }}
          onRow={(c) => ({ 'data-testid': 'my-case-row', 'data-case-id': c.id } as HTMLAttributes<HTMLTableRowElement>)}
          columns={[
            { title: t('myCases.item'), key: 'item', render: (_: unknown, c: CaseWithDeadline) => <Link to={caseLink(c)} data-testid="my-case-link">{text(c.itemName)}</Link> },
            { title: t('myCases.receiptNo'), dataIndex: 'receiptNo', key: 'receiptNo', render: (v: string) => <span data-testid="receipt-no">{v}</span> },
            ...(isAgent ? [{ title: t('myCases.applicant'), key: 'applicant', render: (_: unknown, c: CaseWithDeadline) => c.applicant.name }] : []),
            { title: t('myCases.status'), key: 'status', render: (_: unknown, c: CaseWithDeadline) => <CaseStatusTag status={c.status} itemType={c.itemType} /> },
            { title: t('myCases.submitted'), key: 'submitted', render: (_: unknown, c: CaseWithDeadline) => date(c.createdAt) },
            { title: t('myCases.deadline'), key: 'deadline', render: (_: unknown, c: CaseWithDeadline) => <DeadlineTag deadline={c.deadline} /> },
            { title: t('myCases.actions'), key: 'open', render: (_: unknown, c: CaseWithDeadline) => <Link to={caseLink(c)} aria-label={`${t('myCases.view')}: ${c.receiptNo}`}>{t('myCases.view')}</Link> },
          ]}
        />
      ) : (
        <PlainList
          testId="my-cases"
          items={items}
          itemKey={(c) => c.id}
          itemProps={(c) => ({ 'data-testid': 'my-case-row', 'data-case-id': c.id })}
          render={(c) => (
              <Card size="small" style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8} align="flex-start">
                  <Link to={caseLink(c)} data-testid="my-case-link" style={{ fontWeight: 600 }}>{text(c.itemName)}</Link>
                  <CaseStatusTag status={c.status} itemType={c.itemType} />
                </Flex>
                <div style={{ marginTop: 6 }}>{t('myCases.receiptNo')}: <span data-testid="receipt-no">{c.receiptNo}</span></div>
                {isAgent && <div>{t('myCases.applicant')}: {c.applicant.name}</div>}
                <div>{t('myCases.submitted')}: {date(c.createdAt)}</div>
                <div style={{ marginTop: 4 }}><DeadlineTag deadline={c.deadline} /></div>
              </Card>
          )}
        />
      ))}

      {cursor && items && (
        <Flex justify="center">
          <Button onClick={() => void list.fetchPage(cursor)} loading={list.status === 'more'} data-testid="my-cases-load-more">{t('myCases.loadMore')}</Button>
        </Flex>
      )}
    </Space>
  );
}

export default function MyCasesPage() {
  return (
    <PortalTheme>
      <MyCasesPageContent />
    </PortalTheme>
  );
}
