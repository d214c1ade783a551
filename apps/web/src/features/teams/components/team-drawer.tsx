'use client';
import { EditOutlined } from '@ant-design/icons';
import type { Team } from '@wheelhouse/shared';
import { Button, Drawer, Tabs, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useCan } from '@/kit/use-permissions';
import { TeamGroupLinks } from './team-group-links';
import { TeamMembers } from './team-members';

type Props = {
  team: Team;
  /** The roles bound to the team (RBAC's table, composed by the route); shown to those who may list bindings. */
  bindings: ReactNode;
  onClose: () => void;
  onEdit: () => void;
};

/** One team: its members, its identity-provider group links and the roles bound to it. */
export function TeamDrawer({ team, bindings, onClose, onEdit }: Props) {
  const t = useTranslations('teams');
  const can = useCan();
  const mayListBindings = can('rolebindings', 'list');

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
                  // Mounted with the drawer, as before, so the bindings load while the members tab is read.
                  forceRender: true,
                  children: bindings,
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}
