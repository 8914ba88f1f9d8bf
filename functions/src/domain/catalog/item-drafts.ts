/**
 * A designer's drafts: saved after a check against the meta-schemas only (an item is worked on over
 * many saves); the semantic checks that stop publishing are answered with every save, and enforced
 * at publish.
 */
import type { FieldError, ItemDraft, Locale } from '@banshi/schemas/core';
import { DefinitionError, NotFoundError } from '../errors.js';
import { message } from '../messages.js';
import type { CatalogServices } from './ports.js';
import { checkDraft, checkDraftShape } from './check-draft.js';

export interface SavedDraft {
  itemId: string;
  revision: number;
  /** What would still stop publishing (`[]` when the draft is publishable). */
  problems: FieldError[];
}

/** The definition a draft body carries, without what only guards the write. */
function definitionOf(body: ItemDraft): ItemDraft {
  return { item: body.item, form: body.form, flow: body.flow, ...(body.ui ? { ui: body.ui } : {}) };
}

/**
 * Saves a draft of `itemId` after checking its shape and that it names the item.
 *
 * @param expectedRevision null: a new item (409 when it exists); a number: the revision it replaces
 * @throws DefinitionError (422) when the draft's shape is wrong or it names another item
 */
export async function saveItemDraft(services: CatalogServices, itemId: string, body: ItemDraft, expectedRevision: number | null | undefined, locale: Locale): Promise<SavedDraft> {
  const draft = definitionOf(body);
  const shapeProblems = checkDraftShape(draft, locale);
  if (shapeProblems.length > 0) throw new DefinitionError(shapeProblems);
  if (draft.item.id !== itemId) {
    throw new DefinitionError([{ pointer: '/item/id', code: 'const', message: message('item.idMustBe', locale, itemId) }]);
  }
  const { revision } = await services.catalogStore.putDraft(itemId, draft, expectedRevision);
  return { itemId, revision, problems: checkDraft(draft, locale) };
}

/** Creates a new item from its first draft; the item's id is the draft's `item.id` (409 when the item exists). */
export async function createItem(services: CatalogServices, body: ItemDraft, locale: Locale): Promise<SavedDraft> {
  const itemId = (body.item as { id?: unknown } | undefined)?.id;
  if (typeof itemId !== 'string') throw new DefinitionError([{ pointer: '/item/id', code: 'required', message: 'item.id' }]);
  return saveItemDraft(services, itemId, body, null, locale);
}

/** Replaces the draft of an existing item; `expectedRevision` guards against lost updates. */
export async function replaceItemDraft(services: CatalogServices, itemId: string, body: ItemDraft & { expectedRevision?: number }, locale: Locale): Promise<SavedDraft> {
  if (!(await services.catalogStore.getItemSummary(itemId))) throw new NotFoundError('item');
  return saveItemDraft(services, itemId, body, body.expectedRevision, locale);
}
