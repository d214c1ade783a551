import { AntdRegistry } from '@ant-design/nextjs-registry';
import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { COLOR_SCHEME_HINT, THEME_COOKIE, initialTheme, isTheme } from '@/i18n/locales';
// antd's styles for the first screens, built ahead (scripts/antd-styles.mjs); ours after them.
import './antd-styles.generated.css';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { template: `%s · ${t('name')}`, default: t('name') }, description: t('tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const themeCookie = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = initialTheme(themeCookie, (await headers()).get(COLOR_SCHEME_HINT));
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'} data-theme={theme}>
      <body>
        <NextIntlClientProvider>
          {/* Collects antd's CSS-in-JS during SSR so the first paint is already styled (and in the right theme). */}
          <AntdRegistry>
            <Providers initialTheme={theme} themeChosen={isTheme(themeCookie)}>{children}</Providers>
          </AntdRegistry>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
