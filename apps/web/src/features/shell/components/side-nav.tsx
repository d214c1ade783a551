'use client';
import { SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCurrentUser } from '@/features/auth/components/auth-gate';
import { SECTIONS } from '../nav-sections';

export function SideNav() {
  const t = useTranslations('nav');
  const user = useCurrentUser();
  const pathname = usePathname();

  const items: MenuProps['items'] = SECTIONS.map(({ key, icon }) => ({
    key: `/${key}`,
    icon,
    label: <Link href={`/${key}`}>{t(key)}</Link>,
  }));
  // Hiding Admin is cosmetic; the API answers 403 to non-admins anyway.
  if (user.isAdmin) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('admin'),
      children: [{ key: '/admin/users', icon: <TeamOutlined />, label: <Link href="/admin/users">{t('users')}</Link> }],
    });
  }

  const selected = ['/admin/users', ...SECTIONS.map((s) => `/${s.key}`)].find(
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
