'use client';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { THEME_COOKIE, writePreferenceCookie, type ThemeMode } from '@/i18n/locales';

type ThemeModeValue = { mode: ThemeMode; toggle: () => void };

const ThemeModeContext = createContext<ThemeModeValue>({ mode: 'light', toggle: () => undefined });

/**
 * The mode is kept in a cookie so the server renders the right antd theme and <html data-theme>
 * on the first byte: no light flash before hydration when dark mode is on.
 */
export function ThemeModeProvider({ initial, children }: { initial: ThemeMode; children: ReactNode }) {
  const [mode, setMode] = useState<ThemeMode>(initial);
  const toggle = useCallback(() => {
    const nextMode = mode === 'dark' ? 'light' : 'dark';
    writePreferenceCookie(THEME_COOKIE, nextMode);
    document.documentElement.dataset.theme = nextMode;
    setMode(nextMode);
  }, [mode]);
  const value = useMemo(() => ({ mode, toggle }), [mode, toggle]);
  return <ThemeModeContext value={value}>{children}</ThemeModeContext>;
}

export function useThemeMode(): ThemeModeValue {
  return useContext(ThemeModeContext);
}
