'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken, CreatedApiToken } from '@wheelhouse/shared';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { useRevokeToken, useTokens } from '../api';
import { CreateTokenModal } from './create-token-modal';
import { TokenCreatedModal } from './token-created-modal';

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Self-service API tokens: each acts as its user, with at most the user's permissions. */
export function TokensPage() {
  const t = useTranslations('tokens');
  const tCommon = useTranslations('common');
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const onRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => void message.success(t('revoked', { name: token.name })),
      onError: (error) => void message.error(errorMessage(error)),
    });

  const columns: TableColumnsType<ApiToken> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      render: (_, tk) => <Typography.Text strong>{tk.name}</Typography.Text>,
    },
    {
      title: t('columns.prefix'),
      dataIndex: 'prefix',
      render: (_, tk) => <Typography.Text code>{tk.prefix}…</Typography.Text>,
    },
    { title: t('columns.created'), dataIndex: 'createdAt', render: (_, tk) => when(tk.createdAt) },
    {
      title: t('columns.expires'),
      dataIndex: 'expiresAt',
      render: (_, tk) =>
        tk.expiresAt === null ? (
          <Tag color="orange">{t('noExpiry')}</Tag>
        ) : dayjs(tk.expiresAt).isBefore(dayjs()) ? (
          <Tag color="red">{t('expired', { date: when(tk.expiresAt) })}</Tag>
        ) : (
          when(tk.expiresAt)
        ),
    },
    {
      title: t('columns.lastUsed'),
      dataIndex: 'lastUsedAt',
      render: (_, tk) => (tk.lastUsedAt ? when(tk.lastUsedAt) : tCommon('never')),
    },
    {
      title: tCommon('actions'),
      key: 'actions',
      render: (_, tk) => (
        <Popconfirm
          title={t('revokeConfirm', { name: tk.name })}
          description={t('revokeWarning')}
          okText={t('revoke')}
          cancelText={tCommon('cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => onRevoke(tk)}
        >
          <Button type="link" danger>
            {t('revoke')}
          </Button>
        </Popconfirm>
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('create')}
        </Button>
      </Flex>
      {tokens.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(tokens.error)}
          action={<Button onClick={() => void tokens.refetch()}>{tCommon('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tokens.data?.items}
        loading={tokens.isPending && !tokens.error}
        locale={{ emptyText: t('empty') }}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        data-testid="tokens-table"
      />
      {creating && (
        <CreateTokenModal
          onClose={(token) => {
            setCreating(false);
            setCreated(token ?? null);
          }}
        />
      )}
      {created && <TokenCreatedModal token={created} onClose={() => setCreated(null)} />}
    </Card>
  );
}
