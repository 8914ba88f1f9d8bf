/**
 * Claims (认领) written by designers: a department at region, city or county level implements an
 * item, maps the item's department slots to departments, and may override the promised limit,
 * the location and the contacts. Every write is checked against the claim meta-schema and the
 * departments it names, and drops the cached catalog of the item so submissions see it at once.
 */
import { randomBytes } from 'node:crypto';
import type { Claim } from '@banshi/schemas';
import { validateDefinition } from '@banshi/schemas';
import { DefinitionError, NotFoundError, type FieldError } from '../domain/errors.js';
import { authorize } from '../domain/permissions/policy.js';
import { httpHandler } from '../http/handler-kit.js';
import { say, type Locale } from '../http/negotiate-locale.js';
import { appServices } from './app-services.js';
import { checkBody } from './check-body.js';

type ClaimBody = Omit<Claim, 'itemId' | 'id' | 'departments'> & { id?: string; departments?: Record<string, string> };

/** A claim id nobody chose: `c-` and ten lower-case base-32 characters. */
function newClaimId(): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  return `c-${[...randomBytes(10)].map((b) => alphabet[b % 32]).join('')}`;
}

/**
 * The claim a body describes, checked: well-formed against the claim meta-schema, its
 * department and slot departments existing, level and region those of the claiming department,
 * every department slot of the item mapped and no slot the item does not have.
 *
 * @throws NotFoundError when the item does not exist; DefinitionError (422) listing every problem
 */
async function checkedClaim(itemId: string, claimId: string, body: ClaimBody, locale: Locale): Promise<Claim> {
  const { catalogStore } = appServices();
  const [head, draft] = await Promise.all([catalogStore.getItemSummary(itemId), catalogStore.getDraft(itemId)]);
  if (!head) throw new NotFoundError('item');
  const claim: Claim = {
    id: claimId,
    itemId,
    departmentId: body.departmentId,
    level: body.level,
    region: body.region,
    departments: body.departments ?? {},
    ...(body.overrides ? { overrides: body.overrides } : {}),
  };
  const shape = validateDefinition('claim', claim, locale);
  if (shape.length > 0) throw new DefinitionError(shape);

  const problems: FieldError[] = [];
  const department = await catalogStore.getDepartment(claim.departmentId);
  if (!department) {
    problems.push({ pointer: '/departmentId', code: 'unknown-department', message: say(locale, `部门 ${claim.departmentId} 不存在`, `there is no department ${claim.departmentId}`) });
  } else {
    if (department.level !== claim.level) {
      problems.push({ pointer: '/level', code: 'level-mismatch', message: say(locale, `认领层级须与部门层级（${department.level}）一致`, `the level must be the department's (${department.level})`) });
    }
    if (department.region !== claim.region) {
      problems.push({ pointer: '/region', code: 'region-mismatch', message: say(locale, `行政区划须与部门所在区划（${department.region}）一致`, `the region must be the department's (${department.region})`) });
    }
  }
  const slots = (draft?.item.departmentSlots ?? []).map((s) => s.slot);
  for (const slot of slots) {
    if (!claim.departments[slot]) {
      problems.push({ pointer: `/departments/${slot}`, code: 'required', message: say(locale, `请为部门角色「${slot}」指定部门`, `name the department of slot "${slot}"`) });
    }
  }
  for (const [slot, departmentId] of Object.entries(claim.departments)) {
    if (!slots.includes(slot)) {
      problems.push({ pointer: `/departments/${slot}`, code: 'unknown-slot', message: say(locale, `事项没有部门角色「${slot}」`, `the item has no department slot "${slot}"`) });
    } else if (!(await catalogStore.getDepartment(departmentId))) {
      problems.push({ pointer: `/departments/${slot}`, code: 'unknown-department', message: say(locale, `部门 ${departmentId} 不存在`, `there is no department ${departmentId}`) });
    }
  }
  if (problems.length > 0) throw new DefinitionError(problems);
  return claim;
}

/** POST /api/items/{itemId}/claims — a new claim (409 when a claim of that id exists). */
export const createClaim = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  const input = checkBody<ClaimBody>('ClaimWrite', body, locale);
  const claim = await checkedClaim(params.itemId, input.id ?? newClaimId(), input, locale);
  await appServices().catalogStore.putClaim(claim, 'create');
  appServices().catalog.forget(params.itemId);
  return { status: 201, body: claim };
});

/** PUT /api/items/{itemId}/claims/{claimId} — replaces a claim of the item (404 when it has none of that id). */
export const replaceClaim = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  const input = checkBody<ClaimBody>('ClaimWrite', body, locale);
  if (input.id !== undefined && input.id !== params.claimId) {
    throw new DefinitionError([{ pointer: '/id', code: 'const', message: say(locale, `认领编号须为 ${params.claimId}`, `the claim id must be ${params.claimId}`) }]);
  }
  const claim = await checkedClaim(params.itemId, params.claimId, input, locale);
  await appServices().catalogStore.putClaim(claim, 'replace');
  appServices().catalog.forget(params.itemId);
  return { body: claim };
});

/** DELETE /api/items/{itemId}/claims/{claimId} — withdraws a claim (404 when the item has none of that id). */
export const deleteClaim = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  await appServices().catalogStore.deleteClaim(params.itemId, params.claimId);
  appServices().catalog.forget(params.itemId);
  return { status: 204 };
});
