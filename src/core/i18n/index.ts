/**
 * Server-side message catalogues (NL default, FR, EN). Each module registers its own messages with
 * `defineMessages` from a `messages.ts` beside it, so modules never edit a shared file.
 * Placeholders are written {name} and filled from the error's params.
 */
import type { AppError, ErrorDetail } from '../errors.ts';

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';

export type Catalogue = Record<string, Record<Language, string>>;

const messages: Catalogue = {};

export function defineMessages<T extends Catalogue>(catalogue: T): T {
  for (const [code, texts] of Object.entries(catalogue)) {
    if (messages[code] && JSON.stringify(messages[code]) !== JSON.stringify(texts)) {
      throw new Error(`message code defined twice with different texts: ${code}`);
    }
    messages[code] = texts;
  }
  return catalogue;
}

export function hasMessage(code: string): boolean {
  return code in messages;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the language from an Accept-Language header ("fr-BE,fr;q=0.9,en;q=0.8"). */
export function languageFromHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLanguage);
}

export function translate(code: string, lang: Language, params: Record<string, unknown> = {}): string {
  const entry = messages[code];
  const template = entry ? entry[lang] ?? entry.en : code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined || value === null) return `{${key}}`;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' && messages[v] ? messages[v][lang] : String(v))).join(', ');
    if (isLanguage(lang) && typeof value === 'string' && messages[value]) return messages[value][lang];
    return String(value);
  });
}

export function describeError(err: AppError, lang: Language) {
  return {
    code: err.code,
    message: translate(err.code, lang, err.params),
    details: err.details.map((d: ErrorDetail) => ({
      ...d,
      message: d.message ?? translate(d.code, lang, { ...d.params, field: d.field, line: d.line }),
    })),
  };
}
