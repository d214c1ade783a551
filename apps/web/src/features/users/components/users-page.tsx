'use client';
import { UserAddOutlined } from '@ant-design/icons';
import type { User } from '@wheelhouse/shared';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCurrentUser } from '@/features/auth/components/auth-gate';
import { useErrorMessage } from '@/lib/use-error-message';
import { useUpdateUser, useUsers } from '../api';
import { CreateUserModal } from './create-user-modal';
import { ResetPasswordModal } from './reset-password-modal';

export function UsersPage() {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const me = useCurrentUser();
  const users = useUsers();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const setDisabled = (user: User, disabled: boolean) => {
    update.mutate(
      { id: user.id, body: { disabled } },
      {
        onSuccess: () => void message.success(t(disabled ? 'disabled' : 'enabled', { username: user.username })),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };

  // Every value below is rendered as React text: usernames and display names are user input.
  const columns: TableColumnsType<User> = [
    {
      title: t('columns.username'),
      dataIndex: 'username',
      render: (_, user) => (
        <Space size={4}>
          <Typography.Text strong>{user.username}</Typography.Text>
          {user.id === me.id && <Tag>{tCommon('you')}</Tag>}
        </Space>
      ),
    },
    { title: t('columns.displayName'), dataIndex: 'displayName' },
    { title: t('columns.origin'), dataIndex: 'origin', render: (_, user) => t(`origin.${user.origin}`) },
    {
      title: t('columns.admin'),
      dataIndex: 'isAdmin',
      render: (_, user) => (user.isAdmin ? <Tag color="gold">{tCommon('yes')}</Tag> : tCommon('no')),
    },
    {
      title: t('columns.status'),
      dataIndex: 'disabled',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.disabled ? (
            <Tag color="red">{t('status.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('status.active')}</Tag>
          )}
          {user.mustChangePassword && <Tag color="orange">{t('status.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('columns.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (_, user) => (user.lastLoginAt ? dayjs(user.lastLoginAt).format('YYYY-MM-DD HH:mm') : tCommon('never')),
    },
    {
      title: tCommon('actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, user) => (
        <Space size={0} wrap>
          {user.disabled ? (
            <Button type="link" onClick={() => setDisabled(user, false)}>
              {t('enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('disableConfirm', { username: user.username })}
              okText={t('disable')}
              cancelText={tCommon('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => setDisabled(user, true)}
            >
              {/* The API refuses self-lockout too; disabling the button just avoids a pointless error. */}
              <Button type="link" danger disabled={user.id === me.id}>
                {t('disable')}
              </Button>
            </Popconfirm>
          )}
          {user.origin === 'local' && (
            <Button type="link" onClick={() => setResetting(user)}>
              {t('resetPassword')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('description')}</Typography.Text>
        </div>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('create')}
        </Button>
      </Flex>
      {users.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(users.error)}
          action={<Button onClick={() => void users.refetch()}>{tCommon('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isPending}
        locale={{ emptyText: t('empty') }}
        pagination={{ hideOnSinglePage: true, pageSize: 50, showTotal: (total) => t('total', { count: total }) }}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
