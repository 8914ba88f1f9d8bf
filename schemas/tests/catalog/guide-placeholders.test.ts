import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholderIn } from '../../src/catalog/guide-placeholders.js';

describe('the placeholder a new item guide starts with', () => {
  it('finds 待填写 anywhere in a text, and the English placeholder only as the whole text', () => {
    expect(placeholderIn('待填写')).toBe('待填写');
    expect(placeholderIn('民政局（待填写）')).toBe('待填写');
    expect(placeholderIn('  to be filled in ')).toBe('To be filled in');
    expect(placeholderIn('Application form, to be filled in and signed')).toBeUndefined();
    expect(placeholderIn('呼和浩特市民政局')).toBeUndefined();
  });

  it('reports each text holding one with its pointer, escaping keys, in zh-CN or English', () => {
    const guide = { name: { 'zh-CN': '高龄津贴' }, 'a/b': ['ok', { 'zh-CN': '待填写' }], n: 3, none: null };

    expect(findPlaceholders(guide)).toEqual([{ pointer: '/a~1b/1/zh-CN', code: 'placeholder', message: '此处仍是占位内容“待填写”，请填写实际内容' }]);
    expect(findPlaceholders(guide, 'en')[0]!.message).toBe('this still holds the placeholder "待填写": write the real text');
    expect(findPlaceholders({ name: { 'zh-CN': '高龄津贴' } })).toEqual([]);
  });
});
