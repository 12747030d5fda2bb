import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { nl } from './nl.ts';

const catalogues = { nl, fr, en } as Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI text catalogues', () => {
  it('French and English have exactly the Dutch keys', () => {
    const keys = Object.keys(nl).sort();
    expect(Object.keys(fr).sort()).toEqual(keys);
    expect(Object.keys(en).sort()).toEqual(keys);
  });

  it('no text is empty in any language', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      const empty = Object.entries(catalogue).filter(([, text]) => text.trim() === '').map(([key]) => `${lang}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('every translation uses the same {placeholders} as the Dutch text', () => {
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(nl)) {
      for (const lang of ['fr', 'en']) {
        if (placeholders(catalogues[lang][key]).join() !== placeholders(text).join()) wrong.push(`${lang}:${key}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the menu access keys are one letter, found in the menu name, and differ within each language', () => {
    for (const [lang, c] of Object.entries(catalogues)) {
      const menus = ['management', 'accounting', 'bank', 'invoicing', 'reports', 'help'];
      const letters = menus.map((m) => c[`menu.${m}.key`]);
      for (const [i, m] of menus.entries()) {
        expect(letters[i], `${lang} ${m}`).toMatch(/^[A-Z]$/);
        expect(c[`menu.${m}`].toUpperCase(), `${lang} ${m}`).toContain(letters[i]);
      }
      expect(new Set(letters).size, lang).toBe(menus.length);
    }
  });
});
