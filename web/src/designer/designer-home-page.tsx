/**
 * The designer's items: every item with its draft or published state and latest version; 新建事项
 * (an id and a name make a minimal valid draft to build on) and 导入 (one item file, checked
 * before anything is written, its claims with it).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Result, Space, Table, Tag, Typography, Grid } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { definitionOfFile, readItemFile, type ItemFile } from '@banshi/schemas';
import { mayDesign } from '@banshi/schemas/core';
import type { FieldError } from '@banshi/schemas';
import { api, ApiError } from '../shared/api.js';
import type { ItemSummary } from '../shared/api-types.generated.js';
import { useI18n, useMessages } from '../shared/i18n.js';
import { useSession } from '../shared/session.js';
import { usePagedList } from '../shared/use-paged-list.js';
import { ImportJsonButton, ProblemsAlert } from './shell/file-controls.js';
import { writeClaims } from './shell/item-file-io.js';
import { shellMessages } from './shell/messages.js';
import { newItemDraft } from './shell/new-item.js';


const ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

const itemKey = (item: ItemSummary) => item.itemId;

export default function DesignerHomePage() {
  const t = useMessages(shellMessages);
  const { text } = useI18n();
  const { principal, loading } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [newNameEn, setNewNameEn] = useState('');
  const [createProblems, setCreateProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [importProblems, setImportProblems] = useState<FieldError[]>([]);
  const allowed = mayDesign(principal?.roles);
  const list = usePagedList<ItemSummary>(allowed ? `/api/items?${new URLSearchParams({ limit: '50', ...(query ? { q: query } : {}) })}` : undefined, itemKey);
  const items = list.loaded ? list.items : undefined;
  const { cursor } = list;
  const error = list.error?.message;

  useEffect(() => {
    document.title = t('home.title');
  }, [t]);

  if (!loading && !allowed) {
    return <Result status="403" title={<h1 style={{ fontSize: 22 }}>{t('home.needDesigner')}</h1>} extra={<Link to="/sign-in?next=%2Fdesigner"><Button type="primary">{t('home.signIn')}</Button></Link>} />;
  }

  const idInvalid = newId !== '' && !ID_PATTERN.test(newId);
  const create = async () => {
    const problems: FieldError[] = [];
    if (!ID_PATTERN.test(newId)) problems.push({ pointer: '/item/id', code: 'pattern', message: t('new.idInvalid') });
    if (!newName.trim()) problems.push({ pointer: '/item/name/zh-CN', code: 'required', message: t('new.nameRequired') });
    setCreateProblems(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await api('/api/items', { body: newItemDraft(newId, { 'zh-CN': newName.trim(), ...(newNameEn.trim() ? { en: newNameEn.trim() } : {}) }, t('new.placeholder')) });
      setCreating(false);
      navigate(`/designer/items/${encodeURIComponent(newId)}/guide`);
    } catch (e) {
      const err = e as ApiError;
      setCreateProblems(err.status === 409 ? [{ pointer: '/item/id', code: 'conflict', message: t('new.exists', { id: newId }) }] : err.errors.length > 0 ? err.errors : [{ pointer: '', code: err.code, message: err.message }]);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setImportProblems([]);
    const read = readItemFile(await file.text());
    if (!read.file) {
      setImportProblems(read.problems);
      return;
    }
    const itemFile: ItemFile = read.file;
    const itemId = itemFile.item.id;
    const id = encodeURIComponent(itemId);
    const existing = await api<{ revision: number }>(`/api/items/${id}/draft`).catch((e: ApiError) => {
      if (e.status === 404) return undefined;
      throw e;
    });
    const write = async () => {
      try {
        if (existing) await api(`/api/items/${id}/draft`, { method: 'PUT', body: { ...definitionOfFile(itemFile), expectedRevision: existing.revision } });
        else await api('/api/items', { body: definitionOfFile(itemFile) });
        const failed = await writeClaims(itemId, itemFile.claims ?? []);
        for (const f of failed) message.error(t('import.claimsFailed', f));
        message.success(t('import.done', { id: itemId }));
        navigate(`/designer/items/${id}/guide`);
      } catch (e) {
        const err = e as ApiError;
        setImportProblems(err.errors.length > 0 ? err.errors : [{ pointer: '', code: err.code, message: err.message }]);
      }
    };
    if (existing) {
      modal.confirm({ title: t('import.title'), content: t('import.replace', { id: itemId }), okText: t('import.replaceOk'), cancelText: t('new.cancel'), onOk: write });
    } else {
      await write();
    }
  };

  const stateTag = (item: ItemSummary) => (
    <Tag color={item.latestVersion ? 'green' : 'gold'} data-testid={`state-${item.itemId}`}>
      {item.latestVersion ? t('state.published') : t('state.draft')}
    </Tag>
  );
  const versionText = (item: ItemSummary) => (item.latestVersion ? t('version.n', { n: item.latestVersion }) : t('version.none'));
  const open = (item: ItemSummary) => <Link to={`/designer/items/${encodeURIComponent(item.itemId)}/guide`} aria-label={`${t('home.open')} ${text(item.name)}`}>{t('home.open')}</Link>;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="designer-home">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 280px' }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('home.title')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('home.intro')}</Typography.Paragraph>
        </div>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => { setCreateProblems([]); setCreating(true); }} data-testid="new-item">{t('home.new')}</Button>
          <ImportJsonButton label={t('home.import')} testId="import-file"
            onFile={(file) => void importFile(file).catch((err: Error) => setImportProblems([{ pointer: '', code: 'error', message: err.message }]))} />
        </Flex>
      </Flex>

      <ProblemsAlert title={t('import.problems', { n: importProblems.length })} problems={importProblems} testId="import-problems" onClose={() => setImportProblems([])} />

      <Card size="small">
        <Input.Search
          aria-label={t('home.search')}
          placeholder={t('home.search')}
          allowClear
          onSearch={(value) => setQuery(value.trim())}
          style={{ maxWidth: 360, marginBottom: 12 }}
        />
        {error && <Alert type="error" showIcon title={error} />}
        {screens.md ? (
          <Table<ItemSummary>
            rowKey="itemId"
            size="small"
            loading={!items && !error}
            dataSource={items ?? []}
            pagination={false}
            locale={{ emptyText: t('home.empty') }}
            data-testid="designer-items"
            columns={[
              { title: t('home.col.name'), key: 'name', render: (_, item) => <Link to={`/designer/items/${encodeURIComponent(item.itemId)}/guide`}>{text(item.name)}</Link> },
              { title: t('home.col.id'), key: 'id', render: (_, item) => <Typography.Text code>{item.itemId}</Typography.Text> },
              { title: t('home.col.state'), key: 'state', render: (_, item) => stateTag(item) },
              { title: t('home.col.version'), key: 'version', render: (_, item) => versionText(item) },
              { title: t('home.col.revision'), key: 'revision', dataIndex: 'revision' },
              { title: t('home.col.actions'), key: 'actions', render: (_, item) => open(item) },
            ]}
          />
        ) : (
          <List
            loading={!items && !error}
            dataSource={items ?? []}
            locale={{ emptyText: t('home.empty') }}
            data-testid="designer-items"
            renderItem={(item) => (
              <List.Item key={item.itemId} extra={open(item)}>
                <List.Item.Meta title={text(item.name)} description={<Space size={4} wrap><Typography.Text code>{item.itemId}</Typography.Text>{stateTag(item)}{versionText(item)}</Space>} />
              </List.Item>
            )}
          />
        )}
        {cursor && <Button onClick={() => void list.fetchPage(cursor)} loading={list.status === 'more'} style={{ marginTop: 12 }}>{t('home.more')}</Button>}
      </Card>

      <Modal
        open={creating}
        title={t('new.title')}
        okText={t('new.create')}
        cancelText={t('new.cancel')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'new-item-create' } as never}
        destroyOnHidden
      >
        <Form layout="vertical" component="div" data-testid="new-item-form">
          {createProblems.some((p) => !p.pointer.startsWith('/item/id') && !p.pointer.startsWith('/item/name')) && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={createProblems.map((p) => p.message).join('；')} />
          )}
          <Form.Item
            label={t('new.id')}
            htmlFor="new-item-id"
            extra={t('new.idHelp')}
            validateStatus={idInvalid || createProblems.some((p) => p.pointer === '/item/id') ? 'error' : undefined}
            help={idInvalid ? t('new.idInvalid') : createProblems.find((p) => p.pointer === '/item/id')?.message}
          >
            <Input id="new-item-id" value={newId} onChange={(e) => setNewId(e.target.value.trim())} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('new.nameZh')} htmlFor="new-item-name" validateStatus={createProblems.some((p) => p.pointer.startsWith('/item/name')) ? 'error' : undefined} help={createProblems.find((p) => p.pointer.startsWith('/item/name'))?.message}>
            <Input id="new-item-name" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </Form.Item>
          <Form.Item label={t('new.nameEn')} htmlFor="new-item-name-en">
            <Input id="new-item-name-en" lang="en" value={newNameEn} onChange={(e) => setNewNameEn(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
