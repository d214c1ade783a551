'use client';
import '@/lib/zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { App, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLocale } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { ThemeMode } from '@/i18n/locales';
import { makeQueryClient } from '@/lib/query-client';
import { ThemeModeProvider, useThemeMode } from '@/lib/theme-mode';
import THEME from './antd-theme.json';

// System fonts only (nothing downloaded); CJK faces before the generic fallback so Chinese never renders in a serif.
// The tokens sit in JSON: scripts/antd-styles.mjs builds the static first-screen styles with the same theme.
export const FONT_FAMILY = THEME.token.fontFamily;

/**
 * Toasts start below the 56 px header and below drawer title bars, where close buttons and primary actions sit: at
 * antd's default 8 px a success toast covered a drawer's close button, and hovering it pauses its dismissal.
 */
const MESSAGE_TOP = 72;

function AntdConfig({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const { mode } = useThemeMode();
  // dayjs keeps one global locale; setting it during render keeps antd date pickers in step with the language.
  dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      theme={{
        algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
        token: THEME.token,
      }}
    >
      <App message={{ top: MESSAGE_TOP }}>{children}</App>
    </ConfigProvider>
  );
}

export function Providers({
  initialTheme,
  themeChosen,
  children,
}: {
  initialTheme: ThemeMode;
  themeChosen: boolean;
  children: ReactNode;
}) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeModeProvider initial={initialTheme} chosen={themeChosen}>
        <AntdConfig>{children}</AntdConfig>
      </ThemeModeProvider>
    </QueryClientProvider>
  );
}
