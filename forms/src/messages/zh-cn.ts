import { decimalPlaces, type MessageTable } from './message-table.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本', number: '数字', integer: '整数', boolean: '是或否', object: '对象', array: '列表', null: '空值',
};
const list = (values: unknown[] | undefined): string => {
  const shown = (values ?? []).slice(0, 10).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return shown.join('、') + ((values?.length ?? 0) > 10 ? '等' : '');
};
const fileTypes = (accept: string[] | undefined): string =>
  (accept ?? []).map((t) => t.split('/').pop()?.toUpperCase() ?? t).join('、');

/** 简体中文 messages by error code. */
export const zhCN: MessageTable = {
  join: (title, body) => `${title}：${body}`,
  entries: {
    'not-object': { body: () => '提交的数据应为对象' },
    'too-deep': { body: () => '数据嵌套层级过深' },
    'number-range': { body: () => '数值超出可保存的范围（绝对值不能超过 9007199254740991，也不能小于 1e-130）' },
    'schema-recursion': { body: () => '表单定义存在循环引用，无法校验，请联系事项管理部门' },
    required: { body: () => '必须填写', alone: (p) => `缺少必填字段 ${p.field ?? ''}`.trim() },
    type: { body: (p) => `应为${(p.types ?? []).map((t) => TYPE_NAMES[t] ?? t).join('或')}` },
    minLength: { body: (p) => `不能少于 ${p.limit} 个字符` },
    maxLength: { body: (p) => `不能超过 ${p.limit} 个字符` },
    pattern: { body: () => '格式不正确' },
    format: { body: (p) => `格式不正确（应为 ${p.format}）` },
    'format.date': { body: () => '应为有效日期（年-月-日，如 2024-01-31）' },
    'format.date-time': { body: () => '应为有效的日期时间' },
    'format.time': { body: () => '应为有效时间' },
    'format.email': { body: () => '应为有效的电子邮箱地址' },
    'format.uri': { body: () => '应为有效的网址' },
    'format.resident-id.shape': {
      body: () => '格式不正确（应为18位，前17位为数字，末位为数字或大写X）',
      alone: () => '身份证号码格式不正确',
    },
    'format.resident-id.region': { body: () => '地区码不正确', alone: () => '身份证号码地区码不正确' },
    'format.resident-id.birth-date': { body: () => '出生日期不正确', alone: () => '身份证号码出生日期不正确' },
    'format.resident-id.checksum': { body: () => '校验位不正确', alone: () => '身份证号码校验位不正确' },
    'format.credit-code.shape': {
      body: () => '格式不正确（应为18位数字或大写字母，不含I、O、S、V、Z）',
      alone: () => '统一社会信用代码格式不正确',
    },
    'format.credit-code.checksum': { body: () => '校验码不正确', alone: () => '统一社会信用代码校验码不正确' },
    'format.mobile': { body: () => '应为11位手机号码', alone: () => '手机号码格式不正确' },
    'format.region-code': { body: () => '应为6位行政区划代码', alone: () => '行政区划代码格式不正确' },
    enum: { body: (p) => `应为以下值之一：${list(p.allowed)}` },
    const: { body: (p) => `应为 ${list(p.allowed)}` },
    minimum: { body: (p) => `不能小于 ${p.limit}` },
    maximum: { body: (p) => `不能大于 ${p.limit}` },
    exclusiveMinimum: { body: (p) => `应大于 ${p.limit}` },
    exclusiveMaximum: { body: (p) => `应小于 ${p.limit}` },
    multipleOf: {
      body: (p) => {
        const k = decimalPlaces(p.limit ?? 0);
        if (k === 0) return '应为整数';
        return k === null ? `应为 ${p.limit} 的整数倍` : `最多保留 ${k} 位小数`;
      },
    },
    additionalProperties: { body: (p) => `不允许的字段 ${p.field ?? ''}`.trim() },
    minItems: { body: (p) => `至少需要 ${p.limit} 项` },
    maxItems: { body: (p) => `最多 ${p.limit} 项` },
    uniqueItems: { body: () => '不能有重复项' },
    'x-attachment.type': {
      body: (p) => `文件“${p.fileName ?? ''}”的类型不允许（允许：${fileTypes(p.accept)}）`,
    },
    'x-attachment.size': { body: (p) => `文件“${p.fileName ?? ''}”过大（不能超过 ${p.limit} KB）` },
    'applicant.identityMismatch': {
      body: () => '与申请人的实名认证信息不一致，不能为他人填写',
      alone: () => '申请人身份信息与实名认证信息不一致',
    },
    'applicant.identityUnverified': {
      body: () => '申请人的账户没有经过实名认证的此项信息',
      alone: () => '申请人的账户没有经过实名认证的此项身份信息',
    },
    'subject.relation': {
      body: (p) => ((p.allowed ?? []).length > 0 ? `应为以下关系之一：${list(p.allowed)}` : '此事项只能由本人申请（或由代办员代为申请）'),
    },
    'x-attachment.name': { body: () => '文件名含有不可见字符或改变文字方向的字符，请重命名文件后重新上传' },
  },
};
