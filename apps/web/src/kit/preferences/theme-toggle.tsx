'use client';
import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslations } from 'next-intl';
import { useThemeMode } from '@/lib/theme-mode';

export function ThemeToggle() {
  const t = useTranslations('header');
  const { mode, toggle } = useThemeMode();
  const label = mode === 'dark' ? t('toLight') : t('toDark');
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        aria-label={label}
        data-testid="theme-toggle"
        icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />}
        onClick={toggle}
      />
    </Tooltip>
  );
}
