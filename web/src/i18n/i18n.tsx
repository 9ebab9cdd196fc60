import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { format, isMessageKey, type Lang, type MessageKey } from './messages.js';
import type { Label } from '../api/types.js';

const STORAGE_KEY = 'gridlens.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the current language from an API label ({ "zh-CN": ..., en: ... } or a plain string). */
  label: (value: Label | null | undefined) => string;
  number: (value: number | null | undefined, digits?: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage unavailable (private mode): fall back to the default.
  }
  return 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18n>(() => {
    const numberFormat = (digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });
    return {
      lang,
      setLang,
      t: (key, vars) => format(lang, key, vars),
      label: (v) => (v == null ? '' : typeof v === 'string' ? v : (v[lang] ?? v.en ?? v['zh-CN'] ?? '')),
      number: (v, digits = 0) => (v == null || Number.isNaN(v) ? '—' : numberFormat(digits).format(v)),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The message of a key built at run time (`col.*`, `code.*`, `feature.*`, `quality.note.*`) when the catalogue has one, else the raw text. */
export function messageOr(i18n: I18n, key: string, raw: string, vars?: Record<string, string | number>): string {
  return isMessageKey(key) ? i18n.t(key, vars) : raw;
}
