'use client';
import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Cluster } from '@wheelhouse/shared';
import { Alert, App, Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { ListPage } from '@/kit/list-page';
import { useClusters } from '@/kit/queries';
import { clusterPath, useCheckHealth, useDeleteCluster } from '../api';
import { AddClusterDrawer } from './add-cluster-drawer';
import { HealthBadge, HealthDetails } from './health-badge';
import { RenameClusterModal } from './rename-modal';

/** kubectl refuses bearer tokens over plain http, so the downloaded kubeconfig only helps on https consoles. */
function useIsHttp(): boolean {
  return useSyncExternalStore(
    () => () => undefined,
    () => window.location.protocol === 'http:',
    () => false,
  );
}

export function ClustersPage() {
  const t = useTranslations('clusters');
  const tCommon = useTranslations('common');
  const can = useCan();
  const clusters = useClusters();
  const check = useCheckHealth();
  const remove = useDeleteCluster();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const isHttp = useIsHttp();
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Cluster | null>(null);

  const onError = (error: unknown) => void message.error(errorMessage(error));
  const columns: TableColumnsType<Cluster> = [
    {
      title: t('columns.name'),
      dataIndex: 'id',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link href={`/clusters/${encodeURIComponent(c.id)}`}>
            <Typography.Text strong>{c.displayName}</Typography.Text>
          </Link>
          {c.displayName !== c.id && <Typography.Text type="secondary">{c.id}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('columns.health'),
      key: 'health',
      render: (_, c) => (
        <Space size={4} wrap>
          <HealthBadge health={c.health} />
          <HealthDetails health={c.health} />
        </Space>
      ),
    },
    {
      title: t('columns.server'),
      dataIndex: 'server',
      render: (_, c) => (
        <Space size={4} wrap>
          <Typography.Text type="secondary">{c.server}</Typography.Text>
          {c.insecureSkipTlsVerify && <Tag color="warning">{t('insecureTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('columns.auth'), dataIndex: 'authType', render: (_, c) => t(`authType.${c.authType}`) },
    {
      title: tCommon('actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size={0} wrap>
          <Tooltip title={t('recheck')}>
            <Button
              type="link"
              icon={<ReloadOutlined />}
              aria-label={t('recheck')}
              loading={check.isPending && check.variables === c.id}
              onClick={() => check.mutate(c.id, { onError })}
            />
          </Tooltip>
          <Tooltip title={isHttp ? t('kubeconfigHttpHint') : t('downloadKubeconfig')}>
            <Button type="link" icon={<DownloadOutlined />} href={`${clusterPath(c.id)}/kubeconfig`} download>
              {t('kubeconfig')}
            </Button>
          </Tooltip>
          {can('clusters', 'update') && (
            <Tooltip title={t('rename')}>
              <Button type="link" icon={<EditOutlined />} aria-label={t('rename')} onClick={() => setRenaming(c)} />
            </Tooltip>
          )}
          {can('clusters', 'delete') && (
            <Popconfirm
              title={t('removeConfirm', { name: c.displayName })}
              okText={t('remove')}
              cancelText={tCommon('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate(c.id, { onSuccess: () => void message.success(t('removed')), onError })}
            >
              <Button type="link" danger icon={<DeleteOutlined />} aria-label={t('remove')} title={t('remove')} />
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Cluster>
      title={t('title')}
      description={t('description')}
      action={
        can('clusters', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )
      }
      notice={
        isHttp &&
        (clusters.data?.items.length ?? 0) > 0 && (
          <Alert type="info" showIcon title={t('kubeconfigHttpHint')} style={{ marginBottom: 16 }} />
        )
      }
      query={clusters}
      table={{
        testId: 'clusters-table',
        columns: columns,
        dataSource: clusters.data?.items,
        locale: { emptyText: t('empty') },
      }}
    >
      <AddClusterDrawer open={adding} onClose={() => setAdding(false)} />
      {renaming && <RenameClusterModal cluster={renaming} onClose={() => setRenaming(null)} />}
    </ListPage>
  );
}
