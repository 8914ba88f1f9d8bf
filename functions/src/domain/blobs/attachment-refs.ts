/** Finding the attachments (uploaded files) that a form's data references. */
import { escapeSegment } from '@banshi/schemas/core';

/** One attachment item of the data: `{ blobId, name, size, contentType }` and where it is. */
export interface AttachmentRef {
  blobId: string;
  /** JSON pointer of the attachment item within the data (`/attachments/photo/0`). */
  pointer: string;
  contentType?: unknown;
  size?: unknown;
}

/**
 * Every attachment item of form data: each object, at any depth, with a string `blobId`. Pure;
 * walks at most `maxDepth` levels (data has passed the edge's depth limit already).
 *
 * @example attachmentRefs({ attachments: { photo: [{ blobId: 'b-1', name: 'p.jpg', size: 1, contentType: 'image/jpeg' }] } })
 * // [{ blobId: 'b-1', pointer: '/attachments/photo/0', contentType: 'image/jpeg', size: 1 }]
 */
export function attachmentRefs(data: unknown, maxDepth = 64): AttachmentRef[] {
  const found: AttachmentRef[] = [];
  const walk = (value: unknown, pointer: string, depth: number) => {
    if (depth > maxDepth || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((entry, index) => walk(entry, `${pointer}/${index}`, depth + 1));
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.blobId === 'string') {
      found.push({ blobId: record.blobId, pointer, contentType: record.contentType, size: record.size });
      return;
    }
    for (const [key, entry] of Object.entries(record)) walk(entry, `${pointer}/${escapeSegment(key)}`, depth + 1);
  };
  walk(data, '', 0);
  return found;
}
