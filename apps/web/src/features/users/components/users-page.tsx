'use client';
import { UserAddOutlined } from '@ant-design/icons';
import type { User, UserListItem } from '@wheelhouse/shared';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { useUsers } from '../api';
import { CreateUserModal } from './create-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UserBindingsDrawer } from './user-bindings-drawer';
import { useUserColumns } from './users-columns';

export function UsersPage() {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const can = useCan();
  const users = useUsers();
  const errorMessage = useErrorMessage();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [showingBindings, setShowingBindings] = useState<User | null>(null);

  const columns = useUserColumns({ onResetPassword: setResetting, onShowBindings: setShowingBindings });

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('description')}</Typography.Text>
        </div>
        {can('users', 'create') && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        )}
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
      <Table<UserListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isPending && !users.error}
        locale={{ emptyText: t('empty') }}
        pagination={{ hideOnSinglePage: true, pageSize: 50, showTotal: (total) => t('total', { count: total }) }}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {showingBindings && <UserBindingsDrawer user={showingBindings} onClose={() => setShowingBindings(null)} />}
    </Card>
  );
}
