import { describe, expect, it } from 'vitest';
import type { ItemVersion } from '@banshi/schemas';
import { cachedCatalog } from '../../src/adapters/cached-catalog.js';
import type { CatalogRepository } from '../../src/domain/cases/ports.js';

/** An in-memory catalog that counts its reads. */
function countingCatalog() {
  const published: ItemVersion[] = [{ itemId: 'a', version: 1 } as ItemVersion];
  const reads = { version: 0, latest: 0, claims: 0 };
  const inner: CatalogRepository = {
    getVersion: async (itemId, version) => (reads.version++, published.find((v) => v.itemId === itemId && v.version === version)),
    getLatestPublished: async (itemId) => (reads.latest++, published.filter((v) => v.itemId === itemId).at(-1)),
    listClaims: async () => (reads.claims++, [{ id: 'c1', itemId: 'a' } as never]),
    getClaim: async () => undefined,
  };
  return { inner, reads, publish: (v: number) => published.push({ itemId: 'a', version: v } as ItemVersion) };
}

describe('cachedCatalog', () => {
  it('reads the newest version once within its time to live', async () => {
    const { inner, reads } = countingCatalog();
    const catalog = cachedCatalog(inner, { ttlMs: 1000, now: () => 0 });

    await catalog.getLatestPublished('a');
    await catalog.getLatestPublished('a');
    await catalog.listClaims('a');
    await catalog.listClaims('a');

    expect(reads).toMatchObject({ latest: 1, claims: 1 });
  });

  it('sees a new version after its time to live, or at once when told to forget the item', async () => {
    const { inner, publish } = countingCatalog();
    let t = 0;
    const catalog = cachedCatalog(inner, { ttlMs: 1000, now: () => t });
    await catalog.getLatestPublished('a');
    publish(2);

    expect((await catalog.getLatestPublished('a'))?.version).toBe(1);
    t = 1001;
    expect((await catalog.getLatestPublished('a'))?.version).toBe(2);
    publish(3);
    catalog.forget('a');
    expect((await catalog.getLatestPublished('a'))?.version).toBe(3);
  });

  it('keeps immutable versions without reading them again', async () => {
    const { inner, reads } = countingCatalog();
    const catalog = cachedCatalog(inner);

    await catalog.getVersion('a', 1);
    await catalog.getVersion('a', 1);

    expect(reads.version).toBe(1);
    expect(await catalog.getClaim('c1')).toBeUndefined();
  });
});
