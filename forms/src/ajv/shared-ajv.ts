import Ajv2020, { _, str, type CodeKeywordDefinition, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isValidCreditCode } from '../formats/credit-code.js';
import { isValidMobile } from '../formats/mobile.js';
import { isValidRegionCode } from '../formats/region-code.js';
import { isValidResidentId } from '../formats/resident-id.js';
import { attachmentKeyword } from './attachment-keyword.js';

/** Government formats Banshi adds to the standard ones (date, date-time, email, uri…). */
export const GOVERNMENT_FORMATS = {
  'resident-id': (v: string) => isValidResidentId(v),
  'credit-code': isValidCreditCode,
  mobile: isValidMobile,
  'region-code': isValidRegionCode,
} as const;

/**
 * `multipleOf` as ajv defines it, except that a quotient that is not finite fails: with a
 * precision tolerance, ajv's own check accepts `1e308` for `multipleOf: 0.01`, since
 * `Infinity - Math.round(Infinity)` is NaN and NaN is never greater than the tolerance. (Values
 * beyond 2^53 − 1 are refused by the form runtime's range check, forms/src/formats/storable-number.ts.)
 */
const finiteMultipleOf: CodeKeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  $data: true,
  error: {
    message: ({ schemaCode }) => str`must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => _`{multipleOf: ${schemaCode}}`,
  },
  code(cxt) {
    const { gen, data, schemaCode, it } = cxt;
    const precision = it.opts.multipleOfPrecision;
    const quotient = gen.let('res');
    const fraction = precision
      ? _`Math.abs(Math.round(${quotient}) - ${quotient}) > 1e-${precision}`
      : _`${quotient} !== parseInt(${quotient})`;
    cxt.fail$data(
      _`(${schemaCode} === 0 || (${quotient} = ${data}/${schemaCode}, !isFinite(${quotient}) || ${fraction}))`,
    );
  },
};

/**
 * Builds an ajv (JSON Schema 2020-12) configured for Banshi forms: all errors, verbose (errors
 * carry their schema, for field titles), no coercion, defaults or removal of extra data;
 * strict about unknown keywords and formats so a typo in a form fails at compile time.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    messages: false,
    useDefaults: false,
    removeAdditional: false,
    coerceTypes: false,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // 1234.56 / 0.01 is not an integer in binary floating point; money fields need a tolerance.
    multipleOfPrecision: 9,
  });
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(finiteMultipleOf);
  addFormats(ajv);
  for (const [name, validate] of Object.entries(GOVERNMENT_FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  ajv.addKeyword(attachmentKeyword);
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The process-wide ajv instance, created on first use. */
export function sharedAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

/**
 * Compiles `schema` on the shared ajv and takes out again every id the compilation registered —
 * the root `$id` and any nested `$id` — whether it compiled or not. The validate function is
 * self-contained; without this, ajv keeps nested ids for the life of the process, and the next
 * schema that uses one as its `$id` fails with "already exists" (once: the failure removes it).
 *
 * @throws whatever ajv throws for a schema that does not compile
 */
export function compileIsolated(schema: object): ValidateFunction {
  const ajv = sharedAjv();
  const refs = new Set(Object.keys(ajv.refs));
  const schemas = new Set(Object.keys(ajv.schemas));
  try {
    return ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
    for (const id of Object.keys(ajv.refs)) if (!refs.has(id)) delete ajv.refs[id];
    for (const id of Object.keys(ajv.schemas)) if (!schemas.has(id)) delete ajv.schemas[id];
  }
}

/** The keywords under which a schema keeps its definitions: 2020-12's and draft-07's. */
const DEFINITION_KEYWORDS = ['$defs', 'definitions'] as const;

/**
 * Compiles a sub-schema of a form (a `oneOf` branch, an `if`) so that its local references resolve
 * as they would in the whole form: the root's `$defs` and `definitions` come with it (its own win
 * on a name clash), and its `$id`, if any, is dropped so it resolves against the same document.
 *
 * @throws whatever ajv throws for a schema that does not compile
 * @example compileSubSchema({ $ref: '#/definitions/adult' }, form.schema)({ age: 30 })
 */
export function compileSubSchema(subSchema: object, rootSchema: object): ValidateFunction {
  const { $id: _ownId, ...rest } = subSchema as Record<string, unknown>;
  const root = rootSchema as Record<string, unknown>;
  const wrapped: Record<string, unknown> = { ...rest };
  for (const keyword of DEFINITION_KEYWORDS) {
    const merged = { ...(root[keyword] as object | undefined), ...(rest[keyword] as object | undefined) };
    if (Object.keys(merged).length > 0) wrapped[keyword] = merged;
  }
  return compileIsolated(wrapped);
}

