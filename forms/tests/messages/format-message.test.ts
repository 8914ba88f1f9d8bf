import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/messages/format-message.js';

describe('formatMessage', () => {
  it.each([
    ['format.resident-id.checksum', '身份证号码：校验位不正确', '身份证号码校验位不正确'],
    ['format.resident-id.shape', '身份证号码：格式不正确（应为18位，前17位为数字，末位为数字或大写X）', '身份证号码格式不正确'],
    ['format.credit-code.checksum', '身份证号码：校验码不正确', '统一社会信用代码校验码不正确'],
  ])('words %s with and without a title', (code, withTitle, alone) => {
    expect(formatMessage(code, { title: '身份证号码' }, 'zh-CN')).toBe(withTitle);
    expect(formatMessage(code, {}, 'zh-CN')).toBe(alone);
  });

  it('falls back to the generic format message for a format without its own', () => {
    expect(formatMessage('format.uuid', { title: '编号', format: 'uuid' }, 'zh-CN')).toBe('编号：格式不正确（应为 uuid）');
    expect(formatMessage('format.uuid', { format: 'uuid' }, 'en')).toBe('must be a valid uuid');
  });

  it('uses the fallback text for a code it does not know', () => {
    expect(formatMessage('oneOf', { title: '类型' }, 'zh-CN', '应当匹配一个')).toBe('类型：应当匹配一个');
  });

  it.each([
    [0.01, '最多保留 2 位小数', 'must have at most 2 decimal places'],
    [1, '应为整数', 'must be a whole number'],
    [5, '应为 5 的整数倍', 'must be a multiple of 5'],
  ])('words multipleOf %d', (limit, zh, en) => {
    expect(formatMessage('multipleOf', { limit }, 'zh-CN')).toBe(zh);
    expect(formatMessage('multipleOf', { limit }, 'en')).toBe(en);
  });
});
