/**
 * The designer beyond drafts: claims written by designers, unfinished cases per version before
 * publishing, roll back by republishing an earlier version, and export / import of an item file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionOfFile, readItemFile, toItemFile, loadBuiltInItems } from '@banshi/schemas';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { seniorCardApplication } from './helpers/applications.js';

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;

/** A new item built from the senior card's definitions under another id. */
function newItem(id: string, name = '高龄津贴申领') {
  return {
    item: { ...structuredClone(senior.item), id, status: 'draft' as const, version: 1, name: { 'zh-CN': name, en: 'Old-age allowance' } },
    form: structuredClone(senior.form),
    ui: structuredClone(senior.ui),
    flow: structuredClone(senior.flow),
  };
}

/** 张三's senior-card application, filed for another item (its first claim chosen by the server). */
function applicationFor(itemId: string) {
  const { claimId: _claimId, ...application } = seniorCardApplication();
  return { ...application, itemId };
}

const claimOf = (overrides: Record<string, unknown> = {}) => ({
  departmentId: 'd-150102-civil-affairs',
  level: '4',
  region: '150102',
  departments: {},
  overrides: { promisedLimit: { value: 2, unit: 'workingDays' }, consultation: { phone: '0471-6661234' } },
  ...overrides,
});

describe('designer: claims, cases in flight, roll back, export and import', () => {
  let api: Api;
  let designer: ApiClient;
  let applicant: ApiClient;
  let window: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-designer-claims', '2026-03-02');
    [designer, applicant, window] = await Promise.all([api.signIn('u-designer'), api.signIn('u-zhangsan'), api.signIn('u-xc-civil-window')]);
  });
  afterAll(() => api.stop());

  describe('claims', () => {
    it('creates a claim that a submission then routes to', async () => {
      await designer.post('/api/items', newItem('allowance-claimed'));
      await designer.post('/api/items/allowance-claimed/publish', {});

      const created = await designer.post('/api/items/allowance-claimed/claims', claimOf());

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ itemId: 'allowance-claimed', departmentId: 'd-150102-civil-affairs', id: expect.stringMatching(/^c-/) });
      const listed = await api.anonymous.get('/api/items/allowance-claimed/claims');
      expect(listed.body.items).toEqual([created.body]);
      const filed = await applicant.post('/api/cases', applicationFor('allowance-claimed'), { 'idempotency-key': newKey() });
      expect(filed.status).toBe(201);
      expect(filed.body.case).toMatchObject({ claimId: created.body.id, departmentId: 'd-150102-civil-affairs' });
    });

    it('replaces a claim and deletes it, answering 404 for one that is gone', async () => {
      await designer.post('/api/items', newItem('allowance-edit'));
      const created = await designer.post('/api/items/allowance-edit/claims', claimOf({ id: 'c-allowance-xc' }));
      expect(created.status).toBe(201);

      const replaced = await designer.put('/api/items/allowance-edit/claims/c-allowance-xc', claimOf({ overrides: { location: { address: { 'zh-CN': '新城区政务服务中心二楼' } } } }));
      expect(replaced.status).toBe(200);
      expect((await api.anonymous.get('/api/items/allowance-edit/claims')).body.items[0].overrides).toEqual({ location: { address: { 'zh-CN': '新城区政务服务中心二楼' } } });

      const deleted = await designer.raw('DELETE', '/api/items/allowance-edit/claims/c-allowance-xc', undefined);
      expect(deleted.status).toBe(204);
      expect((await api.anonymous.get('/api/items/allowance-edit/claims')).body.items).toEqual([]);
      expect((await designer.raw('DELETE', '/api/items/allowance-edit/claims/c-allowance-xc', undefined)).status).toBe(404);
      expect((await designer.put('/api/items/allowance-edit/claims/c-allowance-xc', claimOf())).status).toBe(404);
    });

    it('answers a second claim of the same id with 409', async () => {
      await designer.post('/api/items', newItem('allowance-twice'));
      await designer.post('/api/items/allowance-twice/claims', claimOf({ id: 'c-twice' }));

      const again = await designer.post('/api/items/allowance-twice/claims', claimOf({ id: 'c-twice' }));

      expect(again.status).toBe(409);
    });

    it('refuses an unknown department, a level and region not the department’s and a bad override, each at its pointer, and writes nothing', async () => {
      await designer.post('/api/items', newItem('allowance-bad-claim'));
      const before = await api.itemCount();

      const unknown = await designer.post('/api/items/allowance-bad-claim/claims', claimOf({ departmentId: 'd-nowhere' }));
      const mismatch = await designer.post('/api/items/allowance-bad-claim/claims', claimOf({ level: '3', region: '150100' }));
      const badLimit = await designer.post('/api/items/allowance-bad-claim/claims', claimOf({ overrides: { promisedLimit: { value: -3, unit: 'workingDays' } } }));

      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/departmentId', message: '部门 d-nowhere 不存在' })]);
      expect(mismatch.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/level', '/region']);
      expect(badLimit.status).toBe(422);
      expect(badLimit.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/overrides/promisedLimit/value');
      expect(await api.itemCount()).toBe(before);
    });

    it('asks for every department slot of the item', async () => {
      const draft = newItem('allowance-slots');
      draft.item.departmentSlots = [{ slot: 'health', name: { 'zh-CN': '卫生健康部门' } }];
      await designer.post('/api/items', draft);

      const missing = await designer.post('/api/items/allowance-slots/claims', claimOf());
      const given = await designer.post('/api/items/allowance-slots/claims', claimOf({ departments: { health: 'd-150102-market-regulation' } }));

      expect(missing.body.errors).toEqual([expect.objectContaining({ pointer: '/departments/health' })]);
      expect(given.status).toBe(201);
    });

    it('answers 404 for a claim of an item that does not exist, and 403 for an applicant', async () => {
      expect((await designer.post('/api/items/no-such-item/claims', claimOf())).status).toBe(404);
      expect((await applicant.post('/api/items/senior-card/claims', claimOf())).status).toBe(403);
    });
  });

  describe('cases in flight', () => {
    it('counts unfinished cases per version from the stream, and drops a case once it finishes', async () => {
      await designer.post('/api/items', newItem('allowance-flight'));
      await designer.post('/api/items/allowance-flight/publish', {});
      await designer.post('/api/items/allowance-flight/claims', claimOf());
      const file = () => applicant.post('/api/cases', applicationFor('allowance-flight'), { 'idempotency-key': newKey() });
      const [first] = await Promise.all([file(), file(), file()]);
      await api.drainStatistics();
      expect((await designer.get('/api/items/allowance-flight/in-flight')).body).toEqual({ itemId: 'allowance-flight', versions: [{ version: 1, inFlight: 3 }], total: 3 });

      const task = (await window.get(`/api/cases/${first.body.case.id}`)).body.openTasks[0];
      const res = await window.post(`/api/cases/${first.body.case.id}/actions`, { action: 'notAccept', taskId: task.id, expectedVersion: 1, reason: '不符合条件' });
      expect(res.body.case.status).toBe('notAccepted');
      await api.drainStatistics();

      expect((await designer.get('/api/items/allowance-flight/in-flight')).body.total).toBe(2);
    });

    it('answers an item without cases with none, and an unknown item with 404', async () => {
      await designer.post('/api/items', newItem('allowance-quiet'));

      expect((await designer.get('/api/items/allowance-quiet/in-flight')).body).toEqual({ itemId: 'allowance-quiet', versions: [], total: 0 });
      expect((await designer.get('/api/items/no-such-item/in-flight')).status).toBe(404);
    });
  });

  describe('roll back', () => {
    it('republishes an earlier version as a new version, leaving every version as it was', async () => {
      await designer.post('/api/items', newItem('allowance-rollback', '版本一名称'));
      await designer.post('/api/items/allowance-rollback/publish', {});
      const draft = (await designer.get('/api/items/allowance-rollback/draft')).body;
      await designer.put('/api/items/allowance-rollback/draft', { ...newItem('allowance-rollback', '版本二名称'), expectedRevision: draft.revision });
      await designer.post('/api/items/allowance-rollback/publish', {});

      const rolledBack = await designer.post('/api/items/allowance-rollback/publish', { fromVersion: 1 });

      expect(rolledBack.status).toBe(201);
      expect(rolledBack.body).toMatchObject({ version: 3, fromVersion: 1 });
      const [v1, v2, v3] = await Promise.all([1, 2, 3].map(async (v) => (await api.anonymous.get(`/api/items/allowance-rollback/versions/${v}`)).body));
      expect(v3.item.name['zh-CN']).toBe('版本一名称');
      expect(v2.item.name['zh-CN']).toBe('版本二名称');
      expect({ ...v3.item, version: 1 }).toEqual(v1.item);
      expect(v3.form).toEqual(v1.form);
      expect(v3.flow).toEqual(v1.flow);
      expect((await api.anonymous.get('/api/items/allowance-rollback')).body.version).toBe(3);
    });

    it('answers a roll back to a version that does not exist with 404', async () => {
      expect((await designer.post('/api/items/allowance-rollback/publish', { fromVersion: 42 })).status).toBe(404);
    });
  });

  describe('export and import', () => {
    it('imports an exported item into a draft and gives an identical definition', async () => {
      const source = newItem('allowance-export');
      source.item.fees = [{ name: { 'zh-CN': '工本费' }, amount: 5, basis: { 'zh-CN': '收费依据文件' } }];
      await designer.post('/api/items', source);
      await designer.post('/api/items/allowance-export/claims', claimOf({ id: 'c-export' }));
      const before = (await designer.get('/api/items/allowance-export/draft')).body;
      const claims = (await api.anonymous.get('/api/items/allowance-export/claims')).body.items;

      const text = JSON.stringify(toItemFile(before, claims), null, 2);
      const read = readItemFile(text);
      expect(read.problems).toEqual([]);
      const imported = await designer.put('/api/items/allowance-export/draft', { ...definitionOfFile(read.file!), expectedRevision: before.revision });
      expect(imported.status).toBe(200);
      for (const claim of read.file!.claims ?? []) {
        const { itemId: _itemId, ...body } = claim;
        expect((await designer.put(`/api/items/allowance-export/claims/${claim.id}`, body)).status).toBe(200);
      }

      const after = (await designer.get('/api/items/allowance-export/draft')).body;
      expect(after.revision).toBe(before.revision + 1);
      const definition = ({ item, form, ui, flow }: typeof before) => ({ item, form, ui, flow });
      expect(definition(after)).toEqual(definition(before));
      expect((await api.anonymous.get('/api/items/allowance-export/claims')).body.items).toEqual(claims);
    });

    it('creates a new item from a file exported under another id', async () => {
      const exported = toItemFile(newItem('allowance-origin'));
      const copy = { ...exported, item: { ...exported.item, id: 'allowance-copy' } };
      const read = readItemFile(JSON.stringify(copy));

      const created = await designer.post('/api/items', definitionOfFile(read.file!));

      expect(created.status).toBe(201);
      expect((await designer.get('/api/items/allowance-copy/draft')).body.item).toEqual(copy.item);
    });
  });
});
