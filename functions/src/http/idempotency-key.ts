import { IdempotencyKeyInvalidError } from './errors.js';
import { headerOf } from './headers.js';

/** 8–128 characters of letters, digits, `_` and `-`: a UUID or a ULID fits. */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Reads the `Idempotency-Key` header. Returns undefined when it is absent and not required;
 * throws IdempotencyKeyInvalidError (400) when it is malformed, or absent but required.
 */
export function idempotencyKeyOf(
  headers: Record<string, string | undefined> | null | undefined,
  options: { required?: boolean } = {},
): string | undefined {
  const value = headerOf(headers, 'idempotency-key')?.trim();
  if (value === undefined || value === '') {
    if (options.required) throw new IdempotencyKeyInvalidError('the Idempotency-Key header is required');
    return undefined;
  }
  if (!IDEMPOTENCY_KEY.test(value)) throw new IdempotencyKeyInvalidError();
  return value;
}
