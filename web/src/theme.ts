/**
 * Colour scheme and font size: data attributes on <html> select the CSS variables (styles/app.css);
 * the font size sets the root font size that every rem in the stylesheet follows.
 * Saved per user on the server (PATCH /me) and on this browser for the pages before login.
 */
import type { FontSize, Theme } from './api.ts';

export const THEMES: Theme[] = ['light', 'dark', 'contrast'];
export const FONT_SIZES: FontSize[] = ['small', 'medium', 'large', 'xlarge'];

export function applyTheme(theme: Theme, fontSize: FontSize): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.dataset.fontSize = fontSize;
  try {
    localStorage.setItem('argonaut.theme', theme);
    localStorage.setItem('argonaut.fontSize', fontSize);
  } catch {
    /* storage unavailable */
  }
}

export function savedTheme(): { theme: Theme; fontSize: FontSize } {
  let theme: Theme = 'light';
  let fontSize: FontSize = 'medium';
  try {
    const t = localStorage.getItem('argonaut.theme');
    const f = localStorage.getItem('argonaut.fontSize');
    if (t && (THEMES as string[]).includes(t)) theme = t as Theme;
    else if (window.matchMedia?.('(prefers-color-scheme: dark)').matches) theme = 'dark';
    if (f && (FONT_SIZES as string[]).includes(f)) fontSize = f as FontSize;
  } catch {
    /* storage unavailable */
  }
  return { theme, fontSize };
}
