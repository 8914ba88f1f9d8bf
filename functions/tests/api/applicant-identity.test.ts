/**
 * Issue 9 §1 and §5: a case is about the identity the server verified — the signed-in person's
 * resident ID number, the enterprise's credit code, or, for an agent, the applicant they act for —
 * never about numbers typed into the form. Also: an agent acts only on the cases the agent filed,
 * and only those who may submit may declare attachments.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidResidentId } from '@banshi/forms';
import { loadReference } from '@banshi/schemas';
import { newKey, startApi, type Api, type ApiClient } from '../support/api-harness.js';
import { businessRegistration, constructionApplication, people, seniorCardApplication } from './helpers/applications.js';
import { act, expectProblem, inboxTask, readCase } from './helpers/workbench.js';

/** 张三's senior card with the applicant section as given (name and ID number replaced or left out). */
function seniorCard(applicant: { name?: string; idNumber?: string }, extra: Record<string, unknown> = {}) {
  const body = seniorCardApplication();
  const { name: _name, idNumber: _idNumber, ...rest } = body.data.applicant;
  return { ...body, ...extra, data: { ...body.data, applicant: { ...rest, ...applicant } } };
}

describe('the applicant identity a case is about', () => {
  let api: Api;
  let zhang: ApiClient;
  let li: ApiClient;
  let agent: ApiClient;
  let qingcheng: ApiClient;
  let civilWindow: ApiClient;
  let designer: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-applicant-identity', '2026-11-25');
    [zhang, li, agent, qingcheng, civilWindow, designer] = await Promise.all(
      ['u-zhangsan', 'u-lisi', 'u-wangwu', 'u-qingcheng', 'u-xc-civil-window', 'u-designer'].map((u) => api.signIn(u)),
    );
  });
  afterAll(() => api.stop());

  const submit = (client: ApiClient, body: unknown, headers: Record<string, string> = {}) =>
    client.post('/api/cases', body, { 'idempotency-key': newKey(), ...headers });

  describe('someone else’s identity in the form', () => {
    it('refuses 李四 submitting the senior card with 张三’s name and ID number, at both fields, and writes nothing', async () => {
      const before = await api.itemCount();

      const res = await submit(li, seniorCard(people.zhangsan), { 'accept-language': 'zh-CN' });

      expectProblem(res, 422, 'validation-failed');
      expect(res.body.errors).toEqual([
        { pointer: '/data/applicant/name', code: 'applicant.identityMismatch', message: '姓名：与申请人的实名认证信息不一致，不能为他人填写' },
        { pointer: '/data/applicant/idNumber', code: 'applicant.identityMismatch', message: '公民身份号码：与申请人的实名认证信息不一致，不能为他人填写' },
      ]);
      expect(await api.itemCount()).toBe(before);
    });

    it('says so in English too', async () => {
      const res = await submit(li, seniorCard({ idNumber: people.zhangsan.idNumber }), { 'accept-language': 'en' });

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ pointer: '/data/applicant/idNumber', code: 'applicant.identityMismatch', message: expect.stringContaining("verified identity") }),
      ]);
    });

    it('evaluates the age rule on 李四’s verified ID number when he leaves the section to his account', async () => {
      const res = await submit(li, seniorCard({}), { 'accept-language': 'zh-CN' });

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ pointer: '/data/applicant/idNumber', code: 'check.atLeast60', message: '申请人须年满60周岁' }]);
    });

    it('refuses an agent putting his own ID number into the application he files for 张三', async () => {
      const wangwu = loadReference().users.find((u) => u.id === 'u-wangwu')!;

      const res = await submit(agent, { ...seniorCard({ name: '张三', idNumber: wangwu.idNumber }), onBehalfOf: 'u-zhangsan' });

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/applicant/idNumber', code: 'applicant.identityMismatch' })]);
    });

    it('refuses a person entering a credit code on a form that asks a person or an organisation', async () => {
      const body = {
        itemId: 'information-disclosure',
        data: {
          applicant: { kind: 'organisation', name: '张三', creditCode: '91150100MA13QW5E7R', legalRepresentative: '张三', contactName: '张三', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号' },
          request: { description: '2025年呼和浩特市新城区老旧小区改造项目的资金安排文件' },
          delivery: { medium: 'electronic', method: 'online' },
          attachments: { identity: [{ blobId: 'disclosure-id', name: 'id.jpg', size: 120_000, contentType: 'image/jpeg' }] },
        },
      };

      const res = await submit(zhang, body);

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/applicant/creditCode', code: 'applicant.identityUnverified' })]);
    });
  });

  describe('the verified identity filled in', () => {
    it('fills 张三’s name and ID number from his account, records them on the case and computes his age from them', async () => {
      const res = await submit(zhang, seniorCard({}));

      expect(res.status).toBe(201);
      expect(res.body.case.data.applicant).toMatchObject({ name: '张三', idNumber: people.zhangsan.idNumber });
      expect(res.body.case.data.age).toBe(70);
      expect(res.body.case.applicant).toEqual({ userId: 'u-zhangsan', name: '张三', kind: 'person', idNumber: people.zhangsan.idNumber });
      expect(res.body.case.subject).toBeUndefined();
    });

    it('accepts the same identity typed with spaces around it, stored as verified', async () => {
      const res = await submit(zhang, seniorCard({ name: ' 张三 ', idNumber: ` ${people.zhangsan.idNumber} ` }));

      expect(res.status).toBe(201);
      expect(res.body.case.data.applicant).toMatchObject({ name: '张三', idNumber: people.zhangsan.idNumber });
    });

    it('gives the case an agent files the identity of the applicant he acts for', async () => {
      const res = await submit(agent, { ...seniorCard({}), onBehalfOf: 'u-zhangsan' });

      expect(res.status).toBe(201);
      expect(res.body.case).toMatchObject({
        agentId: 'u-wangwu',
        applicant: { userId: 'u-zhangsan', name: '张三', kind: 'person', idNumber: people.zhangsan.idNumber },
        data: { applicant: { name: '张三', idNumber: people.zhangsan.idNumber }, age: 70 },
      });
    });

    it('gives an enterprise’s case its credit code, in the section the form declares (/builder)', async () => {
      const body = constructionApplication({ hasBasement: false });
      const { creditCode: _c, name: _n, ...builder } = body.data.builder;

      const res = await submit(qingcheng, { ...body, data: { ...body.data, builder } });

      expect(res.status).toBe(201);
      expect(res.body.case.data.builder).toMatchObject({ name: '呼和浩特青城建筑工程有限公司', creditCode: '91150100MA13QW5E7R' });
      expect(res.body.case.applicant).toEqual({ userId: 'u-qingcheng', name: '呼和浩特青城建筑工程有限公司', kind: 'enterprise', creditCode: '91150100MA13QW5E7R' });
    });

    it('keeps a correction from changing whom the case is about', async () => {
      const { body: filed } = await submit(zhang, seniorCard({}));
      const task = await inboxTask(civilWindow, 'window', filed.case.id);
      const returned = await act(civilWindow, filed.case.id, {
        action: 'returnForCorrection', taskId: task.id, expectedVersion: 1, correction: [{ pointer: '/applicant/address', message: '请填写完整的门牌号' }],
      });
      const corrected = { ...filed.case.data, applicant: { ...filed.case.data.applicant, idNumber: people.lisi.idNumber } };

      const res = await act(zhang, filed.case.id, { action: 'resubmit', expectedVersion: returned.body.case.version, data: corrected });

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/data/applicant/idNumber', code: 'applicant.identityMismatch' })]);
      expect((await readCase(zhang, filed.case.id)).case.status).toBe('correction');
    });
  });

  describe('applying for someone else (subject.mayDiffer)', () => {
    it('records the relation and the subject beside 李四’s own verified identity when he applies for his father', async () => {
      const res = await submit(li, seniorCard(people.zhangsan, { subjectRelation: 'child' }));

      expect(res.status).toBe(201);
      expect(res.body.case.applicant).toEqual({ userId: 'u-lisi', name: '李四', kind: 'person', idNumber: people.lisi.idNumber });
      expect(res.body.case.subject).toEqual({ relation: 'child', name: '张三', idNumber: people.zhangsan.idNumber });
      expect(res.body.case.data.age).toBe(70);
      const seen = await readCase(civilWindow, res.body.case.id);
      expect(seen.case.subject).toMatchObject({ relation: 'child' });
    });

    it('refuses a relation on an item whose subject is always the applicant', async () => {
      const res = await submit(li, { ...businessRegistration(), subjectRelation: 'child' });

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/subjectRelation', code: 'subject.relation' })]);
    });

    it('refuses a relation the item does not list', async () => {
      const res = await submit(li, seniorCard(people.zhangsan, { subjectRelation: 'parent' }));

      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/subjectRelation', code: 'subject.relation' })]);
    });
  });

  describe('the agent’s reach (§5)', () => {
    it('refuses 王五 withdrawing a case 张三 filed himself, and leaves it as it was', async () => {
      const { body: filed } = await submit(zhang, seniorCard({}));

      const res = await act(agent, filed.case.id, { action: 'withdraw', expectedVersion: 1, reason: '申请人不再需要' });

      expectProblem(res, 403, 'forbidden');
      expect((await readCase(zhang, filed.case.id)).case).toMatchObject({ status: 'submitted', version: 1 });
    });

    it('lets 王五 withdraw a case he filed for 张三', async () => {
      const { body: filed } = await submit(agent, { ...seniorCard({}), onBehalfOf: 'u-zhangsan' });

      const res = await act(agent, filed.case.id, { action: 'withdraw', expectedVersion: 1, reason: '申请人已现场办理' });

      expect(res.status).toBe(200);
      expect(res.body.case.status).toBe('withdrawn');
    });
  });

  describe('who may declare an attachment (§5)', () => {
    const blob = { name: '身份证.png', contentType: 'image/png', size: 68, material: 'identity' };
    const blobFiles = async () => (await readdir(api.blobDir).catch(() => [])).sort();

    it.each([
      ['window staff', () => civilWindow],
      ['a designer', () => designer],
    ])('refuses %s with 403 and records no blob', async (_, who) => {
      const before = await blobFiles();

      const res = await who().post('/api/blobs', blob);

      expectProblem(res, 403, 'forbidden');
      expect(await blobFiles()).toEqual(before);
    });

    it.each([
      ['an applicant', () => zhang],
      ['an agent', () => agent],
    ])('lets %s declare one', async (_, who) => {
      const res = await who().post('/api/blobs', blob);

      expect(res.status).toBe(201);
    });
  });
});

describe('the sample users', () => {
  const users = loadReference().users.filter((u) => u.roles.includes('applicant') || u.roles.includes('agent'));

  it.each(users.map((u) => [u.id, u] as const))('%s has a verified identity with a valid check character', (_, u) => {
    if (u.kind === 'enterprise') expect(isValidCreditCode(u.creditCode ?? '')).toBe(true);
    else expect(isValidResidentId(u.idNumber ?? '')).toBe(true);
  });
});
