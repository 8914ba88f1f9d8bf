import { CUSTOM_OPERATIONS } from './register-operations.js';
import { isForbiddenSegment } from '@banshi/schemas/core';

/** Standard json-logic-js operations allowed in forms (`log` is left out: it would print data). */
const STANDARD_OPERATIONS = [
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'in', 'cat', 'substr',
  '+', '*', '-', '/', 'min', 'max', 'merge', 'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some',
];
const ALLOWED: ReadonlySet<string> = new Set([...STANDARD_OPERATIONS, ...CUSTOM_OPERATIONS]);

/**
 * Lists the problems of a JSON Logic rule: unknown operations, and `var` paths that name
 * `__proto__`, `constructor` or `prototype`. An empty list means the rule may be evaluated.
 * Iterative, so a deeply nested rule cannot overflow the stack.
 *
 * @example
 * checkLogic({ log: 1 }); // ['unknown operation "log"']
 */
export function checkLogic(rule: unknown): string[] {
  const problems: string[] = [];
  const stack: unknown[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const keys = Object.keys(node);
    // json-logic-js treats any object without exactly one key as a literal and does not evaluate it.
    if (keys.length !== 1) continue;
    const op = keys[0];
    const args = (node as Record<string, unknown>)[op];
    if (!ALLOWED.has(op)) {
      problems.push(`unknown operation "${op}"`);
      continue;
    }
    if (op === 'var' || op === 'missing' || op === 'missing_some') {
      const names = Array.isArray(args) ? args.flat() : [args];
      for (const name of names) {
        if (typeof name === 'string' && name.split('.').some(isForbiddenSegment)) {
          problems.push(`forbidden variable path "${name}"`);
        }
      }
    }
    stack.push(args);
  }
  return problems;
}
