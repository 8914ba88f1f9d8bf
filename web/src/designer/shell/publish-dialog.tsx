/**
 * The publish dialog: what the new version changes against the latest published one (fields and
 * steps added, removed, changed; guide elements) and how many cases are still in flight on earlier
 * versions — then publish.
 */
import { Alert, Modal, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { diffVersions, type VersionDiff } from '@banshi/schemas';
import type { ItemDraft, ItemVersion } from '@banshi/schemas';
import { api } from '../../shared/api.js';
import { useMessages } from '../../shared/i18n.js';
import { DiffView } from '../versions/diff-view.js';
import { shellMessages } from './messages.js';

interface InFlight {
  versions: { version: number; inFlight: number }[];
  total: number;
}

export function PublishDialog({
  open,
  itemId,
  draft,
  latestVersion,
  publishing,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  itemId: string;
  draft: ItemDraft;
  latestVersion?: number;
  publishing: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const t = useMessages(shellMessages);
  const [diff, setDiff] = useState<VersionDiff>();
  const [inFlight, setInFlight] = useState<InFlight>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    let live = true;
    setDiff(undefined);
    setInFlight(undefined);
    setError(undefined);
    const id = encodeURIComponent(itemId);
    Promise.all([
      latestVersion ? api<ItemVersion>(`/api/items/${id}/versions/${latestVersion}`) : Promise.resolve(undefined),
      api<InFlight>(`/api/items/${id}/in-flight`),
    ])
      .then(([previous, flight]) => {
        if (!live) return;
        if (previous) setDiff(diffVersions(previous, draft));
        setInFlight(flight);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [open, itemId, latestVersion, draft]);

  const loading = !error && (!inFlight || (latestVersion !== undefined && !diff));
  return (
    <Modal
      open={open}
      title={t('publish.title')}
      okText={t('publish.confirm')}
      cancelText={t('publish.cancel')}
      onCancel={onCancel}
      onOk={onConfirm}
      confirmLoading={publishing}
      okButtonProps={{ disabled: loading, 'data-testid': 'publish-confirm' } as never}
      width={720}
      destroyOnHidden
    >
      <div data-testid="publish-dialog">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('publish.intro', { n: (latestVersion ?? 0) + 1 })}</Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} />}
          {loading ? (
            <Skeleton active />
          ) : (
            <>
              {inFlight && inFlight.total > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  data-testid="publish-in-flight"
                  title={t('publish.inFlight', { n: inFlight.total, versions: inFlight.versions.map((v) => `${v.version}（${v.inFlight}）`).join('、') })}
                />
              ) : (
                <Typography.Text type="secondary" data-testid="publish-no-in-flight">{t('publish.noInFlight')}</Typography.Text>
              )}
              {latestVersion && diff ? (
                <>
                  <Typography.Text strong>{t('publish.against', { n: latestVersion })}</Typography.Text>
                  <DiffView diff={diff} />
                </>
              ) : (
                <Typography.Text>{t('publish.first')}</Typography.Text>
              )}
            </>
          )}
        </Space>
      </div>
    </Modal>
  );
}
