/**
 * The pause before the next try after `failures` failures in a row: `baseMs` doubled per failure,
 * never more than `maxMs` (used by the local stack's DynamoDB Local supervisor and stream poller).
 *
 * @example backoffDelay(3, 500, 30_000) // 4000
 */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures), maxMs);
}
