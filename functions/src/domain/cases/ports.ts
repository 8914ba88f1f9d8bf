/**
 * What the case services need from storage and the platform, as interfaces: the DynamoDB stores
 * implement them in functions/src/adapters/dynamo, and the services never see the AWS SDK.
 */
import type { Case, Claim, ItemVersion, Task } from '@banshi/schemas';
import type { Calendar } from '../deadlines/index.js';
import type { CaseChange } from './case-change.js';

export interface CaseRepository {
  commit(change: CaseChange, opts?: { idempotency?: { principalId: string; key: string; fingerprint?: string } }): Promise<{ consumedWcu: number }>;
  getCase(caseId: string): Promise<Case | undefined>;
  getOpenTasks(caseId: string): Promise<Task[]>;
}

export interface CatalogRepository {
  getVersion(itemId: string, version: number): Promise<ItemVersion | undefined>;
  getLatestPublished(itemId: string): Promise<ItemVersion | undefined>;
  getClaim(claimId: string): Promise<Claim | undefined>;
  listClaims(itemId: string): Promise<Claim[]>;
}

/** Time as the services see it: the instant and the region's calendar day. */
export interface Clock {
  now(): Date;
  today(): string;
}

export interface Ids {
  newCaseId(): string;
  newTaskId(): string;
  newReceiptNo(regionCode: string, date: string): string;
}

export interface CaseServices {
  cases: CaseRepository;
  catalog: CatalogRepository;
  clock: Clock;
  ids: Ids;
  calendar: Calendar;
}
