/**
 * The catalog in DynamoDB (keys: table.ts): departments, users, service items (head, draft, level
 * facets), their immutable published versions and claims (认领) — one store per aggregate under
 * catalog/, composed here into the one store the services use.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClaimStore } from './catalog/claim-store.js';
import { createDepartmentStore } from './catalog/department-store.js';
import { createItemStore } from './catalog/item-store.js';
import { createUserStore } from './catalog/user-store.js';
import { createVersionStore } from './catalog/version-store.js';

export type { ItemDraft } from '@banshi/schemas/core';
export type { ItemSummary } from './catalog/catalog-table.js';
export type { ListItemsOptions } from './catalog/item-store.js';

/**
 * The catalog store.
 *
 * @example
 * const catalog = createCatalogStore(createDocumentClient(), 'banshi');
 * const { revision } = await catalog.putDraft('item-1', draft, null);
 */
export function createCatalogStore(client: DynamoDBDocumentClient, tableName: string) {
  return {
    ...createDepartmentStore(client, tableName),
    ...createUserStore(client, tableName),
    ...createItemStore(client, tableName),
    ...createVersionStore(client, tableName),
    ...createClaimStore(client, tableName),
  };
}

/** The catalog store's interface. */
export type CatalogStore = ReturnType<typeof createCatalogStore>;
