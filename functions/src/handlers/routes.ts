/**
 * Every route of the API, one table: the local server dispatches through it, the OpenAPI document
 * is generated from it, and the CDK app gives each route its function.
 */
import type { QuerySchemaName, RequestSchemaName } from '../api/request-schemas.js';
import type { ResponseSchemaName } from '../api/response-schemas.js';
import type { HttpHandler } from '../http/handler-kit.js';
import * as auth from './auth.js';
import * as blobs from './blobs.js';
import * as calendar from './calendar.js';
import * as cases from './cases.js';
import * as catalog from './catalog.js';
import * as claims from './claims.js';
import * as designer from './designer.js';
import * as drafts from './drafts.js';
import * as health from './health.js';
import * as inbox from './inbox.js';
import * as statistics from './statistics.js';
import type { AppServices } from './app-services.js';
import type { RouteHandler } from './route-handler.js';

export interface RouteSpec {
  /** `METHOD /path/{param}` as API Gateway writes route keys. */
  key: string;
  handler: RouteHandler;
  /** Whether a JWT is required (the public catalog and the development sign-in need none). */
  auth: boolean;
  summary: { 'zh-CN': string; en: string };
  tag: 'auth' | 'catalog' | 'designer' | 'cases' | 'drafts' | 'blobs' | 'inbox' | 'supervision' | 'health' | 'calendar';
  /** The schema of the JSON body (checked before the handler runs); without one no JSON body is read. */
  body?: RequestSchemaName;
  /** The body may be left out or blank. */
  bodyOptional?: boolean;
  /** The schema of the query string (checked and coerced before the handler runs). */
  query?: QuerySchemaName;
  /** The success body's schema (api/response-schemas.ts); absent when there is no JSON body. */
  response?: ResponseSchemaName;
  /** The success body in a few words. */
  returns: string;
  /** The success status when it is not 200. */
  status?: 201 | 204;
}

export const routes: RouteSpec[] = [
  { key: 'GET /api/health', handler: health.health, auth: false, tag: 'health', response: 'Health', returns: "{ status: 'ok', dynamo: 'up' } (503 problem when the table does not answer)", summary: { 'zh-CN': '运行状态（数据库是否可用）', en: 'Health: whether the table answers' } },

  { key: 'POST /api/auth/dev-sign-in', handler: auth.devSignIn, auth: false, tag: 'auth', body: 'SignIn', response: 'SignedIn', returns: '{ token, user }', summary: { 'zh-CN': '开发环境登录（示例用户）', en: 'Development sign-in as a sample user' } },
  { key: 'GET /api/auth/dev-users', handler: auth.devUsers, auth: false, tag: 'auth', response: 'SampleUsers', returns: '{ items: User[] }', summary: { 'zh-CN': '示例用户列表', en: 'Sample users' } },
  { key: 'GET /api/me', handler: auth.me, auth: true, tag: 'auth', response: 'Principal', returns: 'Principal', summary: { 'zh-CN': '当前用户', en: 'The signed-in principal' } },

  { key: 'GET /api/items', handler: catalog.listItems, auth: false, tag: 'catalog', query: 'CatalogQuery', response: 'CatalogPage', returns: '{ items: ItemSummary[], cursor? }', summary: { 'zh-CN': '事项目录（按部门、层级、类型、关键字）', en: 'Catalog by department, level, type, text' } },
  { key: 'GET /api/items/{itemId}', handler: catalog.getItem, auth: false, tag: 'catalog', response: 'ItemGuide', returns: '{ item: ServiceItem, version, claims: Claim[] }', summary: { 'zh-CN': '办事指南', en: 'Service guide of the newest version' } },
  { key: 'GET /api/items/{itemId}/versions', handler: catalog.listVersions, auth: false, tag: 'catalog', response: 'VersionList', returns: '{ items: { version, publishedAt }[] }', summary: { 'zh-CN': '已发布版本', en: 'Published versions' } },
  { key: 'GET /api/items/{itemId}/versions/{version}', handler: catalog.getVersion, auth: false, tag: 'catalog', response: 'ItemVersion', returns: 'ItemVersion', summary: { 'zh-CN': '某一版本的指南、表单和流程', en: 'One version: guide, form, flow' } },
  { key: 'GET /api/items/{itemId}/claims', handler: catalog.listClaims, auth: false, tag: 'catalog', response: 'ClaimList', returns: '{ items: Claim[] }', summary: { 'zh-CN': '认领（实施部门）', en: 'Claims (implementing departments)' } },
  { key: 'GET /api/departments', handler: catalog.listDepartments, auth: false, tag: 'catalog', query: 'PageQuery', response: 'DepartmentPage', returns: '{ items: Department[] }', summary: { 'zh-CN': '部门', en: 'Departments' } },

  { key: 'POST /api/items', handler: designer.createItem, auth: true, tag: 'designer', body: 'ItemDraft', status: 201, response: 'DraftSaved', returns: '{ itemId, revision, problems }', summary: { 'zh-CN': '新建事项草稿', en: 'Create an item draft' } },
  { key: 'GET /api/items/{itemId}/draft', handler: designer.getDraft, auth: true, tag: 'designer', response: 'StoredItemDraft', returns: 'ItemDraft', summary: { 'zh-CN': '读取草稿', en: 'Read the draft' } },
  { key: 'PUT /api/items/{itemId}/draft', handler: designer.putDraft, auth: true, tag: 'designer', body: 'ItemDraft', response: 'DraftSaved', returns: '{ itemId, revision, problems }', summary: { 'zh-CN': '保存草稿', en: 'Save the draft' } },
  { key: 'POST /api/items/{itemId}/draft/check', handler: designer.checkItemDraft, auth: true, tag: 'designer', bodyOptional: true, response: 'DraftCheck', returns: '{ ok, problems }', summary: { 'zh-CN': '检查草稿', en: 'Check the draft' } },
  { key: 'POST /api/items/{itemId}/draft/dry-run', handler: designer.dryRunDraft, auth: true, tag: 'designer', body: 'DryRun', response: 'DryRunResult', returns: '{ path }', summary: { 'zh-CN': '试运行流程', en: 'Dry-run the draft flow' } },
  { key: 'POST /api/items/{itemId}/publish', handler: designer.publishItem, auth: true, tag: 'designer', body: 'Publish', status: 201, response: 'Published', returns: '{ itemId, version, publishedAt, fromVersion? }', summary: { 'zh-CN': '发布新版本（fromVersion：回滚，重新发布某一旧版本）', en: 'Publish a new version (fromVersion: roll back by republishing an earlier one)' } },
  { key: 'GET /api/items/{itemId}/in-flight', handler: designer.inFlight, auth: true, tag: 'designer', response: 'InFlight', returns: '{ itemId, versions: { version, inFlight }[], total }', summary: { 'zh-CN': '各版本在办件数', en: 'Unfinished cases per version' } },
  { key: 'POST /api/items/{itemId}/claims', handler: claims.createClaim, auth: true, tag: 'designer', body: 'ClaimWrite', status: 201, response: 'Claim', returns: 'Claim', summary: { 'zh-CN': '新增认领（实施部门及其差异）', en: 'Add a claim (implementing department and its overrides)' } },
  { key: 'PUT /api/items/{itemId}/claims/{claimId}', handler: claims.replaceClaim, auth: true, tag: 'designer', body: 'ClaimWrite', response: 'Claim', returns: 'Claim', summary: { 'zh-CN': '修改认领', en: 'Replace a claim' } },
  { key: 'DELETE /api/items/{itemId}/claims/{claimId}', handler: claims.deleteClaim, auth: true, tag: 'designer', status: 204, returns: 'nothing (204)', summary: { 'zh-CN': '取消认领', en: 'Withdraw a claim' } },

  { key: 'POST /api/cases', handler: cases.submit, auth: true, tag: 'cases', body: 'SubmitCase', status: 201, response: 'SubmittedCase', returns: '{ case: Case }', summary: { 'zh-CN': '提交申请（需 Idempotency-Key）', en: 'Submit an application (Idempotency-Key required)' } },
  { key: 'GET /api/my/cases', handler: cases.myCases, auth: true, tag: 'cases', query: 'PageQuery', response: 'MyCasesPage', returns: '{ items: Case[], cursor? }', summary: { 'zh-CN': '我的办件', en: 'My cases' } },
  { key: 'GET /api/cases/by-receipt/{receiptNo}', handler: cases.getCaseByReceipt, auth: true, tag: 'cases', response: 'CaseView', returns: '{ case: Case, openTasks: Task[] }', summary: { 'zh-CN': '按办件编号查询', en: 'Case by receipt number' } },
  { key: 'GET /api/cases/{caseId}', handler: cases.getCase, auth: true, tag: 'cases', response: 'CaseView', returns: '{ case: Case, openTasks: Task[] }', summary: { 'zh-CN': '办件详情', en: 'A case' } },
  { key: 'GET /api/cases/{caseId}/history', handler: cases.history, auth: true, tag: 'cases', response: 'CaseHistory', returns: '{ items: AuditEvent[] }', summary: { 'zh-CN': '办件记录', en: 'Case history' } },
  { key: 'POST /api/cases/{caseId}/actions', handler: cases.act, auth: true, tag: 'cases', body: 'CaseAction', response: 'CaseView', returns: '{ case: Case, openTasks: Task[] }', summary: { 'zh-CN': '办理动作（需 expectedVersion）', en: 'Act on a case (expectedVersion required)' } },

  { key: 'GET /api/drafts/{itemId}', handler: drafts.getDraft, auth: true, tag: 'drafts', query: 'DraftQuery', response: 'ApplicationDraft', returns: '{ itemId, data, step?, idempotencyKey?, onBehalfOf?, updatedAt }', summary: { 'zh-CN': '读取申请草稿（代办人加 ?for=申请人）', en: 'Read my application draft (agents: ?for=applicantId)' } },
  { key: 'PUT /api/drafts/{itemId}', handler: drafts.putDraft, auth: true, tag: 'drafts', query: 'DraftQuery', body: 'Draft', response: 'ApplicationDraft', returns: '{ itemId, data, step?, idempotencyKey?, onBehalfOf?, updatedAt }', summary: { 'zh-CN': '保存申请草稿（不校验表单）', en: 'Save my application draft (not checked against the form)' } },
  { key: 'DELETE /api/drafts/{itemId}', handler: drafts.deleteDraft, auth: true, tag: 'drafts', query: 'DraftQuery', status: 204, returns: 'nothing (204)', summary: { 'zh-CN': '删除申请草稿', en: 'Discard my application draft' } },

  { key: 'POST /api/blobs', handler: blobs.createBlob, auth: true, tag: 'blobs', body: 'CreateBlob', status: 201, response: 'BlobUpload', returns: '{ blobId, uploadUrl, method, headers, maxBytes } (201)', summary: { 'zh-CN': '登记附件，返回上传地址', en: 'Register an attachment; answers where to upload it' } },
  { key: 'PUT /api/blobs/{blobId}/content', handler: blobs.uploadBlob, auth: true, tag: 'blobs', status: 204, returns: 'nothing (204)', summary: { 'zh-CN': '上传附件内容（原始字节，仅一次）', en: 'Upload the attachment bytes (raw body, once)' } },
  { key: 'GET /api/blobs/{blobId}', handler: blobs.getBlob, auth: true, tag: 'blobs', returns: 'the file bytes', summary: { 'zh-CN': '读取附件（上传人或可查看相关办件者）', en: 'Read an attachment (its uploader, or who may read a case using it)' } },

  { key: 'GET /api/statistics', handler: statistics.statistics, auth: true, tag: 'supervision', query: 'StatisticsQuery', response: 'StatisticsPage', returns: '{ items: ItemStatistics[] }', summary: { 'zh-CN': '统计（部门 × 月份 × 事项）', en: 'Statistics by department, month and item' } },
  { key: 'GET /api/inbox', handler: inbox.inbox, auth: true, tag: 'inbox', query: 'InboxQuery', response: 'InboxPage', returns: '{ items: Task[], cursor? }', summary: { 'zh-CN': '待办（按到期日）', en: 'Inbox by due date' } },

  { key: 'GET /api/calendar/years', handler: calendar.listYears, auth: true, tag: 'calendar', response: 'CalendarYears', returns: '{ today, reminderYear?, years: { year, source, revision? }[], regions }', summary: { 'zh-CN': '节假日数据覆盖的年份（管理员）', en: 'Years with holiday data (admins)' } },
  { key: 'GET /api/calendar/{year}', handler: calendar.getYear, auth: true, tag: 'calendar', response: 'CalendarYearView', returns: '{ year, source, revision, holidays, workingDays, regions }', summary: { 'zh-CN': '某年的放假与调休安排（管理员）', en: 'A year’s holidays and make-up working days (admins)' } },
  { key: 'PUT /api/calendar/{year}', handler: calendar.putYear, auth: true, tag: 'calendar', body: 'CalendarYear', response: 'CalendarYearSaved', returns: '{ year, revision, holidays, workingDays, recompute }', summary: { 'zh-CN': '录入某年的放假与调休安排并重算在办件期限（管理员）', en: 'Enter a year’s holidays and make-up days; recounts open due dates (admins)' } },
  { key: 'PUT /api/calendar/{year}/regions/{region}', handler: calendar.putRegion, auth: true, tag: 'calendar', body: 'CalendarRegion', response: 'CalendarRegionSaved', returns: '{ year, region, name, revision, holidays, workingDays, recompute }', summary: { 'zh-CN': '录入地区节假日（如自治区民族节日）（管理员）', en: 'Enter a region’s own days off (admins)' } },
  { key: 'GET /api/calendar/{year}/audit', handler: calendar.listAudit, auth: true, tag: 'calendar', response: 'CalendarAudit', returns: '{ items: { id, at, actor, scope, region?, before, after }[] }', summary: { 'zh-CN': '节假日数据修改记录（管理员）', en: 'Changes of a year’s calendar (admins)' } },
  { key: 'POST /api/calendar/{year}/recompute', handler: calendar.recomputeYear, auth: true, tag: 'calendar', body: 'CalendarRecompute', bodyOptional: true, response: 'RecomputeReport', returns: '{ year, examined, casesChanged, tasksMoved, complete, cursor? }', summary: { 'zh-CN': '重算到达该年的在办件期限（幂等）（管理员）', en: 'Recount open due dates reaching the year (idempotent; admins)' } },
  { key: 'GET /api/inbox/handled', handler: inbox.handled, auth: true, tag: 'inbox', query: 'PageQuery', response: 'HandledPage', returns: '{ items: (Task & { case?: { status, version, outcome? } })[], cursor? }', summary: { 'zh-CN': '已办（我办理过的，最新在前）', en: 'Handled by me, newest first' } },
];

/**
 * The local server's body limit per request: 10 MB for attachment uploads (raw bytes), undefined
 * (the 256 KB default) for everything else.
 */
export const maxBodyBytesFor = (method: string, path: string): number | undefined => blobs.blobUploadBodyLimit(method, path);

/** The routes as the router takes them, every one served with the services of `services`. */
export function routeTable(services: AppServices): Record<string, HttpHandler> {
  return Object.fromEntries(routes.map((r) => [r.key, r.handler.serve(r, services)]));
}
