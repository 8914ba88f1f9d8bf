/** Designer writes: drafts, checks, dry-runs and immutable published versions. */
import { escapeSegment, type ItemDraft, type Locale } from '@banshi/schemas/core';
import { checkDraft } from '../domain/catalog/check-draft.js';
import { createItem as createItemDraft, replaceItemDraft } from '../domain/catalog/item-drafts.js';
import { publishItem as publish, type PublishInput } from '../domain/catalog/publish-item.js';
import { dryRunItemDraft, type DryRunInput } from '../domain/catalog/dry-run-draft.js';
import { BadRequestError, NotFoundError } from '../domain/errors.js';
import { message } from '../domain/messages.js';
import { authorize } from '../domain/permissions/policy.js';
import { routeHandler } from './route-handler.js';

/** POST /api/items — creates a new item's first draft (409 when the item exists). */
export const createItem = routeHandler<ItemDraft>(async ({ services, principal, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item' });
  return { status: 201, body: await createItemDraft(services, body, locale) };
});

/** GET /api/items/{itemId}/draft */
export const getDraft = routeHandler(async ({ services, principal, params }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  const draft = await services.catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  return { body: draft };
});

/** PUT /api/items/{itemId}/draft — replaces the draft; `expectedRevision` guards against lost updates. */
export const putDraft = routeHandler<ItemDraft & { expectedRevision?: number }>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  return { body: await replaceItemDraft(services, params.itemId, body, locale) };
});

/**
 * The check takes no parameters: no body, a blank one or `{}`. Anything else is a 400 with one
 * entry per unexpected field, so that bad input is refused here as on every other write route.
 */
function expectNoParameters(body: unknown, locale: Locale): void {
  if (body === undefined) return;
  const refusal = message('request.noParameters', locale);
  const title = message('request.bodyInvalid', locale);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError(title, [{ pointer: '', code: 'type', message: refusal }]);
  }
  const keys = Object.keys(body);
  if (keys.length > 0) {
    throw new BadRequestError(title, keys.map((key) => ({ pointer: `/${escapeSegment(key)}`, code: 'additionalProperties', message: refusal })));
  }
}

/** POST /api/items/{itemId}/draft/check — every problem that would stop publishing. */
export const checkItemDraft = routeHandler<unknown>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  expectNoParameters(body, locale);
  const draft = await services.catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  const problems = checkDraft(draft, locale);
  return { body: { ok: problems.length === 0, revision: draft.revision, problems } };
});

/** POST /api/items/{itemId}/draft/dry-run — runs the draft flow on sample data; nothing is stored. */
export const dryRunDraft = routeHandler<DryRunInput>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'item:dryRun', { kind: 'item', itemId: params.itemId });
  return { body: await dryRunItemDraft(services, params.itemId, body, locale) };
});

/**
 * POST /api/items/{itemId}/publish — publishes the checked draft as the next immutable version;
 * with `fromVersion`, publishes that earlier version's definition again as the next version (a
 * roll back: versions are never changed, and cases keep finishing on the version they began on).
 */
export const publishItem = routeHandler<PublishInput>(async ({ services, principal, params, body, locale }) => {
  authorize(principal, 'item:publish', { kind: 'item', itemId: params.itemId });
  return { status: 201, body: await publish(services, params.itemId, principal.userId, body, locale) };
});

/**
 * GET /api/items/{itemId}/in-flight — unfinished cases per published version, from the counters
 * the table's stream keeps (O(versions), no scan; they lag the case writes by one stream batch).
 */
export const inFlight = routeHandler(async ({ services, principal, params }) => {
  authorize(principal, 'item:publish', { kind: 'item', itemId: params.itemId });
  const { catalogStore } = services;
  if (!(await catalogStore.getItemSummary(params.itemId))) throw new NotFoundError('item');
  const versions = (await catalogStore.getInFlight(params.itemId)).filter((v) => v.inFlight > 0).sort((a, b) => a.version - b.version);
  return { body: { itemId: params.itemId, versions, total: versions.reduce((sum, v) => sum + v.inFlight, 0) } };
});
