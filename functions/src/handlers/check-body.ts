import { getValidator } from '@banshi/forms';
import { requestSchemas, type RequestSchemaName } from '../api/request-schemas.js';
import { BadRequestError } from '../domain/errors.js';

/**
 * Checks a request body against its schema in api/request-schemas.ts (compiled once per process):
 * wrong types, missing or unknown fields are a 400 with one entry per field.
 *
 * @throws BadRequestError listing every problem, with JSON pointers into the body
 */
export function checkBody<T>(name: RequestSchemaName, body: unknown, locale: 'zh-CN' | 'en'): T {
  const result = getValidator(`api:${name}`, { schema: requestSchemas[name] as object }).validate(body, { locale, today: '1970-01-01' });
  if (!result.valid) {
    throw new BadRequestError(locale === 'zh-CN' ? '请求内容不符合要求' : 'the request body is not valid', result.errors);
  }
  return body as T;
}
