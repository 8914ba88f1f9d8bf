/**
 * Publishing: the checked draft becomes the next immutable version of its item; or, with
 * `fromVersion`, an earlier version's definition is published again as the next version (a roll
 * back: versions never change, and cases keep finishing on the version they began on).
 */
import type { ItemVersion } from '@banshi/schemas';
import type { ItemDraft, Locale } from '@banshi/schemas/core';
import { ConflictError, DefinitionError, NotFoundError } from '../errors.js';
import { checkDraft } from './check-draft.js';
import type { CatalogServices } from './ports.js';

export interface PublishInput {
  /** The draft revision the designer reviewed; a newer one is a conflict. */
  expectedRevision?: number;
  /** Publish this earlier version's definition again instead of the draft. */
  fromVersion?: number;
}

export interface Published {
  itemId: string;
  version: number;
  publishedAt: string;
  fromVersion?: number;
}

/** The version record of a definition: the uiSchema kept apart in the draft is folded into the form. */
function versionRecord(itemId: string, version: number, definition: ItemDraft, publishedAt: string, publishedBy: string): ItemVersion {
  return {
    itemId,
    version,
    item: { ...definition.item, status: 'published' as const, version },
    form: definition.ui ? { ...definition.form, uiSchema: { ...(definition.form.uiSchema ?? {}), ...definition.ui } } : definition.form,
    flow: definition.flow,
    publishedAt,
    publishedBy,
  };
}

/**
 * Publishes the next version of `itemId`.
 *
 * @throws NotFoundError without a draft (or the version to republish); ConflictError when the
 *   draft moved past `expectedRevision`; DefinitionError (422) when the definition fails its checks
 */
export async function publishItem(services: CatalogServices, itemId: string, publishedBy: string, input: PublishInput, locale: Locale): Promise<Published> {
  const { catalogStore, clock } = services;
  const { expectedRevision, fromVersion } = input;
  const draft = await catalogStore.getDraft(itemId);
  if (!draft) throw new NotFoundError('item draft');
  if (expectedRevision !== undefined && draft.revision !== expectedRevision) {
    throw new ConflictError(`the draft is at revision ${draft.revision}, not ${expectedRevision}`);
  }
  let definition: ItemDraft = draft;
  if (fromVersion !== undefined) {
    const source = await catalogStore.getVersion(itemId, fromVersion);
    if (!source) throw new NotFoundError('item version');
    definition = { item: source.item, form: source.form, flow: source.flow };
  }
  // An earlier version is checked again: what it names (roles, reference data) may have changed since.
  const problems = checkDraft(definition, locale);
  if (problems.length > 0) throw new DefinitionError(problems);
  const latest = (await catalogStore.getItemSummary(itemId))?.latestVersion ?? 0;
  const record = versionRecord(itemId, latest + 1, definition, clock.now().toISOString(), publishedBy);
  await catalogStore.publishVersion(itemId, record);
  services.catalog.forget(itemId);
  return { itemId, version: record.version, publishedAt: record.publishedAt, ...(fromVersion !== undefined ? { fromVersion } : {}) };
}
