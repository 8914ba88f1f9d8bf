/**
 * Races and retries over real HTTP against DynamoDB Local (DESIGN §11): conflicting actions on one
 * task, replays of one submission under one Idempotency-Key, and stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';
import { businessRegistration } from './helpers/applications.js';
import { act, expectProblem, inboxTask, readCase } from './helpers/workbench.js';

/** Runs `count` calls of `send`, at most `width` at a time; answers in call order. */
async function bounded<T>(count: number, width: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await send(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
  return results;
}

const countBy = (responses: ApiResponse[]) =>
  responses.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('concurrency and idempotency over the HTTP API', () => {
  let api: Api;
  let li: ApiClient;
  let window: ApiClient;
  let decider: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-concurrency', '2026-11-04');
    [li, window, decider] = await Promise.all([api.signIn('u-lisi'), api.signIn('u-xc-market-window'), api.signIn('u-xc-market-decider')]);
  });
  afterAll(() => api.stop());

  async function submitted() {
    const res = await li.post('/api/cases', businessRegistration(), { 'idempotency-key': newKey() });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; version: number };
  }

  it('lets exactly one of 50 concurrent acceptances of one task win and answers the other 49 with 409', async () => {
    const filed = await submitted();
    const task = await inboxTask(window, 'window', filed.id);

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => act(window, filed.id, { action: 'accept', taskId: task.id, expectedVersion: filed.version })),
    );

    expect(countBy(responses)).toEqual({ 200: 1, 409: 49 });
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.headers.get('content-type')).toContain('application/problem+json');
      expect(loser.body.type).toBe('https://banshi.local/problems/conflict');
    }
    const history = await li.get(`/api/cases/${filed.id}/history`);
    expect(history.body.items.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
    expect((await readCase(li, filed.id)).case).toMatchObject({ status: 'accepted', version: filed.version + 1 });
  });

  it('lets exactly one of 50 concurrent approvals of one decision task win', async () => {
    const filed = await submitted();
    const acceptTask = await inboxTask(window, 'window', filed.id);
    const accepted = await act(window, filed.id, { action: 'accept', taskId: acceptTask.id, expectedVersion: filed.version });
    const task = await inboxTask(decider, 'decider', filed.id);

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => act(decider, filed.id, { action: 'approve', taskId: task.id, expectedVersion: accepted.body.case.version })),
    );

    expect(countBy(responses)).toEqual({ 200: 1, 409: 49 });
    const history = await li.get(`/api/cases/${filed.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'approve']);
  });

  it('turns 1,000 replays of one submission with one Idempotency-Key into exactly one case', async () => {
    await submitted(); // the month's statistics item exists before counting
    const before = await api.itemCount();
    const listedBefore = (await li.get('/api/my/cases?limit=100')).body.items.length;
    const key = newKey();
    const body = businessRegistration();

    const responses = await bounded(1000, 25, () => li.post('/api/cases', body, { 'idempotency-key': key }));

    expect(countBy(responses)).toEqual({ 201: 1, 200: 999 });
    const ids = new Set(responses.map((r) => r.body.case.id));
    expect(ids.size).toBe(1);
    const [caseId] = ids;
    const mine = await li.get('/api/my/cases?limit=100');
    expect(mine.body.items.filter((c: { id: string }) => c.id === caseId)).toHaveLength(1);
    expect(mine.body.items).toHaveLength(listedBefore + 1);
    // The case's own items: the case, its open task, its one audit event and the idempotency record.
    const { openTasks } = await readCase(li, caseId);
    const history = await li.get(`/api/cases/${caseId}/history`);
    expect(openTasks.length + history.body.items.length).toBe(2);
    expect(await api.itemCount()).toBe(before + 1 + openTasks.length + history.body.items.length + 1);
  }, 180_000);

  it('marks a replayed submission as such and points to the original case', async () => {
    const key = newKey();
    const first = await li.post('/api/cases', businessRegistration(), { 'idempotency-key': key });

    const replay = await li.post('/api/cases', businessRegistration(), { 'idempotency-key': key });

    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe(`/api/cases/${first.body.case.id}`);
  });

  it('answers a stale expectedVersion with 409 and writes nothing', async () => {
    const filed = await submitted();
    const task = await inboxTask(window, 'window', filed.id);
    const before = await api.itemCount();

    const res = await act(window, filed.id, { action: 'notAccept', taskId: task.id, expectedVersion: filed.version + 1, reason: '材料不全' });

    expectProblem(res, 409, 'conflict');
    expect(await api.itemCount()).toBe(before);
    expect((await readCase(li, filed.id)).case).toMatchObject({ status: 'submitted', version: filed.version });
  });
});
