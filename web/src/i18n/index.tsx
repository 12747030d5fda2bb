/**
 * UI texts: one catalogue per language (nl.ts is the reference and the default; fr.ts and en.ts
 * must have exactly the same keys — TypeScript and catalogues.test.ts check it). `useT()` gives
 * t(key, {param}) with {param} placeholders.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { setApiLanguage, type Language } from '../api.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl, type MessageKey } from './nl.ts';

export type { MessageKey };
export const LANGUAGES: Language[] = ['nl', 'fr', 'en'];
export const catalogues: Record<Language, Record<MessageKey, string>> = { nl, fr, en };
/** Locale for dates and numbers: Belgian Dutch and French, British English. */
export const LOCALES: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

export type Params = Record<string, string | number | null | undefined>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'fr' || value === 'en';
}

export function format(lang: Language, key: MessageKey, params: Params = {}): string {
  const template = catalogues[lang][key] ?? nl[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** The language before login: the last one chosen on this browser, else Dutch (the switcher is on every page). */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem('argonaut.language');
    if (isLanguage(saved)) return saved;
  } catch {
    /* storage unavailable */
  }
  return 'nl';
}

interface I18nValue {
  language: Language;
  setLanguage: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ language, setLanguage, children }: { language: Language; setLanguage: (lang: Language) => void; children: ReactNode }) {
  setApiLanguage(language);
  const t = useCallback<Translate>((key, params) => format(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLanguage(): [Language, (lang: Language) => void] {
  const { language, setLanguage } = useI18n();
  return [language, setLanguage];
}

/** Date and time formatting in the UI language. */
export function useFormat() {
  const [language] = useLanguage();
  return useMemo(() => {
    const locale = LOCALES[language];
    const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return {
      /** 'YYYY-MM-DD' (a calendar date, no time zone) */
      date: (iso: string | null | undefined) => {
        if (!iso) return '';
        const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
        return date.format(new Date(Date.UTC(y, m - 1, d, 12)));
      },
      dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : ''),
      number: (n: number) => n.toLocaleString(locale),
    };
  }, [language]);
}
