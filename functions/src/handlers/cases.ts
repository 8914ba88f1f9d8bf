/** Cases: submit, read, list mine, history, and every action the flow allows. */
import type { Case } from '@banshi/schemas';
import { hasRole } from '@banshi/schemas/core';
import { caseResource, readCase, type ActOnCaseInput, type CaseView } from '../domain/cases/act-on-case.js';
import { withDeadline as withCaseDeadline } from '../domain/cases/case-deadline.js';
import { historyFor } from '../domain/cases/history-view.js';
import { requestFingerprint } from '../domain/cases/idempotency.js';
import { actOnApplication, submitApplication } from '../domain/cases/submit-application.js';
import type { SubmitCaseInput } from '../domain/cases/submit-case.js';
import { NotFoundError } from '../domain/errors.js';
import { authorize, can } from '../domain/permissions/policy.js';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import type { AppServices } from './app-services.js';
import { routeHandler, type PageQuery } from './route-handler.js';

function withDeadline(services: AppServices, c: Case) {
  return withCaseDeadline(services.calendar, services.clock.today(), c);
}

function view(services: AppServices, v: CaseView) {
  return { case: withDeadline(services, v.case), openTasks: v.openTasks };
}

/**
 * POST /api/cases — submits an application; `Idempotency-Key` makes retries safe (201 new, 200
 * replay of the same body, 422 when the key was used for a different body).
 */
export const submit = routeHandler<SubmitCaseInput>(async ({ services, principal, body, locale, headers, log }) => {
  const idempotencyKey = idempotencyKeyOf(headers, { required: true });
  await services.loadCalendar();
  const fingerprint = requestFingerprint(body);
  const result = await submitApplication(services, principal, body, { idempotencyKey, fingerprint, locale, log });
  return {
    status: result.replayed ? 200 : 201,
    headers: { location: `/api/cases/${result.case.id}`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
    body: { case: withDeadline(services, result.case) },
  };
});

/** GET /api/cases/{caseId} — the case and its open tasks (404 for anyone who may not see it). */
export const getCase = routeHandler(async ({ services, principal, params }) => {
  await services.loadCalendar();
  return { body: view(services, await readCase(services, principal, params.caseId)) };
});

/**
 * GET /api/cases/by-receipt/{receiptNo} — the case and its open tasks. A number that does not
 * exist and a case the caller may not see take the same reads (the lookup and one case head) and
 * get the same 404, so neither the answer nor its time tells which it was.
 */
export const getCaseByReceipt = routeHandler(async ({ services, principal, params }) => {
  await services.loadCalendar();
  const { cases } = services;
  const found = await cases.getCaseByReceiptNo(params.receiptNo);
  if (!found || !can(principal, 'case:read', caseResource(found))) throw new NotFoundError('case');
  return { body: view(services, { case: found, openTasks: await cases.getOpenTasks(found.id) }) };
});

/** GET /api/my/cases — my applications (or, for an agent, those I filed), newest first. */
export const myCases = routeHandler<undefined, PageQuery>(async ({ services, principal, query }) => {
  await services.loadCalendar();
  const { cases } = services;
  const options = { limit: query.limit, cursor: query.cursor };
  const page = hasRole(principal.roles, 'agent') && !hasRole(principal.roles, 'applicant')
    ? await cases.listCasesByAgent(principal.userId, options)
    : await cases.listCasesByApplicant(principal.userId, options);
  return { body: { items: page.items.map((c) => withDeadline(services, c)), ...(page.cursor ? { cursor: page.cursor } : {}) } };
});

/**
 * GET /api/cases/{caseId}/history — the append-only audit events, oldest first; applicants and
 * agents see the acting department, not the staff member (historyFor).
 */
export const history = routeHandler(async ({ services, principal, params }) => {
  const { cases } = services;
  const found = await cases.getCase(params.caseId);
  if (!found) throw new NotFoundError('case');
  authorize(principal, 'case:read', caseResource(found));
  return { body: { items: historyFor(principal, await cases.getHistory(params.caseId)) } };
});

/** POST /api/cases/{caseId}/actions — one action with the expected version (409 when stale). */
export const act = routeHandler<ActOnCaseInput>(async ({ services, principal, params, body: input, locale, log }) => {
  await services.loadCalendar();
  return { body: view(services, await actOnApplication(services, principal, params.caseId, input, { locale, log })) };
});
