export const LOCALES = ['en', 'zh'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'en';

/** Cookie names shared by the server (initial render) and the client (switches). */
export const LOCALE_COOKIE = 'wh-locale';
export const THEME_COOKIE = 'wh-theme';

export const THEMES = ['light', 'dark'] as const;
export type ThemeMode = (typeof THEMES)[number];

export function isLocale(value: string | undefined): value is AppLocale {
  return LOCALES.some((l) => l === value);
}

export function isTheme(value: string | undefined): value is ThemeMode {
  return THEMES.some((t) => t === value);
}

/** The client hint a Chromium browser sends once asked to (Accept-CH): `"dark"` or `"light"`, quoted. */
export const COLOR_SCHEME_HINT = 'sec-ch-prefers-color-scheme';

/**
 * The theme for the server render: the user's own choice (cookie) when they made one, else the system's
 * (client hint), else light. Without a cookie the client keeps following the system after hydration.
 */
export function initialTheme(cookie: string | undefined, hint: string | null): ThemeMode {
  if (isTheme(cookie)) {
    return cookie;
  }
  return hint?.replace(/"/g, '').trim() === 'dark' ? 'dark' : 'light';
}

/** First supported language from an Accept-Language header, used only until the user picks one. */
export function localeFromAcceptLanguage(header: string | null): AppLocale {
  if (!header) {
    return DEFAULT_LOCALE;
  }
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Client-side cookie write; one year, whole site, Lax like the session cookie. */
export function writePreferenceCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}
