/**
 * Bad input on EVERY route of the route table, derived from it: a route added to
 * functions/src/handlers/routes.ts is covered here without being listed. For each route, as a
 * signed-in user of a role that reaches it (by the route's tag), over real HTTP:
 *
 * - bodies that must be refused — numbers at and past DynamoDB's limits (1e308, 2^53 + 1, 1e126,
 *   1e-200, 1e400), malformed JSON, wrong top-level types, wrong types for every field of the
 *   route's request schema, a body over the limit, deep nesting, a prototype key, bytes that are
 *   not UTF-8 — answer a 4xx problem and write nothing;
 * - bodies that may be accepted — numbers at the limits, Unicode that disguises text
 *   (bidirectional overrides, zero-width characters, a BOM, lone surrogates, control
 *   characters), huge strings — in every field of the request schema: never a 5xx;
 * - odd path parameters and query strings: never a 5xx, and nothing written.
 *
 * "Nothing written" compares the test table's item count (a scan of this file's own table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSchemas, type RequestSchemaName } from '../../src/api/request-schemas.js';
import { routes, type RouteSpec } from '../../src/handlers/routes.js';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';
import { deepArray, deepObject, expectProblem, seniorCard } from './bad-input/bad-input-fixtures.js';

let api: Api;
const clients = new Map<string, ApiClient>();
/** Ids the path parameters take: what the seeded table and the setup below hold. */
const fixtures: Record<string, string> = { itemId: 'senior-card', version: '1', claimId: 'c-senior-card-150102' };
/** A value for a path parameter no fixture names (a route added later): numeric, as ids, years and versions parse. */
const ANY_PARAMETER = '1';

/** Who reaches the routes of a tag (sample users, schemas/reference/users.json); others: the admin. */
const REACH: Record<string, string[]> = {
  auth: ['u-zhangsan'],
  catalog: ['u-zhangsan'],
  designer: ['u-designer'],
  cases: ['u-zhangsan', 'u-xc-civil-window'],
  drafts: ['u-zhangsan'],
  blobs: ['u-zhangsan'],
  inbox: ['u-xc-civil-window'],
  supervision: ['u-supervisor'],
};
const reachOf = (route: RouteSpec) => REACH[route.tag] ?? ['u-admin'];

const methodOf = (route: RouteSpec) => route.key.split(' ')[0];
const templateOf = (route: RouteSpec) => route.key.split(' ')[1];
const paramsOf = (route: RouteSpec) => [...templateOf(route).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const takesBody = (route: RouteSpec) => ['POST', 'PUT', 'PATCH'].includes(methodOf(route));

/** The route's path with each parameter from `values`, else its fixture. */
function pathOf(route: RouteSpec, values: Record<string, string> = {}): string {
  return templateOf(route).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? encodeURIComponent(fixtures[name] ?? ANY_PARAMETER));
}

type Schema = Record<string, any>;
const schemaOf = (route: RouteSpec): Schema | undefined => (route.body ? (requestSchemas[route.body as RequestSchemaName] as Schema) : undefined);
const typeOf = (schema: Schema): string => schema.type ?? (schema.enum ? typeof schema.enum[0] : 'string');

/** A body of the schema's outline: each required property with a plain value of its type. */
function sampleOf(schema: Schema | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) {
    const property: Schema = schema!.properties?.[name] ?? {};
    const type = typeOf(property);
    body[name] = property.enum ? property.enum[0] : type === 'object' ? {} : type === 'array' ? [] : type === 'integer' || type === 'number' ? (property.minimum ?? 1) : type === 'boolean' ? true : 'fuzz';
  }
  return body;
}

/** A value of another JSON type than the property's. */
const wrongTypeFor = (property: Schema): unknown => {
  const type = typeOf(property);
  return type === 'string' ? 12345 : type === 'object' ? 'not an object' : type === 'array' ? { not: 'an array' } : type === 'boolean' ? 'yes' : 'not a number';
};

/** Numbers JSON carries that DynamoDB or a JavaScript number cannot keep, as the client writes them. */
const PAST_LIMITS = ['1e308', '9007199254740993', '1e126', '-1e126', '1e-200', '1e400'];
/** Numbers right at the limits: storable, so the route decides. */
const AT_LIMITS = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e-130, 9_999_999_999_999.99, 0];
/** Strings that disguise text, break encodings or are simply huge. */
const ODD_STRINGS: Record<string, string> = {
  'a right-to-left override': 'invoice\u202Efdp.exe',
  'bidirectional isolates and marks': '\u2066a\u2069\u200E\u200F\u061C',
  'zero-width characters': 'a\u200B\u200C\u200D\u2060b',
  'a byte order mark': '\uFEFF张三',
  'a lone high surrogate': 'a\uD800b',
  'a lone low surrogate': '\uDC00',
  'control characters': 'a\u0000\u0007\u001B\u007F\u0085b',
  'a 200 KB string': 'x'.repeat(200_000),
  'Chinese and an emoji': '办事😀ᠮᠣᠩᠭᠣᠯ',
};
/** Path parameter values a client should never send (percent-encoded as they travel). */
const ODD_PARAMETERS = ['..', '%2E%2E', 'a%2Fb', '%00', '%E5%8A%9E%E4%BA%8B', '%E2%80%AE', '%ED%A0%80', '%F0%9F%98%80', '%25', '%20', '-1', '1e308', '9007199254740993', 'x'.repeat(2_000)];
const ODD_QUERY = '?cursor=%ZZ&limit=1e308&for=..&q=%E2%80%AE%00&department=%ED%A0%80&level=-1&type=%F0%9F%98%80';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** One request to send: a label for failures, the raw body, and what it must get. */
interface Probe {
  label: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** A refusal is required (and for numbers past the limits, a 422 at `pointer` on JSON routes). */
  refused: boolean;
  pointer?: string;
}

/** Where a number is put: inside the first object-valued property of the schema (`/data/amount`), else at the top. */
function numberSlot(schema: Schema | undefined): { path: string[]; pointer: string } {
  const objectProperty = Object.entries(schema?.properties ?? {}).find(([, p]) => (p as Schema).type === 'object')?.[0];
  return objectProperty ? { path: [objectProperty, 'amount'], pointer: `/${objectProperty}/amount` } : { path: ['amount'], pointer: '/amount' };
}

/** JSON text of `body` with the raw number text `number` at `path` (JSON.stringify cannot write 2^53 + 1). */
function withRawNumber(body: Record<string, unknown>, path: string[], number: string): string {
  const marker = `__number_${Math.random().toString(36).slice(2)}__`;
  const copy = structuredClone(body) as Record<string, any>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] = typeof node[key] === 'object' && node[key] !== null ? node[key] : {};
  node[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, number);
}

function mustRefuse(route: RouteSpec): Probe[] {
  const schema = schemaOf(route);
  const sample = sampleOf(schema);
  const path = pathOf(route);
  const slot = numberSlot(schema);
  const json = (label: string, body: string | Uint8Array, extra: Partial<Probe> = {}): Probe => ({ label, path, body, headers: JSON_HEADERS, refused: true, ...extra });
  const probes: Probe[] = [
    ...PAST_LIMITS.map((n) => json(`the number ${n}`, withRawNumber(sample, slot.path, n), { pointer: slot.pointer })),
    json('a number past the limits at the top of the body', withRawNumber(sample, ['n'], '1e308'), { pointer: '/n' }),
    json('a number past the limits deep in an array', withRawNumber(sample, ['list'], '[1,[2,{"x":1e-300}]]')),
    json('malformed JSON', '{"itemId": "senior-card",'),
    json('a JSON array', '[]'),
    json('a bare string', '"hello"'),
    json('JSON null', 'null'),
    json('a 300 KB body', JSON.stringify({ ...sample, padding: 'x'.repeat(300 * 1024) })),
    json('arrays nested 1,000 deep', deepArray(1000)),
    json('objects nested 1,000 deep', deepObject(1000)),
    json('a __proto__ key', `{"__proto__":{"isAdmin":true},${JSON.stringify(sample).slice(1)}`.replace(',}', '}')),
    json('bytes that are not UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  ];
  if (schema) {
    const wrong = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, p]) => [name, wrongTypeFor(p as Schema)]));
    probes.push(json('every field of the wrong type', JSON.stringify(wrong)));
  }
  return probes;
}

function mayAccept(route: RouteSpec): Probe[] {
  const schema = schemaOf(route);
  if (!schema) return [];
  const sample = sampleOf(schema);
  const path = pathOf(route);
  const probes: Probe[] = [];
  const slot = numberSlot(schema);
  for (const n of AT_LIMITS) probes.push({ label: `the number ${n}`, path, body: withRawNumber(sample, slot.path, String(n)), headers: JSON_HEADERS, refused: false });
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
    const type = typeOf(property);
    if (type === 'integer' || type === 'number') {
      for (const n of AT_LIMITS) probes.push({ label: `${name} = ${n}`, path, body: JSON.stringify({ ...sample, [name]: n }), headers: JSON_HEADERS, refused: false });
    }
    for (const [what, text] of Object.entries(ODD_STRINGS)) {
      const value = type === 'object' ? { name: text, [text.slice(0, 40)]: text } : type === 'array' ? [text] : text;
      probes.push({ label: `${what} in ${name}`, path, body: JSON.stringify({ ...sample, [name]: value }), headers: JSON_HEADERS, refused: false });
    }
  }
  return probes;
}

function oddPaths(route: RouteSpec): Probe[] {
  const probes: Probe[] = [];
  const body = takesBody(route) ? JSON.stringify(sampleOf(schemaOf(route))) : undefined;
  const headers = body === undefined ? undefined : JSON_HEADERS;
  for (const name of paramsOf(route)) {
    for (const value of ODD_PARAMETERS) {
      // fetch resolves dot segments before sending (`/versions/..` goes out as the item's path): no refusal to expect.
      const dotSegment = /^(\.\.|%2E%2E)$/i.test(value);
      probes.push({ label: `{${name}} = ${value.slice(0, 24)}`, path: pathOf(route, { [name]: value }), body, headers, refused: !dotSegment });
    }
  }
  if (methodOf(route) === 'GET') probes.push({ label: 'odd query parameters', path: `${pathOf(route)}${ODD_QUERY}`, refused: false });
  return probes;
}

/** Sends each probe as each user; returns what went wrong (an empty list when all is well). */
async function run(route: RouteSpec, probes: Probe[], users: string[]): Promise<string[]> {
  const failures: string[] = [];
  const method = methodOf(route);
  for (const user of users) {
    const client = clients.get(user)!;
    for (const probe of probes) {
      const headers = { ...probe.headers, ...(route.key === 'POST /api/cases' ? { 'idempotency-key': newKey() } : {}) };
      const res: ApiResponse = await client.raw(method, probe.path, probe.body, headers);
      const label = `${user} ${probe.label}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
      if (res.status >= 500) failures.push(label);
      else if (probe.refused && res.status < 400 && !(method === 'DELETE' && res.status === 204)) failures.push(`not refused — ${label}`);
      else if (probe.refused && res.status >= 400) {
        try {
          expectProblem(res);
        } catch (error) {
          failures.push(`not a problem — ${label}: ${(error as Error).message.slice(0, 200)}`);
        }
      }
      if (probe.pointer && route.body && res.status !== 422) failures.push(`not 422 — ${label}`);
      if (probe.pointer && route.body && !(res.body?.errors ?? []).some((e: { pointer: string }) => e.pointer === probe.pointer)) {
        failures.push(`no error at ${probe.pointer} — ${label}`);
      }
    }
  }
  return failures;
}

const bodyRoutes = routes.filter(takesBody);
const routesWithParameters = routes.filter((r) => paramsOf(r).length > 0 || methodOf(r) === 'GET');

describe('bad input on every route of the route table', () => {
  beforeAll(async () => {
    api = await startApi('api-every-route', '2026-11-25');
    const users = new Set([...Object.values(REACH).flat(), 'u-admin']);
    await Promise.all([...users].map(async (u) => clients.set(u, await api.signIn(u))));
    const zhang = clients.get('u-zhangsan')!;
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    if (submitted.status !== 201) throw new Error(`setup submission failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    fixtures.caseId = submitted.body.case.id;
    fixtures.receiptNo = submitted.body.case.receiptNo;
    const blob = await zhang.post('/api/blobs', { name: 'photo.png', contentType: 'image/png', size: 8 });
    if (blob.status !== 201) throw new Error(`setup blob failed: ${blob.status}`);
    fixtures.blobId = blob.body.blobId;
  });
  afterAll(() => api.stop());

  it('covers every route of the table', () => {
    const covered = new Set([...bodyRoutes, ...routesWithParameters].map((r) => r.key));
    const uncovered = routes.filter((r) => !covered.has(r.key) && !(methodOf(r) === 'DELETE' && paramsOf(r).length === 0));

    expect(uncovered.map((r) => r.key)).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it.each(bodyRoutes.map((r) => [r.key, r] as const))('%s refuses bodies it must refuse, with a 4xx problem, and writes nothing', async (_key, route) => {
    const before = await api.itemCount();

    const failures = await run(route, mustRefuse(route), reachOf(route));

    expect(failures).toEqual([]);
    expect(await api.itemCount()).toBe(before);
  }, 120_000);

  it.each(bodyRoutes.filter((r) => r.body).map((r) => [r.key, r] as const))('%s answers limits, Unicode and huge strings in every field without a 5xx', async (_key, route) => {
    const failures = await run(route, mayAccept(route), reachOf(route).slice(0, 1));

    expect(failures).toEqual([]);
  }, 180_000);

  it.each(routesWithParameters.map((r) => [r.key, r] as const))('%s answers odd path parameters and query strings without a 5xx, and writes nothing', async (_key, route) => {
    const before = await api.itemCount();

    const failures = await run(route, oddPaths(route), reachOf(route));

    expect(failures).toEqual([]);
    expect(await api.itemCount()).toBe(before);
  }, 120_000);
});
