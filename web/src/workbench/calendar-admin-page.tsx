/**
 * 节假日与调休 (/admin/calendar?year=): administrators enter a year's days off and make-up working
 * days from the State Council's notice as named date ranges (元旦, 春节 …), and regions' own days off.
 * The page shows what applies now — the stored arrangement, else the built-in data, else none — and
 * saves with the revision it started from (409 when someone else saved meanwhile). Date inputs are
 * the browser's own (the phone's date picker); rows wrap on a narrow screen.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Flex, Input, Select, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { FieldError } from '@banshi/schemas';
import { api, ApiError } from '../shared/api.js';
import { chinaTime, chinaToday } from '../shared/china-time.js';
import { CALENDAR_CHANGED } from '../shared/calendar-reminder.js';
import { AdminOnly } from '../shared/auth/admin-only.js';
import { useI18n } from '../shared/i18n.js';
import type { MessageKey } from '../shared/messages/zh-cn.js';

interface DateRange {
  name: string;
  from: string;
  to: string;
}

interface RegionArrangement {
  year: number;
  region: string;
  name: { 'zh-CN': string; en?: string };
  holidays: DateRange[];
  workingDays: DateRange[];
  revision: number;
}

/** `GET /api/calendar/{year}` */
interface YearView {
  year: number;
  source: 'stored' | 'package' | 'none';
  revision: number;
  updatedAt?: string;
  updatedBy?: { userId: string; name: string };
  holidays: DateRange[];
  workingDays: DateRange[];
  regions: RegionArrangement[];
}

/** The names of the State Council's notices; stored as written in Chinese. */
const HOLIDAYS: [string, MessageKey][] = [
  ['元旦', 'holiday.newYear'],
  ['春节', 'holiday.springFestival'],
  ['清明节', 'holiday.qingming'],
  ['劳动节', 'holiday.labourDay'],
  ['端午节', 'holiday.dragonBoat'],
  ['中秋节', 'holiday.midAutumn'],
  ['国庆节', 'holiday.nationalDay'],
];

/** The field errors under one JSON pointer prefix (`/holidays/0`), by the rest of the pointer. */
function errorsUnder(errors: FieldError[], prefix: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const e of errors) if (e.pointer === prefix || e.pointer.startsWith(`${prefix}/`)) found.set(e.pointer.slice(prefix.length), e.message);
  return found;
}

/** One list of named ranges (days off, or make-up working days), editable. */
function RangeList({ kind, ranges, onChange, errors, testId }: {
  kind: 'holidays' | 'workingDays';
  ranges: DateRange[];
  onChange: (next: DateRange[]) => void;
  errors: FieldError[];
  testId: string;
}) {
  const { t, locale } = useI18n();
  const kindLabel = t(kind === 'holidays' ? 'calendar.holidays' : 'calendar.workingDays');
  const options = HOLIDAYS.map(([zh, key]) => ({ value: zh, label: locale === 'en' ? `${t(key)} (${zh})` : zh }));
  const set = (i: number, patch: Partial<DateRange>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {ranges.length === 0 && <Typography.Text type="secondary">{t('calendar.none')}</Typography.Text>}
      {ranges.map((range, i) => {
        const label = t('calendar.rangeLabel', { kind: kindLabel, n: i + 1 });
        const problems = errorsUnder(errors, `/${kind}/${i}`);
        const status = (part: string) => (problems.has(part) || problems.has('') ? 'error' : undefined);
        return (
          <fieldset key={i} data-testid="calendar-range" style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{label}</legend>
            <Flex wrap gap={8} align="center">
              <AutoComplete
                aria-label={`${label} ${t('calendar.name')}`}
                data-testid="range-name"
                value={range.name}
                options={options}
                onChange={(name: string) => set(i, { name })}
                placeholder={t('calendar.name')}
                status={status('/name')}
                style={{ flex: '1 1 140px', minWidth: 120 }}
              />
              <Input type="date" aria-label={`${label} ${t('calendar.from')}`} data-testid="range-from" value={range.from}
                onChange={(e) => set(i, { from: e.target.value, ...(range.to && range.to >= e.target.value ? {} : { to: e.target.value }) })}
                status={status('/from')} style={{ flex: '1 1 150px' }} />
              <Input type="date" aria-label={`${label} ${t('calendar.to')}`} data-testid="range-to" value={range.to}
                onChange={(e) => set(i, { to: e.target.value })} status={status('/to')} style={{ flex: '1 1 150px' }} />
              <Button aria-label={`${label}：${t('calendar.remove')}`} icon={<DeleteOutlined aria-hidden />} onClick={() => onChange(ranges.filter((_, j) => j !== i))} />
            </Flex>
            {[...problems.values()].map((message) => (
              <Typography.Text key={message} type="danger" style={{ display: 'block', fontSize: 13 }} role="alert">{message}</Typography.Text>
            ))}
          </fieldset>
        );
      })}
      <Button icon={<PlusOutlined aria-hidden />} onClick={() => onChange([...ranges, { name: '', from: '', to: '' }])} style={{ alignSelf: 'flex-start' }} data-testid={`${testId}-add`}>
        {t('calendar.add')}
      </Button>
    </Flex>
  );
}

/** A region's own days of the year: code, description and days off. */
function RegionEditor({ year, initial, onSaved }: { year: number; initial?: RegionArrangement; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [region, setRegion] = useState(initial?.region ?? '');
  const [name, setName] = useState(initial?.name['zh-CN'] ?? '');
  const [holidays, setHolidays] = useState<DateRange[]>(initial?.holidays ?? []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      const saved = await api<{ recompute: { casesChanged: number } }>(`/api/calendar/${year}/regions/${encodeURIComponent(region || '-')}`, {
        method: 'PUT',
        body: { name: { ...initial?.name, 'zh-CN': name }, holidays, workingDays: initial?.workingDays ?? [], expectedRevision: initial?.revision ?? 0 },
      });
      void message.success(t('calendar.saved', { n: saved.recompute.casesChanged }));
      window.dispatchEvent(new Event(CALENDAR_CHANGED));
      onSaved();
    } catch (error) {
      const problem = error instanceof ApiError ? error : undefined;
      setErrors(problem?.errors ?? []);
      void message.error(problem?.title ?? t('common.error'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" data-testid="calendar-region">
      <Flex vertical gap={8}>
        <Flex wrap gap={8}>
          <Input aria-label={t('calendar.region')} placeholder={t('calendar.region')} value={region} disabled={Boolean(initial)} inputMode="numeric" maxLength={6}
            onChange={(e) => setRegion(e.target.value.trim())} style={{ flex: '0 1 160px' }} status={errors.some((e) => e.pointer === '/region') ? 'error' : undefined} />
          <Input aria-label={t('calendar.regionName')} placeholder={t('calendar.regionName')} value={name} onChange={(e) => setName(e.target.value)} style={{ flex: '1 1 220px' }}
            status={errors.some((e) => e.pointer.startsWith('/name')) ? 'error' : undefined} />
        </Flex>
        <RangeList kind="holidays" ranges={holidays} onChange={setHolidays} errors={errors} testId="region-holidays" />
        {errors.filter((e) => e.pointer === '/region' || e.pointer.startsWith('/name')).map((e) => (
          <Typography.Text key={e.pointer} type="danger" role="alert">{e.message}</Typography.Text>
        ))}
        <Button onClick={() => void save()} loading={saving} style={{ alignSelf: 'flex-start' }}>{t('calendar.saveRegion')}</Button>
      </Flex>
    </Card>
  );
}

function CalendarEditor() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear + 1;
  const [known, setKnown] = useState<number[]>([]);
  const [view, setView] = useState<YearView>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [holidays, setHolidays] = useState<DateRange[]>([]);
  const [workingDays, setWorkingDays] = useState<DateRange[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      const [years, current] = await Promise.all([
        api<{ years: { year: number }[] }>('/api/calendar/years'),
        api<YearView>(`/api/calendar/${year}`),
      ]);
      setKnown(years.years.map((y) => y.year));
      setView(current);
      setHolidays(current.holidays);
      setWorkingDays(current.workingDays);
      setErrors([]);
      setAdding(false);
    } catch (error) {
      setLoadError(error instanceof ApiError ? error : new ApiError(0, 'network', t('calendar.loadFailed')));
    }
  }, [year, t]);

  useEffect(() => {
    setView(undefined);
    void load();
  }, [load]);

  const yearOptions = useMemo(
    () => [...new Set([...known, thisYear, thisYear + 1, year])].sort((a, b) => b - a).map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) })),
    [known, thisYear, year, t],
  );

  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      const saved = await api<{ recompute: { casesChanged: number } }>(`/api/calendar/${year}`, {
        method: 'PUT',
        body: { holidays, workingDays, expectedRevision: view?.revision ?? 0 },
      });
      void message.success(t('calendar.saved', { n: saved.recompute.casesChanged }));
      window.dispatchEvent(new Event(CALENDAR_CHANGED));
      await load();
    } catch (error) {
      const problem = error instanceof ApiError ? error : undefined;
      setErrors(problem?.errors ?? []);
      void message.error(problem?.errors.length ? t('calendar.invalid') : problem?.title ?? t('common.error'));
    } finally {
      setSaving(false);
    }
  };

  const source = view
    ? view.source === 'stored'
      ? t('calendar.source.stored', { revision: view.revision, name: view.updatedBy?.name ?? '—', at: view.updatedAt ? chinaTime(view.updatedAt) : '—' })
      : t(`calendar.source.${view.source}`)
    : '';

  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('calendar.title')}</Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('calendar.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <label htmlFor="calendar-year">{t('calendar.year')}</label>
        <Select id="calendar-year" data-testid="calendar-year" value={year} options={yearOptions} style={{ width: 140 }}
          onChange={(y: number) => setParams((p) => { p.set('year', String(y)); return p; }, { replace: true })} />
      </Flex>
      {loadError && (
        <Alert type="error" showIcon title={t('calendar.loadFailed')} description={loadError.title} action={<Button onClick={() => void load()}>{t('common.retry')}</Button>} />
      )}
      {!view && !loadError && <Skeleton active paragraph={{ rows: 6 }} />}
      {view && (
        <>
          <Alert type={view.source === 'none' ? 'warning' : 'info'} showIcon title={source} data-testid="calendar-source" data-source={view.source} />
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('calendar.holidays')}</Typography.Title>}>
            <RangeList kind="holidays" ranges={holidays} onChange={setHolidays} errors={errors} testId="calendar-holidays" />
          </Card>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('calendar.workingDays')}</Typography.Title>}>
            <RangeList kind="workingDays" ranges={workingDays} onChange={setWorkingDays} errors={errors} testId="calendar-working-days" />
          </Card>
          <Button type="primary" onClick={() => void save()} loading={saving} data-testid="calendar-save" style={{ alignSelf: 'flex-start' }}>
            {t('calendar.save', { year })}
          </Button>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>{t('calendar.regions')}</Typography.Title>}>
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">{t('calendar.regionsIntro')}</Typography.Text>
              {view.regions.map((r) => (
                <div key={`${r.region}@${r.revision}`}>
                  <Typography.Text strong>{r.region} · {(locale === 'en' && r.name.en) || r.name['zh-CN']}</Typography.Text>
                  <RegionEditor year={year} initial={r} onSaved={() => void load()} />
                </div>
              ))}
              {adding ? (
                <RegionEditor year={year} onSaved={() => void load()} />
              ) : (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{t('calendar.addRegion')}</Button>
              )}
            </Flex>
          </Card>
        </>
      )}
    </Flex>
  );
}

/** The page: signed-in administrators only. */
export default function CalendarAdminPage() {
  return <AdminOnly>{() => <CalendarEditor />}</AdminOnly>;
}
