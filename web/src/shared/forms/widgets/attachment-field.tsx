/**
 * The `attachment` field (`"ui:field": "attachment"`): files stored through the blob API
 * (POST /api/blobs → PUT the bytes to its uploadUrl) and kept in the form data as
 * `{blobId, name, size, contentType}`. The field's `x-attachment.accept`, `maxSizeKb` and the
 * array's `maxItems` are enforced here before any upload; the server checks them again.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { FieldProps } from '@rjsf/utils';
import { Alert, Button, Flex } from 'antd';
import { Muted } from '../../../applicant/ui.js';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../../api.js';
import { useI18n } from '../../i18n.js';

/** A stored file as the form data holds it. */
export interface AttachmentValue {
  blobId: string;
  name: string;
  size: number;
  contentType: string;
}

interface XAttachment {
  material?: string;
  accept?: string[];
  maxSizeKb?: number;
}

interface Upload {
  key: string;
  name: string;
  percent: number;
}

const EXTENSION_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };
const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/** The file's content type, from the browser or else from its extension. */
function contentTypeOf(file: File): string {
  return file.type || EXTENSION_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] || 'application/octet-stream';
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** PUTs the bytes with progress; the bearer token only goes to our own origin. */
function putBytes(url: string, file: File, contentType: string, headers: Record<string, string>, onProgress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // XHR joins repeated headers ("image/png, image/png"): set each name once.
    const all = new Map<string, string>([['content-type', contentType]]);
    for (const [name, value] of Object.entries(headers)) all.set(name.toLowerCase(), value);
    for (const [name, value] of all) xhr.setRequestHeader(name, value);
    const token = localStorage.getItem('banshi.token');
    if (token && new URL(url, window.location.href).origin === window.location.origin && !headers.authorization) {
      xhr.setRequestHeader('authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let problem: { title?: string; errors?: { pointer: string; code: string; message: string }[] } = {};
      try {
        problem = JSON.parse(xhr.responseText) as typeof problem;
      } catch {
        // not a problem document
      }
      reject(new ApiError(xhr.status, 'upload', problem.title ?? xhr.statusText, problem.errors ?? []));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.send(file);
  });
}

export function AttachmentField({ schema, uiSchema, formData, fieldPathId, name, required, disabled, readonly, rawErrors, onChange, onBlur }: FieldProps<AttachmentValue[]>) {
  const { t, locale } = useI18n();
  const id = fieldPathId.$id;
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  // Uploads finish one by one: each adds to the newest value, not the one its closure saw.
  const latest = useRef<AttachmentValue[]>([]);
  latest.current = Array.isArray(formData) ? formData.filter((f) => f && typeof f.blobId === 'string') : [];

  const x = ((schema as Record<string, unknown>)['x-attachment'] ?? {}) as XAttachment;
  const accept = x.accept ?? [];
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
  const maxBytes = x.maxSizeKb ? x.maxSizeKb * 1024 : undefined;
  const types = accept.map((a) => TYPE_NAMES[a] ?? a).join('、') || '*';
  const options = (uiSchema?.['ui:options'] ?? {}) as Record<string, string>;
  const title = (locale === 'en' && options.labelEn) || (uiSchema?.['ui:title'] as string | undefined) || String(schema.title ?? name);
  const files = latest.current;
  const busy = disabled || readonly;
  const full = maxItems !== undefined && files.length + uploads.length >= maxItems;

  const commit = (next: AttachmentValue[]) => {
    latest.current = next;
    onChange(next.length ? next : undefined, fieldPathId.path, undefined, id);
  };

  const upload = async (file: File) => {
    const key = `${file.name}-${file.size}-${Math.random()}`;
    const contentType = contentTypeOf(file);
    setUploads((u) => [...u, { key, name: file.name, percent: 0 }]);
    try {
      const blob = await api<{ blobId: string; uploadUrl: string; headers?: Record<string, string> }>('/api/blobs', {
        body: { name: file.name, contentType, size: file.size, ...(x.material ? { material: x.material } : {}) },
      });
      await putBytes(blob.uploadUrl, file, contentType, blob.headers ?? {}, (percent) =>
        setUploads((u) => u.map((up) => (up.key === key ? { ...up, percent } : up))),
      );
      commit([...latest.current, { blobId: blob.blobId, name: file.name, size: file.size, contentType }]);
    } catch (error) {
      const e = error instanceof ApiError ? error : undefined;
      const detail = e && e.status !== 0 ? `：${e.errors.map((x) => x.message).join('；') || e.title}` : '';
      setProblems((p) => [...p, t('apply.attachment.failed', { name: file.name }) + detail]);
    } finally {
      setUploads((u) => u.filter((up) => up.key !== key));
      onBlur(id, latest.current);
    }
  };

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = '';
    const found: string[] = [];
    let room = maxItems === undefined ? Infinity : maxItems - files.length - uploads.length;
    for (const file of chosen) {
      const type = contentTypeOf(file);
      if (accept.length > 0 && !accept.includes(type)) found.push(t('apply.attachment.badType', { name: file.name, types }));
      else if (maxBytes !== undefined && file.size > maxBytes) found.push(t('apply.attachment.tooLarge', { name: file.name, size: formatSize(maxBytes) }));
      else if (file.size === 0) found.push(t('apply.attachment.empty', { name: file.name }));
      else if (room <= 0) found.push(t('apply.attachment.tooMany', { name: file.name, max: maxItems ?? 0 }));
      else {
        room -= 1;
        void upload(file);
      }
    }
    setProblems(found);
  };

  const remove = (blobId: string) => {
    commit(latest.current.filter((f) => f.blobId !== blobId));
    onBlur(id, latest.current);
  };

  const invalid = Boolean(rawErrors?.length);
  return (
    <div data-testid={`attachment-${name}`} style={{ marginBottom: 8 }}>
      <div id={`${id}-title`} style={{ marginBottom: 8 }}>
        {required && <span aria-hidden style={{ color: '#c8161d', marginInlineEnd: 4 }}>*</span>}
        {title}
      </div>
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple={maxItems === undefined || maxItems > 1}
        accept={accept.join(',') || undefined}
        aria-label={title}
        aria-describedby={hintId}
        aria-invalid={invalid || undefined}
        data-testid={`attachment-input-${name}`}
        tabIndex={-1}
        disabled={busy}
        onChange={choose}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden', clipPath: 'inset(50%)' }}
      />
      <Flex gap={8} wrap align="center">
        <Button icon={<UploadOutlined />} disabled={busy || full} onClick={() => inputRef.current?.click()} danger={invalid} aria-describedby={hintId}>
          {t('apply.attachment.upload')}
        </Button>
        <Muted id={hintId} style={{ fontSize: 13 }}>
          {t('apply.attachment.hint', { types, size: maxBytes ? formatSize(maxBytes) : '—', max: maxItems ?? '—' })}
        </Muted>
      </Flex>
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {files.map((f) => (
          <li key={f.blobId} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }} data-testid="attachment-file">
            <PaperClipOutlined aria-hidden />
            <span style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{f.name}</span>
            <Muted style={{ fontSize: 13 }}>{formatSize(f.size)}</Muted>
            {!busy && (
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('apply.attachment.remove', { name: f.name })} onClick={() => remove(f.blobId)} />
            )}
          </li>
        ))}
        {uploads.map((u) => (
          <li key={u.key} style={{ padding: '4px 0' }}>
            <span>{t('apply.attachment.uploading', { name: u.name })}</span>
            <progress max={100} value={u.percent} style={{ width: '100%', maxWidth: 320, height: 8, accentColor: '#c8161d' }} aria-label={t('apply.attachment.uploading', { name: u.name })} />
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 8 }} title={problems.length === 1 ? problems[0] : <ul style={{ margin: 0, paddingInlineStart: 16 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
      )}
    </div>
  );
}
