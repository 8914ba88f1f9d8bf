/**
 * Real responses checked against the response schemas the OpenAPI document publishes (and the web
 * client's types are generated from): a handler that answers another shape fails here.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltInItems } from '@banshi/schemas';
import { renderOpenApi } from '../../src/api/openapi.js';
import { routes } from '../../src/handlers/routes.js';
import { newKey, startApi, type Api, type ApiClient, type ApiResponse } from '../support/api-harness.js';

const DOCUMENT = 'https://banshi.local/openapi.json';

/** Validates against the document's components, with the options the definition checks use. */
function documentValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addKeyword('x-extends');
  const { components } = renderOpenApi() as { components: object };
  ajv.addSchema({ $id: DOCUMENT, components });
  return (schemaName: string, body: unknown) => {
    const validate = ajv.getSchema(`${DOCUMENT}#/components/schemas/${schemaName}`)!;
    validate(body);
    return validate.errors ?? [];
  };
}

const validate = documentValidator();

/** Expects `res` to be the route's success, its body valid against the route's response schema. */
function expectConforms(key: string, res: ApiResponse) {
  const route = routes.find((r) => r.key === key);
  expect(route?.response, key).toBeDefined();
  expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(key === 'POST /api/cases' ? 201 : (route!.status ?? 200));
  expect(validate(route!.response!, res.body), key).toEqual([]);
}

const senior = loadBuiltInItems().find((b) => b.slug === 'senior-card')!;
const attachment = (blobId: string) => [{ blobId, name: `${blobId}.jpg`, size: 120_000, contentType: 'image/jpeg' }];
const application = {
  itemId: 'senior-card',
  data: {
    applicant: { name: '张三', idNumber: '150102195603120014', mobile: '13804710001', address: '呼和浩特市新城区海拉尔东路1号', regionCode: '150102' },
    residenceType: 'hukou',
    attachments: { identity: attachment('id-front'), photo: attachment('photo') },
  },
};

describe('API responses match their response schemas', () => {
  let api: Api;
  let zhang: ApiClient;
  let window: ApiClient;
  let designer: ApiClient;
  let supervisor: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    api = await startApi('api-response-schemas', '2026-11-25');
    [zhang, window, designer, supervisor, admin] = await Promise.all(
      ['u-zhangsan', 'u-xc-civil-window', 'u-designer', 'u-supervisor', 'u-admin'].map((id) => api.signIn(id)),
    );
  });
  afterAll(() => api.stop());

  it('the catalog, sign-in and who I am', async () => {
    expectConforms('GET /api/health', await api.anonymous.get('/api/health'));
    expectConforms('GET /api/auth/dev-users', await api.anonymous.get('/api/auth/dev-users'));
    expectConforms('POST /api/auth/dev-sign-in', await api.anonymous.post('/api/auth/dev-sign-in', { userId: 'u-zhangsan' }));
    expectConforms('GET /api/me', await window.get('/api/me'));
    expectConforms('GET /api/items', await api.anonymous.get('/api/items?limit=3'));
    expectConforms('GET /api/items/{itemId}', await api.anonymous.get('/api/items/senior-card'));
    expectConforms('GET /api/items/{itemId}/versions', await api.anonymous.get('/api/items/senior-card/versions'));
    expectConforms('GET /api/items/{itemId}/versions/{version}', await api.anonymous.get('/api/items/senior-card/versions/1'));
    expectConforms('GET /api/items/{itemId}/claims', await api.anonymous.get('/api/items/senior-card/claims'));
    expectConforms('GET /api/departments', await api.anonymous.get('/api/departments'));
  });

  it('an application from draft to a handled task, as the applicant and the window see it', async () => {
    expectConforms('PUT /api/drafts/{itemId}', await zhang.put('/api/drafts/senior-card', { data: application.data, step: 1, idempotencyKey: newKey() }));
    expectConforms('GET /api/drafts/{itemId}', await zhang.get('/api/drafts/senior-card'));
    expectConforms('POST /api/blobs', await zhang.post('/api/blobs', { name: 'photo.png', contentType: 'image/png', size: 68, material: 'photo' }));

    const submitted = await zhang.post('/api/cases', application, { 'idempotency-key': newKey() });
    expectConforms('POST /api/cases', submitted);
    const { id, receiptNo } = submitted.body.case;
    expectConforms('GET /api/my/cases', await zhang.get('/api/my/cases'));
    const read = await zhang.get(`/api/cases/${id}`);
    expectConforms('GET /api/cases/{caseId}', read);
    expect(validate('CaseView', { ...read.body, case: { ...read.body.case, assignee: 'u-x' } }), 'a field the schema does not name').not.toEqual([]);
    expect(validate('CaseView', { ...read.body, case: { ...read.body.case, deadline: undefined } }), 'a case without its deadline').not.toEqual([]);
    expectConforms('GET /api/cases/by-receipt/{receiptNo}', await zhang.get(`/api/cases/by-receipt/${receiptNo}`));

    const inbox = await window.get('/api/inbox?role=window');
    expectConforms('GET /api/inbox', inbox);
    const task = inbox.body.items.find((t: { caseId: string }) => t.caseId === id);
    const accepted = await window.post(`/api/cases/${id}/actions`, { action: 'accept', taskId: task.id, expectedVersion: 1 });
    expectConforms('POST /api/cases/{caseId}/actions', accepted);
    const next = accepted.body.openTasks[0];
    expectConforms('POST /api/cases/{caseId}/actions', await window.post(`/api/cases/${id}/actions`, { action: 'complete', taskId: next.id, expectedVersion: 2 }));

    expectConforms('GET /api/cases/{caseId}', await zhang.get(`/api/cases/${id}`));
    expectConforms('GET /api/cases/{caseId}/history', await zhang.get(`/api/cases/${id}/history`));
    expectConforms('GET /api/cases/{caseId}/history', await window.get(`/api/cases/${id}/history`));
    expectConforms('GET /api/inbox/handled', await window.get('/api/inbox/handled'));
    await api.drainStatistics();
    expectConforms('GET /api/statistics', await supervisor.get('/api/statistics?department=d-150102-civil-affairs&month=2026-11'));
  });

  it("the designer's draft, check, dry-run, publish and claims", async () => {
    const item = { ...structuredClone(senior.item), id: 'response-check', status: 'draft' as const, version: 1 };
    const draft = { item, form: structuredClone(senior.form), ui: structuredClone(senior.ui), flow: structuredClone(senior.flow) };
    expectConforms('POST /api/items', await designer.post('/api/items', draft));
    expectConforms('GET /api/items/{itemId}/draft', await designer.get('/api/items/response-check/draft'));
    expectConforms('PUT /api/items/{itemId}/draft', await designer.put('/api/items/response-check/draft', { ...draft, expectedRevision: 1 }));
    expectConforms('POST /api/items/{itemId}/draft/check', await designer.post('/api/items/response-check/draft/check'));
    expectConforms('POST /api/items/{itemId}/draft/dry-run', await designer.post('/api/items/response-check/draft/dry-run', { data: application.data }));
    expectConforms('POST /api/items/{itemId}/publish', await designer.post('/api/items/response-check/publish', {}));
    expectConforms('GET /api/items/{itemId}/in-flight', await designer.get('/api/items/senior-card/in-flight'));

    const claim = { id: 'c-response-check', departmentId: 'd-150102-civil-affairs', level: '4', region: '150102', departments: {}, overrides: { promisedLimit: { value: 2, unit: 'workingDays' } } };
    expectConforms('POST /api/items/{itemId}/claims', await designer.post('/api/items/response-check/claims', claim));
    expectConforms('PUT /api/items/{itemId}/claims/{claimId}', await designer.put('/api/items/response-check/claims/c-response-check', claim));
  });

  it("the holiday calendar's admin views", async () => {
    expectConforms('GET /api/calendar/years', await admin.get('/api/calendar/years'));
    expectConforms('GET /api/calendar/{year}', await admin.get('/api/calendar/2026'));
    expectConforms('GET /api/calendar/{year}/audit', await admin.get('/api/calendar/2026/audit'));
    expectConforms('POST /api/calendar/{year}/recompute', await admin.post('/api/calendar/2026/recompute', {}));
  });

  it('a refusal is a problem with field errors', async () => {
    const refused = await zhang.post('/api/cases', { ...application, data: { ...application.data, residenceType: 'nowhere' } }, { 'idempotency-key': newKey() });

    expect(refused.status).toBe(422);
    expect(refused.body.errors.length).toBeGreaterThan(0);
    expect(validate('Problem', refused.body)).toEqual([]);
  });

  it('every route that answers JSON names its response schema', () => {
    const withoutSchema = routes.filter((r) => !r.response && r.status !== 204).map((r) => r.key);

    expect(withoutSchema).toEqual(['GET /api/blobs/{blobId}']);
  });
});
