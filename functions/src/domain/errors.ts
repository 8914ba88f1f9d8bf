/**
 * The domain's errors. Each has a stable `code`; the HTTP edge (functions/src/http/problem.ts)
 * is the one place that maps a code to a status and a localized title.
 */
import type { FieldError } from '@banshi/schemas/core';

export type { FieldError };

export class BanshiError extends Error {
  readonly code: string;
  readonly detail?: string;
  constructor(code: string, message: string, options?: { cause?: unknown; detail?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.detail = options?.detail;
  }
}

/** The request body or parameters are malformed (bad JSON, unknown fields, too large, too deep). */
export class BadRequestError extends BanshiError {
  constructor(message: string, readonly errors: FieldError[] = [], options?: { cause?: unknown }) {
    super('bad-request', message, options);
  }
}

/** The submitted data breaks the form's schema or rules; `errors` has one entry per field. */
export class ValidationError extends BanshiError {
  constructor(readonly errors: FieldError[], message = 'validation failed') {
    super('validation-failed', message);
  }
}

/** No credentials, or credentials that do not verify. */
export class UnauthenticatedError extends BanshiError {
  constructor(message = 'not signed in') {
    super('unauthenticated', message);
  }
}

/** Signed in, but the policy denies the action on a resource the principal may know exists. */
export class ForbiddenError extends BanshiError {
  constructor(message = 'forbidden') {
    super('forbidden', message);
  }
}

/** The resource does not exist, or the principal may not know that it does. */
export class NotFoundError extends BanshiError {
  constructor(readonly resource: string, message = `${resource} not found`) {
    super('not-found', message);
  }
}

/** The expected version is stale, or another writer won the race. */
export class ConflictError extends BanshiError {
  constructor(message = 'the resource was changed by someone else', options?: { cause?: unknown }) {
    super('conflict', message, options);
  }
}

/** The flow does not allow this action at the case's current step or state. */
export class ActionNotAllowedError extends BanshiError {
  constructor(readonly action: string, message: string) {
    super('action-not-allowed', message);
  }
}

/** A definition (item, form, flow) fails its meta-schema or semantic checks. */
export class DefinitionError extends BanshiError {
  constructor(readonly errors: FieldError[], message = 'the definition has problems') {
    super('invalid-definition', message);
  }
}

/**
 * A service the request needs (the database) does not answer for now; trying again later may work.
 * `service` is for logs; the message (the problem's detail) names nothing internal.
 */
export class ServiceUnavailableError extends BanshiError {
  constructor(readonly service: string, options?: { cause?: unknown }) {
    super('service-unavailable', 'the service is not available at the moment; try again later', options);
  }
}

/**
 * An Idempotency-Key used again with a different request body (another item, other data): a
 * conflict to report, not a replay to answer with the earlier case (422, as the IETF
 * Idempotency-Key draft recommends).
 */
export class IdempotencyKeyReusedError extends BanshiError {
  constructor(message = 'the Idempotency-Key was already used for a different request') {
    super('idempotency-key-reused', message);
  }
}
