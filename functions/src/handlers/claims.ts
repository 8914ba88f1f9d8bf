/** Claims (认领) written by designers; the rules are the catalog's (domain/catalog/claims.ts). */
import { createClaim as addClaim, replaceClaim as putClaim, withdrawClaim, type ClaimInput } from '../domain/catalog/claims.js';
import { authorize } from '../domain/permissions/policy.js';
import { routeHandler } from './route-handler.js';

/** POST /api/items/{itemId}/claims — a new claim (409 when a claim of that id exists). */
export const createClaim = routeHandler<ClaimInput>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  return { status: 201, body: await addClaim(services, params.itemId, body, locale) };
});

/** PUT /api/items/{itemId}/claims/{claimId} — replaces a claim of the item (404 when it has none of that id). */
export const replaceClaim = routeHandler<ClaimInput>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  return { body: await putClaim(services, params.itemId, params.claimId, body, locale) };
});

/** DELETE /api/items/{itemId}/claims/{claimId} — withdraws a claim (404 when the item has none of that id). */
export const deleteClaim = routeHandler(async ({ services, principal, params }) => {
  authorize(principal, 'claim:write', { kind: 'item', itemId: params.itemId });
  await withdrawClaim(services, params.itemId, params.claimId);
  return { status: 204 };
});
