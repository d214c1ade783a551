'use client';
import { CopyOutlined, DeleteOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import type { Role } from '@wheelhouse/shared';
import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { useBindings } from '../api';
import { ScopeKindTag } from './access-labels';
import { BindingsTable } from './bindings-table';
import { RulesTable } from './rules-table';
import { useRoleDescription } from './use-role-description';

type Props = {
  role: Role;
  onClose: () => void;
  onEdit: (role: Role) => void;
  onClone: (role: Role) => void;
  onDelete: (role: Role) => void;
};

/** One role in full: what it allows (rules) and where it is bound. Built-in roles are read-only here. */
export function RoleDrawer({ role, onClose, onEdit, onClone, onDelete }: Props) {
  const t = useTranslations('roles');
  const can = useCan();
  const describe = useRoleDescription();
  const mayListBindings = can('rolebindings', 'list');
  const bindings = useBindings({ roleId: role.id }, mayListBindings);

  return (
    <Drawer
      open
      size={760}
      title={
        <Space>
          <span>{role.name}</span>
          {role.builtIn && (
            <Tag icon={<LockOutlined />} color="gold">
              {t('builtIn')}
            </Tag>
          )}
        </Space>
      }
      onClose={onClose}
      extra={
        <Space wrap>
          {!role.builtIn && can('roles', 'update') && (
            <Button icon={<EditOutlined />} onClick={() => onEdit(role)}>
              {t('edit')}
            </Button>
          )}
          {can('roles', 'create') && (
            <Button icon={<CopyOutlined />} onClick={() => onClone(role)}>
              {t('clone')}
            </Button>
          )}
          {!role.builtIn && can('roles', 'delete') && (
            <Button danger icon={<DeleteOutlined />} onClick={() => onDelete(role)}>
              {t('delete')}
            </Button>
          )}
        </Space>
      }
      data-testid="role-drawer"
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        style={{ marginBottom: 24 }}
        items={[
          {
            key: 'scope',
            label: t('columns.scope'),
            children: (
              <Space size={4} wrap>
                <ScopeKindTag kind={role.scope} />
                <Typography.Text type="secondary">{t(`scopeHelp.${role.scope}`)}</Typography.Text>
              </Space>
            ),
          },
          { key: 'description', label: t('columns.description'), children: describe(role) || '—' },
          { key: 'type', label: t('columns.type'), children: role.builtIn ? t('builtInHelp') : t('custom') },
        ]}
      />
      <Typography.Title level={5}>{t('rulesTitle', { count: role.rules.length })}</Typography.Title>
      <RulesTable rules={role.rules} />
      {mayListBindings && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('bindingsTitle', { count: bindings.data?.items.length ?? role.bindingCount })}
          </Typography.Title>
          <BindingsTable bindings={bindings.data?.items} loading={bindings.isPending} error={bindings.error} hideRole />
        </>
      )}
    </Drawer>
  );
}
