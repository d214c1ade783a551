'use client';
import { Layout, theme } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { LanguageSwitch } from './language-switch';
import { SideNav } from './side-nav';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

/** `tools`: header controls that other features provide (composed in the console layout, not imported here). */
export function AppShell({ children, tools }: { children: ReactNode; tools?: ReactNode }) {
  const t = useTranslations('app');
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className="wh-shell">
      <Layout.Header
        className="wh-header"
        style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link href="/" className="wh-brand" style={{ color: token.colorText }}>
          <Logo />
          <span className="wh-brand-name">{t('name')}</span>
          <span className="wh-brand-tagline" style={{ color: token.colorTextSecondary }}>
            {t('tagline')}
          </span>
        </Link>
        <div className="wh-header-tools">
          {tools}
          <LanguageSwitch />
          <ThemeToggle />
          <UserMenu />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={220}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          className="wh-sider"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          <SideNav />
        </Layout.Sider>
        <Layout.Content className="wh-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
