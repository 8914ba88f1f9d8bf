/**
 * An application as the applicant (or their agent) sends it: the agent must be authorised for the
 * applicant, whose verified identity comes from the user directory; every attachment must be one
 * the submitter uploaded; then the case is submitted (submitCase). After the commit, best effort:
 * the case's staff may now read its attachments, and the submitter's draft of it is done. A
 * corrected application resubmitted with new data passes the same attachment check and link.
 */
import type { User } from '@banshi/schemas';
import type { Locale } from '@banshi/schemas/core';
import { checkAttachments, linkAttachments } from '../blobs/attachments.js';
import type { BlobServices, Warnings } from '../blobs/ports.js';
import { authorize } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';
import { discardSubmittedDraft, type DraftServices } from './application-drafts.js';
import type { CaseServices } from './ports.js';
import { actOnCase, type ActOnCaseInput, type CaseView } from './act-on-case.js';
import { submitCase, type SubmitCaseInput, type SubmitCaseResult } from './submit-case.js';

export interface SubmitApplicationServices extends CaseServices, Omit<DraftServices, 'clock' | 'catalog'>, Omit<BlobServices, 'clock' | 'cases'> {
  catalog: CaseServices['catalog'] & DraftServices['catalog'];
  /** The user directory: who an agent's applicant is. */
  catalogStore: { getUser(userId: string): Promise<User | undefined> };
}

/** The verified identity of the applicant an agent files for, as the user directory has it. */
async function representedIdentity(services: SubmitApplicationServices, principal: Principal, applicantId: string): Promise<Pick<SubmitCaseInput, 'onBehalfOfIdentity'>> {
  authorize(principal, 'case:submit', { kind: 'submission', applicantId });
  const user = await services.catalogStore.getUser(applicantId);
  if (!user) return {};
  return {
    onBehalfOfIdentity: {
      name: user.name,
      kind: user.kind ?? 'person',
      ...(user.idNumber ? { idNumber: user.idNumber } : {}),
      ...(user.creditCode ? { creditCode: user.creditCode } : {}),
    },
  };
}

/**
 * Submits an application.
 *
 * @param opts `fingerprint`: of the body as the client sent it (the server may add identity to the data)
 */
export async function submitApplication(
  services: SubmitApplicationServices,
  principal: Principal,
  input: SubmitCaseInput,
  opts: { idempotencyKey?: string; fingerprint: string; locale: Locale; log: Warnings },
): Promise<SubmitCaseResult> {
  const represented = input.onBehalfOf ? await representedIdentity(services, principal, input.onBehalfOf) : {};
  await checkAttachments(services, principal, input.data, '/data', opts.locale);
  const result = await submitCase(services, principal, { ...input, ...represented }, opts);
  // Repeated on a replay, in case the first attempt stopped half-way; linking is idempotent.
  await linkAttachments(services, result.case.data, result.case.id, opts.log);
  if (!result.replayed) {
    await discardSubmittedDraft(services, { userId: principal.userId, itemId: input.itemId, ...(input.onBehalfOf ? { forApplicantId: input.onBehalfOf } : {}) }, opts.log);
  }
  return result;
}

/**
 * Applies one action to a case (actOnCase); a resubmission that brings new data may refer only to
 * attachments its submitter uploaded (or the case already holds), which the case's staff may then read.
 */
export async function actOnApplication(
  services: SubmitApplicationServices,
  principal: Principal,
  caseId: string,
  input: ActOnCaseInput,
  opts: { locale: Locale; log: Warnings },
): Promise<CaseView> {
  const resubmitted = input.action === 'resubmit' && input.data !== undefined;
  if (resubmitted) await checkAttachments(services, principal, input.data, '/data', opts.locale, caseId);
  const result = await actOnCase(services, principal, caseId, input, opts.locale);
  if (resubmitted) await linkAttachments(services, result.case.data, result.case.id, opts.log);
  return result;
}
