'use client';
import type { User, UserListItem } from '@wheelhouse/shared';
import { App, Button, Popconfirm, Space, Switch, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useCurrentUser } from '@/kit/current-user';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { useUpdateUser } from '../api';

type Actions = { onResetPassword: (user: User) => void; onShowBindings: (user: User) => void };

/** The users table: every value is rendered as React text (usernames and display names are user input). */
export function useUserColumns({ onResetPassword, onShowBindings }: Actions): TableColumnsType<UserListItem> {
  const t = useTranslations('users');
  const tCommon = useTranslations('common');
  const me = useCurrentUser();
  const can = useCan();
  const mayUpdate = can('users', 'update');
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();

  const patch = (user: User, body: { disabled?: boolean; isAdmin?: boolean }, done: string) =>
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => void message.success(done),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  const setDisabled = (user: User, disabled: boolean) =>
    patch(user, { disabled }, t(disabled ? 'disabled' : 'enabled', { username: user.username }));
  const setAdmin = (user: User, isAdmin: boolean) =>
    patch(user, { isAdmin }, t(isAdmin ? 'adminGranted' : 'adminRevoked', { username: user.username }));

  return [
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
    { title: t('columns.groups'), key: 'groups', render: (_, user) => <GroupTags groups={user.groups} /> },
    {
      title: t('columns.admin'),
      dataIndex: 'isAdmin',
      render: (_, user) =>
        mayUpdate ? (
          <Popconfirm
            title={t(user.isAdmin ? 'revokeAdminConfirm' : 'grantAdminConfirm', { username: user.username })}
            okText={tCommon('confirm')}
            cancelText={tCommon('cancel')}
            okButtonProps={{ danger: user.isAdmin }}
            onConfirm={() => setAdmin(user, !user.isAdmin)}
            disabled={user.id === me.id}
          >
            {/* Your own admin rights cannot be dropped from here (the API refuses self-lockout too). */}
            <Switch
              size="small"
              checked={user.isAdmin}
              disabled={user.id === me.id}
              aria-label={t('adminToggle', { username: user.username })}
            />
          </Popconfirm>
        ) : user.isAdmin ? (
          <Tag color="gold">{tCommon('yes')}</Tag>
        ) : (
          tCommon('no')
        ),
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
          <Button type="link" onClick={() => onShowBindings(user)}>
            {t('showBindings')}
          </Button>
          {mayUpdate &&
            (user.disabled ? (
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
                <Button type="link" danger disabled={user.id === me.id}>
                  {t('disable')}
                </Button>
              </Popconfirm>
            ))}
          {mayUpdate && user.origin === 'local' && (
            <Button type="link" onClick={() => onResetPassword(user)}>
              {t('resetPassword')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

const SHOWN_GROUPS = 3;

/** LDAP groups are DNs: the tag shows the first RDN's value (developers), the tooltip the provider and whole DN. */
function GroupTags({ groups }: { groups: UserListItem['groups'] }) {
  const short = (name: string) => /^[a-z]+=([^,]+)/i.exec(name)?.[1] ?? name;
  const tag = (g: UserListItem['groups'][number]) => (
    <Tooltip key={`${g.provider}/${g.name}`} title={`${g.provider}: ${g.name}`}>
      <Tag>{short(g.name)}</Tag>
    </Tooltip>
  );
  const rest = groups.slice(SHOWN_GROUPS);
  return (
    <Space size={[0, 4]} wrap>
      {groups.slice(0, SHOWN_GROUPS).map(tag)}
      {rest.length > 0 && (
        <Tooltip title={rest.map((g) => `${g.provider}: ${g.name}`).join('\n')}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
