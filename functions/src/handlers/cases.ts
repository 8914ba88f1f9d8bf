/** Cases: submit, read, list mine, history, and every action the flow allows. */
import type { Case } from '@banshi/schemas';
import { actOnCase, caseResource, readCase, type ActOnCaseInput, type CaseView } from '../domain/cases/act-on-case.js';
import { historyFor } from '../domain/cases/history-view.js';
import { requestFingerprint } from '../domain/cases/idempotency.js';
import { submitCase, type SubmitCaseInput } from '../domain/cases/submit-case.js';
import { deadlineState, dueDates, isProvisional, remainingWorkingDays } from '../domain/deadlines/index.js';
import { NotFoundError } from '../domain/errors.js';
import { authorize, can } from '../domain/permissions/policy.js';
import { httpHandler } from '../http/handler-kit.js';
import { idempotencyKeyOf } from '../http/idempotency-key.js';
import { appServices, loadCalendar } from './app-services.js';
import { checkAttachments, linkAttachments } from './blobs.js';
import { checkBody } from './check-body.js';
import { discardSubmittedDraft } from './drafts.js';

/**
 * A case with what is derived at read time: its due dates counted from its clock with the current
 * calendar (so a calendar change shows at once, before the stored dates are rewritten), where its
 * deadline stands, and `provisional` when the due date reaches a year without holiday data.
 */
function withDeadline(c: Case) {
  const { calendar, clock } = appServices();
  const today = clock.today();
  const finished = ['completed', 'denied', 'notAccepted', 'withdrawn'].includes(c.status);
  if (finished) return { ...c, deadline: { state: 'finished' as const } };
  const due = dueDates(calendar, c.clock);
  const { dueDate: _d, statutoryDueDate: _s, ...rest } = c.clock;
  return {
    ...c,
    clock: { ...rest, ...due },
    deadline: {
      state: deadlineState(due.dueDate, today, calendar, c.clock.region),
      ...(due.dueDate
        ? {
            dueDate: due.dueDate,
            remainingWorkingDays: remainingWorkingDays(due.dueDate, today, calendar, c.clock.region),
            ...(isProvisional(calendar, c.clock.receivedOn, due.dueDate) ? { provisional: true } : {}),
          }
        : {}),
    },
  };
}

function view(v: CaseView) {
  return { case: withDeadline(v.case), openTasks: v.openTasks };
}

/**
 * POST /api/cases — submits an application; `Idempotency-Key` makes retries safe (201 new, 200
 * replay of the same body, 422 when the key was used for a different body).
 */
export const submit = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, body, locale, headers, log }) => {
  const idempotencyKey = idempotencyKeyOf(headers, { required: true });
  const input = checkBody<SubmitCaseInput>('SubmitCase', body, locale);
  await loadCalendar();
  const services = appServices();
  let represented: Pick<SubmitCaseInput, 'onBehalfOfIdentity'> = {};
  if (input.onBehalfOf) {
    authorize(principal, 'case:submit', { kind: 'submission', applicantId: input.onBehalfOf });
    // The case is about the represented applicant's verified identity, as the user directory has it.
    const user = await services.catalogStore.getUser(input.onBehalfOf);
    if (user) {
      represented = {
        onBehalfOfIdentity: {
          name: user.name,
          kind: user.kind ?? 'person',
          ...(user.idNumber ? { idNumber: user.idNumber } : {}),
          ...(user.creditCode ? { creditCode: user.creditCode } : {}),
        },
      };
    }
  }
  await checkAttachments(principal, input.data, '/data', locale);
  // The fingerprint is of the body as the client sent it (the server may add identity to the data).
  const fingerprint = requestFingerprint(body);
  const result = await submitCase(services, principal, { ...input, ...represented }, { idempotencyKey, fingerprint, locale });
  // After the commit, best effort: the case's staff may now read its attachments (repeated on a
  // replay, in case the first attempt stopped half-way; it is idempotent), and the draft is done.
  await linkAttachments(result.case.data, result.case.id, log);
  if (!result.replayed) {
    await discardSubmittedDraft({ userId: principal.userId, itemId: input.itemId, ...(input.onBehalfOf ? { forApplicantId: input.onBehalfOf } : {}) }, log);
  }
  return {
    status: result.replayed ? 200 : 201,
    headers: { location: `/api/cases/${result.case.id}`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
    body: { case: withDeadline(result.case) },
  };
});

/** GET /api/cases/{caseId} — the case and its open tasks (404 for anyone who may not see it). */
export const getCase = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  await loadCalendar();
  return { body: view(await readCase(appServices(), principal, params.caseId)) };
});

/**
 * GET /api/cases/by-receipt/{receiptNo} — the case and its open tasks. A number that does not
 * exist and a case the caller may not see take the same reads (the lookup and one case head) and
 * get the same 404, so neither the answer nor its time tells which it was.
 */
export const getCaseByReceipt = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  await loadCalendar();
  const { cases } = appServices();
  const found = await cases.getCaseByReceiptNo(params.receiptNo);
  if (!found || !can(principal, 'case:read', caseResource(found))) throw new NotFoundError('case');
  return { body: view({ case: found, openTasks: await cases.getOpenTasks(found.id) }) };
});

/** GET /api/my/cases — my applications (or, for an agent, those I filed), newest first. */
export const myCases = httpHandler({ auth: 'required' }, async ({ principal, query }) => {
  await loadCalendar();
  const { cases } = appServices();
  const options = { limit: query.limit && /^\d{1,3}$/.test(query.limit) ? Number(query.limit) : undefined, cursor: query.cursor || undefined };
  const page = principal.roles.includes('agent') && !principal.roles.includes('applicant')
    ? await cases.listCasesByAgent(principal.userId, options)
    : await cases.listCasesByApplicant(principal.userId, options);
  return { body: { items: page.items.map(withDeadline), ...(page.cursor ? { cursor: page.cursor } : {}) } };
});

/**
 * GET /api/cases/{caseId}/history — the append-only audit events, oldest first; applicants and
 * agents see the acting department, not the staff member (historyFor).
 */
export const history = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  const { cases } = appServices();
  const found = await cases.getCase(params.caseId);
  if (!found) throw new NotFoundError('case');
  authorize(principal, 'case:read', caseResource(found));
  return { body: { items: historyFor(principal, await cases.getHistory(params.caseId)) } };
});

/** POST /api/cases/{caseId}/actions — one action with the expected version (409 when stale). */
export const act = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale, log }) => {
  const input = checkBody<ActOnCaseInput>('CaseAction', body, locale);
  await loadCalendar();
  const resubmitted = input.action === 'resubmit' && input.data !== undefined;
  if (resubmitted) await checkAttachments(principal, input.data, '/data', locale, params.caseId);
  const result = await actOnCase(appServices(), principal, params.caseId, input, locale);
  if (resubmitted) await linkAttachments(result.case.data, result.case.id, log);
  return { body: view(result) };
});
