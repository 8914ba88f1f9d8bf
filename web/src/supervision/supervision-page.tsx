/**
 * 统计监察 (/supervision): one department's cases of one month, counted per item — received,
 * accepted, completed, denied, not accepted, withdrawn, returned for correction — with a totals
 * row, and cards instead of a table on a phone. The department and the month live in the URL
 * (`?department=&month=`), so a link shows the same figures to whoever opens it. Supervisors and
 * administrators only.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Input, List, Row, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../shared/api.js';
import { chinaTime } from '../shared/china-time.js';
import { codeName } from '../applicant/code-names.js';
import type { Department, LocalizedText } from '@banshi/schemas';
import { STATISTICS_COUNTERS } from '@banshi/schemas/core';
import type { ItemSummary, StatisticsPage } from '../shared/api-types.generated.js';
import { useDepartments } from '../applicant/use-departments.js';
import { SupervisorOnly } from '../shared/auth/supervisor-only.js';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';

/** The counters the statistics consumer keeps, in column order. */
const COUNTERS: readonly string[] = STATISTICS_COUNTERS;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface ItemRow {
  itemId: string;
  name: string;
  counters: Record<string, number | undefined>;
}

/** The names of the items a department claims (every page of the catalog); none when the catalog cannot be read, and ids stand in. */
async function itemNames(department: string): Promise<Map<string, LocalizedText>> {
  const names = new Map<string, LocalizedText>();
  try {
    let cursor: string | undefined;
    do {
      const qs = new URLSearchParams({ department, limit: '100', ...(cursor ? { cursor } : {}) });
      const page = await api<{ items: ItemSummary[]; cursor?: string }>(`/api/items?${qs.toString()}`);
      for (const item of page.items) names.set(item.itemId, item.name);
      cursor = page.cursor;
    } while (cursor);
  } catch {
    // The figures matter more than the names: the item ids stand in.
  }
  return names;
}

/** The page: signed-in supervisors and administrators only. */
export default function SupervisionPage() {
  return <SupervisorOnly>{() => <Supervision />}</SupervisorOnly>;
}

function Supervision() {
  const { t, text, locale } = useI18n();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const { departments, failed: departmentsFailed } = useDepartments();

  const thisMonth = chinaTime(new Date(), { date: true }).slice(0, 7);
  const department = params.get('department') ?? '';
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  // What is typed into the month field while it is not a whole month yet (browsers without a month picker).
  const [monthDraft, setMonthDraft] = useState<string>();

  const [statistics, setStatistics] = useState<StatisticsPage>();
  // The item names of the department on show: read once per department, not again per month or refresh.
  const [names, setNames] = useState<{ department: string; names: Map<string, LocalizedText> }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const request = useRef(0);

  const setParam = useCallback(
    (key: 'department' | 'month', value: string) => setParams((p) => { p.set(key, value); return p; }, { replace: true }),
    [setParams],
  );

  // The month shown is always in the URL, so the address bar can be shared as it is.
  useEffect(() => {
    if (params.get('month') !== month) setParam('month', month);
  }, [params, month, setParam]);

  const load = useCallback(async () => {
    if (!department) return;
    const seq = ++request.current;
    setLoading(true);
    setError(undefined);
    try {
      const qs = new URLSearchParams({ department, month });
      const found = await api<StatisticsPage>(`/api/statistics?${qs.toString()}`);
      if (seq !== request.current) return;
      setStatistics(found);
    } catch (err) {
      if (seq !== request.current) return;
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      if (seq === request.current) setLoading(false);
    }
  }, [department, month]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!department) return;
    let live = true;
    void itemNames(department).then((named) => {
      if (live) setNames({ department, names: named });
    });
    return () => {
      live = false;
    };
  }, [department]);

  const departmentOptions = useMemo(() => {
    const byLevel = new Map<string, Department[]>();
    for (const d of departments) byLevel.set(d.level ?? '', [...(byLevel.get(d.level ?? '') ?? []), d]);
    // 省级, 市级, 县级 … in the code table's order; departments without a level last.
    return [...byLevel]
      .sort(([a], [b]) => (a || '9').localeCompare(b || '9'))
      .map(([level, list]) => {
        const label = level ? codeName('useLevel', level, locale) : t('supervision.levelOther');
        return {
          label,
          title: label,
          search: label,
          options: list.map((d) => ({ value: d.id, label: text(d.name), search: `${text(d.name)} ${text(d.shortName)} ${d.id}` })),
        };
      });
  }, [departments, locale, t, text]);

  // Only the figures of the department and month asked for: never last month's under this month's heading.
  const current = statistics && statistics.departmentId === department && statistics.month === month ? statistics : undefined;
  const rows: ItemRow[] = useMemo(() => {
    const named = names?.department === department ? names.names : undefined;
    return (current?.items ?? []).map((s) => {
      const name = named?.get(s.itemId);
      return { itemId: s.itemId, name: name ? text(name) : s.itemId, counters: s.counters };
    });
  }, [current, names, department, text]);
  // Known counters first, in their order; any the consumer keeps beyond them after, under their own names.
  const counters = useMemo(() => {
    const extra = new Set<string>();
    for (const row of rows) for (const name of Object.keys(row.counters)) if (!COUNTERS.includes(name)) extra.add(name);
    return [...COUNTERS, ...[...extra].sort()];
  }, [rows]);
  const counterLabel = (name: string) => (COUNTERS.includes(name) ? t(`supervision.counter.${name}` as MessageKey) : name);
  const totals = useMemo(() => {
    const sum: Record<string, number> = {};
    for (const row of rows) for (const name of counters) sum[name] = (sum[name] ?? 0) + (row.counters[name] ?? 0);
    return sum;
  }, [rows, counters]);

  const figure = (name: string, value: number | undefined) => <span data-counter={name}>{value ?? 0}</span>;
  const columns: ColumnsType<ItemRow> = [
    { key: 'item', title: t('supervision.col.item'), render: (_, row) => row.name },
    ...counters.map((name) => ({ key: name, title: counterLabel(name), align: 'right' as const, render: (_: unknown, row: ItemRow) => figure(name, row.counters[name]) })),
  ];

  /** A phone's card: the counters as a list of terms and figures. */
  const counterList = (values: Record<string, number | undefined>) => (
    <dl className="supervision-counters">
      {counters.map((name) => (
        <div key={name}>
          <dt>{counterLabel(name)}</dt>
          <dd>{figure(name, values[name])}</dd>
        </div>
      ))}
    </dl>
  );

  const empty = <Empty description={t('supervision.empty')} data-testid="supervision-empty" />;

  return (
    <Flex vertical gap={16} data-testid="supervision-page">
      <div>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('supervision.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{t('supervision.intro')}</Typography.Paragraph>
      </div>

      <Card size="small" role="search" aria-label={t('supervision.title')}>
        <Row gutter={[12, 12]} align="bottom">
          <Col xs={24} md={14}>
            <label htmlFor="supervision-department" className="supervision-label">{t('supervision.department')}</label>
            <Select
              id="supervision-department"
              data-testid="supervision-department"
              style={{ width: '100%' }}
              placeholder={t('supervision.departmentPlaceholder')}
              value={department || undefined}
              showSearch={{ optionFilterProp: 'search' }}
              options={departmentOptions}
              onChange={(value: string) => setParam('department', value)}
            />
          </Col>
          <Col xs={14} md={6}>
            <label htmlFor="supervision-month" className="supervision-label">{t('supervision.month')}</label>
            <Input
              id="supervision-month"
              data-testid="supervision-month"
              type="month"
              max={thisMonth}
              placeholder="YYYY-MM"
              style={{ height: 32 }}
              value={monthDraft ?? month}
              onChange={(e) => {
                const value = e.target.value;
                if (MONTH.test(value)) {
                  setMonthDraft(undefined);
                  setParam('month', value);
                } else setMonthDraft(value);
              }}
              onBlur={() => setMonthDraft(undefined)}
            />
          </Col>
          <Col xs={10} md={4}>
            <Button block icon={<ReloadOutlined />} onClick={() => void load()} disabled={!department} loading={loading && Boolean(current)} data-testid="supervision-refresh">
              {t('supervision.refresh')}
            </Button>
          </Col>
        </Row>
      </Card>

      {departmentsFailed && <Alert type="warning" showIcon title={t('supervision.departmentsFailed')} />}

      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="supervision-error"
          title={error.status === 0 ? t('common.networkError') : error.title}
          action={<Button size="small" onClick={() => void load()}>{t('common.retry')}</Button>}
        />
      )}

      {!department ? (
        <Empty description={t('supervision.chooseDepartment')} data-testid="supervision-choose" />
      ) : error && !current ? null : !current ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : screens.md ? (
        <Table<ItemRow>
          rowKey="itemId"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={loading}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onRow={(row) => ({ 'data-testid': 'supervision-row', 'data-item-id': row.itemId }) as HTMLAttributes<HTMLElement>}
          summary={() =>
            rows.length > 0 && (
              <Table.Summary.Row data-testid="supervision-total" style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0}>{t('supervision.total')}</Table.Summary.Cell>
                {counters.map((name, i) => (
                  <Table.Summary.Cell key={name} index={i + 1} align="right">{figure(name, totals[name])}</Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          }
        />
      ) : rows.length ? (
        <List
          dataSource={[...rows, { itemId: '', name: t('supervision.total'), counters: totals }]}
          rowKey={(row) => row.itemId || 'total'}
          split={false}
          renderItem={(row) => (
            <List.Item style={{ padding: '0 0 12px' }}>
              <Card
                size="small"
                style={{ width: '100%', ...(row.itemId ? {} : { background: '#fafafa' }) }}
                title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{row.name}</Typography.Title>}
                {...(row.itemId ? { 'data-testid': 'supervision-row', 'data-item-id': row.itemId } : { 'data-testid': 'supervision-total' })}
              >
                {counterList(row.counters)}
              </Card>
            </List.Item>
          )}
        />
      ) : (
        empty
      )}

      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="supervision-lag">
        {t('supervision.lag')}
      </Typography.Text>
      <style>{`.supervision-label{display:block;margin-bottom:4px;font-weight:500}
.supervision-counters{display:grid;grid-template-columns:repeat(auto-fill,minmax(96px,1fr));gap:8px 12px;margin:0}
.supervision-counters dt{color:rgba(0,0,0,.62);font-size:13px}
.supervision-counters dd{margin:0;font-size:18px;font-weight:600}`}</style>
    </Flex>
  );
}
