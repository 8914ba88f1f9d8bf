import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { mapAjvError, sortAndDedupe, titleAt } from './ajv/map-ajv-errors.js';
import { compileIsolated, sharedAjv } from './ajv/shared-ajv.js';
import { FormDefinitionError } from './errors.js';
import { findInPlaceCycle } from './ajv/schema-cycles.js';
import { isIsoDate } from './formats/calendar.js';
import { unstorableNumbers } from './formats/storable-number.js';
import { formatMessage } from './messages/format-message.js';
import { checkLogic } from './rules/check-logic.js';
import { evaluateRules } from './rules/evaluate-rules.js';
import { escapeSegment, isAtOrUnder, isForbiddenSegment, parsePointer } from '@banshi/schemas/core';
import type { FieldError, FormRule, Locale } from './types.js';

/** Options of {@link FormValidator.validate}. */
export interface ValidateOptions {
  locale: Locale;
  /** The submission date `YYYY-MM-DD` (rules see it as `$today`). */
  today: string;
}

/** The outcome of validating one submission. */
export interface ValidationResult {
  valid: boolean;
  /** The data as it is stored: calculated values set, hidden fields dropped. */
  data: Record<string, unknown>;
  /** Sorted by pointer, one per pointer and code. */
  errors: FieldError[];
}

/** A compiled form: validates submissions against the schema and the rules. */
export interface FormValidator {
  validate(data: unknown, opts: ValidateOptions): ValidationResult;
}

/** The parts of a form definition the validator needs. */
export interface ValidatableForm {
  schema: object;
  rules?: readonly FormRule[];
}

/** Submissions nested deeper than this are rejected before they reach ajv or the rules. */
export const MAX_DEPTH = 32;
const RULE_KINDS: ReadonlySet<string> = new Set(['visible', 'calculate', 'check']);

let compiled = 0;

/** How many form schemas this process has compiled (for tests and the bench). */
export function compileCount(): number {
  return compiled;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The pointer of the top-level field under which `data` is nested deeper than `max`, or null. */
function tooDeep(data: Record<string, unknown>, max: number): string | null {
  const stack: Array<[unknown, number, string]> = [];
  for (const key of Object.keys(data)) stack.push([data[key], 1, `/${escapeSegment(key)}`]);
  while (stack.length > 0) {
    const [value, depth, field] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) return field;
    const children = Array.isArray(value) ? value : Object.values(value);
    for (const child of children) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, field]);
  }
  return null;
}

function checkRules(rules: unknown): string[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) return ['rules must be an array'];
  const problems: string[] = [];
  const ids = new Set<string>();
  rules.forEach((rule: unknown, i) => {
    const at = `rules[${i}]`;
    if (!isPlainObject(rule)) {
      problems.push(`${at} must be an object`);
      return;
    }
    if (typeof rule.id !== 'string' || rule.id === '') problems.push(`${at}.id must be a non-empty string`);
    else if (ids.has(rule.id)) problems.push(`${at}.id "${rule.id}" is not unique`);
    else ids.add(rule.id);
    if (typeof rule.kind !== 'string' || !RULE_KINDS.has(rule.kind)) {
      problems.push(`${at}.kind must be visible, calculate or check`);
      return;
    }
    let segments: string[] = [];
    try {
      segments = typeof rule.field === 'string' ? parsePointer(rule.field) : [];
    } catch {
      segments = [];
    }
    if (segments.length === 0) problems.push(`${at}.field must be a JSON pointer to a field, e.g. "/age"`);
    if (segments.some(isForbiddenSegment)) problems.push(`${at}.field must not name __proto__, constructor or prototype`);
    const logicKey = rule.kind === 'calculate' ? 'value' : 'when';
    if (!(logicKey in rule)) problems.push(`${at}.${logicKey} is missing`);
    for (const p of checkLogic(rule[logicKey])) problems.push(`${at}.${logicKey}: ${p}`);
    if (rule.kind === 'check') {
      const message = rule.message;
      if (!isPlainObject(message) || typeof message['zh-CN'] !== 'string') {
        problems.push(`${at}.message must be {"zh-CN": string, "en"?: string}`);
      }
    }
  });
  return problems;
}

function compileSchema(schema: object): ValidateFunction {
  if (!isPlainObject(schema)) throw new FormDefinitionError(['schema must be a JSON object']);
  if (schema.type !== 'object') throw new FormDefinitionError(['schema must be an object schema ("type": "object")']);
  const cycle = findInPlaceCycle(schema);
  if (cycle !== null) {
    throw new FormDefinitionError([
      `schema${cycle} 引用自身而不读取任何数据（$ref / $dynamicRef 循环），校验将无法结束 / ` +
        `schema${cycle} refers to itself without reading any data (a $ref / $dynamicRef cycle): validation would never end`,
    ]);
  }
  const ajv = sharedAjv();
  if (!ajv.validateSchema(schema)) {
    throw new FormDefinitionError(
      (ajv.errors ?? []).map((e) => `schema${e.instancePath} ${e.message ?? e.keyword}`),
    );
  }
  try {
    compiled += 1;
    // Isolated: no id of this form outlives the compilation (unused forms can be garbage-collected,
    // and no two forms' ids ever collide, "already exists").
    return compileIsolated(schema);
  } catch (cause) {
    const message = cause instanceof RangeError
      ? '表单结构嵌套或引用过深 / the schema is nested or refers to itself too deeply'
      : (cause as Error).message;
    throw new FormDefinitionError([`schema does not compile: ${message}`], { cause });
  }
}

/** One field error per number of `data` that cannot be stored (beyond 2^53 − 1, below 1e-130, not finite). */
function numberRangeErrors(data: Record<string, unknown>, locale: Locale, schema: object): FieldError[] {
  return unstorableNumbers(data).map(({ pointer }) => ({
    pointer,
    code: 'number-range',
    message: formatMessage('number-range', { title: titleAt(schema, pointer) }, locale),
  }));
}

/**
 * Compiles a form (JSON Schema 2020-12 object schema + rules) into a validator. One pipeline
 * for browser and server: reject non-objects and over-deep input → rules (calculate, visible,
 * check) → ajv → FieldErrors in the caller's locale, sorted by pointer. Hidden fields are
 * dropped and never reported as missing; calculated values overwrite what the client sent.
 *
 * @throws FormDefinitionError when the schema is not a valid JSON Schema object schema, uses an
 *   unknown keyword or format, or a rule is malformed (unknown operation, bad pointer…)
 * @example
 * const v = createValidator({ schema: { type: 'object', properties: { name: { type: 'string', title: '姓名' } }, required: ['name'], additionalProperties: false } });
 * v.validate({}, { locale: 'zh-CN', today: '2025-01-01' }).errors;
 * // [{ pointer: '/name', code: 'required', message: '姓名：必须填写' }]
 */
export function createValidator(form: ValidatableForm): FormValidator {
  if (!isPlainObject(form)) throw new FormDefinitionError(['form must be an object with a schema']);
  const ruleProblems = checkRules(form.rules);
  if (ruleProblems.length > 0) throw new FormDefinitionError(ruleProblems);
  const validateSchema = compileSchema(form.schema);
  const rules = form.rules ?? [];

  return {
    validate(input: unknown, opts: ValidateOptions): ValidationResult {
      if (!isIsoDate(opts.today)) throw new TypeError(`today must be YYYY-MM-DD, got ${String(opts.today)}`);
      const locale = opts.locale === 'en' ? 'en' : 'zh-CN';
      if (!isPlainObject(input)) {
        const error = { pointer: '', code: 'not-object', message: formatMessage('not-object', {}, locale) };
        return { valid: false, data: {}, errors: [error] };
      }
      const deep = tooDeep(input, MAX_DEPTH);
      if (deep !== null) {
        const error = { pointer: deep, code: 'too-deep', message: formatMessage('too-deep', {}, locale) };
        return { valid: false, data: { ...input }, errors: [error] };
      }

      const outcome =
        rules.length > 0
          ? evaluateRules(rules, input, { today: opts.today, locale })
          : { data: { ...input }, hidden: [] as string[], uncomputed: [] as string[], errors: [] as FieldError[] };
      // Hidden fields are not asked for; uncomputable calculated fields are explained by their inputs.
      const notRequired = [...outcome.hidden, ...outcome.uncomputed];
      // Numbers outside what can be stored (sent, or calculated by a rule) are refused here, with
      // the field's pointer, rather than failing when the case is written.
      const errors: FieldError[] = [...outcome.errors, ...numberRangeErrors(outcome.data, locale, form.schema)];
      let schemaValid: boolean;
      try {
        schemaValid = validateSchema(outcome.data) as boolean;
      } catch (error) {
        // Only a schema that recurses without end throws here (compileSchema refuses the ones it
        // can see): the data cannot be judged, which is the submitter's answer, never a crash.
        if (!(error instanceof RangeError)) throw error;
        errors.push({ pointer: '', code: 'schema-recursion', message: formatMessage('schema-recursion', {}, locale) });
        return { valid: false, data: outcome.data, errors: sortAndDedupe(errors) };
      }
      if (!schemaValid) {
        for (const ajvError of validateSchema.errors as ErrorObject[]) {
          const error = mapAjvError(ajvError, locale, form.schema);
          if (error === null) continue;
          if (error.code === 'required' && notRequired.some((h) => isAtOrUnder(error.pointer, h))) continue;
          errors.push(error);
        }
      }
      const sorted = sortAndDedupe(errors);
      return { valid: sorted.length === 0, data: outcome.data, errors: sorted };
    },
  };
}
