import { describe, expect, it } from 'vitest';
import { createValidator } from '../src/create-validator.js';
import { FormDefinitionError } from '../src/errors.js';
import { loadForm } from './support/load-form.js';

const ZH = { locale: 'zh-CN', today: '2025-01-01' } as const;
const EN = { locale: 'en', today: '2025-01-01' } as const;
const validator = createValidator(loadForm('elderly-allowance'));
const file = { blobId: 'b1', name: '户口簿.pdf', size: 204_800, contentType: 'application/pdf' };
const valid = {
  applicantName: '张秀英',
  idNumber: '11010519491231002X',
  mobile: '13800138000',
  regionCode: '150102',
  monthlyIncome: 1234.56,
  livingStatus: 'alone',
  byAgent: false,
  householdRegister: [file],
};

describe('createValidator', () => {
  it('accepts a valid submission and sets the calculated age', () => {
    const result = validator.validate(valid, ZH);

    expect(result).toEqual({ valid: true, data: { ...valid, age: 75 }, errors: [] });
  });

  it.each([[null], ['text'], [42], [[]], [true]])('rejects %j as not an object', (input) => {
    const result = validator.validate(input, ZH);

    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ pointer: '', code: 'not-object', message: '提交的数据应为对象' }]);
  });

  it('reports each missing required field at its own pointer with its title', () => {
    const result = validator.validate({ byAgent: false }, ZH);

    expect(result.errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/applicantName', 'required'],
      ['/householdRegister', 'required'],
      ['/idNumber', 'required'],
      ['/livingStatus', 'required'],
      ['/mobile', 'required'],
      ['/regionCode', 'required'],
    ]);
    expect(result.errors[0].message).toBe('申请人姓名：必须填写');
  });

  it.each([
    ['applicantName', 42, 'type', '申请人姓名：应为文本', 'applicantName: must be a string'],
    ['byAgent', 'yes', 'type', '是否代办：应为是或否', 'byAgent: must be yes or no'],
    ['applicantName', '张', 'minLength', '申请人姓名：不能少于 2 个字符', 'applicantName: must be at least 2 characters'],
    ['monthlyIncome', -1, 'minimum', '月收入（元）：不能小于 0', 'monthlyIncome: must be at least 0'],
    ['monthlyIncome', 1.234, 'multipleOf', '月收入（元）：最多保留 2 位小数', 'monthlyIncome: must have at most 2 decimal places'],
    ['livingStatus', 'cave', 'enum', '居住状况：应为以下值之一：alone、withFamily、institution', 'livingStatus: must be one of "alone", "withFamily", "institution"'],
    ['idNumber', '110105194912310021', 'format.resident-id.checksum', '身份证号码：校验位不正确', 'idNumber: the check digit is wrong'],
    ['idNumber', '1101051949123100', 'format.resident-id.shape', '身份证号码：格式不正确（应为18位，前17位为数字，末位为数字或大写X）', 'idNumber: must be 18 characters: 17 digits and a digit or uppercase X'],
    ['idNumber', '110105194902301234', 'format.resident-id.birth-date', '身份证号码：出生日期不正确', 'idNumber: the birth date is wrong'],
    ['mobile', '12800138000', 'format.mobile', '联系电话：应为11位手机号码', 'mobile: must be an 11-digit mobile number'],
    ['regionCode', '000000', 'format.region-code', '户籍所在地：应为6位行政区划代码', 'regionCode: must be a 6-digit administrative division code'],
    ['bankAccountHolder', '91350100M000100Y42', 'format.credit-code.checksum', '开户单位统一社会信用代码：校验码不正确', 'bankAccountHolder: the check character is wrong'],
    ['householdRegister', [], 'minItems', '户口簿：至少需要 1 项', 'householdRegister: must have at least 1 items'],
    ['householdRegister', [file, file, file, file], 'maxItems', '户口簿：最多 3 项', 'householdRegister: must have at most 3 items'],
  ])('reports %s = %j as %s in Chinese and English', (field, value, code, zh, en) => {
    const data = { ...valid, [field]: value };

    const zhResult = validator.validate(data, ZH);
    const enResult = validator.validate(data, EN);

    expect(zhResult.errors).toContainEqual({ pointer: `/${field}`, code, message: zh });
    expect(enResult.errors.find((e) => e.code === code)?.message).toBe(en.replace(/^\w+: /, `${titleEn(field)}: `));
  });

  it('reports an unknown field at its own pointer', () => {
    const result = validator.validate({ ...valid, nickname: '秀' }, ZH);

    expect(result.errors).toEqual([{ pointer: '/nickname', code: 'additionalProperties', message: '不允许的字段 nickname' }]);
    expect(validator.validate({ ...valid, nickname: '秀' }, EN).errors[0].message).toBe('unknown field nickname');
  });

  it('fails the age check with the Chinese message at /age for an applicant under 60', () => {
    const result = validator.validate({ ...valid, idNumber: '150102200001014568' }, ZH);

    expect(result.valid).toBe(false);
    expect(result.data.age).toBe(25);
    expect(result.errors).toEqual([{ pointer: '/age', code: 'check.at-least-60', message: '申请人须年满60周岁' }]);
  });

  it('overwrites an age sent by the client with the calculated one', () => {
    const result = validator.validate({ ...valid, age: 99 }, ZH);

    expect(result.data.age).toBe(75);
  });

  it('does not report the calculated age when the ID number itself is wrong', () => {
    const result = validator.validate({ ...valid, idNumber: '110105194912310021' }, ZH);

    expect(result.errors.map((e) => e.code)).toEqual(['format.resident-id.checksum']);
  });

  it('drops the hidden agent and does not require it', () => {
    const result = validator.validate({ ...valid, agent: { name: 'x' } }, ZH);

    expect(result.valid).toBe(true);
    expect(result.data).not.toHaveProperty('agent');
  });

  it('requires and validates the agent once it is shown', () => {
    const missing = validator.validate({ ...valid, byAgent: true }, ZH);
    const wrong = validator.validate({ ...valid, byAgent: true, agent: { name: '李四', idNumber: '110105194912310021' } }, ZH);

    expect(missing.errors).toEqual([{ pointer: '/agent', code: 'required', message: '代办人：必须填写' }]);
    expect(wrong.errors).toEqual([
      { pointer: '/agent/idNumber', code: 'format.resident-id.checksum', message: '代办人身份证号码：校验位不正确' },
    ]);
  });

  it('rejects an attachment of a type that is not allowed', () => {
    const exe = { ...file, name: 'virus.exe', contentType: 'application/x-msdownload' };

    const result = validator.validate({ ...valid, householdRegister: [file, exe] }, ZH);

    expect(result.errors).toEqual([
      { pointer: '/householdRegister/1', code: 'x-attachment.type', message: '户口簿：文件“virus.exe”的类型不允许（允许：JPEG、PNG、PDF）' },
    ]);
  });

  it('rejects an attachment that is too large', () => {
    const big = { ...file, size: 5120 * 1024 + 1 };

    const zh = validator.validate({ ...valid, householdRegister: [big] }, ZH);
    const en = validator.validate({ ...valid, householdRegister: [big] }, EN);

    expect(zh.errors).toEqual([
      { pointer: '/householdRegister/0', code: 'x-attachment.size', message: '户口簿：文件“户口簿.pdf”过大（不能超过 5120 KB）' },
    ]);
    expect(en.errors[0].message).toBe('户口簿: file "户口簿.pdf" is too large (at most 5120 KB)');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a %s key as an unknown field without polluting Object.prototype', (key) => {
    const input = JSON.parse(`{"${key}": {"polluted": true, "prototype": {"polluted": true}}}`) as unknown;

    const result = validator.validate({ ...valid, ...(input as object) }, ZH);

    expect(result.errors).toContainEqual({ pointer: `/${key}`, code: 'additionalProperties', message: `不允许的字段 ${key}` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
  });

  it('rejects deeply nested input without throwing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = { a: deep };

    const result = validator.validate({ ...valid, applicantName: deep }, ZH);

    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ pointer: '/applicantName', code: 'too-deep', message: '数据嵌套层级过深' }]);
  });

  it('sorts errors by pointer and reports each pointer and code once', () => {
    const result = validator.validate({ applicantName: 1, mobile: 'x', zzz: 1, aaa: 2, byAgent: false }, ZH);
    const pointers = result.errors.map((e) => e.pointer);

    expect(pointers).toEqual([...pointers].sort());
    expect(new Set(result.errors.map((e) => `${e.pointer} ${e.code}`)).size).toBe(result.errors.length);
  });

  it('does not change the submitted object', () => {
    const input = { ...valid, age: 1, byAgent: false, agent: { name: 'x' } };
    const copy = structuredClone(input);

    validator.validate(input, ZH);

    expect(input).toEqual(copy);
  });
});

describe('createValidator with an invalid form', () => {
  it.each([
    ['a schema that is not an object schema', { schema: { type: 'string' } }],
    ['a schema that breaks the meta-schema', { schema: { type: 'object', properties: { a: { type: 'text' } } } }],
    ['an unknown format', { schema: { type: 'object', properties: { a: { type: 'string', format: 'residentid' } } } }],
    ['an unknown keyword', { schema: { type: 'object', properties: { a: { type: 'string', maxlength: 3 } } } }],
    ['a malformed x-attachment', { schema: { type: 'object', properties: { a: { type: 'array', 'x-attachment': { maxSizeKb: 'big' } } } } }],
    ['an unresolvable $ref', { schema: { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } } }],
    ['a rule with an unknown operation', { schema: { type: 'object' }, rules: [{ id: 'r', kind: 'visible', field: '/a', when: { log: 1 } }] }],
    ['a rule writing to __proto__', { schema: { type: 'object' }, rules: [{ id: 'r', kind: 'calculate', field: '/__proto__/x', value: 1 }] }],
    ['a check rule without a message', { schema: { type: 'object' }, rules: [{ id: 'r', kind: 'check', field: '/a', when: true }] }],
  ])('rejects %s with a FormDefinitionError', (_name, form) => {
    expect(() => createValidator(form as never)).toThrow(FormDefinitionError);
  });

  it('names the problem in the error', () => {
    const act = () => createValidator({ schema: { type: 'object', properties: { a: { type: 'text' } } } });

    expect(act).toThrow(/schema\/properties\/a\/type/);
  });

  it('compiles two versions of a form that share an $id', () => {
    const schema = { $id: 'https://forms.banshi.local/x', type: 'object' };

    createValidator({ schema });

    expect(() => createValidator({ schema: { ...schema, required: ['a'] } })).not.toThrow();
  });
});

function titleEn(field: string): string {
  const titles = loadForm('elderly-allowance').schema.properties as Record<string, { title: string }>;
  return titles[field].title;
}
