'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { ApiToken, CreatedApiToken } from '@wheelhouse/shared';
import { App, Button, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorMessage } from '@/lib/use-error-message';
import { ConfirmLink, ListPage } from '@/kit/list-page';
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
        <ConfirmLink
          title={t('revokeConfirm', { name: tk.name })}
          description={t('revokeWarning')}
          okText={t('revoke')}
          onConfirm={() => onRevoke(tk)}
        >
          {t('revoke')}
        </ConfirmLink>
      ),
    },
  ];

  return (
    <ListPage<ApiToken>
      title={t('title')}
      description={t('description')}
      action={
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        </>
      }
      query={tokens}
      table={{
        testId: 'tokens-table',
        columns: columns,
        dataSource: tokens.data?.items,
        locale: { emptyText: t('empty') },
      }}
    >
      {creating && (
        <CreateTokenModal
          onClose={(token) => {
            setCreating(false);
            setCreated(token ?? null);
          }}
        />
      )}
      {created && <TokenCreatedModal token={created} onClose={() => setCreated(null)} />}
    </ListPage>
  );
}
