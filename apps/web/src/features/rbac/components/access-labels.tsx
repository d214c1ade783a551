'use client';
import { ApartmentOutlined, TeamOutlined, UserOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import type { RoleScope, Scope, Subject } from '@wheelhouse/shared';
import { Space, Tag, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { scopePath } from '../format';

const SCOPE_COLORS: Record<RoleScope, string> = { global: 'purple', cluster: 'blue', namespace: 'cyan' };

export function ScopeKindTag({ kind }: { kind: RoleScope }) {
  const t = useTranslations('rbac.scopeKind');
  return <Tag color={SCOPE_COLORS[kind]}>{t(kind)}</Tag>;
}

/** A binding's scope: "Global", or the cluster / cluster/namespace path as plain text. */
export function ScopeLabel({ scope }: { scope: Scope }) {
  const t = useTranslations('rbac');
  const path = scopePath(scope);
  return (
    <Space size={4}>
      <ScopeKindTag kind={scope.kind} />
      {path === null ? (
        <Typography.Text type="secondary">{t('everywhere')}</Typography.Text>
      ) : (
        <Typography.Text code>{path}</Typography.Text>
      )}
    </Space>
  );
}

const SUBJECT_ICONS = { user: <UserOutlined />, team: <TeamOutlined />, group: <UsergroupAddOutlined /> };

/** Who a binding is for; identity-provider groups show their provider. Names are user input: text only. */
export function SubjectLabel({ subject, name }: { subject: Subject; name: string }) {
  const t = useTranslations('rbac.subjectKind');
  return (
    <Space size={4}>
      {SUBJECT_ICONS[subject.kind]}
      <Typography.Text type="secondary">{t(subject.kind)}</Typography.Text>
      <Typography.Text strong>{name}</Typography.Text>
      {subject.kind === 'group' && <Tag icon={<ApartmentOutlined />}>{subject.provider}</Tag>}
    </Space>
  );
}
