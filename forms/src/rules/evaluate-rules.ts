import jsonLogic from 'json-logic-js';
import type { FieldError, FormRule, Locale } from '../types.js';
import { CopyOnWrite, isAtOrUnder } from '@banshi/schemas/core';
import { registerOperations } from './register-operations.js';

registerOperations();

/** Options of {@link evaluateRules}. */
export interface EvaluateRulesOptions {
  /** The date rules see as `$today`, `YYYY-MM-DD`. */
  today: string;
  /** Locale of check messages; zh-CN by default. */
  locale?: Locale;
}

/** What {@link evaluateRules} returns. */
export interface RulesOutcome {
  /** A copy of the data with calculated values set and hidden fields removed (input untouched). */
  data: Record<string, unknown>;
  /** JSON pointers of the hidden fields, in rule order. */
  hidden: string[];
  /** JSON pointers of calculated fields whose value could not be computed (e.g. invalid ID). */
  uncomputed: string[];
  /**
   * One error per failed check rule. Checks of hidden fields, and of calculated fields that
   * could not be computed (their inputs' own errors explain why), are skipped.
   */
  errors: FieldError[];
}

const TODAY_KEY = '$today';

function applyLogic(logic: unknown, scope: Record<string, unknown>): unknown {
  return jsonLogic.apply(logic as Parameters<typeof jsonLogic.apply>[0], scope);
}

/**
 * Evaluates a form's rules on submitted data, in three passes: `calculate` rules set their
 * field (a `null`/`undefined` result removes it), then `visible` rules drop hidden fields, then
 * `check` rules report failures at their field. JSON Logic sees the data plus `$today`.
 * Rules are evaluated in the order given, each seeing the effects of the ones before.
 * Removing a hidden field also removes it from what later rules see.
 * A rule that throws counts as: calculate → no value, visible → shown, check → failed.
 *
 * @example
 * evaluateRules(
 *   [{ id: 'age', kind: 'calculate', field: '/age', value: { ageFromIdNumber: [{ var: 'id' }, { var: '$today' }] } }],
 *   { id: '11010519491231002X' },
 *   { today: '2025-01-01' },
 * ).data; // { id: '11010519491231002X', age: 75 }
 */
export function evaluateRules(
  rules: readonly FormRule[],
  data: Record<string, unknown>,
  options: EvaluateRulesOptions,
): RulesOutcome {
  const locale = options.locale ?? 'zh-CN';
  const doc = new CopyOnWrite(data);
  const scope = doc.root;
  // `$today` lives in the working copy during evaluation; a client-sent `$today` is restored after.
  const hadToday = Object.prototype.hasOwnProperty.call(scope, TODAY_KEY);
  const clientToday = scope[TODAY_KEY];
  scope[TODAY_KEY] = options.today;

  const uncomputed: string[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'calculate') continue;
    let value: unknown;
    try {
      value = applyLogic(rule.value, scope);
    } catch {
      value = undefined;
    }
    if (value === null || value === undefined) {
      doc.remove(rule.field);
      if (!uncomputed.includes(rule.field)) uncomputed.push(rule.field);
    } else {
      doc.set(rule.field, value);
      const i = uncomputed.indexOf(rule.field);
      if (i >= 0) uncomputed.splice(i, 1);
    }
  }

  const hidden: string[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'visible') continue;
    if (hidden.some((h) => isAtOrUnder(rule.field, h))) continue;
    let shown = true;
    try {
      shown = jsonLogic.truthy(applyLogic(rule.when, scope));
    } catch {
      shown = true;
    }
    if (!shown) {
      hidden.push(rule.field);
      doc.remove(rule.field);
    }
  }

  const errors: FieldError[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'check') continue;
    if (hidden.some((h) => isAtOrUnder(rule.field, h)) || uncomputed.includes(rule.field)) continue;
    let holds = false;
    try {
      holds = jsonLogic.truthy(applyLogic(rule.when, scope));
    } catch {
      holds = false;
    }
    if (!holds) {
      const message = (locale === 'en' ? rule.message.en : undefined) ?? rule.message['zh-CN'];
      errors.push({ pointer: rule.field, code: `check.${rule.id}`, message });
    }
  }

  if (hadToday) scope[TODAY_KEY] = clientToday;
  else delete scope[TODAY_KEY];
  return { data: scope, hidden, uncomputed, errors };
}

