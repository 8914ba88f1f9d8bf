/**
 * The versions tab: the published versions, newest first; the difference between any of them and
 * the draft; roll back (publish an earlier version again as the next one); load a version into the
 * draft; export the draft or a version as one JSON file, and import such a file into the draft.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { diffVersions, definitionOfFile, readItemFile, toItemFile } from '@banshi/schemas';
import type { Claim, FieldError, ItemDraft, ItemVersion } from '@banshi/schemas';
import { api, ApiError } from '../../shared/api.js';
import { chinaTime } from '../../shared/china-time.js';
import { useI18n, useMessages } from '../../shared/i18n.js';
import { ImportJsonButton, ProblemsAlert } from '../shell/file-controls.js';
import { downloadJson, writeClaims } from '../shell/item-file-io.js';
import { DiffView } from './diff-view.js';
import { versionsMessages } from './messages.js';

interface VersionRow {
  itemId: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
}

export function VersionsPanel({
  itemId,
  draft,
  refreshKey,
  onLoad,
  onPublished,
}: {
  itemId: string;
  draft: ItemDraft;
  /** Changes when a version was published elsewhere on the page (the list is read again). */
  refreshKey: number;
  /** Replaces the draft's definition (an undoable edit). */
  onLoad(definition: ItemDraft): void;
  onPublished(version: number): void;
}) {
  const t = useMessages(versionsMessages);
  const { locale } = useI18n();
  const { message } = App.useApp();
  const id = encodeURIComponent(itemId);
  const [rows, setRows] = useState<VersionRow[]>();
  const [error, setError] = useState<string>();
  const [compared, setCompared] = useState<ItemVersion>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<number>();

  const load = useCallback(() => {
    api<{ items: VersionRow[] }>(`/api/items/${id}/versions`)
      .then((res) => setRows(res.items))
      .catch((e: ApiError) => (e.status === 404 ? setRows([]) : setError(e.message)));
  }, [id]);
  useEffect(load, [load, refreshKey]);

  const version = (n: number) => api<ItemVersion>(`/api/items/${id}/versions/${n}`);
  const diff = useMemo(() => (compared ? diffVersions(compared, draft) : undefined), [compared, draft]);
  const latest = rows?.[0]?.version;

  const rollback = async (n: number) => {
    setBusy(n);
    try {
      const res = await api<{ version: number }>(`/api/items/${id}/publish`, { body: { fromVersion: n } });
      message.success(t('rollbackDone', { n, next: res.version }));
      onPublished(res.version);
      load();
    } catch (e) {
      message.error(t('rollbackFailed', { message: (e as Error).message }));
    } finally {
      setBusy(undefined);
    }
  };

  const loadIntoDraft = async (n: number) => {
    const v = await version(n);
    // A published form carries its uiSchema; the draft keeps it there too.
    onLoad({ item: { ...v.item, status: draft.item.status, version: draft.item.version }, form: v.form, flow: v.flow });
    message.success(t('loadDone', { n }));
  };

  const exportDraft = async () => {
    const claims = await api<{ items: Claim[] }>(`/api/items/${id}/claims`).then((r) => r.items).catch(() => []);
    downloadJson(toItemFile(draft, claims), `${itemId}-draft.banshi-item.json`);
  };

  const exportVersion = async (n: number) => {
    const v = await version(n);
    downloadJson(toItemFile({ item: v.item, form: v.form, flow: v.flow }), `${itemId}-v${n}.banshi-item.json`);
  };

  const importFile = async (file: File) => {
    setProblems([]);
    const read = readItemFile(await file.text(), locale);
    if (!read.file) {
      setProblems(read.problems);
      return;
    }
    const definition = definitionOfFile(read.file);
    if (definition.item.id !== itemId) {
      message.info(t('importIdChanged', { from: definition.item.id, to: itemId }));
      definition.item = { ...definition.item, id: itemId };
    }
    onLoad(definition);
    message.success(t('importDone'));
    const claims = (read.file.claims ?? []).map((c) => ({ ...c, itemId }));
    if (claims.length > 0) {
      const failed = await writeClaims(itemId, claims);
      for (const f of failed) message.error(t('claimsFailed', f));
      if (failed.length < claims.length) message.success(t('claimsWritten', { n: claims.length - failed.length }));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="versions-panel">
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={exportDraft} data-testid="export-draft">{t('exportDraft')}</Button>
        <ImportJsonButton label={t('import')} testId="import-draft-file" onFile={(file) => void importFile(file)} />
      </Flex>
      <ProblemsAlert title={t('importProblems', { n: problems.length })} problems={problems} testId="import-problems" />
      {error && <Alert type="error" showIcon title={t('loadFailed', { message: error })} />}
      <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('title')}</Typography.Title>}>
        {rows && rows.length === 0 ? (
          <Typography.Text type="secondary">{t('none')}</Typography.Text>
        ) : (
          <List
            loading={!rows && !error}
            dataSource={rows ?? []}
            renderItem={(row) => (
              <List.Item key={row.version} data-testid={`version-${row.version}`} style={{ flexWrap: 'wrap', gap: 8 }}>
                <div style={{ minWidth: 200 }}>
                  <Typography.Text strong>{t('version', { n: row.version })}</Typography.Text>
                  {row.version === latest && <Tag color="green" style={{ marginInlineStart: 8 }}>{t('latest')}</Tag>}
                  <div><Typography.Text type="secondary">{t('publishedAt', { at: chinaTime(row.publishedAt), by: row.publishedBy })}</Typography.Text></div>
                </div>
                <Flex gap={4} wrap>
                  <Button size="small" onClick={() => version(row.version).then(setCompared)} aria-label={`${t('compare')}（${t('version', { n: row.version })}）`}>{t('compare')}</Button>
                  <Button size="small" onClick={() => void loadIntoDraft(row.version)}>{t('load')}</Button>
                  <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={() => void exportVersion(row.version)}>{t('export')}</Button>
                  {row.version !== latest && (
                    <Popconfirm
                      title={t('rollbackConfirm', { n: row.version, next: (latest ?? 0) + 1 })}
                      okText={t('rollbackOk')}
                      cancelText={t('cancel')}
                      onConfirm={() => rollback(row.version)}
                    >
                      <Button size="small" danger loading={busy === row.version}>{t('rollback')}</Button>
                    </Popconfirm>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {compared && diff && (
        <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>{t('diffTitle', { n: compared.version })}</Typography.Title>}>
          <DiffView diff={diff} />
        </Card>
      )}
    </Space>
  );
}
