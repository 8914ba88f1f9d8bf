/**
 * Claims (认领): a department at region, city or county level implements an item, maps the item's
 * department slots to departments, and may override the promised limit, the location and the
 * contacts. Every write is checked against the claim meta-schema and the departments it names, and
 * drops the cached catalog of the item so that submissions see it at once.
 */
import type { Claim } from '@banshi/schemas';
import { validateDefinition } from '@banshi/schemas';
import type { FieldError, Locale } from '@banshi/schemas/core';
import { DefinitionError, NotFoundError } from '../errors.js';
import { message } from '../messages.js';
import type { CatalogServices } from './ports.js';

/** A claim as a designer writes it: the item and (for a new claim) the id come from the path or are chosen. */
export type ClaimInput = Omit<Claim, 'itemId' | 'id' | 'departments'> & { id?: string; departments?: Record<string, string> };

export interface ClaimServices extends CatalogServices {
  /** A claim id nobody chose. */
  newClaimId(): string;
}

/**
 * The claim an input describes, checked: well-formed against the claim meta-schema, its department
 * and slot departments existing, level and region those of the claiming department, every
 * department slot of the item mapped and no slot the item does not have.
 *
 * @throws NotFoundError when the item does not exist; DefinitionError (422) listing every problem
 */
async function checkedClaim(services: CatalogServices, itemId: string, claimId: string, input: ClaimInput, locale: Locale): Promise<Claim> {
  const { catalogStore } = services;
  const [head, draft] = await Promise.all([catalogStore.getItemSummary(itemId), catalogStore.getDraft(itemId)]);
  if (!head) throw new NotFoundError('item');
  const claim: Claim = {
    id: claimId,
    itemId,
    departmentId: input.departmentId,
    level: input.level,
    region: input.region,
    departments: input.departments ?? {},
    ...(input.overrides ? { overrides: input.overrides } : {}),
  };
  const shape = validateDefinition('claim', claim, locale);
  if (shape.length > 0) throw new DefinitionError(shape);

  const problems: FieldError[] = [];
  const department = await catalogStore.getDepartment(claim.departmentId);
  if (!department) {
    problems.push({ pointer: '/departmentId', code: 'unknown-department', message: message('claim.unknownDepartment', locale, claim.departmentId) });
  } else {
    if (department.level !== claim.level) {
      problems.push({ pointer: '/level', code: 'level-mismatch', message: message('claim.levelMismatch', locale, department.level) });
    }
    if (department.region !== claim.region) {
      problems.push({ pointer: '/region', code: 'region-mismatch', message: message('claim.regionMismatch', locale, department.region) });
    }
  }
  const slots = (draft?.item.departmentSlots ?? []).map((s) => s.slot);
  for (const slot of slots) {
    if (!claim.departments[slot]) {
      problems.push({ pointer: `/departments/${slot}`, code: 'required', message: message('claim.slotRequired', locale, slot) });
    }
  }
  for (const [slot, departmentId] of Object.entries(claim.departments)) {
    if (!slots.includes(slot)) {
      problems.push({ pointer: `/departments/${slot}`, code: 'unknown-slot', message: message('claim.unknownSlot', locale, slot) });
    } else if (!(await catalogStore.getDepartment(departmentId))) {
      problems.push({ pointer: `/departments/${slot}`, code: 'unknown-department', message: message('claim.unknownDepartment', locale, departmentId) });
    }
  }
  if (problems.length > 0) throw new DefinitionError(problems);
  return claim;
}

/** Adds a claim to the item (409 when a claim of that id exists). */
export async function createClaim(services: ClaimServices, itemId: string, input: ClaimInput, locale: Locale): Promise<Claim> {
  const claim = await checkedClaim(services, itemId, input.id ?? services.newClaimId(), input, locale);
  await services.catalogStore.putClaim(claim, 'create');
  services.catalog.forget(itemId);
  return claim;
}

/** Replaces a claim of the item (404 when it has none of that id); the input may repeat the id, not change it. */
export async function replaceClaim(services: CatalogServices, itemId: string, claimId: string, input: ClaimInput, locale: Locale): Promise<Claim> {
  if (input.id !== undefined && input.id !== claimId) {
    throw new DefinitionError([{ pointer: '/id', code: 'const', message: message('claim.idMustBe', locale, claimId) }]);
  }
  const claim = await checkedClaim(services, itemId, claimId, input, locale);
  await services.catalogStore.putClaim(claim, 'replace');
  services.catalog.forget(itemId);
  return claim;
}

/** Withdraws a claim (404 when the item has none of that id). */
export async function withdrawClaim(services: CatalogServices, itemId: string, claimId: string): Promise<void> {
  await services.catalogStore.deleteClaim(itemId, claimId);
  services.catalog.forget(itemId);
}
