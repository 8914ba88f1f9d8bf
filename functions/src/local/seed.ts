/**
 * Loads the reference data and the built-in service items into a table, idempotently: departments,
 * users and claims are upserted; each built-in item gets a draft and, if it has no published
 * version yet, version 1. Running it twice changes nothing a second time.
 */
import { loadBuiltInItems, loadReference } from '@banshi/schemas';
import type { CatalogStore } from '../adapters/dynamo/catalog-store.js';

export interface SeedReport {
  departments: number;
  users: number;
  claims: number;
  itemsPublished: string[];
  itemsAlreadyPublished: string[];
}

export async function seed(catalog: CatalogStore, now: Date = new Date()): Promise<SeedReport> {
  const reference = loadReference();
  for (const department of reference.departments) await catalog.putDepartment(department);
  for (const user of reference.users) await catalog.putUser(user);

  const report: SeedReport = { departments: reference.departments.length, users: reference.users.length, claims: 0, itemsPublished: [], itemsAlreadyPublished: [] };
  for (const builtIn of loadBuiltInItems()) {
    const itemId = builtIn.item.id;
    if (await catalog.getLatestPublished(itemId)) {
      report.itemsAlreadyPublished.push(itemId);
      continue;
    }
    const form = { ...builtIn.form, uiSchema: { ...(builtIn.form.uiSchema ?? {}), ...builtIn.ui } };
    await catalog.putDraft(itemId, { item: builtIn.item, form, flow: builtIn.flow });
    await catalog.publishVersion(itemId, {
      itemId,
      version: 1,
      item: { ...builtIn.item, status: 'published', version: 1 },
      form,
      flow: builtIn.flow,
      publishedAt: now.toISOString(),
      publishedBy: 'banshi-seed',
    });
    report.itemsPublished.push(itemId);
  }
  for (const claim of reference.claims) {
    await catalog.putClaim(claim);
    report.claims++;
  }
  return report;
}
