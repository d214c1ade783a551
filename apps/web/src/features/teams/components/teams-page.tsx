'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { Team } from '@wheelhouse/shared';
import { App, Button, Space, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { ConfirmLink, ListPage } from '@/kit/list-page';
import { useDeleteTeam, useTeams } from '../api';
import { TeamDrawer } from './team-drawer';
import { TeamFormModal } from './team-form-modal';

/** `teamBindings`: the roles bound to a team, supplied by the route (RBAC owns them). */
export function TeamsPage({ teamBindings }: { teamBindings: (team: Team) => ReactNode }) {
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
            <ConfirmLink
              title={t('deleteConfirm', { name: team.name })}
              description={t('deleteWarning')}
              okText={tCommon('delete')}
              onConfirm={() => onDelete(team)}
            >
              {tCommon('delete')}
            </ConfirmLink>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Team>
      title={t('title')}
      description={t('description')}
      action={
        can('teams', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ team: null })}>
            {t('create')}
          </Button>
        )
      }
      query={teams}
      table={{
        testId: 'teams-table',
        columns: columns,
        dataSource: teams.data?.items,
        locale: { emptyText: t('empty') },
      }}
    >
      {viewing && (
        <TeamDrawer
          team={viewing}
          bindings={teamBindings(viewing)}
          onClose={() => setViewingId(null)}
          onEdit={() => setEditing({ team: viewing })}
        />
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
    </ListPage>
  );
}
