import { describe, expect, it } from 'vitest';
import { attachmentRefs } from '../../../src/domain/blobs/attachment-refs.js';
import { sniffContentType } from '../../../src/domain/blobs/sniff-content-type.js';

describe('attachmentRefs', () => {
  it('finds every attachment item at any depth with its pointer', () => {
    const data = {
      applicant: { name: '张三' },
      attachments: {
        identity: [{ blobId: 'b-1', name: 'a.jpg', size: 1, contentType: 'image/jpeg' }, { blobId: 'b-2', name: 'b.jpg', size: 2, contentType: 'image/jpeg' }],
        'a/b~c': [{ blobId: 'b-3', name: 'c.pdf', size: 3, contentType: 'application/pdf' }],
      },
    };

    expect(attachmentRefs(data)).toEqual([
      { blobId: 'b-1', pointer: '/attachments/identity/0', size: 1, contentType: 'image/jpeg' },
      { blobId: 'b-2', pointer: '/attachments/identity/1', size: 2, contentType: 'image/jpeg' },
      { blobId: 'b-3', pointer: '/attachments/a~1b~0c/0', size: 3, contentType: 'application/pdf' },
    ]);
  });

  it.each([null, 'text', 42, [], {}, { blobId: 7 }])('finds none in %j', (data) => {
    expect(attachmentRefs(data)).toEqual([]);
  });
});

describe('sniffContentType', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0, 0, 0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[...Buffer.from('%PDF-1.4\n')], 'application/pdf'],
    [[...Buffer.from('GIF89a')], undefined],
    [[0xff, 0xd8], undefined],
    [[], undefined],
  ])('recognises %j as %s', (bytes, type) => {
    expect(sniffContentType(new Uint8Array(bytes))).toBe(type);
  });
});
