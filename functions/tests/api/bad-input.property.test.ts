import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';
import { expectProblem, seniorCard } from './bad-input/bad-input-fixtures.js';

let api: Api;
let zhang: ApiClient;
let window: ApiClient;
let caseId: string;

/** A refused request is a 4xx problem; nothing else but a real submission (201) is acceptable. */
function expectRefusedOrCreated(res: ApiResponse): void {
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  if (res.status !== 201) expectProblem(res);
}

const submit = (body: string | Uint8Array | undefined, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  zhang.raw('POST', '/api/cases', body, { ...headers, 'idempotency-key': newKey() });

/** Paths of a senior-card submission that hold a value, for the mutation arbitraries. */
const FIELD_PATHS: string[][] = [
  ['itemId'],
  ['data'],
  ['data', 'applicant'],
  ['data', 'applicant', 'name'],
  ['data', 'applicant', 'idNumber'],
  ['data', 'applicant', 'mobile'],
  ['data', 'applicant', 'address'],
  ['data', 'applicant', 'regionCode'],
  ['data', 'residenceType'],
  ['data', 'attachments'],
  ['data', 'attachments', 'identity'],
  ['data', 'attachments', 'identity', '0'],
  ['data', 'attachments', 'identity', '0', 'size'],
  ['data', 'attachments', 'identity', '0', 'contentType'],
  ['data', 'attachments', 'photo'],
];
const OBJECT_PATHS: string[][] = [[], ['data'], ['data', 'applicant'], ['data', 'attachments'], ['data', 'attachments', 'photo', '0']];

type Json = Record<string, any>;

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The node at `path`, or undefined when an earlier mutation removed or replaced a step of it. */
function nodeAt(root: Json, path: string[]): Json | undefined {
  let node: unknown = root;
  for (const part of path) {
    if (!isContainer(node) || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return isContainer(node) ? node : undefined;
}

type Mutation = (body: Json) => void;

const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.constantFrom(...FIELD_PATHS).map((path) => ({
    name: `drop ${path.join('.')}`,
    apply: (body: Json) => {
      const parent = nodeAt(body, path.slice(0, -1));
      const key = path[path.length - 1];
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (parent) delete parent[key];
    },
  })),
  fc.tuple(fc.constantFrom(...FIELD_PATHS), fc.jsonValue({ maxDepth: 3 })).map(([path, value]) => ({
    name: `set ${path.join('.')} to ${JSON.stringify(value)}`,
    apply: (body: Json) => {
      const parent = nodeAt(body, path.slice(0, -1));
      if (parent) parent[path[path.length - 1]] = value;
    },
  })),
  fc.tuple(fc.constantFrom(...OBJECT_PATHS), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([path, extra, value]) => ({
    name: `add ${[...path, extra].join('.')}`,
    apply: (body: Json) => {
      const target = nodeAt(body, path);
      if (target) Object.defineProperty(target, extra, { value, enumerable: true, writable: true, configurable: true });
    },
  })),
  fc
    .tuple(
      fc.constantFrom('idNumber', 'mobile', 'regionCode'),
      fc.oneof(fc.string({ maxLength: 24 }), fc.stringMatching(/^[0-9X]{6,18}$/), fc.string({ unit: 'binary', maxLength: 24 })),
    )
    .map(([field, value]) => ({
      name: `applicant.${field} = ${JSON.stringify(value)}`,
      apply: (body: Json) => {
        const applicant = nodeAt(body, ['data', 'applicant']);
        if (applicant) applicant[field] = value;
      },
    })),
);

describe('fuzzing the submit and action routes over HTTP', () => {
  beforeAll(async () => {
    api = await startApi('api-bad-input-fuzz', '2026-11-25');
    [zhang, window] = await Promise.all([api.signIn('u-zhangsan'), api.signIn('u-xc-civil-window')]);
    const submitted = await zhang.post('/api/cases', seniorCard(), { 'idempotency-key': newKey() });
    if (submitted.status !== 201) throw new Error(`setup submission failed: ${submitted.status}`);
    caseId = submitted.body.case.id;
  });
  afterAll(() => api.stop());

  it('answers any JSON value as a submission with a 4xx problem and writes nothing', async () => {
    const before = await api.itemCount();

    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await submit(JSON.stringify(value));

        expectProblem(res);
      }),
      { numRuns: 200 },
    );

    expect(await api.itemCount()).toBe(before);
  }, 90_000);

  it('answers submissions of the right outline with arbitrary data with a 4xx problem and writes nothing', async () => {
    const before = await api.itemCount();
    const body = fc.record(
      {
        itemId: fc.oneof(fc.constantFrom('senior-card', 'construction-permit-parallel', 'information-disclosure', 'no-such-item'), fc.string()),
        claimId: fc.oneof(fc.constantFrom('c-senior-card-150102'), fc.string()),
        data: fc.dictionary(fc.oneof(fc.constantFrom('applicant', 'residenceType', 'attachments', 'age', '__proto__', 'constructor'), fc.string()), fc.jsonValue({ maxDepth: 3 })),
        onBehalfOf: fc.oneof(fc.constantFrom('u-lisi', 'u-zhangsan'), fc.string()),
      },
      { requiredKeys: ['itemId', 'data'] },
    );

    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        const res = await submit(JSON.stringify(value));

        expectProblem(res);
      }),
      { numRuns: 150 },
    );

    expect(await api.itemCount()).toBe(before);
  }, 90_000);

  it('answers mutations of a valid senior-card submission without a 5xx, and writes only when it answers 201', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const body = seniorCard() as Json;
        for (const m of mutations) m.apply(body);
        const before = await api.itemCount();

        const res = await submit(JSON.stringify(body));

        expectRefusedOrCreated(res);
        if (res.status !== 201) expect(await api.itemCount()).toBe(before);
      }),
      { numRuns: 150 },
    );
  }, 90_000);

  it('answers random bytes sent as JSON with a 4xx problem and writes nothing', async () => {
    const before = await api.itemCount();

    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const res = await submit(bytes);

        expectProblem(res);
      }),
      { numRuns: 200 },
    );

    expect(await api.itemCount()).toBe(before);
  }, 90_000);

  it('answers random text under any content type with a 4xx problem and writes nothing', async () => {
    const before = await api.itemCount();
    const contentType = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=gbk'),
      fc.stringMatching(/^[\x21-\x7e]{1,40}$/),
    );

    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 })), contentType, async (text, type) => {
        const res = await submit(text, { 'content-type': type });

        expectProblem(res);
      }),
      { numRuns: 200 },
    );

    expect(await api.itemCount()).toBe(before);
  }, 90_000);

  it('answers any JSON body on the actions route with a 4xx problem and leaves the case at version 1', async () => {
    const before = await api.itemCount();
    const actionName = fc.constantFrom('accept', 'notAccept', 'returnForCorrection', 'resubmit', 'approve', 'reject', 'suspend', 'resume', 'extend', 'complete', 'withdraw', 'transfer');
    const outlined = fc.record(
      {
        action: fc.oneof(actionName, fc.jsonValue({ maxDepth: 1 })),
        expectedVersion: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.jsonValue({ maxDepth: 1 })),
        taskId: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
        comment: fc.jsonValue({ maxDepth: 1 }),
        reason: fc.string(),
        correction: fc.jsonValue({ maxDepth: 3 }),
        extensionDays: fc.oneof(fc.integer({ min: -10, max: 500 }), fc.double()),
        procedure: fc.jsonValue({ maxDepth: 1 }),
        data: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    );

    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), outlined), async (value) => {
        const res = await window.raw('POST', `/api/cases/${caseId}/actions`, JSON.stringify(value), { 'content-type': 'application/json' });

        expectProblem(res);
      }),
      { numRuns: 200 },
    );

    const read = await window.get(`/api/cases/${caseId}`);
    expect(read.body.case.version).toBe(1);
    expect(await api.itemCount()).toBe(before);
  }, 90_000);

  it('leaves Object.prototype untouched after the fuzzing', () => {
    const probe = {} as Record<string, unknown>;

    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
  });
});
