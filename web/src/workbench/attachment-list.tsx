/** The files attached to a submission, named by their form field, opened through the API with the staff member's token. */
import { PaperClipOutlined } from '@ant-design/icons';
import { App, List, Typography } from 'antd';
import { useI18n } from '../shared/i18n.js';
import { escapeSegment } from '@banshi/schemas/core';

export interface AttachmentRef {
  blobId: string;
  name: string;
  size?: number;
  contentType?: string;
  /** The pointer of the attachment field in the data. */
  pointer: string;
}

/** Every `{blobId, name}` object in the data, with the pointer of the array it sits in. */
export function collectAttachments(data: unknown, pointer = ''): AttachmentRef[] {
  if (Array.isArray(data)) {
    return data.flatMap((entry, i) => {
      if (entry && typeof entry === 'object' && typeof (entry as { blobId?: unknown }).blobId === 'string') {
        const e = entry as { blobId: string; name?: string; size?: number; contentType?: string };
        return [{ blobId: e.blobId, name: e.name ?? e.blobId, size: e.size, contentType: e.contentType, pointer }];
      }
      return collectAttachments(entry, `${pointer}/${i}`);
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => collectAttachments(v, `${pointer}/${escapeSegment(k)}`));
  }
  return [];
}

const sizeText = (size?: number) => (size === undefined ? '' : size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`);

/** The list; each file is a link to /api/blobs/{blobId}, fetched with the bearer token when clicked. */
export function AttachmentList({ items, fieldTitle }: { items: AttachmentRef[]; fieldTitle(pointer: string): string | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  if (!items.length) return <Typography.Text type="secondary">{t('staffCase.noAttachments')}</Typography.Text>;

  const open = async (item: AttachmentRef) => {
    // A plain link would not carry the bearer token: fetch the bytes and open them locally.
    const win = window.open('', '_blank');
    try {
      const token = localStorage.getItem('banshi.token');
      const res = await fetch(`/api/blobs/${encodeURIComponent(item.blobId)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch {
      win?.close();
      void message.error(t('staffCase.blobFailed'));
    }
  };

  return (
    <List
      size="small"
      data-testid="case-attachments"
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <List.Item.Meta
            avatar={<PaperClipOutlined aria-hidden />}
            title={
              <a
                href={`/api/blobs/${encodeURIComponent(item.blobId)}`}
                onClick={(e) => {
                  e.preventDefault();
                  void open(item);
                }}
              >
                {item.name}
              </a>
            }
            description={[fieldTitle(item.pointer), sizeText(item.size)].filter(Boolean).join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}
