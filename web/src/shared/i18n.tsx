/**
 * The app's language: zh-CN first, English switchable. Messages live in one table per language
 * (and the designer's parts in tables of their own, read through `useMessages`); a missing English
 * message falls back to Chinese, and counts take their language's plural forms (message-format.ts).
 * The choice is kept in localStorage and sent to the API as Accept-Language, so server errors come
 * back in the same language. The English table loads when English is first chosen (most users
 * never do), so no page carries it otherwise.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@banshi/schemas/core';
import { formatMessage, type Params } from './message-format.js';
import { zhCN, type MessageKey } from './messages/zh-cn.js';

export type { Locale };

type Table = Partial<Record<MessageKey, string>>;

let english: Table | undefined;
const loadEnglish = (): Promise<Table> => import('./messages/en.js').then((m) => (english = m.en));

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** The message for `key`, with `{name}` placeholders (and plural forms) filled from `params`. */
  t(key: MessageKey, params?: Params): string;
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
  const [en, setEn] = useState<Table | undefined>(english);
  useEffect(() => {
    if (locale === 'en' && !en) void loadEnglish().then(setEn, () => setEn({}));
  }, [locale, en]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    const apply = () => {
      localStorage.setItem('banshi.locale', next);
      setLocaleState(next);
    };
    // Switching keeps the page (and what was typed in it) in Chinese until English has loaded.
    if (next === 'en' && !english) void loadEnglish().then((table) => { setEn(table); apply(); }, apply);
    else apply();
  }, []);
  const value = useMemo<I18n>(() => ({
    locale,
    setLocale,
    t: (key, params) => formatMessage((locale === 'en' ? en?.[key] : undefined) ?? zhCN[key] ?? key, params, locale),
    text: (value) => (value ? (locale === 'en' && value.en ? value.en : value['zh-CN']) : ''),
  }), [locale, setLocale, en]);
  // A first page in English waits for its table rather than flashing Chinese.
  if (locale === 'en' && !en) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A table of messages kept beside the part that shows them: zh-CN complete, English optional per key. */
export interface MessageTable<K extends string> {
  'zh-CN': Record<K, string>;
  en: Partial<Record<K, string>>;
}

export type Translate<K extends string> = (key: K, params?: Params) => string;

/** `t(key, params)` over a part's own table, in the app's current language (the designer's parts use it). */
export function useMessages<K extends string>(table: MessageTable<K>): Translate<K> {
  const { locale } = useI18n();
  return useCallback(
    (key: K, params?: Params) => formatMessage((locale === 'en' ? table.en[key] : undefined) ?? table['zh-CN'][key] ?? key, params, locale),
    [locale, table],
  );
}
