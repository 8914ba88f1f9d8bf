/**
 * Request bodies and query strings checked against their schemas in api/request-schemas.ts
 * (compiled once per process): wrong types, missing or unknown fields are a 400 with one entry per
 * field, with JSON pointers into the body (or `/name` for a query parameter).
 */
import { getValidator } from '@banshi/forms';
import { querySchemas, requestSchemas, type QuerySchemaName, type RequestSchemaName } from '../api/request-schemas.js';
import { BadRequestError } from '../domain/errors.js';
import { message } from '../domain/messages.js';
import type { Locale } from './negotiate-locale.js';

function validate(key: string, schema: object, value: unknown, locale: Locale) {
  return getValidator(`api:${key}`, { schema }).validate(value, { locale, today: '1970-01-01' });
}

/**
 * Checks a request body against its schema.
 *
 * @throws BadRequestError listing every problem
 */
export function checkBody<T>(name: RequestSchemaName, body: unknown, locale: Locale): T {
  const result = validate(name, requestSchemas[name], body, locale);
  if (!result.valid) throw new BadRequestError(message('request.bodyInvalid', locale), result.errors);
  return body as T;
}

/** The schema's declared type of each query parameter, for coercing the strings of a query. */
function parameterTypes(name: QuerySchemaName): Record<string, { type?: unknown }> {
  return (querySchemas[name] as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
}

/**
 * Checks a query string against its schema: parameters the schema declares as integers are read as
 * numbers first (a value that is not one is left as it is, and refused by the schema); empty
 * parameters count as absent.
 *
 * @throws BadRequestError listing every problem
 */
export function checkQuery<T>(name: QuerySchemaName, query: Record<string, string>, locale: Locale): T {
  const types = parameterTypes(name);
  const coerced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === '') continue;
    const type = Object.hasOwn(types, key) ? types[key].type : undefined;
    coerced[key] = type === 'integer' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  const result = validate(`query:${name}`, querySchemas[name], coerced, locale);
  if (!result.valid) throw new BadRequestError(message('request.queryInvalid', locale), result.errors);
  return coerced as T;
}
