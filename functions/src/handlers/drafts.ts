/**
 * Application drafts (申请草稿): `GET/PUT/DELETE /api/drafts/{itemId}`, and `?for=<applicantId>`
 * for an agent's draft for an applicant they are authorised for. The rules are the domain's
 * (domain/cases/application-drafts.ts).
 */
import { draftKey, readDraft, saveDraft, type DraftInput } from '../domain/cases/application-drafts.js';
import { routeHandler } from './route-handler.js';

/** The query of the draft routes (query schema `DraftQuery`). */
interface DraftQuery {
  for?: string;
}

/** GET /api/drafts/{itemId}[?for=applicantId] — the saved draft (404 when there is none). */
export const getDraft = routeHandler<undefined, DraftQuery>(async ({ services, principal, params, query, locale }) => {
  return { body: await readDraft(services, draftKey(principal, params.itemId, locale, query.for)) };
});

/** PUT /api/drafts/{itemId}[?for=applicantId] — saves (replaces) the draft; the data may be incomplete. */
export const putDraft = routeHandler<DraftInput, DraftQuery>(async ({ services, principal, params, query, body, locale }) => {
  const key = draftKey(principal, params.itemId, locale, query.for, body.onBehalfOf);
  return { body: await saveDraft(services, key, body) };
});

/** DELETE /api/drafts/{itemId}[?for=applicantId] — discards the draft (204, also when there was none). */
export const deleteDraft = routeHandler<undefined, DraftQuery>(async ({ services, principal, params, query, locale }) => {
  await services.drafts.delete(draftKey(principal, params.itemId, locale, query.for));
  return { status: 204 };
});
