'use client';
import { UserAddOutlined } from '@ant-design/icons';
import type { User, UserListItem } from '@wheelhouse/shared';
import { Button } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useCan } from '@/kit/use-permissions';
import { ListPage } from '@/kit/list-page';
import { useUsers } from '../api';
import { CreateUserModal } from './create-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { useUserColumns } from './users-columns';

/** `userBindings`: the drawer of a user's effective bindings, supplied by the route (RBAC owns it). */
export function UsersPage({ userBindings }: { userBindings: (user: User, onClose: () => void) => ReactNode }) {
  const t = useTranslations('users');
  const can = useCan();
  const users = useUsers();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [showingBindings, setShowingBindings] = useState<User | null>(null);

  const columns = useUserColumns({ onResetPassword: setResetting, onShowBindings: setShowingBindings });

  return (
    <ListPage<UserListItem>
      title={t('title')}
      description={t('description')}
      action={
        can('users', 'create') && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        )
      }
      query={users}
      table={{
        testId: 'users-table',
        columns: columns,
        dataSource: users.data?.items,
        locale: { emptyText: t('empty') },
        pagination: { hideOnSinglePage: true, pageSize: 50, showTotal: (total) => t('total', { count: total }) },
      }}
    >
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {showingBindings && userBindings(showingBindings, () => setShowingBindings(null))}
    </ListPage>
  );
}
