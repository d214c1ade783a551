'use client';
import { TranslationOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { LOCALE_COOKIE, isLocale, writePreferenceCookie, type AppLocale } from '@/i18n/locales';

// Each language is named in itself, so a user who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<AppLocale, string> = { zh: '简体中文', en: 'English' };

export function LanguageSwitch() {
  const t = useTranslations('header');
  const locale = useLocale();
  const [pending, setPending] = useState(false);

  const choose = (next: string) => {
    if (!isLocale(next) || next === locale) {
      return;
    }
    writePreferenceCookie(LOCALE_COOKIE, next);
    // A full reload, not router.refresh(): RSC payloads prefetched or cached in the old language could
    // otherwise be shown on a later navigation (the locale is in a cookie, not in the URL).
    setPending(true);
    window.location.reload();
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
