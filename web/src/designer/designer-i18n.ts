/**
 * Messages of the designer, kept beside each part of it: every part declares its own table
 * (zh-CN complete, English optional per key) and reads it through `useMessages`, so the designer
 * grows without one shared table for everybody to edit.
 */
import { useCallback } from 'react';
import { useI18n } from '../shared/i18n.js';

export interface MessageTable<K extends string> {
  'zh-CN': Record<K, string>;
  en: Partial<Record<K, string>>;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/** `t(key, params)` over a part's own table, in the app's current language. */
export function useMessages<K extends string>(table: MessageTable<K>): Translate<K> {
  const { locale } = useI18n();
  return useCallback(
    (key: K, params?: Record<string, string | number>) => {
      const template = (locale === 'en' ? table.en[key] : undefined) ?? table['zh-CN'][key] ?? key;
      return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
    },
    [locale, table],
  );
}
