/** The public catalog: items by department / level / type / text, guides, versions, claims. */
import { NotFoundError } from '../domain/errors.js';
import { routeHandler, type PageQuery } from './route-handler.js';

interface CatalogQuery extends PageQuery {
  department?: string;
  level?: string;
  type?: string;
  q?: string;
}

/** GET /api/items?department=&level=&type=&q=&limit=&cursor= */
export const listItems = routeHandler<undefined, CatalogQuery>(async ({ services, query }) => {
  const page = await services.catalogStore.listItems({
    departmentId: query.department,
    level: query.level,
    itemType: query.type,
    text: query.q,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { body: page };
});

/** GET /api/items/{itemId} — the service guide of the newest published version, with its claims. */
export const getItem = routeHandler(async ({ services, params }) => {
  const { catalogStore } = services;
  const version = await catalogStore.getLatestPublished(params.itemId);
  if (!version) throw new NotFoundError('item');
  const claims = await catalogStore.listClaims(params.itemId);
  return { body: { itemId: version.itemId, version: version.version, publishedAt: version.publishedAt, item: version.item, claims } };
});

/** GET /api/items/{itemId}/versions — every published version, newest first, without its definitions. */
export const listVersions = routeHandler(async ({ services, params }) => {
  const versions = await services.catalogStore.listVersions(params.itemId);
  if (versions.length === 0) throw new NotFoundError('item');
  return {
    body: {
      items: versions
        .map(({ itemId, version, publishedAt, publishedBy }) => ({ itemId, version, publishedAt, publishedBy }))
        .sort((a, b) => b.version - a.version),
    },
  };
});

/** GET /api/items/{itemId}/versions/{version} — one immutable version: guide, form (with uiSchema) and flow. */
export const getVersion = routeHandler(async ({ services, params }) => {
  const number = /^\d{1,6}$/.test(params.version) ? Number(params.version) : undefined;
  const version = number ? await services.catalogStore.getVersion(params.itemId, number) : undefined;
  if (!version) throw new NotFoundError('item version');
  return { body: version };
});

/** GET /api/items/{itemId}/claims — the departments implementing the item, with their overrides. */
export const listClaims = routeHandler(async ({ services, params }) => {
  const claims = await services.catalogStore.listClaims(params.itemId);
  if (claims.length === 0 && !(await services.catalogStore.getItemSummary(params.itemId))) throw new NotFoundError('item');
  return { body: { items: claims } };
});

/** GET /api/departments */
export const listDepartments = routeHandler<undefined, PageQuery>(async ({ services, query }) => {
  return { body: await services.catalogStore.listDepartments({ limit: query.limit, cursor: query.cursor }) };
});
