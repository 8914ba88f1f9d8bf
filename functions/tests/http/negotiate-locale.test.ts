import { describe, expect, it } from 'vitest';
import { negotiateLocale } from '../../src/http/negotiate-locale.js';

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN;q=0.5,en;q=0.8', 'en'],
    ['en;q=0.8,zh;q=0.8', 'en'],
    ['fr-FR,de;q=0.9', 'zh-CN'],
    ['fr-FR,en;q=0.1', 'en'],
    ['en;q=0', 'zh-CN'],
    ['en;q=abc', 'zh-CN'],
    ['en;q=1.5', 'zh-CN'],
    ['*', 'zh-CN'],
    ['*;q=0.5,en;q=0.9', 'en'],
    [' EN-gb ; q=0.7 ', 'en'],
  ])('picks the language for %j: %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('does not choke on a huge header', () => {
    expect(negotiateLocale(`${'fr;q=0.1,'.repeat(10_000)}en`)).toBe('zh-CN');
  });
});
