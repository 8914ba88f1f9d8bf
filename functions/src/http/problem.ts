/**
 * The ONE place where errors become HTTP: RFC 9457 problem+json with a stable `type`, a title in
 * the caller's language and, for validation, one entry per field.
 *
 * Choices:
 * - validation-failed → 422: the body is well-formed JSON but its data breaks the form's schema
 *   or rules (400 is kept for bodies that cannot be read at all).
 * - invalid-definition → 422 for the same reason (a designer's item/form/flow fails its checks).
 * - action-not-allowed → 409: the request is valid but conflicts with the case's current state
 *   (RFC 9110 §15.5.10); `conflict` (stale version, lost race) is 409 too, the `type` tells them apart.
 * - A form that does not compile (FormDefinitionError from forms/, e.g. a published version saved
 *   before a check existed) → invalid-definition 422, never a 500.
 * - Any other error, and a BanshiError with an unmapped code, → 500 with a generic title; the
 *   error is logged (masked), nothing of it reaches the response.
 */
import { FormDefinitionError } from '@banshi/forms';
import { BanshiError, DefinitionError, type FieldError } from '../domain/errors.js';
import { wordings } from '../domain/messages.js';
import { MethodNotAllowedError, type LocalizedDetail } from './errors.js';
import { logger as defaultLogger, type Logger } from './logger.js';
import type { Locale } from './negotiate-locale.js';

export const PROBLEM_TYPE_BASE = 'https://banshi.local/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export interface ProblemResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

interface ProblemKind {
  status: number;
  title: Record<Locale, string>;
}

/** Every code the edge knows: its status and title (domain/messages.ts). Exported for the OpenAPI document and tests. */
export const PROBLEMS = {
  'bad-request': { status: 400, title: wordings('problem.bad-request') },
  'validation-failed': { status: 422, title: wordings('problem.validation-failed') },
  unauthenticated: { status: 401, title: wordings('problem.unauthenticated') },
  forbidden: { status: 403, title: wordings('problem.forbidden') },
  'not-found': { status: 404, title: wordings('problem.not-found') },
  conflict: { status: 409, title: wordings('problem.conflict') },
  'action-not-allowed': { status: 409, title: wordings('problem.action-not-allowed') },
  'payload-too-large': { status: 413, title: wordings('problem.payload-too-large') },
  'unsupported-media-type': { status: 415, title: wordings('problem.unsupported-media-type') },
  'method-not-allowed': { status: 405, title: wordings('problem.method-not-allowed') },
  'idempotency-key-invalid': { status: 400, title: wordings('problem.idempotency-key-invalid') },
  'invalid-definition': { status: 422, title: wordings('problem.invalid-definition') },
  'idempotency-key-reused': { status: 422, title: wordings('problem.idempotency-key-reused') },
  'service-unavailable': { status: 503, title: wordings('problem.service-unavailable') },
  internal: { status: 500, title: wordings('problem.internal') },
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof PROBLEMS;

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEMS, code) && code !== 'internal';
}

function localizedDetailOf(error: BanshiError, locale: Locale): string | undefined {
  const localized = (error as { localizedDetail?: LocalizedDetail }).localizedDetail;
  return localized?.[locale];
}

function fieldErrorsOf(error: BanshiError): FieldError[] | undefined {
  const errors = (error as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  return errors.map((entry: FieldError) => ({
    pointer: String(entry.pointer),
    code: String(entry.code),
    message: String(entry.message),
  }));
}

export interface ToProblemOptions {
  /** Where unexpected errors are logged; default the process logger. */
  logger?: Logger;
}

/**
 * Maps any thrown value to a problem+json response in the caller's language.
 * Known BanshiError codes get their status and title, the error's detail (localized when the
 * error carries one) and its field errors; a 401 adds `WWW-Authenticate: Bearer`, a 405 `Allow`.
 * Anything else is logged (personal data masked) and answered with a bare 500.
 *
 * @example toProblem(new NotFoundError('case'), 'en').statusCode // 404
 */
export function toProblem(thrown: unknown, locale: Locale, options: ToProblemOptions = {}): ProblemResponse {
  const error = thrown instanceof FormDefinitionError
    ? new DefinitionError(thrown.problems.map((message) => ({ pointer: '', code: thrown.code, message })), thrown.message)
    : thrown;
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (!(error instanceof BanshiError) || !isProblemCode(error.code)) {
    (options.logger ?? defaultLogger).error('unhandled error', { error });
    const body: ProblemBody = { type: `${PROBLEM_TYPE_BASE}internal`, title: PROBLEMS.internal.title[locale], status: 500 };
    return { statusCode: 500, headers, body: JSON.stringify(body) };
  }
  const code = error.code;
  const kind = PROBLEMS[code];
  const body: ProblemBody = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: kind.title[locale],
    status: kind.status,
  };
  const detail = localizedDetailOf(error, locale) ?? error.detail ?? error.message;
  if (detail) body.detail = detail;
  const errors = fieldErrorsOf(error);
  if (errors !== undefined && (errors.length > 0 || code === 'validation-failed')) body.errors = errors;
  if (code === 'unauthenticated') headers['www-authenticate'] = 'Bearer realm="banshi"';
  if (code === 'service-unavailable') headers['retry-after'] = '5';
  if (error instanceof MethodNotAllowedError) headers.allow = error.allow.join(', ');
  return { statusCode: body.status, headers, body: JSON.stringify(body) };
}
