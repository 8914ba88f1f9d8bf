import { describe, expect, it } from 'vitest';
import { IdempotencyKeyInvalidError } from '../../src/http/errors.js';
import { idempotencyKeyOf } from '../../src/http/idempotency-key.js';

describe('idempotencyKeyOf', () => {
  it('returns a well-formed key whatever the header case', () => {
    expect(idempotencyKeyOf({ 'Idempotency-Key': '0b7c9a52-1f0e-4d59-9d3a-5b0c2b9e0f11' })).toBe('0b7c9a52-1f0e-4d59-9d3a-5b0c2b9e0f11');
  });

  it('returns undefined for a missing optional key', () => {
    expect(idempotencyKeyOf({})).toBeUndefined();
  });

  it.each([['short'], ['has spaces in it'], ['x'.repeat(129)], ['中文幂等键中文幂等键']])('rejects the key %j', (key) => {
    expect(() => idempotencyKeyOf({ 'idempotency-key': key })).toThrow(IdempotencyKeyInvalidError);
  });

  it('rejects a missing key where one is required', () => {
    expect(() => idempotencyKeyOf({}, { required: true })).toThrow(IdempotencyKeyInvalidError);
  });
});
