/**
 * Application drafts (申请草稿) kept on the server, so that an application can be resumed from
 * another browser: `GET/PUT/DELETE /api/drafts/{itemId}`, and `?for=<applicantId>` for an agent's
 * draft for an applicant they are authorised for. The data is not checked against the form (a
 * draft may be incomplete); a successful submission deletes the matching draft.
 */
import { createDraftStore, type DraftKey, type DraftStore } from '../adapters/dynamo/draft-store.js';
import { documentClient, tableName } from '../adapters/dynamo/client.js';
import { BadRequestError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import type { Principal } from '../domain/permissions/principal.js';
import { httpHandler } from '../http/handler-kit.js';
import type { Logger } from '../http/logger.js';
import { say, type Locale } from '../http/negotiate-locale.js';
import { isValidPathParameter } from '../http/router.js';
import { appServices } from './app-services.js';
import { checkBody } from './check-body.js';

let store: DraftStore | undefined;

/** The process-wide draft store (on the table of `TABLE_NAME`). */
export function draftStore(): DraftStore {
  store ??= createDraftStore(documentClient(), tableName());
  return store;
}

interface DraftBody {
  data: Record<string, unknown>;
  idempotencyKey?: string;
  onBehalfOf?: string;
  step?: number;
}


/**
 * Whose draft the request is about. `?for=` (or the body's `onBehalfOf`) names the applicant an agent
 * files for — the agent must be authorised for them; otherwise it is the caller's own application.
 */
function draftKey(principal: Principal, itemId: string, query: Record<string, string>, locale: Locale, bodyFor?: string): DraftKey {
  const forApplicantId = query.for ?? bodyFor;
  if (query.for !== undefined && !isValidPathParameter(query.for)) {
    throw new BadRequestError(say(locale, '请求参数有误', 'the query is not valid'), [{ pointer: '', code: 'for', message: say(locale, '申请人编号格式有误', 'not an applicant id') }]);
  }
  if (query.for !== undefined && bodyFor !== undefined && bodyFor !== query.for) {
    throw new BadRequestError(say(locale, '请求内容不符合要求', 'the request body is not valid'), [
      { pointer: '/onBehalfOf', code: 'const', message: say(locale, '须与查询参数 for 一致', 'must equal the `for` query parameter') },
    ]);
  }
  if (forApplicantId !== undefined && forApplicantId !== principal.userId) {
    authorize(principal, 'case:submit', { kind: 'submission', applicantId: forApplicantId });
    return { userId: principal.userId, itemId, forApplicantId };
  }
  if (!principal.roles.includes('applicant') && !principal.roles.includes('agent')) throw new ForbiddenError('only applicants and agents keep drafts');
  return { userId: principal.userId, itemId };
}

/** GET /api/drafts/{itemId}[?for=applicantId] — the saved draft (404 when there is none). */
export const getDraft = httpHandler({ auth: 'required' }, async ({ principal, params, query, locale }) => {
  const draft = await draftStore().get(draftKey(principal, params.itemId, query, locale));
  if (!draft) throw new NotFoundError('draft');
  return { body: draft };
});

/** PUT /api/drafts/{itemId}[?for=applicantId] — saves (replaces) the draft; the data may be incomplete. */
export const putDraft = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, query, body, locale }) => {
  const input = checkBody<DraftBody>('Draft', body, locale);
  const key = draftKey(principal, params.itemId, query, locale, input.onBehalfOf);
  const services = appServices();
  if (!(await services.catalog.getLatestPublished(params.itemId))) throw new NotFoundError('item');
  const draft = {
    itemId: params.itemId,
    data: input.data,
    ...(input.step !== undefined ? { step: input.step } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    ...(key.forApplicantId ? { onBehalfOf: key.forApplicantId } : {}),
    updatedAt: services.clock.now().toISOString(),
  };
  await draftStore().put(key, draft);
  return { body: draft };
});

/** DELETE /api/drafts/{itemId}[?for=applicantId] — discards the draft (204, also when there was none). */
export const deleteDraft = httpHandler({ auth: 'required' }, async ({ principal, params, query, locale }) => {
  await draftStore().delete(draftKey(principal, params.itemId, query, locale));
  return { status: 204 };
});

/** After a submission: deletes the submitter's draft of it — best effort, a failure is only logged. */
export async function discardSubmittedDraft(key: DraftKey, log: Logger): Promise<void> {
  try {
    await draftStore().delete(key);
  } catch (error) {
    log.warn('could not delete the draft of a submitted application', { itemId: key.itemId, error });
  }
}
