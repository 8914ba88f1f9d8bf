/**
 * What the catalog services need from storage, as interfaces: the DynamoDB catalog store
 * implements them (functions/src/adapters/dynamo), and the services never see the AWS SDK.
 */
import type { Claim, Department, ItemVersion } from '@banshi/schemas';
import type { ItemDraft } from '@banshi/schemas/core';

export interface CatalogWrites {
  getItemSummary(itemId: string): Promise<{ latestVersion?: number } | undefined>;
  getDraft(itemId: string): Promise<(ItemDraft & { revision: number }) | undefined>;
  /** `expectedRevision`: null creates the item (conflict when it exists); a number must be the stored revision. */
  putDraft(itemId: string, draft: ItemDraft, expectedRevision?: number | null): Promise<{ revision: number }>;
  getVersion(itemId: string, version: number): Promise<ItemVersion | undefined>;
  publishVersion(itemId: string, record: ItemVersion): Promise<void>;
  getDepartment(departmentId: string): Promise<Department | undefined>;
  putClaim(claim: Claim, mode: 'create' | 'replace'): Promise<void>;
  deleteClaim(itemId: string, claimId: string): Promise<void>;
}

export interface CatalogServices {
  catalogStore: CatalogWrites;
  /** Forgets what the submission path cached of an item, so a write shows at once. */
  catalog: { forget(itemId: string): void };
  clock: { now(): Date };
}
