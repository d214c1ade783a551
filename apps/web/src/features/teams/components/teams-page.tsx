'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { Team } from '@wheelhouse/shared';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { useDeleteTeam, useTeams } from '../api';
import { TeamDrawer } from './team-drawer';
import { TeamFormModal } from './team-form-modal';

export function TeamsPage() {
  const t = useTranslations('teams');
  const tCommon = useTranslations('common');
  const can = useCan();
  const teams = useTeams();
  const remove = useDeleteTeam();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ team: Team | null } | null>(null);
  // The drawer reads the team from the list, so member changes show as soon as the list refreshes.
  const viewing = teams.data?.items.find((team) => team.id === viewingId);

  const onDelete = (team: Team) =>
    remove.mutate(team.id, {
      onSuccess: () => void message.success(t('deleted', { name: team.name })),
      onError: (error) => void message.error(errorMessage(error)),
    });

  const columns: TableColumnsType<Team> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (_, team) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setViewingId(team.id)}>
          {team.name}
        </Button>
      ),
    },
    { title: t('columns.description'), dataIndex: 'description', ellipsis: true },
    { title: t('columns.members'), key: 'members', render: (_, team) => team.members.length },
    { title: t('columns.groups'), key: 'groups', render: (_, team) => team.groupLinks.length },
    {
      title: tCommon('actions'),
      key: 'actions',
      render: (_, team) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setViewingId(team.id)}>
            {t('manage')}
          </Button>
          {can('teams', 'delete') && (
            <Popconfirm
              title={t('deleteConfirm', { name: team.name })}
              description={t('deleteWarning')}
              okText={tCommon('delete')}
              cancelText={tCommon('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(team)}
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
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('description')}</Typography.Text>
        </div>
        {can('teams', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ team: null })}>
            {t('create')}
          </Button>
        )}
      </Flex>
      {teams.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(teams.error)}
          action={<Button onClick={() => void teams.refetch()}>{tCommon('retry')}</Button>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Team>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={teams.data?.items}
        loading={teams.isPending && !teams.error}
        locale={{ emptyText: t('empty') }}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        data-testid="teams-table"
      />
      {viewing && (
        <TeamDrawer team={viewing} onClose={() => setViewingId(null)} onEdit={() => setEditing({ team: viewing })} />
      )}
      {editing && (
        <TeamFormModal
          team={editing.team}
          onClose={(saved) => {
            setEditing(null);
            // A new team opens straight away: adding members is the next step.
            if (saved && !editing.team) {
              setViewingId(saved.id);
            }
          }}
        />
      )}
    </Card>
  );
}
