import { PaperClipOutlined } from '@ant-design/icons';
import type { FieldProps } from '@rjsf/utils';
import { Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useI18n } from '../shared/i18n.js';
import { MUTED } from './ui.js';

interface AttachmentValue {
  blobId: string;
  name: string;
  size?: number;
  contentType?: string;
}

function sizeText(size: number | undefined): string {
  if (size === undefined) return '';
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

/**
 * Opens a blob with the session's bearer token (a plain link cannot send it); falls back to the
 * link itself when the fetch fails.
 */
async function openBlob(event: MouseEvent<HTMLAnchorElement>, blobId: string) {
  const token = localStorage.getItem('banshi.token');
  if (!token) return;
  event.preventDefault();
  const opened = window.open('', '_blank');
  try {
    const res = await fetch(`/api/blobs/${encodeURIComponent(blobId)}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(String(res.status));
    const url = URL.createObjectURL(await res.blob());
    if (opened) opened.location.href = url;
    else window.location.href = url;
  } catch {
    if (opened) opened.location.href = `/api/blobs/${encodeURIComponent(blobId)}`;
  }
}

/** The links of one attachment value list (shared by the read-only field and others). */
export function AttachmentLinks({ files }: { files: readonly AttachmentValue[] }) {
  const { t } = useI18n();
  if (files.length === 0) return <Typography.Text style={{ color: MUTED }}>{t('applicant.attachment.none')}</Typography.Text>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {files.map((file) => (
        <li key={file.blobId} style={{ padding: '2px 0', wordBreak: 'break-all' }}>
          <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
          <a href={`/api/blobs/${encodeURIComponent(file.blobId)}`} target="_blank" rel="noreferrer" onClick={(e) => void openBlob(e, file.blobId)} data-testid="attachment-link">
            {file.name}
          </a>
          {file.size !== undefined && <Typography.Text style={{ color: MUTED, marginInlineStart: 8 }}>{sizeText(file.size)}</Typography.Text>}
        </li>
      ))}
    </ul>
  );
}

/** rjsf `ui:field: "attachment"`, read-only: the field's title and its files as links to /api/blobs/{blobId}. */
export function AttachmentViewField(props: FieldProps) {
  const files = (Array.isArray(props.formData) ? props.formData : []) as AttachmentValue[];
  const title = (props.schema.title as string | undefined) ?? props.name;
  const id = `${props.fieldPathId.$id}__title`;
  return (
    <div role="group" aria-labelledby={id} style={{ marginBottom: 16 }} data-testid={`attachment-${props.name}`}>
      <div id={id} style={{ fontWeight: 500, marginBottom: 4 }}>{title}</div>
      <AttachmentLinks files={files} />
    </div>
  );
}
