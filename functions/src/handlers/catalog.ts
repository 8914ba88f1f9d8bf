/** The public catalog: items by department / level / type / text, guides, versions, claims. */
import { NotFoundError } from '../domain/errors.js';
import { httpHandler } from '../http/handler-kit.js';
import { appServices } from './app-services.js';

const positive = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);

/** GET /api/items?department=&level=&type=&q=&limit=&cursor= */
export const listItems = httpHandler({ auth: 'none' }, async ({ query }) => {
  const page = await appServices().catalogStore.listItems({
    departmentId: query.department || undefined,
    level: query.level || undefined,
    itemType: query.type || undefined,
    text: query.q || undefined,
    limit: positive(query.limit),
    cursor: query.cursor || undefined,
  });
  return { body: page };
});

/** GET /api/items/{itemId} — the service guide of the newest published version, with its claims. */
export const getItem = httpHandler({ auth: 'none' }, async ({ params }) => {
  const { catalogStore } = appServices();
  const version = await catalogStore.getLatestPublished(params.itemId);
  if (!version) throw new NotFoundError('item');
  const claims = await catalogStore.listClaims(params.itemId);
  return { body: { itemId: version.itemId, version: version.version, publishedAt: version.publishedAt, item: version.item, claims } };
});

/** GET /api/items/{itemId}/versions — every published version, newest first, without its definitions. */
export const listVersions = httpHandler({ auth: 'none' }, async ({ params }) => {
  const versions = await appServices().catalogStore.listVersions(params.itemId);
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
export const getVersion = httpHandler({ auth: 'none' }, async ({ params }) => {
  const number = positive(params.version);
  const version = number ? await appServices().catalogStore.getVersion(params.itemId, number) : undefined;
  if (!version) throw new NotFoundError('item version');
  return { body: version };
});

/** GET /api/items/{itemId}/claims — the departments implementing the item, with their overrides. */
export const listClaims = httpHandler({ auth: 'none' }, async ({ params }) => {
  const claims = await appServices().catalogStore.listClaims(params.itemId);
  if (claims.length === 0 && !(await appServices().catalogStore.getItemSummary(params.itemId))) throw new NotFoundError('item');
  return { body: { items: claims } };
});

/** GET /api/departments */
export const listDepartments = httpHandler({ auth: 'none' }, async ({ query }) => {
  return { body: await appServices().catalogStore.listDepartments({ limit: positive(query.limit), cursor: query.cursor || undefined }) };
});
