/**
 * A designer's dry-run: the draft's flow run on sample data with today's calendar and the item's
 * first claim (its region, departments and promised limit), as a case would run; nothing is stored.
 */
import type { FlowAction } from '@banshi/schemas';
import { DEFAULT_REGION_CODE, type Locale } from '@banshi/schemas/core';
import { flowContext } from '../cases/case-context.js';
import type { CaseServices } from '../cases/ports.js';
import { DefinitionError, NotFoundError } from '../errors.js';
import { dryRun } from '../flows/dry-run.js';
import { checkDraft } from './check-draft.js';
import type { CatalogWrites } from './ports.js';

export interface DryRunInput {
  data: Record<string, unknown>;
  actions?: { action: FlowAction; branchId?: string; extensionDays?: number }[];
}

export interface DryRunServices extends CaseServices {
  catalogStore: Pick<CatalogWrites, 'getDraft'> & { listClaims: CaseServices['catalog']['listClaims'] };
}

/**
 * Runs the draft of `itemId` on `input`.
 *
 * @throws NotFoundError without a draft; DefinitionError (422) when its flow fails its checks
 */
export async function dryRunItemDraft(services: DryRunServices, itemId: string, input: DryRunInput, locale: Locale) {
  const draft = await services.catalogStore.getDraft(itemId);
  if (!draft) throw new NotFoundError('item draft');
  const problems = checkDraft(draft, locale).filter((p) => p.pointer.startsWith('/flow'));
  if (problems.length > 0) throw new DefinitionError(problems);
  const claim = (await services.catalogStore.listClaims(itemId))[0];
  const today = services.clock.today();
  const path = dryRun(flowContext(services, draft.flow, today, services.clock.now().toISOString()), {
    data: input.data,
    ...(input.actions ? { actions: input.actions } : {}),
    promised: claim?.overrides?.promisedLimit ?? draft.item.promisedLimit,
    statutory: draft.item.statutoryLimit,
    region: claim?.region ?? DEFAULT_REGION_CODE,
    departments: claim ? { ...claim.departments, lead: claim.departmentId } : {},
  });
  return { today, path };
}
