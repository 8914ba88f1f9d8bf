/**
 * Recognises the store's answer to a replayed Idempotency-Key without importing the adapter:
 * any error carrying `code: 'idempotency-replay'` and the original `caseId`.
 *
 * @returns the original case id, or undefined when the error is something else
 */
export function isIdempotencyReplay(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; caseId?: unknown };
  return e.code === 'idempotency-replay' && typeof e.caseId === 'string' ? e.caseId : undefined;
}
