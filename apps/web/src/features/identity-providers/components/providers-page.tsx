'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { IdentityProvider } from '@wheelhouse/shared';
import { App, Button, Popconfirm, Space, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { ListPage } from '@/kit/list-page';
import { useDeleteProvider, useIdentityProviders, useSaveProvider } from '../api';
import { ProviderDrawer } from './provider-drawer';
import { TestProviderModal } from './test-modal';

export function ProvidersPage() {
  const t = useTranslations('idp');
  const tCommon = useTranslations('common');
  const can = useCan();
  const providers = useIdentityProviders();
  const save = useSaveProvider();
  const remove = useDeleteProvider();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<IdentityProvider | null | undefined>(undefined);
  const [testing, setTesting] = useState<IdentityProvider | null>(null);
  const mayUpdate = can('identityproviders', 'update');
  const onError = (error: unknown) => void message.error(errorMessage(error));

  const columns: TableColumnsType<IdentityProvider> = [
    {
      title: t('fields.displayName'),
      dataIndex: 'displayName',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{p.displayName}</Typography.Text>
          <Typography.Text type="secondary">{p.id}</Typography.Text>
        </Space>
      ),
    },
    { title: t('columns.type'), dataIndex: 'type', render: (_, p) => <Tag>{t(`type.${p.type}`)}</Tag> },
    {
      title: t('fields.enabled'),
      dataIndex: 'enabled',
      render: (_, p) => (
        <Switch
          checked={p.enabled}
          disabled={!mayUpdate}
          aria-label={t('fields.enabled')}
          onChange={(enabled) => save.mutate({ id: p.id, update: { enabled } }, { onError })}
        />
      ),
    },
    {
      title: tCommon('actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0} wrap>
          {/* The API probes LDAP directories only (for OIDC it answers "not found"), and asks for update rights. */}
          {p.type === 'ldap' && mayUpdate && (
            <Button type="link" onClick={() => setTesting(p)}>
              {t('test')}
            </Button>
          )}
          {mayUpdate && (
            <Button type="link" onClick={() => setEditing(p)}>
              {t('edit')}
            </Button>
          )}
          {can('identityproviders', 'delete') && (
            <Popconfirm
              title={t('deleteConfirm', { name: p.displayName })}
              okText={tCommon('delete')}
              cancelText={tCommon('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate(p.id, { onError })}
            >
              <Button type="link" danger>
                {tCommon('delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<IdentityProvider>
      title={t('title')}
      description={t('description')}
      action={
        can('identityproviders', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('create')}
          </Button>
        )
      }
      query={providers}
      table={{
        columns: columns,
        dataSource: providers.data?.items,
        locale: { emptyText: t('empty') },
        pagination: false,
      }}
    >
      {editing !== undefined && <ProviderDrawer editing={editing} onClose={() => setEditing(undefined)} />}
      {testing && <TestProviderModal provider={testing} onClose={() => setTesting(null)} />}
    </ListPage>
  );
}
