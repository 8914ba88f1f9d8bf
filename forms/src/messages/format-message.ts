import type { Locale } from '../types.js';
import { en } from './en.js';
import type { MessageParams, MessageTable } from './message-table.js';
import { zhCN } from './zh-cn.js';

const TABLES: Record<Locale, MessageTable> = { 'zh-CN': zhCN, en };

/** Whether a locale table has its own message for `code`. */
export function hasMessage(code: string, locale: Locale): boolean {
  return Object.prototype.hasOwnProperty.call(TABLES[locale].entries, code);
}

/**
 * The message for an error code in a locale, led by the field's title when there is one.
 * Codes without an entry fall back to the entry of their first dotted part
 * (`format.foo` → `format`), then to `fallback`.
 *
 * @example
 * formatMessage('format.resident-id.checksum', { title: '身份证号码' }, 'zh-CN'); // '身份证号码：校验位不正确'
 * formatMessage('format.resident-id.checksum', {}, 'zh-CN'); // '身份证号码校验位不正确'
 */
export function formatMessage(code: string, params: MessageParams, locale: Locale, fallback = ''): string {
  const table = TABLES[locale];
  const entry = hasMessage(code, locale)
    ? table.entries[code]
    : hasMessage(code.split('.')[0], locale)
      ? table.entries[code.split('.')[0]]
      : undefined;
  if (entry === undefined) return params.title ? table.join(params.title, fallback) : fallback;
  if (params.title) return table.join(params.title, entry.body(params));
  return (entry.alone ?? entry.body)(params);
}
