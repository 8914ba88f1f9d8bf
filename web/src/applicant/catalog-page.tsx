/**
 * 办事大厅: the catalog of published items — search by text, filter by department, level and item
 * type, cursor pagination ("load more"); each item links to its service guide.
 */
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { codeName, codeOptions } from './code-names.js';
import type { ItemSummary } from '../shared/api-types.generated.js';
import { useDepartments } from './use-departments.js';
import { useI18n } from '../shared/i18n.js';
import { usePagedList } from '../shared/use-paged-list.js';
import { MUTED, SoftTag } from './ui.js';
import { PortalTheme } from './portal-theme.js';

const itemKey = (item: ItemSummary) => item.itemId;

function CatalogPageContent() {
  const { t, text, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const department = params.get('department') ?? '';
  const level = params.get('level') ?? '';
  const type = params.get('type') ?? '';
  const [search, setSearch] = useState(q);
  const { departments } = useDepartments();

  const path = useMemo(() => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (department) search.set('department', department);
    if (level) search.set('level', level);
    if (type) search.set('type', type);
    const s = search.toString();
    return `/api/items${s ? `?${s}` : ''}`;
  }, [q, department, level, type]);
  // A new search keeps the list it replaces on screen (dimmed) until its answer comes: no flash of
  // a skeleton, and a card being clicked is not taken away under the pointer.
  const list = usePagedList<ItemSummary>(path, itemKey);
  const items = list.loaded ? list.items : undefined;
  const { cursor } = list;
  const searching = list.status === 'loading';
  const error = list.error && (list.error.title || t('common.error'));

  useEffect(() => setSearch(q), [q]);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const anyFilter = Boolean(q || department || level || type);
  const all = { value: '', label: t('common.all') };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 28, marginBottom: 4 }}>{t('nav.catalog')}</Typography.Title>
        <Typography.Paragraph style={{ color: MUTED, marginBottom: 0 }}>{t('catalog.intro')}</Typography.Paragraph>
      </div>

      <Card size="small" role="search" aria-label={t('catalog.filters')}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={24} lg={9}>
            <label htmlFor="catalog-search" className="catalog-label">{t('catalog.searchLabel')}</label>
            <Input.Search
              id="catalog-search"
              data-testid="catalog-search"
              allowClear
              enterButton={t('common.search')}
              placeholder={t('catalog.searchPlaceholder')}
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (!e.target.value) setFilter('q', undefined);
              }}
              onSearch={(value) => setFilter('q', value.trim() || undefined)}
            />
          </Col>
          <Col xs={24} sm={8} lg={5}>
            <label htmlFor="catalog-department" className="catalog-label">{t('catalog.department')}</label>
            <Select
              id="catalog-department"
              data-testid="catalog-department"
              style={{ width: '100%' }}
              value={department}
              showSearch={{ optionFilterProp: 'label' }}
              options={[all, ...departments.map((d) => ({ value: d.id, label: text(d.shortName ?? d.name) }))]}
              onChange={(v: string) => setFilter('department', v)}
            />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <label htmlFor="catalog-level" className="catalog-label">{t('catalog.level')}</label>
            <Select id="catalog-level" data-testid="catalog-level" style={{ width: '100%' }} value={level} options={[all, ...codeOptions('useLevel', locale)]} onChange={(v: string) => setFilter('level', v)} />
          </Col>
          <Col xs={12} sm={8} lg={5}>
            <label htmlFor="catalog-type" className="catalog-label">{t('catalog.type')}</label>
            <Select id="catalog-type" data-testid="catalog-type" style={{ width: '100%' }} value={type} options={[all, ...codeOptions('itemType', locale)]} onChange={(v: string) => setFilter('type', v)} />
          </Col>
        </Row>
      </Card>

      <section aria-labelledby="catalog-results">
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Title level={2} id="catalog-results" style={{ fontSize: 18, margin: 0 }}>{t('catalog.results')}</Typography.Title>
          {items && <Typography.Text style={{ color: MUTED }}>{t(cursor ? 'catalog.countMore' : 'catalog.count', { n: items.length })}</Typography.Text>}
        </Flex>

        {error && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('catalog.loadFailed')} description={error}
            action={<Button onClick={() => void list.retry()}>{t('common.retry')}</Button>} />
        )}

        {!items && !error && <Skeleton active paragraph={{ rows: 6 }} style={{ marginTop: 16 }} />}

        {items && items.length === 0 && (
          <Empty style={{ margin: '32px 0' }} description={t(anyFilter ? 'catalog.emptyFiltered' : 'catalog.empty')}>
            {anyFilter && <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('catalog.clearFilters')}</Button>}
          </Empty>
        )}

        {items && items.length > 0 && (
          <Row gutter={[16, 16]} style={{ marginTop: 12, opacity: searching ? 0.6 : 1, transition: 'opacity .2s' }} aria-busy={searching} data-testid="catalog-items">
            {items.map((item) => (
              <Col key={item.itemId} xs={24} md={12} xl={8}>
                <Link to={`/items/${encodeURIComponent(item.itemId)}`} data-testid="catalog-item" data-item-id={item.itemId} style={{ display: 'block', height: '100%' }}>
                  <Card hoverable size="small" style={{ height: '100%' }}>
                    <Flex justify="space-between" align="flex-start" gap={8}>
                      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{text(item.name)}</Typography.Title>
                      <RightOutlined aria-hidden style={{ color: MUTED, marginTop: 4 }} />
                    </Flex>
                    <Space size={[4, 4]} wrap style={{ marginTop: 10 }}>
                      <SoftTag tone="red">{codeName('itemType', item.itemType, locale)}</SoftTag>
                      {item.useLevel.map((l) => <SoftTag key={l}>{codeName('useLevel', l, locale)}</SoftTag>)}
                    </Space>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}

        {cursor && items && (
          <Flex justify="center" style={{ marginTop: 8 }}>
            <Button onClick={() => void list.fetchPage(cursor)} loading={list.status === 'more'} data-testid="catalog-load-more">{t('catalog.loadMore')}</Button>
          </Flex>
        )}
      </section>
      <style>{'.catalog-label{display:block;margin-bottom:4px;font-weight:500}'}</style>
    </Space>
  );
}

export function CatalogPage() {
  return (
    <PortalTheme>
      <CatalogPageContent />
    </PortalTheme>
  );
}
