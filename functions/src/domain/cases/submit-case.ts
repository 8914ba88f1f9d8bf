import type { Case } from '../../../../schemas/src/generated/case.generated.js';
import { getValidator } from '../../../../forms/src/index.js';
import { BadRequestError, NotFoundError, ValidationError } from '../errors.js';
import { startCase } from '../flows/transition.js';
import { authorize } from '../permissions/policy.js';
import type { Principal } from '../permissions/principal.js';
import { actorOf, flowContext } from './case-context.js';
import { isIdempotencyReplay } from './idempotency.js';
import type { CaseServices } from './ports.js';

export interface SubmitCaseInput {
  itemId: string;
  /** The claim (implementing department) applied to; the item's first claim when absent. */
  claimId?: string;
  data: Record<string, unknown>;
  /** Agents: the applicant the case is filed for. */
  onBehalfOf?: string;
  /** The applicant's name and kind as their account says, when an agent files for them. */
  onBehalfOfName?: string;
  onBehalfOfKind?: 'person' | 'enterprise';
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
 * @throws NotFoundError when the item has no published version or the claim is not the item's
 * @throws ValidationError with one entry per field when the data breaks the form
 */
export async function submitCase(
  services: CaseServices,
  principal: Principal,
  input: SubmitCaseInput,
  opts: { idempotencyKey?: string; locale: 'zh-CN' | 'en' },
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
  const checked = getValidator(`${version.itemId}@${version.version}`, version.form).validate(input.data, { locale: opts.locale, today });
  if (!checked.valid) throw new ValidationError(checked.errors.map((e) => ({ ...e, pointer: `/data${e.pointer}` })));

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
      claimId: claim.id,
      departmentId: claim.departmentId,
      departments: { ...(claim.departments ?? {}), lead: claim.departmentId },
      applicant: {
        userId: applicantId,
        name: input.onBehalfOf ? (input.onBehalfOfName ?? applicantId) : principal.name,
        kind: (input.onBehalfOf ? input.onBehalfOfKind : principal.kind) ?? 'person',
      },
      ...(input.onBehalfOf ? { agentId: principal.userId } : {}),
      data: checked.data as Record<string, unknown>,
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
    await services.cases.commit(change, opts.idempotencyKey ? { idempotency: { principalId: principal.userId, key: opts.idempotencyKey } } : undefined);
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
