/**
 * The app's language: zh-CN first, English switchable. Messages live in one table per language;
 * a missing English message falls back to Chinese. The choice is kept in localStorage and sent to
 * the API as Accept-Language, so server errors come back in the same language.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './messages/en.js';
import { zhCN, type MessageKey } from './messages/zh-cn.js';

export type Locale = 'zh-CN' | 'en';

const tables: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': zhCN, en };

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** Picks the text of a LocalizedText in the current language. */
  text(value: { 'zh-CN': string; en?: string } | undefined): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem('banshi.locale');
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem('banshi.locale', next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => ({
    locale,
    setLocale,
    t: (key, params) => {
      const template = tables[locale][key] ?? zhCN[key] ?? key;
      return params ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : template;
    },
    text: (value) => (value ? (locale === 'en' && value.en ? value.en : value['zh-CN']) : ''),
  }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
