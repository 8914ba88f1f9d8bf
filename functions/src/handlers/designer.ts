/** Designer writes: drafts, checks, dry-runs and immutable published versions. */
import type { FlowAction } from '@banshi/schemas';
import { checkDraft, checkDraftShape } from '../domain/catalog/check-draft.js';
import type { ItemDraftInput } from '../domain/catalog/item-draft.js';
import { flowContext } from '../domain/cases/case-context.js';
import { BadRequestError, ConflictError, DefinitionError, NotFoundError } from '../domain/errors.js';
import { dryRun } from '../domain/flows/dry-run.js';
import { authorize } from '../domain/permissions/policy.js';
import { httpHandler } from '../http/handler-kit.js';
import { appServices } from './app-services.js';
import { checkBody } from './check-body.js';

type DraftBody = ItemDraftInput & { expectedRevision?: number };

function definitionOf(body: DraftBody): ItemDraftInput {
  return { item: body.item, form: body.form, flow: body.flow, ...(body.ui ? { ui: body.ui } : {}) };
}

/** Saves a draft after checking it against the meta-schemas; semantics are checked at publish. */
async function saveDraft(itemId: string, body: DraftBody, locale: 'zh-CN' | 'en', expected: number | null | undefined) {
  const draft = definitionOf(body);
  const shapeProblems = checkDraftShape(draft, locale);
  if (shapeProblems.length > 0) throw new DefinitionError(shapeProblems);
  if (draft.item.id !== itemId) {
    throw new DefinitionError([{ pointer: '/item/id', code: 'const', message: locale === 'zh-CN' ? `事项编号须为 ${itemId}` : `item id must be ${itemId}` }]);
  }
  const { revision } = await appServices().catalogStore.putDraft(itemId, draft, expected);
  return { itemId, revision, problems: checkDraft(draft, locale) };
}

/** POST /api/items — creates a new item's first draft (409 when the item exists). */
export const createItem = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item' });
  const draft = checkBody<DraftBody>('ItemDraft', body, locale);
  const itemId = (draft.item as { id?: unknown })?.id;
  if (typeof itemId !== 'string') throw new DefinitionError([{ pointer: '/item/id', code: 'required', message: 'item.id' }]);
  return { status: 201, body: await saveDraft(itemId, draft, locale, null) };
});

/** GET /api/items/{itemId}/draft */
export const getDraft = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  const draft = await appServices().catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  return { body: draft };
});

/** PUT /api/items/{itemId}/draft — replaces the draft; `expectedRevision` guards against lost updates. */
export const putDraft = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  const draft = checkBody<DraftBody>('ItemDraft', body, locale);
  if (!(await appServices().catalogStore.getItemSummary(params.itemId))) throw new NotFoundError('item');
  return { body: await saveDraft(params.itemId, draft, locale, draft.expectedRevision) };
});

/**
 * The check takes no parameters: no body, a blank one or `{}`. Anything else is a 400 with one
 * entry per unexpected field, so that bad input is refused here as on every other write route.
 */
function expectNoParameters(body: unknown, locale: 'zh-CN' | 'en'): void {
  if (body === undefined) return;
  const message = locale === 'zh-CN' ? '此接口不接受请求参数' : 'this route takes no parameters';
  const title = locale === 'zh-CN' ? '请求内容不符合要求' : 'the request body is not valid';
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestError(title, [{ pointer: '', code: 'type', message }]);
  }
  const keys = Object.keys(body);
  if (keys.length > 0) {
    const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    throw new BadRequestError(title, keys.map((key) => ({ pointer: pointer(key), code: 'additionalProperties', message })));
  }
}

/** POST /api/items/{itemId}/draft/check — every problem that would stop publishing. */
export const checkItemDraft = httpHandler({ auth: 'required', body: 'optional-json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'item:write', { kind: 'item', itemId: params.itemId });
  expectNoParameters(body, locale);
  const draft = await appServices().catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  const problems = checkDraft(draft, locale);
  return { body: { ok: problems.length === 0, revision: draft.revision, problems } };
});

/** POST /api/items/{itemId}/draft/dry-run — runs the draft flow on sample data; nothing is stored. */
export const dryRunDraft = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'item:dryRun', { kind: 'item', itemId: params.itemId });
  const input = checkBody<{ data: Record<string, unknown>; actions?: { action: FlowAction; branchId?: string; extensionDays?: number }[] }>('DryRun', body, locale);
  const services = appServices();
  const draft = await services.catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  const problems = checkDraft(draft, locale).filter((p) => p.pointer.startsWith('/flow'));
  if (problems.length > 0) throw new DefinitionError(problems);
  const claim = (await services.catalogStore.listClaims(params.itemId))[0];
  const today = services.clock.today();
  const path = dryRun(flowContext(services, draft.flow, today, services.clock.now().toISOString()), {
    data: input.data,
    ...(input.actions ? { actions: input.actions } : {}),
    promised: claim?.overrides?.promisedLimit ?? draft.item.promisedLimit,
    statutory: draft.item.statutoryLimit,
    region: claim?.region ?? '150000',
    departments: claim ? { ...claim.departments, lead: claim.departmentId } : {},
  });
  return { body: { today, path } };
});

/**
 * POST /api/items/{itemId}/publish — publishes the checked draft as the next immutable version;
 * with `fromVersion`, publishes that earlier version's definition again as the next version (a
 * roll back: versions are never changed, and cases keep finishing on the version they began on).
 */
export const publishItem = httpHandler({ auth: 'required', body: 'json' }, async ({ principal, params, body, locale }) => {
  authorize(principal, 'item:publish', { kind: 'item', itemId: params.itemId });
  const { expectedRevision, fromVersion } = checkBody<{ expectedRevision?: number; fromVersion?: number }>('Publish', body, locale);
  const { catalogStore, clock } = appServices();
  const draft = await catalogStore.getDraft(params.itemId);
  if (!draft) throw new NotFoundError('item draft');
  if (expectedRevision !== undefined && draft.revision !== expectedRevision) {
    throw new ConflictError(`the draft is at revision ${draft.revision}, not ${expectedRevision}`);
  }
  let definition: ItemDraftInput = draft;
  if (fromVersion !== undefined) {
    const source = await catalogStore.getVersion(params.itemId, fromVersion);
    if (!source) throw new NotFoundError('item version');
    definition = { item: source.item, form: source.form, flow: source.flow };
  }
  // An earlier version is checked again: what it names (roles, reference data) may have changed since.
  const problems = checkDraft(definition, locale);
  if (problems.length > 0) throw new DefinitionError(problems);
  const latest = (await catalogStore.getItemSummary(params.itemId))?.latestVersion ?? 0;
  const version = latest + 1;
  const record = {
    itemId: params.itemId,
    version,
    item: { ...definition.item, status: 'published' as const, version },
    form: definition.ui ? { ...definition.form, uiSchema: { ...(definition.form.uiSchema ?? {}), ...definition.ui } } : definition.form,
    flow: definition.flow,
    publishedAt: clock.now().toISOString(),
    publishedBy: principal.userId,
  };
  await catalogStore.publishVersion(params.itemId, record);
  appServices().catalog.forget(params.itemId);
  return { status: 201, body: { itemId: record.itemId, version, publishedAt: record.publishedAt, ...(fromVersion !== undefined ? { fromVersion } : {}) } };
});

/**
 * GET /api/items/{itemId}/in-flight — unfinished cases per published version, from the counters
 * the table's stream keeps (O(versions), no scan; they lag the case writes by one stream batch).
 */
export const inFlight = httpHandler({ auth: 'required' }, async ({ principal, params }) => {
  authorize(principal, 'item:publish', { kind: 'item', itemId: params.itemId });
  const { catalogStore } = appServices();
  if (!(await catalogStore.getItemSummary(params.itemId))) throw new NotFoundError('item');
  const versions = (await catalogStore.getInFlight(params.itemId)).filter((v) => v.inFlight > 0).sort((a, b) => a.version - b.version);
  return { body: { itemId: params.itemId, versions, total: versions.reduce((sum, v) => sum + v.inFlight, 0) } };
});
