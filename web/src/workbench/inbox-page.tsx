/**
 * The staff inbox (/workbench): open tasks of my department and role, by due date, a page at a
 * time (cursor pagination, never everything), with filters over what is loaded, a search by
 * receipt number that can also look a number up on the server, and cards instead of a table on a phone.
 * `?view=handled` shows my handled list (已办) instead.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Grid, Input, List, Segmented, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../shared/api.js';
import { ProvisionalMark } from '../shared/provisional-mark.js';
import { DeadlineTag, useRemainingText } from '../shared/deadline-tag.js';
import { HandledList } from './handled-list.js';
import { usePagedList } from '../shared/use-paged-list.js';
import { StaffOnly } from '../shared/auth/staff-only.js';
import type { CaseView, DeadlineState, InboxTask } from '../shared/api-types.generated.js';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';
import type { Principal } from '../shared/session.js';
import { chinaTime } from '../shared/china-time.js';

const PAGE_SIZE = 30;
const STATES: DeadlineState[] = ['overdue', 'dueSoon', 'onTime', 'paused'];

/** The page: signed-in staff only. */
export default function InboxPage() {
  return <StaffOnly>{(principal) => <Inbox principal={principal} />}</StaffOnly>;
}

function Inbox({ principal }: { principal: Principal }) {
  const { t, text } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const remainingText = useRemainingText();
  const [params, setParams] = useSearchParams();

  const view = params.get('view') === 'handled' ? 'handled' : 'todo';
  const roles = principal.staffRoles ?? [];
  const role = params.get('role') && roles.includes(params.get('role')!) ? params.get('role')! : roles[0];

  const { items: tasks, cursor, status, error, fetchPage } = usePagedList<InboxTask>(
    `/api/inbox?${new URLSearchParams({ limit: String(PAGE_SIZE), ...(role ? { role } : {}) }).toString()}`,
  );
  const [itemFilter, setItemFilter] = useState<string>();
  const [stateFilter, setStateFilter] = useState<DeadlineState>();
  const [query, setQuery] = useState('');
  const [finding, setFinding] = useState(false);
  const [flash, setFlash] = useState<string | undefined>((location.state as { done?: string } | null)?.done);
  const itemOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const task of tasks) if (!seen.has(task.itemId)) seen.set(task.itemId, text(task.itemName));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [tasks, text]);

  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const task of tasks) c[task.deadline.state] = (c[task.deadline.state] ?? 0) + 1;
    return c;
  }, [tasks]);

  const needle = query.trim().toUpperCase();
  const shown = useMemo(
    () =>
      tasks.filter(
        (task) =>
          (!itemFilter || task.itemId === itemFilter) &&
          (!stateFilter || task.deadline.state === stateFilter) &&
          (!needle || task.receiptNo.toUpperCase().includes(needle)),
      ),
    [tasks, itemFilter, stateFilter, needle],
  );

  /** A full receipt number not among the loaded tasks: ask the server for it. */
  const findByReceipt = async () => {
    if (!needle) return;
    setFinding(true);
    try {
      const view = await api<CaseView>(`/api/cases/by-receipt/${encodeURIComponent(query.trim())}`);
      navigate(`/workbench/cases/${view.case.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) void message.warning(t('inbox.receiptNotFound', { receiptNo: query.trim() }));
      else void message.error(err instanceof ApiError ? err.title : t('common.error'));
    } finally {
      setFinding(false);
    }
  };

  const open = (task: InboxTask) => navigate(`/workbench/cases/${task.caseId}`);
  const receipt = (task: InboxTask) => (
    <Link to={`/workbench/cases/${task.caseId}`} onClick={(e) => e.stopPropagation()} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' }}>
      {task.receiptNo}
    </Link>
  );

  const columns: ColumnsType<InboxTask> = [
    { key: 'receiptNo', title: t('inbox.col.receiptNo'), render: (_, task) => receipt(task) },
    { key: 'item', title: t('inbox.col.item'), render: (_, task) => text(task.itemName) },
    { key: 'applicant', title: t('inbox.col.applicant'), render: (_, task) => task.applicantName ?? '—' },
    { key: 'step', title: t('inbox.col.step'), render: (_, task) => text(task.stepName) },
    // The case's receipt (收件时间), not the task's arrival; '—' for a task opened before tasks carried it.
    { key: 'received', title: t('inbox.col.received'), render: (_, task) => <span style={{ whiteSpace: 'nowrap' }} data-testid="inbox-received">{task.receivedAt ? chinaTime(task.receivedAt) : '—'}</span> },
    { key: 'due', title: t('inbox.col.due'), render: (_, task) => <span style={{ whiteSpace: 'nowrap' }} data-testid="task-due-date">{task.dueDate}<ProvisionalMark provisional={task.deadline.provisional} /></span> },
    { key: 'remaining', title: t('inbox.col.remaining'), render: (_, task) => (task.deadline.state === 'paused' ? '—' : remainingText(task.deadline.remainingWorkingDays)) },
    { key: 'state', title: t('inbox.col.state'), render: (_, task) => <DeadlineTag deadline={task.deadline} show="state" /> },
  ];

  const filtered = Boolean(itemFilter || stateFilter || needle);
  const empty = (
    <Empty
      description={filtered ? t('inbox.noMatch') : t('inbox.empty')}
      data-testid="inbox-empty"
    >
      {needle && !shown.length && (
        <Button onClick={() => void findByReceipt()} loading={finding}>
          {t('inbox.findByReceipt')}
        </Button>
      )}
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Segmented
          aria-label={t('inbox.view')}
          data-testid="inbox-view"
          value={view}
          onChange={(value) => setParams((p) => { if (value === 'handled') p.set('view', 'handled'); else p.delete('view'); return p; }, { replace: true })}
          options={[{ value: 'todo', label: t('inbox.tab.todo') }, { value: 'handled', label: t('inbox.tab.handled') }]}
        />
      </Flex>

      {view === 'handled' ? <HandledList /> : <>
      <Flex justify="flex-end" align="center" wrap gap={8}>
        <Space wrap>
          {roles.length > 1 && (
            <Segmented
              aria-label={t('inbox.role')}
              data-testid="inbox-role"
              value={role}
              onChange={(value) => setParams((p) => { p.set('role', String(value)); return p; }, { replace: true })}
              options={roles.map((r) => ({ value: r, label: t(`workbench.role.${r}` as MessageKey) }))}
            />
          )}
          {roles.length === 1 && <Typography.Text>{t('inbox.role')}：{t(`workbench.role.${roles[0]}` as MessageKey)}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={() => void fetchPage()} loading={status === 'loading' && tasks.length > 0} data-testid="inbox-refresh">
            {t('inbox.refresh')}
          </Button>
        </Space>
      </Flex>

      {flash && <Alert type="success" showIcon closable title={flash} onClose={() => setFlash(undefined)} data-testid="inbox-flash" role="status" />}

      <Flex wrap gap={8}>
        <Input.Search
          aria-label={t('inbox.search')}
          placeholder={t('inbox.search')}
          allowClear
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={(value) => { if (value.trim() && !shown.length) void findByReceipt(); }}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="inbox-search"
        />
        <Select
          aria-label={t('inbox.filterItem')}
          placeholder={t('inbox.filterItem')}
          allowClear
          value={itemFilter}
          onChange={setItemFilter}
          options={itemOptions}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="inbox-filter-item"
        />
        <Select
          aria-label={t('inbox.filterState')}
          placeholder={t('inbox.filterState')}
          allowClear
          value={stateFilter}
          onChange={setStateFilter}
          options={STATES.map((s) => ({ value: s, label: `${t(`workbench.deadline.${s}`)}${counts[s] ? ` (${counts[s]})` : ''}` }))}
          style={{ width: 180, maxWidth: '100%' }}
          data-testid="inbox-filter-state"
        />
      </Flex>

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
        <Table<InboxTask>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={shown}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onRow={(task) =>
            ({
              'data-testid': 'inbox-row',
              'data-case-id': task.caseId,
              'data-state': task.deadline.state,
              onClick: () => open(task),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
        />
      ) : shown.length ? (
        <List
          dataSource={shown}
          rowKey="id"
          split={false}
          renderItem={(task) => (
            <List.Item style={{ padding: '0 0 12px' }}>
              <Card
                size="small"
                hoverable
                onClick={() => open(task)}
                style={{ width: '100%' }}
                data-testid="inbox-row"
                data-case-id={task.caseId}
                data-state={task.deadline.state}
              >
                <Flex justify="space-between" align="start" gap={8}>
                  {receipt(task)}
                  <DeadlineTag deadline={task.deadline} show="state" />
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0 2px' }}>
                  <Typography.Text strong>{text(task.itemName)}</Typography.Text> · {text(task.stepName)}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ margin: '0 0 2px', fontSize: 13 }}>
                  {t('inbox.col.applicant')} {task.applicantName ?? '—'} · {t('inbox.col.received')} {task.receivedAt ? chinaTime(task.receivedAt) : '—'}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('inbox.col.due')} {task.dueDate}<ProvisionalMark provisional={task.deadline.provisional} /> · {task.deadline.state === 'paused' ? t('workbench.deadline.paused') : remainingText(task.deadline.remainingWorkingDays)}
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
            <Button onClick={() => void fetchPage(cursor)} loading={status === 'more'} data-testid="inbox-load-more">
              {t('inbox.loadMore')}
            </Button>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="inbox-count">
            {t('inbox.loaded', { n: tasks.length })}
            {cursor ? '' : ` · ${t('inbox.allLoaded')}`}
          </Typography.Text>
          {cursor && filtered && (
            <Typography.Text type="secondary" style={{ fontSize: 13, textAlign: 'center' }}>
              {t('inbox.filterHint')}
            </Typography.Text>
          )}
        </Flex>
      )}
      </>}
    </Flex>
  );
}
