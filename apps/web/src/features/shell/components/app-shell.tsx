'use client';
import { Layout, theme } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { Logo } from '@/components/logo';
import { LanguageSwitch } from '@/kit/preferences/language-switch';
import { ThemeToggle } from '@/kit/preferences/theme-toggle';
import { SideNav } from './side-nav';

type Props = {
  children: ReactNode;
  /** Header controls that other features provide (composed in the console layout, not imported here). */
  tools?: ReactNode;
  /** The signed-in user's menu, last in the header; auth provides it through the console layout. */
  userMenu?: ReactNode;
};

export function AppShell({ children, tools, userMenu }: Props) {
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
          {userMenu}
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
