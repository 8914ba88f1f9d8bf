import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import auditEventSchema from './meta/audit-event.schema.json' with { type: 'json' };
import caseSchema from './meta/case.schema.json' with { type: 'json' };
import claimSchema from './meta/claim.schema.json' with { type: 'json' };
import commonSchema from './meta/common.schema.json' with { type: 'json' };
import departmentSchema from './meta/department.schema.json' with { type: 'json' };
import flowSchema from './meta/flow.schema.json' with { type: 'json' };
import formDefinitionSchema from './meta/form-definition.schema.json' with { type: 'json' };
import itemVersionSchema from './meta/item-version.schema.json' with { type: 'json' };
import serviceItemSchema from './meta/service-item.schema.json' with { type: 'json' };
import taskSchema from './meta/task.schema.json' with { type: 'json' };
import userSchema from './meta/user.schema.json' with { type: 'json' };
import type { FieldError, Locale } from './core/field-error.js';
import { escapeSegment } from './core/json-pointer.js';

/** The kinds of definition (and stored record) that have a meta-schema. */
export type DefinitionKind =
  | 'item'
  | 'claim'
  | 'form'
  | 'flow'
  | 'itemVersion'
  | 'department'
  | 'user'
  | 'case'
  | 'task'
  | 'auditEvent';

const base = 'https://schemas.banshi.local/';

const schemaIdOf: Record<DefinitionKind, string> = {
  item: `${base}service-item.schema.json`,
  claim: `${base}claim.schema.json`,
  form: `${base}form-definition.schema.json`,
  flow: `${base}flow.schema.json`,
  itemVersion: `${base}item-version.schema.json`,
  department: `${base}department.schema.json`,
  user: `${base}user.schema.json`,
  case: `${base}case.schema.json`,
  task: `${base}task.schema.json`,
  auditEvent: `${base}audit-event.schema.json`,
};

// One ajv instance per process, made on first use: adding the meta-schemas validates each against
// JSON Schema 2020-12, whose own compilation costs ~60 ms — a Lambda that never checks a definition
// (most routes) should not pay it at start-up. Each kind is compiled on first use, then reused.
let instance: Ajv2020 | undefined;

function definitionsAjv(): Ajv2020 {
  if (instance) return instance;
  instance = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    discriminator: true,
    schemas: [
      commonSchema,
      flowSchema,
      serviceItemSchema,
      claimSchema,
      formDefinitionSchema,
      departmentSchema,
      userSchema,
      itemVersionSchema,
      caseSchema,
      taskSchema,
      auditEventSchema,
    ],
  });
  addFormats(instance);
  return instance;
}

const compiled = new Map<DefinitionKind, ValidateFunction>();

function validatorOf(kind: DefinitionKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    const id = schemaIdOf[kind];
    if (!id) throw new TypeError(`unknown definition kind: ${String(kind)}`);
    validate = definitionsAjv().getSchema(id);
    if (!validate) throw new TypeError(`meta-schema not loaded: ${id}`);
    compiled.set(kind, validate);
  }
  return validate;
}

/** Points at the offending property itself for `required` and `additionalProperties` errors. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return `${error.instancePath}/${escapeSegment(params.missingProperty)}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${error.instancePath}/${escapeSegment(params.additionalProperty)}`;
  }
  return error.instancePath;
}

function messageOf(error: ErrorObject, locale: Locale): string {
  const params = error.params as Record<string, unknown>;
  const message = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    const allowed = params.allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return locale === 'en' ? `${message}: ${allowed}` : `${message}：${allowed}`;
  }
  return message;
}

/**
 * Validates a definition (service item, claim, form, flow, published item version, department,
 * user) or a stored record (case, task, audit event) against its meta-schema.
 *
 * Forms are validated as data: their `schema` must be an object schema, their rules well-formed;
 * whether `schema` compiles is checked by forms/.
 *
 * @returns one {@link FieldError} per problem with a JSON pointer into `value` (for a missing or
 *   unknown property, the pointer names that property) and a message in `locale`; `[]` when valid.
 * @example
 * validateDefinition('flow', { start: 'a', steps: [] })
 * // → [{ pointer: '/steps', code: 'minItems', message: '不应少于 1 个项' }]
 */
export function validateDefinition(
  kind: DefinitionKind,
  value: unknown,
  locale: Locale = 'zh-CN',
): FieldError[] {
  const validate = validatorOf(kind);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  if (locale === 'zh-CN') localizeZh(errors);
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    const fieldError = { pointer: pointerOf(error), code: error.keyword, message: messageOf(error, locale) };
    const key = `${fieldError.pointer}\u0000${fieldError.code}\u0000${fieldError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fieldError);
  }
  return out;
}
