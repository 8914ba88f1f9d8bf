import { describe, expect, it } from 'vitest';
import { message, messages, wordings, type MessageKey } from '../../src/domain/messages.js';
import { PROBLEMS } from '../../src/http/problem.js';

describe('the server message table', () => {
  it('has every message in zh-CN and en, neither empty', () => {
    for (const key of Object.keys(messages) as MessageKey[]) {
      const entry = messages[key];
      const wording = typeof entry === 'function' ? (entry as (...values: unknown[]) => Record<string, string>)(1, 2) : entry;
      expect(Object.keys(wording).sort(), key).toEqual(['en', 'zh-CN']);
      expect(wording['zh-CN'].trim(), key).not.toBe('');
      expect(wording.en.trim(), key).not.toBe('');
    }
  });

  it('fills values in and picks the locale', () => {
    expect(message('attachments.tooMany', 'zh-CN', 100)).toBe('附件不能超过 100 个');
    expect(message('attachments.tooMany', 'en', 100)).toBe('at most 100 attachments');
    expect(wordings('request.queryInvalid')).toEqual({ 'zh-CN': '请求参数有误', en: 'the query is not valid' });
  });

  it('gives every problem its title', () => {
    expect(PROBLEMS['not-found'].title).toEqual({ 'zh-CN': '未找到请求的资源', en: 'Not found' });
    for (const [code, kind] of Object.entries(PROBLEMS)) expect(kind.title, code).toEqual(wordings(`problem.${code}` as MessageKey));
  });
});
