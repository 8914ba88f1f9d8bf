/**
 * Every message the server writes for people, in zh-CN and en: problem titles and details, and
 * the field messages of the checks the handlers and domain services make. `message(key, locale,
 * …values)` picks the wording for the request's language.
 */
import type { Locale } from '@banshi/schemas/core';

type Wording = Record<Locale, string>;
type Entry = Wording | ((...values: never[]) => Wording);

const MB = (bytes: number) => bytes / 1024 / 1024;

export const messages = {
  'problem.bad-request': { 'zh-CN': '请求格式有误', en: 'The request is malformed' },
  'problem.validation-failed': { 'zh-CN': '提交的数据未通过校验', en: 'The submitted data is not valid' },
  'problem.unauthenticated': { 'zh-CN': '请先登录', en: 'Please sign in' },
  'problem.forbidden': { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  'problem.not-found': { 'zh-CN': '未找到请求的资源', en: 'Not found' },
  'problem.conflict': { 'zh-CN': '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  'problem.action-not-allowed': { 'zh-CN': '当前状态下不允许此操作', en: 'This action is not allowed in the current state' },
  'problem.payload-too-large': { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  'problem.unsupported-media-type': { 'zh-CN': '不支持的内容类型，请使用 application/json', en: 'Unsupported content type; use application/json' },
  'problem.method-not-allowed': { 'zh-CN': '不支持该请求方法', en: 'Method not allowed' },
  'problem.idempotency-key-invalid': { 'zh-CN': '幂等键（Idempotency-Key）无效', en: 'The Idempotency-Key header is not valid' },
  'problem.invalid-definition': { 'zh-CN': '定义存在错误', en: 'The definition has problems' },
  'problem.idempotency-key-reused': {
    'zh-CN': '该幂等键（Idempotency-Key）已用于另一份不同的请求，请使用新的幂等键',
    en: 'This Idempotency-Key was already used for a different request; use a new key',
  },
  'problem.service-unavailable': { 'zh-CN': '服务暂时不可用，请稍后重试', en: 'The service is unavailable for the moment; please try again shortly' },
  'problem.internal': { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Something went wrong on our side; please try again later' },

  'body.empty': { 'zh-CN': '请求体不能为空，请提交 JSON 数据', en: 'A JSON request body is required' },
  'body.invalidUtf8': { 'zh-CN': '请求体不是有效的 UTF-8 文本', en: 'The request body is not valid UTF-8' },
  'body.malformed': { 'zh-CN': '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'body.tooDeep': (max: number) => ({ 'zh-CN': `JSON 嵌套层级超过 ${max} 层`, en: `The JSON is nested deeper than ${max} levels` }),
  'body.forbiddenKey': (key: string) => ({ 'zh-CN': `不允许使用字段名 “${key}”`, en: `The key "${key}" is not allowed` }),

  'request.bodyInvalid': { 'zh-CN': '请求内容不符合要求', en: 'the request body is not valid' },
  'request.queryInvalid': { 'zh-CN': '请求参数有误', en: 'the query is not valid' },
  'request.noParameters': { 'zh-CN': '此接口不接受请求参数', en: 'this route takes no parameters' },

  'item.subjectSection': {
    'zh-CN': '申请对象所在的分组须是表单中的对象字段，并含姓名（name）、公民身份号码（idNumber）或统一社会信用代码（creditCode）字段',
    en: 'the subject section must be an object field of the form with a name, idNumber or creditCode field',
  },
  'item.idMustBe': (itemId: string) => ({ 'zh-CN': `事项编号须为 ${itemId}`, en: `item id must be ${itemId}` }),

  'claim.idMustBe': (claimId: string) => ({ 'zh-CN': `认领编号须为 ${claimId}`, en: `the claim id must be ${claimId}` }),
  'claim.unknownDepartment': (departmentId: string) => ({ 'zh-CN': `部门 ${departmentId} 不存在`, en: `there is no department ${departmentId}` }),
  'claim.levelMismatch': (level: string) => ({ 'zh-CN': `认领层级须与部门层级（${level}）一致`, en: `the level must be the department's (${level})` }),
  'claim.regionMismatch': (region: string) => ({ 'zh-CN': `行政区划须与部门所在区划（${region}）一致`, en: `the region must be the department's (${region})` }),
  'claim.slotRequired': (slot: string) => ({ 'zh-CN': `请为部门角色「${slot}」指定部门`, en: `name the department of slot "${slot}"` }),
  'claim.unknownSlot': (slot: string) => ({ 'zh-CN': `事项没有部门角色「${slot}」`, en: `the item has no department slot "${slot}"` }),

  'draft.notAnApplicantId': { 'zh-CN': '申请人编号格式有误', en: 'not an applicant id' },
  'draft.onBehalfOfMustMatch': { 'zh-CN': '须与查询参数 for 一致', en: 'must equal the `for` query parameter' },

  'blob.fileName': {
    'zh-CN': '文件名含有不可见字符或改变文字方向的字符，请重命名文件后重试',
    en: 'the file name contains invisible or text-direction characters; rename the file and try again',
  },
  'blob.tooLarge': (maxBytes: number) => ({ 'zh-CN': `文件不能超过 ${MB(maxBytes)} MB`, en: `a file may be at most ${MB(maxBytes)} MB` }),
  'blob.maxBytes': (maxBytes: number) => ({ 'zh-CN': `文件不能超过 ${MB(maxBytes)} MB`, en: `at most ${maxBytes} bytes` }),
  'blob.alreadyUploaded': { 'zh-CN': '文件已上传，不能覆盖', en: 'the file was already uploaded' },
  'blob.contentTypeMustBe': (contentType: string) => ({ 'zh-CN': `内容类型须为 ${contentType}`, en: `the content type must be ${contentType}` }),
  'blob.sizeMustBe': (size: number) => ({ 'zh-CN': `文件大小须为 ${size} 字节`, en: `the file must have ${size} bytes` }),
  'blob.contentMismatch': { 'zh-CN': '文件内容与声明的类型不符', en: 'the file content does not match its type' },
  'blob.uploadRefused': { 'zh-CN': '上传的文件不符合要求', en: 'the uploaded file is not acceptable' },
  'attachments.refused': { 'zh-CN': '附件不符合要求', en: 'the attachments are not acceptable' },
  'attachments.tooMany': (max: number) => ({ 'zh-CN': `附件不能超过 ${max} 个`, en: `at most ${max} attachments` }),
  'attachments.unknown': { 'zh-CN': '附件不存在或不是您上传的', en: 'the attachment does not exist or was not uploaded by you' },
  'attachments.notUploaded': { 'zh-CN': '附件尚未上传完成', en: 'the attachment has not been uploaded' },
  'attachments.mismatch': { 'zh-CN': '附件的类型或大小与上传的文件不符', en: 'the type or size differs from the uploaded file' },

  'inbox.roleRequired': { 'zh-CN': '请指定岗位角色', en: 'name a role' },

  'statistics.departmentRequired': { 'zh-CN': '请选择部门', en: 'choose a department' },
  'statistics.monthPattern': { 'zh-CN': '月份格式应为 YYYY-MM，例如 2026-11', en: 'the month is YYYY-MM, e.g. 2026-11' },
  'statistics.queryRequired': { 'zh-CN': '请指定部门和月份（YYYY-MM）', en: 'name a department and a month (YYYY-MM)' },

  'calendar.yearInvalid': { 'zh-CN': '年份无效', en: 'not a valid year' },
  'calendar.yearRange': (min: number, max: number) => ({ 'zh-CN': `年份应为 ${min}–${max}`, en: `a year from ${min} to ${max}` }),
  'calendar.regionInvalid': { 'zh-CN': '地区代码无效', en: 'not a valid region code' },
  'calendar.regionFormat': { 'zh-CN': '地区代码应为 2、4 或 6 位数字（GB/T 2260）', en: 'a GB/T 2260 code of 2, 4 or 6 digits' },
} as const satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messages;

type ValuesOf<K extends MessageKey> = (typeof messages)[K] extends (...values: infer V) => Wording ? V : [];

/** The wording of `key` in `locale`, with its values filled in. */
export function message<K extends MessageKey>(key: K, locale: Locale, ...values: ValuesOf<K>): string {
  const entry: Entry = messages[key];
  const wording = typeof entry === 'function' ? (entry as (...v: unknown[]) => Wording)(...values) : entry;
  return wording[locale];
}

/** Both wordings of `key`, for errors whose language is chosen when the response is written. */
export function wordings<K extends MessageKey>(key: K, ...values: ValuesOf<K>): Wording {
  const entry: Entry = messages[key];
  return typeof entry === 'function' ? (entry as (...v: unknown[]) => Wording)(...values) : entry;
}
