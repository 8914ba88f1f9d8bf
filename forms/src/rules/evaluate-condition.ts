import type { JsonLogicRule } from '../types.js';
import { evaluateLogic, isTruthy } from './evaluate-logic.js';

/**
 * Whether a JSON Logic condition (a flow transition's or branch's `when`) holds on case data,
 * with `$today` available as in form rules. A condition that throws (e.g. an unknown
 * operation in an unchecked definition) does not hold.
 *
 * @example
 * evaluateCondition({ '>': [{ var: 'area' }, 1000] }, { area: 1200 }, { today: '2025-01-01' }); // true
 */
export function evaluateCondition(rule: JsonLogicRule, data: Record<string, unknown>, opts: { today: string }): boolean {
  try {
    return isTruthy(evaluateLogic(rule, { ...data, $today: opts.today }));
  } catch {
    return false;
  }
}
