/**
 * A per-process cache in front of the catalog reads every submission makes. Published versions
 * are immutable, so they are kept (up to a bound); which version is the newest, and an item's
 * claims, are kept for a few seconds — a new version reaches other warm processes within `ttlMs`,
 * and this process at once (`forget`).
 */
import type { Claim, ItemVersion } from '@banshi/schemas';
import type { CatalogRepository } from '../domain/cases/ports.js';

export interface CachedCatalog extends CatalogRepository {
  /** Drops what is cached about an item (after publishing it here). */
  forget(itemId: string): void;
}

const MAX_VERSIONS = 500;

export function cachedCatalog(inner: CatalogRepository, options: { ttlMs?: number; now?: () => number } = {}): CachedCatalog {
  const ttlMs = options.ttlMs ?? 10_000;
  const now = options.now ?? Date.now;
  const versions = new Map<string, ItemVersion>();
  const latest = new Map<string, { version: number | undefined; until: number }>();
  const claims = new Map<string, { claims: Claim[]; until: number }>();

  const remember = (v: ItemVersion) => {
    if (versions.size >= MAX_VERSIONS) versions.delete(versions.keys().next().value!);
    versions.set(`${v.itemId}@${v.version}`, v);
    return v;
  };

  return {
    async getVersion(itemId, version) {
      const hit = versions.get(`${itemId}@${version}`);
      if (hit) return hit;
      const found = await inner.getVersion(itemId, version);
      return found ? remember(found) : undefined;
    },
    async getLatestPublished(itemId) {
      const known = latest.get(itemId);
      if (known && known.until > now()) return known.version === undefined ? undefined : this.getVersion(itemId, known.version);
      const found = await inner.getLatestPublished(itemId);
      latest.set(itemId, { version: found?.version, until: now() + ttlMs });
      return found ? remember(found) : undefined;
    },
    async listClaims(itemId) {
      const known = claims.get(itemId);
      if (known && known.until > now()) return known.claims;
      const found = await inner.listClaims(itemId);
      claims.set(itemId, { claims: found, until: now() + ttlMs });
      return found;
    },
    async getClaim(claimId) {
      for (const entry of claims.values()) {
        if (entry.until <= now()) continue;
        const hit = entry.claims.find((c) => c.id === claimId);
        if (hit) return hit;
      }
      return inner.getClaim(claimId);
    },
    forget(itemId) {
      latest.delete(itemId);
      claims.delete(itemId);
    },
  };
}
