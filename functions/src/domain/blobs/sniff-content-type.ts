/** Recognising a file's type from its first bytes (magic numbers), not from what the client says. */

const SIGNATURES: { contentType: 'image/jpeg' | 'image/png' | 'application/pdf'; magic: number[] }[] = [
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

/**
 * The content type the bytes start like (JPEG, PNG or PDF), or undefined for anything else.
 *
 * @example sniffContentType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])) // 'application/pdf'
 */
export function sniffContentType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'application/pdf' | undefined {
  return SIGNATURES.find(({ magic }) => bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte))?.contentType;
}
