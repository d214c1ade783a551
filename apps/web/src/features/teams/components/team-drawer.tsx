'use client';
import { EditOutlined } from '@ant-design/icons';
import type { Team } from '@wheelhouse/shared';
import { Button, Drawer, Tabs, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { useBindings } from '@/features/rbac/api';
import { BindingsTable } from '@/features/rbac/components/bindings-table';
import { TeamGroupLinks } from './team-group-links';
import { TeamMembers } from './team-members';

/** One team: its members, its identity-provider group links and the roles bound to it. */
export function TeamDrawer({ team, onClose, onEdit }: { team: Team; onClose: () => void; onEdit: () => void }) {
  const t = useTranslations('teams');
  const can = useCan();
  const mayListBindings = can('rolebindings', 'list');
  const bindings = useBindings({ subjectKind: 'team', subjectId: team.id }, mayListBindings);

  return (
    <Drawer
      open
      size={720}
      title={team.name}
      onClose={onClose}
      extra={
        can('teams', 'update') && (
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('edit')}
          </Button>
        )
      }
      data-testid="team-drawer"
    >
      {team.description && <Typography.Paragraph type="secondary">{team.description}</Typography.Paragraph>}
      <Tabs
        items={[
          {
            key: 'members',
            label: t('tabs.members', { count: team.members.length }),
            children: <TeamMembers team={team} />,
          },
          {
            key: 'groups',
            label: t('tabs.groups', { count: team.groupLinks.length }),
            children: <TeamGroupLinks team={team} />,
          },
          ...(mayListBindings
            ? [
                {
                  key: 'bindings',
                  label: t('tabs.bindings'),
                  children: (
                    <BindingsTable
                      bindings={bindings.data?.items}
                      loading={bindings.isPending}
                      error={bindings.error}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
