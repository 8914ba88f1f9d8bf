/**
 * Errors that only the HTTP edge raises (body too large, wrong content type, wrong method …).
 * They extend the domain's BanshiError so that `toProblem` maps them like any other code.
 */
import { BadRequestError, BanshiError } from '../domain/errors.js';

/** Text for people in both languages; `toProblem` uses it as the problem's `detail`. */
export interface LocalizedDetail {
  'zh-CN': string;
  en: string;
}

/** The request body is larger than the edge accepts. */
export class PayloadTooLargeError extends BanshiError {
  constructor(readonly limitBytes: number) {
    super('payload-too-large', `the request body exceeds ${limitBytes} bytes`);
  }
}

/** The request body's content type is not the one the route reads. */
export class UnsupportedMediaTypeError extends BanshiError {
  constructor(readonly accepted: string) {
    super('unsupported-media-type', `the request body must be ${accepted}`);
  }
}

/** The path exists, but not for this method; `allow` lists the methods it has. */
export class MethodNotAllowedError extends BanshiError {
  constructor(readonly allow: string[]) {
    super('method-not-allowed', `allowed methods: ${allow.join(', ')}`);
  }
}

/** The Idempotency-Key header is missing where required, or malformed. */
export class IdempotencyKeyInvalidError extends BanshiError {
  constructor(message = 'the Idempotency-Key header must be 8–128 characters of [A-Za-z0-9_-]') {
    super('idempotency-key-invalid', message);
  }
}

/**
 * The body is not acceptable JSON: malformed, too deeply nested, a forbidden key. Carries a
 * localized detail; never echoes the body (it may hold personal data).
 */
export class RequestBodyError extends BadRequestError {
  constructor(
    readonly reason: 'malformed-json' | 'invalid-utf8' | 'too-deep' | 'forbidden-key' | 'empty-body',
    readonly localizedDetail: LocalizedDetail,
    pointer = '',
  ) {
    super(localizedDetail.en, [{ pointer, code: reason, message: localizedDetail.en }]);
  }
}
