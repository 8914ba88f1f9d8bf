/**
 * Application drafts (申请草稿) kept on the server, so that an application can be resumed from
 * another browser. An applicant keeps one per item; an agent one per item and applicant they are
 * authorised for. The data is not checked against the form (a draft may be incomplete); a
 * successful submission discards the matching draft.
 */
import { hasAnyRole, type Locale } from '@banshi/schemas/core';
import { BadRequestError, ForbiddenError, NotFoundError } from '../errors.js';
import { message } from '../messages.js';
import { authorize } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';

/** Whose draft: the user who edits it, the service item, and the applicant an agent represents. */
export interface DraftKey {
  userId: string;
  itemId: string;
  /** The applicant an agent files for; absent for one's own application. */
  forApplicantId?: string;
}

export interface ApplicationDraft {
  itemId: string;
  data: Record<string, unknown>;
  /** The form step the user was on. */
  step?: number;
  /** The Idempotency-Key the client will submit with, so a retry after a crash is still safe. */
  idempotencyKey?: string;
  onBehalfOf?: string;
  updatedAt: string;
}

export interface DraftServices {
  drafts: {
    get(key: DraftKey): Promise<ApplicationDraft | undefined>;
    put(key: DraftKey, draft: ApplicationDraft): Promise<void>;
    /** Deleting a draft that does not exist is not an error. */
    delete(key: DraftKey): Promise<void>;
  };
  catalog: { getLatestPublished(itemId: string): Promise<unknown> };
  clock: { now(): Date };
}

export interface DraftInput {
  data: Record<string, unknown>;
  idempotencyKey?: string;
  onBehalfOf?: string;
  step?: number;
}

/**
 * Whose draft a request is about. `forApplicantId` (the query's `for`, or the body's `onBehalfOf`)
 * names the applicant an agent files for — the agent must be authorised for them; otherwise it is
 * the caller's own application, and only applicants and agents keep drafts.
 */
export function draftKey(principal: Principal, itemId: string, locale: Locale, queryFor?: string, bodyFor?: string): DraftKey {
  if (queryFor !== undefined && bodyFor !== undefined && bodyFor !== queryFor) {
    throw new BadRequestError(message('request.bodyInvalid', locale), [{ pointer: '/onBehalfOf', code: 'const', message: message('draft.onBehalfOfMustMatch', locale) }]);
  }
  const forApplicantId = queryFor ?? bodyFor;
  if (forApplicantId !== undefined && forApplicantId !== principal.userId) {
    authorize(principal, 'case:submit', { kind: 'submission', applicantId: forApplicantId });
    return { userId: principal.userId, itemId, forApplicantId };
  }
  if (!hasAnyRole(principal.roles, ['applicant', 'agent'])) throw new ForbiddenError('only applicants and agents keep drafts');
  return { userId: principal.userId, itemId };
}

/** The saved draft (404 when there is none). */
export async function readDraft(services: DraftServices, key: DraftKey): Promise<ApplicationDraft> {
  const draft = await services.drafts.get(key);
  if (!draft) throw new NotFoundError('draft');
  return draft;
}

/** Saves (replaces) the draft of a published item; the data may be incomplete. */
export async function saveDraft(services: DraftServices, key: DraftKey, input: DraftInput): Promise<ApplicationDraft> {
  if (!(await services.catalog.getLatestPublished(key.itemId))) throw new NotFoundError('item');
  const draft: ApplicationDraft = {
    itemId: key.itemId,
    data: input.data,
    ...(input.step !== undefined ? { step: input.step } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(key.forApplicantId ? { onBehalfOf: key.forApplicantId } : {}),
    updatedAt: services.clock.now().toISOString(),
  };
  await services.drafts.put(key, draft);
  return draft;
}

/** After a submission: deletes the submitter's draft of it — best effort, a failure is only reported. */
export async function discardSubmittedDraft(services: DraftServices, key: DraftKey, log: { warn(message: string, fields?: Record<string, unknown>): void }): Promise<void> {
  try {
    await services.drafts.delete(key);
  } catch (error) {
    log.warn('could not delete the draft of a submitted application', { itemId: key.itemId, error });
  }
}
