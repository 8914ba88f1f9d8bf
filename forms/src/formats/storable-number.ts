/**
 * The numbers Banshi can keep exactly: what DynamoDB stores (38 significant digits, magnitude
 * 1e-130 … 1e125) intersected with what a JavaScript number holds without losing digits (integers
 * up to 2^53 − 1; the AWS SDK refuses to marshal larger ones). JSON.parse turns `9007199254740993`
 * into 9007199254740992 and `1e400` into Infinity, so the check is on the parsed value: anything
 * beyond 2^53 − 1 has already lost digits, and nothing a double prints has more than 17.
 */
import { escapeSegment } from '@banshi/schemas/core';

/** The largest magnitude kept: Number.MAX_SAFE_INTEGER (2^53 − 1). */
export const MAX_STORABLE_MAGNITUDE = Number.MAX_SAFE_INTEGER;
/** The smallest non-zero magnitude DynamoDB stores. */
export const MIN_STORABLE_MAGNITUDE = 1e-130;

/** Why a number cannot be kept: not finite (NaN, ±Infinity), too large, or too close to zero. */
export type NumberProblem = 'not-finite' | 'too-large' | 'too-small';

/**
 * Whether `value` can be stored and read back unchanged, and if not, why.
 *
 * @example numberProblem(1e308) // 'too-large'
 * @example numberProblem(12345.67) // null
 */
export function numberProblem(value: number): NumberProblem | null {
  if (!Number.isFinite(value)) return 'not-finite';
  const magnitude = Math.abs(value);
  if (magnitude > MAX_STORABLE_MAGNITUDE) return 'too-large';
  if (magnitude !== 0 && magnitude < MIN_STORABLE_MAGNITUDE) return 'too-small';
  return null;
}

/**
 * The JSON pointer of every number in `value` that cannot be stored (see {@link numberProblem}),
 * in document order. Walks with an explicit stack, so deep data never touches the call stack.
 *
 * @example unstorableNumbers({ a: [1, 1e300] }) // [{ pointer: '/a/1', problem: 'too-large' }]
 */
export function unstorableNumbers(value: unknown, at = ''): { pointer: string; problem: NumberProblem }[] {
  const found: { pointer: string; problem: NumberProblem }[] = [];
  const stack: { value: unknown; pointer: string }[] = [{ value, pointer: at }];
  while (stack.length > 0) {
    const { value: current, pointer } = stack.pop()!;
    if (typeof current === 'number') {
      const problem = numberProblem(current);
      if (problem !== null) found.push({ pointer, problem });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i -= 1) stack.push({ value: current[i], pointer: `${pointer}/${i}` });
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        stack.push({ value: entries[i][1], pointer: `${pointer}/${escapeSegment(entries[i][0])}` });
      }
    }
  }
  return found;
}
