'use client';
import { ApiOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useCurrentUser } from '@/kit/current-user';
import { useLogout } from '../api';
import { ChangePasswordModal } from './change-password-modal';

export function UserMenu() {
  const t = useTranslations('header');
  const user = useCurrentUser();
  const logout = useLogout();
  const router = useRouter();
  const [changing, setChanging] = useState(false);

  const onLogout = () => {
    // A full page load on purpose: it drops every cached query and form of the old session, and replace()
    // keeps the console out of the back-button history. After an OIDC sign-in the provider ends its session
    // too (RP-initiated logout) and sends the browser back to the login page.
    logout.mutate(undefined, { onSettled: (data) => window.location.replace(data?.redirectTo ?? '/login') });
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              type: 'group',
              label: (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
                  {user.username}
                  {user.isAdmin ? ` · ${t('administrator')}` : ''}
                </Typography.Text>
              ),
            },
            { type: 'divider' },
            { key: 'tokens', icon: <ApiOutlined />, label: t('apiTokens') },
            { key: 'password', icon: <KeyOutlined />, label: t('changePassword'), disabled: user.origin !== 'local' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'logout') {
              onLogout();
            } else if (key === 'password') {
              setChanging(true);
            } else if (key === 'tokens') {
              router.push('/settings/tokens');
            }
          },
        }}
      >
        <Button type="text" aria-label={t('userMenu')} data-testid="user-menu" style={{ height: 40 }}>
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="wh-user-name">{user.displayName || user.username}</span>
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal
        open={changing || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => setChanging(false)}
      />
    </>
  );
}
