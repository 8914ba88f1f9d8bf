import type { Locale } from '@banshi/schemas/core';

export type { Locale };

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Longer headers are cut: a client has no need for dozens of language ranges. */
const MAX_RANGES = 32;

function localeOfRange(range: string): Locale | '*' | undefined {
  const tag = range.toLowerCase();
  if (tag === '*') return '*';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * Picks the response language from an `Accept-Language` header (RFC 9110 §12.5.4): the
 * supported language with the highest q-value, the earlier range winning ties. Any `zh*` range
 * means zh-CN, any `en*` range en; `*` and a missing, empty or unmatched header mean zh-CN.
 * Ranges with q=0 or a malformed q are ignored.
 *
 * @example negotiateLocale('en-US,en;q=0.9,zh-CN;q=0.8') // 'en'
 */
export function negotiateLocale(acceptLanguage?: string | null): Locale {
  if (typeof acceptLanguage !== 'string' || acceptLanguage.length === 0) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(',').slice(0, MAX_RANGES)) {
    const [rangePart, ...params] = part.split(';');
    const locale = localeOfRange(rangePart.trim());
    if (locale === undefined) continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.exec(param);
      q = match ? Number(match[1]) : Number.NaN;
    }
    if (!(q > 0)) continue;
    const resolved = locale === '*' ? DEFAULT_LOCALE : locale;
    if (best === undefined || q > best.q) best = { locale: resolved, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
