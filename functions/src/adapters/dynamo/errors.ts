/** Errors of the DynamoDB adapters (beyond the domain's own, which they also throw). */
import { BanshiError } from '../../domain/errors.js';

/**
 * The idempotency key was already used by this principal within its lifetime: the submission it
 * belongs to produced `caseId`. Callers answer with that case instead of creating another.
 */
export class IdempotencyReplayError extends BanshiError {
  constructor(readonly caseId: string) {
    super('idempotency-replay', `the idempotency key was already used for case ${caseId}`);
  }
}
