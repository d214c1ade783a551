'use client';
import {
  AuditOutlined,
  DashboardOutlined,
  IdcardOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { usePermissions } from '@/kit/use-permissions';
import { sectionOfPath } from '@/kit/sections';
import { visibleAdminEntries, type AdminEntryKey } from '../admin-entries';
import { SECTIONS } from '../nav-sections';

const ADMIN_ICONS: Record<AdminEntryKey, ReactNode> = {
  users: <UserOutlined />,
  teams: <TeamOutlined />,
  roles: <SafetyCertificateOutlined />,
  bindings: <LinkOutlined />,
  providers: <IdcardOutlined />,
  audit: <AuditOutlined />,
  access: <SafetyOutlined />,
};

export function SideNav() {
  const t = useTranslations('nav');
  const pathname = usePathname();
  // Hiding entries is cosmetic: the API answers 403 to anything the summary does not grant.
  const permissions = usePermissions();
  const adminEntries = visibleAdminEntries(permissions.data);
  const adminKeys = adminEntries.map((key) => `/admin/${key}`);

  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: <Link href="/">{t('overview')}</Link> },
    ...SECTIONS.map(({ key, icon }) => ({
      key: `/${key}`,
      icon,
      label: <Link href={`/${key}`}>{t(key)}</Link>,
    })),
  ];
  items.push({
    key: 'admin',
    icon: <SettingOutlined />,
    label: t('admin'),
    children: adminEntries.map((key) => ({
      key: `/admin/${key}`,
      icon: ADMIN_ICONS[key],
      label: <Link href={`/admin/${key}`}>{t(key)}</Link>,
    })),
  });

  // A resource list highlights its section (pods → Workloads); other cluster pages stay under Clusters.
  const listSection = sectionOfPath(pathname);
  const selected =
    pathname === '/'
      ? '/'
      : listSection
        ? `/${listSection}`
        : [...adminKeys, ...SECTIONS.map((s) => `/${s.key}`)].find(
            (key) => pathname === key || pathname.startsWith(`${key}/`),
          );

  return (
    <nav aria-label={t('main')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        defaultOpenKeys={['admin']}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
