/**
 * Shared material of the bad-input tests: valid submissions to mutate, the problem+json checks
 * every refusal must pass, and the table of bad bodies.
 */
import { expect } from 'vitest';
import type { ApiResponse } from '../../support/api-harness.js';

/** The zh-CN and English titles of every problem type the edge may answer with. */
export const TITLES: Record<string, { 'zh-CN': string; en: string }> = {
  'bad-request': { 'zh-CN': '请求格式有误', en: 'The request is malformed' },
  'validation-failed': { 'zh-CN': '提交的数据未通过校验', en: 'The submitted data is not valid' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in' },
  forbidden: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'not-found': { 'zh-CN': '未找到请求的资源', en: 'Not found' },
  conflict: { 'zh-CN': '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  'action-not-allowed': { 'zh-CN': '当前状态下不允许此操作', en: 'This action is not allowed in the current state' },
  'payload-too-large': { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  'unsupported-media-type': { 'zh-CN': '不支持的内容类型，请使用 application/json', en: 'Unsupported content type; use application/json' },
  'method-not-allowed': { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  'idempotency-key-invalid': { 'zh-CN': '幂等键（Idempotency-Key）无效', en: 'The Idempotency-Key header is not valid' },
  'invalid-definition': { 'zh-CN': '定义存在错误', en: 'The definition has problems' },
  'idempotency-key-reused': {
    'zh-CN': '该幂等键（Idempotency-Key）已用于另一份不同的请求，请使用新的幂等键',
    en: 'This Idempotency-Key was already used for a different request; use a new key',
  },
};

const PROBLEM_TYPE_BASE = 'https://banshi.local/problems/';

/** The problem code of a response's `type`, e.g. `bad-request`. */
export function problemCode(res: ApiResponse): string {
  return String(res.body?.type ?? '').slice(PROBLEM_TYPE_BASE.length);
}

/**
 * Asserts that a response is a 4xx RFC 9457 problem in the given language: the content type,
 * `type`, `title` (the title of that type in that language), `status` equal to the HTTP status,
 * and well-formed `errors` (JSON pointers) when there are any.
 */
export function expectProblem(res: ApiResponse, locale: 'zh-CN' | 'en' = 'zh-CN'): void {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ type: expect.stringMatching(/^https:\/\/banshi\.local\/problems\/[a-z-]+$/), title: expect.any(String), status: res.status });
  const code = problemCode(res);
  expect(Object.keys(TITLES)).toContain(code);
  expect(res.body.title).toBe(TITLES[code][locale]);
  if (locale === 'zh-CN') expect(res.body.title).toMatch(/[\u4e00-\u9fff]/);
  else expect(res.body.title).not.toMatch(/[\u4e00-\u9fff]/);
  if (res.body.errors !== undefined) {
    expect(Array.isArray(res.body.errors)).toBe(true);
    for (const e of res.body.errors) {
      expect(e).toEqual({ pointer: expect.stringMatching(/^(\/([^~/]|~[01])*)*$/), code: expect.any(String), message: expect.any(String) });
    }
  }
}

/** The pointers of a problem's field errors. */
export const pointersOf = (res: ApiResponse): string[] => (res.body?.errors ?? []).map((e: { pointer: string }) => e.pointer);

const attachment = (blobId: string, contentType = 'image/jpeg') => [{ blobId, name: `${blobId}.${contentType === 'application/pdf' ? 'pdf' : 'jpg'}`, size: 120_000, contentType }];

/** A valid senior-card (老年人优待证) submission of 张三, born 1956. */
export function seniorCard(idNumber = '150102195603120014') {
  return {
    itemId: 'senior-card',
    data: {
      applicant: { name: '张三', idNumber, mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
      residenceType: 'hukou',
      attachments: { identity: attachment('id-front'), photo: attachment('photo') },
    },
  };
}

/** A valid construction-permit (工程建设项目施工许可) submission without a basement. */
export function constructionPermit(creditCode = '91150100MA13QW5E7R') {
  const pdf = (id: string) => attachment(id, 'application/pdf');
  return {
    itemId: 'construction-permit-parallel',
    data: {
      project: {
        name: '青城花园1号楼',
        code: '2026-150102-47-01-000001',
        nature: 'new',
        address: '呼和浩特市新城区兴安北路88号',
        regionCode: '150102',
        landArea: 5000,
        buildingArea: 12000.5,
        height: 30,
        storeysAbove: 10,
        hasBasement: false,
        investment: 50_000_000,
      },
      builder: { name: '呼和浩特青城建筑工程有限公司', creditCode, legalRepresentative: '赵刚', contactName: '赵刚', mobile: '13614710003' },
      attachments: {
        applicationForm: pdf('form'),
        landCertificate: pdf('land'),
        generalPlan: pdf('plan'),
        fireDesign: pdf('fire'),
        constructionContract: pdf('contract'),
      },
    },
  };
}

/** Replaces the last character of a code by another one of its alphabet. */
export function withWrongCheckCharacter(code: string, alphabet: string): string {
  const last = code[code.length - 1];
  const other = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
  return `${code.slice(0, -1)}${other}`;
}

/** `depth` nested arrays: `[[[…]]]`. */
export const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** `depth` nested objects: `{"a":{"a":…1…}}`. */
export const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
