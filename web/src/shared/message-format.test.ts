/**
 * The message templates: placeholders, plural forms by the language's rules, exact counts, and
 * templates left as written when a parameter is missing.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage } from './message-format.js';
import { claimsMessages } from '../designer/claims/messages.js';
import { flowMessages } from '../designer/flow/messages.js';
import { formBuilderMessages } from '../designer/form-builder/messages.js';
import { guideMessages } from '../designer/guide/messages.js';
import { ruleMessages } from '../designer/rules/messages.js';
import { shellMessages } from '../designer/shell/messages.js';
import { versionsMessages } from '../designer/versions/messages.js';
import { en } from './messages/en.js';
import { zhCN } from './messages/zh-cn.js';

const problems = 'The check found {n, plural, one {# problem} other {# problems}}';

describe('formatMessage', () => {
  it('fills named placeholders and leaves a template without parameters alone', () => {
    expect(formatMessage('第 {n} 版，由 {by} 发布', { n: 3, by: '张三' }, 'zh-CN')).toBe('第 3 版，由 张三 发布');
    expect(formatMessage('{n} 个问题', undefined, 'zh-CN')).toBe('{n} 个问题');
  });

  it('picks the English singular for one and the plural otherwise', () => {
    expect(formatMessage(problems, { n: 1 }, 'en')).toBe('The check found 1 problem');
    expect(formatMessage(problems, { n: 0 }, 'en')).toBe('The check found 0 problems');
    expect(formatMessage(problems, { n: 2 }, 'en')).toBe('The check found 2 problems');
  });

  it('prefers an exact count, and falls back to other for a category the template lacks', () => {
    const template = '{n, plural, =0 {no cases} one {# case} other {# cases}}';
    expect(formatMessage(template, { n: 0 }, 'en')).toBe('no cases');
    expect(formatMessage(template, { n: 1 }, 'en')).toBe('1 case');
    // Chinese has one plural category (other): the one form never applies.
    expect(formatMessage(template, { n: 1 }, 'zh-CN')).toBe('1 cases');
  });

  it('fills placeholders inside a plural form and after it', () => {
    const template = '{n, plural, one {# case of version {v} is} other {# cases of version {v} are}} in flight ({at})';
    expect(formatMessage(template, { n: 1, v: 2, at: '2026-12-02' }, 'en')).toBe('1 case of version 2 is in flight (2026-12-02)');
    expect(formatMessage(template, { n: 5, v: 2, at: '2026-12-02' }, 'en')).toBe('5 cases of version 2 are in flight (2026-12-02)');
  });

  it('leaves a missing parameter as written', () => {
    expect(formatMessage('{name}: {n, plural, one {# day} other {# days}}', { other: 1 }, 'en')).toBe('{name}: {n, plural, one {# day} other {# days}}');
    expect(formatMessage('unclosed {n', { n: 1 }, 'en')).toBe('unclosed {n');
  });
});

describe('the message tables', () => {
  it('reads "1 working day", not "1 working days", in English', () => {
    expect(formatMessage(en['workbench.remaining']!, { n: 1 }, 'en')).toBe('1 working day left');
    expect(formatMessage(en['workbench.remaining']!, { n: 3 }, 'en')).toBe('3 working days left');
    expect(formatMessage(en['apply.fixErrors']!, { n: 1 }, 'en')).toMatch(/^1 field needs correcting/);
    expect(formatMessage(en['catalog.count']!, { n: 1 }, 'en')).toBe('1 service');
  });

  it('has no English count left without its plural forms, in the app or the designer', () => {
    const counted = /\{(n|days)\} (working|calendar|tasks|handled|services|problems|claims|cases|field)/;
    const designer = [claimsMessages, flowMessages, formBuilderMessages, guideMessages, ruleMessages, shellMessages, versionsMessages];
    const english: [string, string | undefined][] = [...Object.entries(en), ...designer.flatMap((table) => Object.entries<string | undefined>(table.en))];
    expect(english.filter(([, text]) => counted.test(text ?? ''))).toEqual([]);
    expect(formatMessage(shellMessages.en['check.problems']!, { n: 1 }, 'en')).toBe('The check found 1 problem');
    expect(formatMessage(flowMessages.en['diagram.days']!, { n: 1 }, 'en')).toBe('1 working day');
  });

  it('keeps the Chinese counts plain', () => {
    expect(formatMessage(zhCN['workbench.remaining'], { n: 1 }, 'zh-CN')).toBe(zhCN['workbench.remaining'].replace('{n}', '1'));
  });
});
