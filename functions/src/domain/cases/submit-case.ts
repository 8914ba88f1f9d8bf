import type { Case, SubjectRelation, Locale } from '@banshi/schemas';
import { formatMessage, subjectIdentityOf, subjectRelations } from '@banshi/forms';
import { BadRequestError, NotFoundError, ValidationError } from '../errors.js';
import { startCase } from '../flows/transition.js';
import { authorize } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';
import { actorOf, flowContext } from './case-context.js';
import { checkApplication, identityOfPrincipal, type ApplicantIdentity } from './check-application.js';
import { isIdempotencyReplay } from './idempotency.js';
import type { CaseServices } from './ports.js';

export interface SubmitCaseInput {
  itemId: string;
  /** The claim (implementing department) applied to; the item's first claim when absent. */
  claimId?: string;
  data: Record<string, unknown>;
  /** Agents: the applicant the case is filed for. */
  onBehalfOf?: string;
  /**
   * When an agent files: the applicant's verified identity from the user directory (never from
   * the request). Absent when the directory does not know them: the case then carries no
   * identity, and a form asking for one is refused.
   */
  onBehalfOfIdentity?: ApplicantIdentity;
  /**
   * The submitter's relation to the subject when applying for someone else; only for forms that
   * declare `subject.mayDiffer` with this relation. Absent: the subject is the applicant.
   */
  subjectRelation?: SubjectRelation;
}

export interface SubmitCaseResult {
  case: Case;
  /** True when the Idempotency-Key was seen before and the original case is returned. */
  replayed: boolean;
}

/**
 * Submits an application: validates the data against the item's published form (compiled once per
 * process), places the case on the flow and commits case, first task(s), audit event and
 * idempotency record in one transaction. A replay with the same Idempotency-Key fails that
 * transaction's condition on the idempotency record, writes nothing and returns the original case
 * (no read before the write: the condition is the check, and it holds under races too).
 *
 * The case is about the applicant's verified identity (the principal's, or that of the applicant an
 * agent files for), written into the form's identity section before validation — see
 * {@link checkApplication} — unless the form lets the applicant apply for someone else and they
 * state their relation, which the case then records with the subject's identity as entered.
 *
 * @throws NotFoundError when the item has no published version or the claim is not the item's
 * @throws ValidationError with one entry per field when the data breaks the form, differs from the
 *   applicant's verified identity, or states a relation the form does not allow
 */
export async function submitCase(
  services: CaseServices,
  principal: Principal,
  input: SubmitCaseInput,
  /** `fingerprint`: of the body as the client sent it (requestFingerprint), kept with the key. */
  opts: { idempotencyKey?: string; fingerprint?: string; locale: Locale },
): Promise<SubmitCaseResult> {
  const applicantId = input.onBehalfOf ?? principal.userId;
  authorize(principal, 'case:submit', { kind: 'submission', applicantId });

  const version = await services.catalog.getLatestPublished(input.itemId);
  if (!version) throw new NotFoundError('item');
  const claim = input.claimId
    ? await services.catalog.getClaim(input.claimId)
    : (await services.catalog.listClaims(input.itemId))[0];
  if (!claim || claim.itemId !== input.itemId) {
    throw new BadRequestError('no such claim of this item', [{ pointer: '/claimId', code: 'unknown', message: 'unknown claim' }]);
  }

  const today = services.clock.today();
  const relation = input.subjectRelation;
  const relations = subjectRelations(version.form);
  if (relation !== undefined && !relations.includes(relation)) {
    throw new ValidationError([{ pointer: '/subjectRelation', code: 'subject.relation', message: formatMessage('subject.relation', { allowed: [...relations] }, opts.locale) }]);
  }
  const identity: ApplicantIdentity | undefined = input.onBehalfOf ? input.onBehalfOfIdentity : identityOfPrincipal(principal);
  // An applicant the directory does not know has no verified value for any field: bound to an
  // identity with only the account id as its name, every identity field the form asks is refused.
  const bindTo = relation !== undefined ? undefined : (identity ?? { name: applicantId });
  const data = checkApplication(version, input.data, bindTo, { locale: opts.locale, today });

  const now = services.clock.now().toISOString();
  const region = claim.region;
  const item = version.item;
  const promised = claim.overrides?.promisedLimit ?? item.promisedLimit;
  const change = startCase(
    flowContext(services, version.flow, today, now),
    {
      id: services.ids.newCaseId(),
      receiptNo: services.ids.newReceiptNo(region, today),
      itemId: version.itemId,
      itemVersion: version.version,
      itemName: item.name,
      ...(item.itemType ? { itemType: item.itemType } : {}),
      claimId: claim.id,
      departmentId: claim.departmentId,
      departments: { ...(claim.departments ?? {}), lead: claim.departmentId },
      applicant: {
        userId: applicantId,
        name: identity?.name ?? applicantId,
        kind: identity?.kind ?? 'person',
        ...(identity?.idNumber ? { idNumber: identity.idNumber } : {}),
        ...(identity?.creditCode ? { creditCode: identity.creditCode } : {}),
      },
      ...(input.onBehalfOf ? { agentId: principal.userId } : {}),
      ...(relation !== undefined ? { subject: { relation, ...subjectIdentityOf(version.form, data) } } : {}),
      data,
      clock: {
        receivedOn: today,
        region,
        promised,
        statutory: item.statutoryLimit,
        extensionDays: 0,
        extensions: 0,
        pauses: [],
      },
      createdAt: now,
      updatedAt: now,
    },
    actorOf(principal),
  );

  try {
    const idempotency = opts.idempotencyKey ? { principalId: principal.userId, key: opts.idempotencyKey, fingerprint: opts.fingerprint } : undefined;
    await services.cases.commit(change, idempotency ? { idempotency } : undefined);
  } catch (error) {
    const replay = isIdempotencyReplay(error);
    if (replay) return { case: await existingCase(services, replay), replayed: true };
    throw error;
  }
  return { case: change.case, replayed: false };
}

async function existingCase(services: CaseServices, caseId: string): Promise<Case> {
  const found = await services.cases.getCase(caseId);
  if (!found) throw new NotFoundError('case');
  return found;
}
