/**
 * The size DynamoDB bills for an item, per its documented rules (attribute names count; strings in
 * UTF-8; numbers ~1 byte per two significant digits + 1; maps and lists 3 bytes + 1 per element).
 * Used to estimate the write units of a transaction, because DynamoDB Local's
 * ReturnConsumedCapacity for TransactWriteItems does not add up the items written.
 */
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number') {
    const digits = String(Math.abs(value)).replace(/[.-]|e.*$/gi, '').replace(/^0+/, '').length;
    return Math.min(21, Math.ceil(digits / 2) + 1);
  }
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [name, v]) => (v === undefined ? sum : sum + 1 + utf8(name) + valueSize(v)),
        0,
      )
    );
  }
  return utf8(String(value));
}

/** The billed size in bytes of a top-level item (undefined attributes are not stored). */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [name, v]) => (v === undefined ? sum : sum + utf8(name) + valueSize(v)),
    0,
  );
}

/** Write units of writing `item` outside a transaction (1 per started KB); double it inside one. */
export function writeUnits(item: Record<string, unknown>): number {
  return Math.max(1, Math.ceil(itemSize(item) / 1024));
}
