/**
 * My handled list (已办): the tasks I closed, newest first, a page at a time (`GET /api/inbox/handled`),
 * with what I did in the words of each case's item type and where the case stands now. A table on
 * a wide screen, cards on a phone.
 */
import { Alert, Button, Card, Empty, Flex, Grid, List, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { actionWord } from '@banshi/schemas';
import { chinaTime } from '../shared/china-time.js';
import { useI18n } from '../shared/i18n.js';
import { CaseStatusTag } from '../shared/case-status-tag.js';
import { usePagedList } from '../shared/use-paged-list.js';
import type { HandledTask } from '../shared/api-types.generated.js';

const PAGE_SIZE = 30;

/** The list; `data-testid="handled-row"` per task with `data-case-id` and `data-action`. */
export function HandledList() {
  const { t, text, locale } = useI18n();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { items: tasks, cursor, status, error, fetchPage } = usePagedList<HandledTask>(`/api/inbox/handled?limit=${PAGE_SIZE}`);

  const did = (task: HandledTask) => (task.action ? actionWord(task.action, { itemType: task.itemType, locale, branch: Boolean(task.branchId) }) : '—');
  const when = (at: string | undefined) => <span style={{ whiteSpace: 'nowrap' }}>{at ? chinaTime(at) : '—'}</span>;
  const receipt = (task: HandledTask) => (
    <Link to={`/workbench/cases/${task.caseId}`} onClick={(e) => e.stopPropagation()} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' }}>
      {task.receiptNo}
    </Link>
  );
  const caseStatus = (task: HandledTask) => (task.case ? <CaseStatusTag status={task.case.status} itemType={task.itemType} /> : '—');
  const open = (task: HandledTask) => navigate(`/workbench/cases/${task.caseId}`);

  const columns: ColumnsType<HandledTask> = [
    { key: 'receiptNo', title: t('inbox.col.receiptNo'), render: (_, task) => receipt(task) },
    { key: 'item', title: t('inbox.col.item'), render: (_, task) => text(task.itemName) },
    { key: 'applicant', title: t('inbox.col.applicant'), render: (_, task) => task.applicantName ?? '—' },
    { key: 'step', title: t('inbox.col.step'), render: (_, task) => text(task.stepName) },
    { key: 'action', title: t('inbox.col.myAction'), render: (_, task) => did(task) },
    { key: 'handledAt', title: t('inbox.col.handledAt'), render: (_, task) => when(task.closedAt) },
    { key: 'status', title: t('inbox.col.caseStatus'), render: (_, task) => caseStatus(task) },
  ];
  const rowProps = (task: HandledTask) => ({ 'data-testid': 'handled-row', 'data-case-id': task.caseId, 'data-action': task.action ?? '' });
  const empty = <Empty description={t('inbox.handledEmpty')} data-testid="handled-empty" />;

  return (
    <Flex vertical gap={16} data-testid="handled-list">
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={error.status === 0 ? t('common.networkError') : error.title}
          action={<Button size="small" onClick={() => void fetchPage(tasks.length ? cursor : undefined)}>{t('common.retry')}</Button>}
        />
      )}
      {status === 'loading' && !tasks.length ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : screens.md ? (
        <Table<HandledTask>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tasks}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onRow={(task) => ({ ...rowProps(task), onClick: () => open(task), style: { cursor: 'pointer' } }) as HTMLAttributes<HTMLElement>}
        />
      ) : tasks.length ? (
        <List
          dataSource={tasks}
          rowKey="id"
          split={false}
          renderItem={(task) => (
            <List.Item style={{ padding: '0 0 12px' }}>
              <Card size="small" hoverable onClick={() => open(task)} style={{ width: '100%' }} {...rowProps(task)}>
                <Flex justify="space-between" align="start" gap={8}>
                  {receipt(task)}
                  {caseStatus(task)}
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0 2px' }}>
                  <Typography.Text strong>{text(task.itemName)}</Typography.Text> · {task.applicantName ?? '—'}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {text(task.stepName)} · {did(task)} · {when(task.closedAt)}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        empty
      )}
      {tasks.length > 0 && (
        <Flex vertical align="center" gap={6}>
          {cursor ? (
            <Button onClick={() => void fetchPage(cursor)} loading={status === 'more'} data-testid="handled-load-more">
              {t('inbox.loadMore')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('inbox.handledLoaded', { n: tasks.length })}
            {cursor ? '' : ` · ${t('inbox.allLoaded')}`}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
