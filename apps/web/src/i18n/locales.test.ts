import { describe, expect, it } from 'vitest';
import { initialTheme, isLocale, isTheme, localeFromAcceptLanguage } from './locales';

describe('locale negotiation', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,zh-TW;q=0.5', 'zh'],
    ['de;q=1, en;q=0.1, zh;q=0.5', 'zh'],
    ['zh;q=0, en', 'en'],
    ['', 'en'],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });

  it('defaults to en without a header', () => {
    expect(localeFromAcceptLanguage(null)).toBe('en');
  });

  it('accepts only known cookie values', () => {
    expect(isLocale('zh')).toBe(true);
    expect(isLocale('zh-CN')).toBe(false);
    expect(isTheme('dark')).toBe(true);
    expect(isTheme('<script>')).toBe(false);
  });
});

describe('initial theme', () => {
  it.each([
    ['an explicit choice wins over the system', 'light', '"dark"', 'light'],
    ['the system when nothing was chosen', undefined, '"dark"', 'dark'],
    ['light when the browser sends no hint', undefined, null, 'light'],
    ['an unknown cookie counts as no choice', '<script>', '"dark"', 'dark'],
    ['an unknown hint is light', undefined, '"sepia"', 'light'],
  ] as const)('%s', (_name, cookie, hint, expected) => {
    expect(initialTheme(cookie, hint)).toBe(expected);
  });
});
