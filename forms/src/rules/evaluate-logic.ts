import jsonLogic from 'json-logic-js';
import { registerOperations } from './register-operations.js';

registerOperations();

/**
 * Evaluates one JSON Logic rule (with Banshi's custom operations) on `data`, e.g. a flow
 * transition's `when` on case data. Check the rule once with `checkLogic` before trusting it.
 *
 * @returns the rule's value; throws what json-logic-js throws (e.g. an unknown operation)
 * @example
 * evaluateLogic({ '>=': [{ ageFromIdNumber: [{ var: 'id' }, { var: '$today' }] }, 60] }, { id: '11010519491231002X', $today: '2025-01-01' }); // true
 */
export function evaluateLogic(rule: unknown, data: unknown): unknown {
  return jsonLogic.apply(rule as Parameters<typeof jsonLogic.apply>[0], data);
}

/** JSON Logic truthiness (an empty array is false). */
export function isTruthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}
