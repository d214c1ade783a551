'use client';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_SCOPES, type Role } from '@wheelhouse/shared';
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '@/kit/use-permissions';
import { ListPage } from '@/kit/list-page';
import { useRoles } from '../api';
import { ScopeKindTag } from './access-labels';
import { CloneRoleModal } from './clone-role-modal';
import { RoleDrawer } from './role-drawer';
import { RoleEditorModal } from './role-editor-modal';
import { useRoleDeletion } from './use-role-deletion';
import { useRoleDescription } from './use-role-description';

/** null: the editor creates a new role. */
type Editing = { role: Role | null } | null;

export function RolesPage() {
  const t = useTranslations('roles');
  const tCommon = useTranslations('common');
  const can = useCan();
  const roles = useRoles();
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [cloning, setCloning] = useState<Role | null>(null);
  const describe = useRoleDescription();
  const confirmDelete = useRoleDeletion(() => setViewingId(null));
  // The drawer follows the list, so it shows fresh rules and counts after an edit.
  const viewing = roles.data?.items.find((role) => role.id === viewingId);

  const columns: TableColumnsType<Role> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      width: 190,
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (_, role) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setViewingId(role.id)}>
          {role.name}
        </Button>
      ),
    },
    {
      title: t('columns.scope'),
      dataIndex: 'scope',
      width: 120,
      filters: ROLE_SCOPES.map((scope) => ({ text: t(`form.scopes.${scope}`), value: scope })),
      onFilter: (value, role) => role.scope === value,
      render: (_, role) => <ScopeKindTag kind={role.scope} />,
    },
    {
      title: t('columns.type'),
      dataIndex: 'builtIn',
      width: 110,
      filters: [
        { text: t('builtIn'), value: true },
        { text: t('custom'), value: false },
      ],
      onFilter: (value, role) => role.builtIn === value,
      render: (_, role) =>
        role.builtIn ? (
          <Tag color="gold" icon={<LockOutlined />}>
            {t('builtIn')}
          </Tag>
        ) : (
          <Tag>{t('custom')}</Tag>
        ),
    },
    {
      title: t('columns.description'),
      dataIndex: 'description',
      // Long descriptions end in an ellipsis (full text in the drawer) instead of pushing the actions away.
      ellipsis: true,
      render: (_, role) => describe(role),
    },
    { title: t('columns.rules'), key: 'rules', width: 70, render: (_, role) => role.rules.length },
    { title: t('columns.bindings'), dataIndex: 'bindingCount', width: 90 },
  ];
  // Readers (every user holds `list roles`) see no empty actions column.
  const mayAct = can('roles', 'create') || can('roles', 'update') || can('roles', 'delete');
  const actions: TableColumnsType<Role> = [
    {
      title: tCommon('actions'),
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_, role) => (
        <Space size={0} wrap>
          {!role.builtIn && can('roles', 'update') && (
            <Button type="link" onClick={() => setEditing({ role })}>
              {t('edit')}
            </Button>
          )}
          {can('roles', 'create') && (
            <Button type="link" onClick={() => setCloning(role)}>
              {t('clone')}
            </Button>
          )}
          {!role.builtIn && can('roles', 'delete') && (
            <Button type="link" danger onClick={() => confirmDelete(role)}>
              {t('delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<Role>
      title={t('title')}
      description={t('description')}
      action={
        can('roles', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ role: null })}>
            {t('create')}
          </Button>
        )
      }
      query={roles}
      table={{
        testId: 'roles-table',
        columns: mayAct ? [...columns, ...actions] : columns,
        dataSource: roles.data?.items,
        locale: { emptyText: t('empty') },
        scroll: { x: 1000 },
      }}
    >
      {viewing && (
        <RoleDrawer
          role={viewing}
          onClose={() => setViewingId(null)}
          onEdit={(role) => setEditing({ role })}
          onClone={setCloning}
          onDelete={confirmDelete}
        />
      )}
      {editing && <RoleEditorModal role={editing.role} onClose={() => setEditing(null)} />}
      {cloning && (
        <CloneRoleModal
          role={cloning}
          onClose={(copy) => {
            setCloning(null);
            if (copy) {
              setViewingId(copy.id);
            }
          }}
        />
      )}
    </ListPage>
  );
}
