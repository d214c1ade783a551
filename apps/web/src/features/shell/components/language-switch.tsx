'use client';
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { LOCALE_COOKIE, isLocale, writePreferenceCookie, type AppLocale } from '@/i18n/locales';

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<AppLocale, string> = { zh: '简体中文', en: 'English' };

export function LanguageSwitch() {
  const t = useTranslations('header');
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const choose = (next: string) => {
    if (!isLocale(next) || next === locale) {
      return;
    }
    writePreferenceCookie(LOCALE_COOKIE, next);
    // Server components read the cookie again; client state (queries, forms) survives the refresh.
    startTransition(() => router.refresh());
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(LANGUAGE_NAMES) as AppLocale[]).map((key) => ({ key, label: LANGUAGE_NAMES[key] })),
        onClick: ({ key }) => choose(key),
      }}
    >
      <Button
        type="text"
        icon={<TranslationOutlined />}
        loading={pending}
        aria-label={t('language')}
        data-testid="language-switch"
      >
        <span className="wh-lang-label">{LANGUAGE_NAMES[locale]}</span>
      </Button>
    </Dropdown>
  );
}
