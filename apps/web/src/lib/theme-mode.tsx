'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { THEME_COOKIE, writePreferenceCookie, type ThemeMode } from '@/i18n/locales';

type ThemeModeValue = { mode: ThemeMode; toggle: () => void };

const ThemeModeContext = createContext<ThemeModeValue>({ mode: 'light', toggle: () => undefined });

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystem(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemMode = (): ThemeMode => (window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light');

/**
 * The system's light/dark setting, until the user picks one with the toggle (kept in a cookie). The server
 * renders from that cookie, or from the system's client hint where the browser sends one, so the first byte is
 * usually already right; a browser without the hint is corrected right after hydration.
 */
export function ThemeModeProvider({
  initial,
  chosen,
  children,
}: {
  initial: ThemeMode;
  /** Whether `initial` is the user's own choice (a cookie) rather than a guess at the system's. */
  chosen: boolean;
  children: ReactNode;
}) {
  const [choice, setChoice] = useState<ThemeMode | null>(chosen ? initial : null);
  const system = useSyncExternalStore(subscribeToSystem, systemMode, () => initial);
  const mode = choice ?? system;
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);
  const toggle = useCallback(() => {
    const nextMode = mode === 'dark' ? 'light' : 'dark';
    writePreferenceCookie(THEME_COOKIE, nextMode);
    setChoice(nextMode);
  }, [mode]);
  const value = useMemo(() => ({ mode, toggle }), [mode, toggle]);
  return <ThemeModeContext value={value}>{children}</ThemeModeContext>;
}

export function useThemeMode(): ThemeModeValue {
  return useContext(ThemeModeContext);
}
