'use client';
import { ROLE_SCOPES, SUBJECT_KINDS, type RoleScope, type SubjectKind } from '@wheelhouse/shared';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslations } from 'next-intl';
import { useCan } from '@/kit/use-permissions';
import { TeamSelect } from '@/features/teams/components/team-select';
import { UserSelect } from '@/features/users/components/user-select';
import { compactFilters } from '@/lib/query-string';
import { useRoles, type BindingFilter } from '../api';

export type BindingFilterValues = {
  roleId?: string;
  scope?: RoleScope;
  cluster?: string;
  namespace?: string;
  subjectKind?: SubjectKind;
  userId?: string;
  teamId?: string;
  provider?: string;
  group?: string;
};

/** Form values → API filter; a subject filter applies only once its kind and id (and provider) are set. */
export function toBindingFilter(values: BindingFilterValues): BindingFilter {
  const v = compactFilters(values);
  const subjectId = v.subjectKind === 'user' ? v.userId : v.subjectKind === 'team' ? v.teamId : v.group;
  const subject =
    v.subjectKind && subjectId && (v.subjectKind !== 'group' || v.provider)
      ? { subjectKind: v.subjectKind, subjectId, provider: v.subjectKind === 'group' ? v.provider : undefined }
      : {};
  return compactFilters({ roleId: v.roleId, scope: v.scope, cluster: v.cluster, namespace: v.namespace, ...subject });
}

const width = { width: 180 };

export function BindingsFilters({ form }: { form: ReturnType<typeof Form.useForm<BindingFilterValues>>[0] }) {
  const t = useTranslations('bindings.filters');
  const tKind = useTranslations('rbac.subjectKind');
  const tScope = useTranslations('rbac.scopeKind');
  const can = useCan();
  const roles = useRoles();
  const subjectKind = Form.useWatch('subjectKind', form);

  return (
    <Form<BindingFilterValues>
      form={form}
      layout="inline"
      name="binding-filters"
      style={{ rowGap: 8, marginBottom: 16 }}
    >
      <Form.Item name="roleId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('role')}
          aria-label={t('role')}
          style={width}
          options={(roles.data?.items ?? []).map((role) => ({ value: role.id, label: role.name }))}
        />
      </Form.Item>
      <Form.Item name="scope">
        <Select
          allowClear
          placeholder={t('scope')}
          aria-label={t('scope')}
          style={{ width: 140 }}
          options={ROLE_SCOPES.map((value) => ({ value, label: tScope(value) }))}
        />
      </Form.Item>
      <Form.Item name="cluster">
        <Input allowClear placeholder={t('cluster')} aria-label={t('cluster')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="namespace">
        <Input allowClear placeholder={t('namespace')} aria-label={t('namespace')} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="subjectKind">
        <Select
          allowClear
          placeholder={t('subjectKind')}
          aria-label={t('subjectKind')}
          style={{ width: 140 }}
          options={SUBJECT_KINDS.map((value) => ({ value, label: tKind(value) }))}
        />
      </Form.Item>
      {subjectKind === 'user' && can('users', 'list') && (
        <Form.Item name="userId">
          <UserSelect allowClear style={width} aria-label={t('user')} />
        </Form.Item>
      )}
      {subjectKind === 'team' && can('teams', 'list') && (
        <Form.Item name="teamId">
          <TeamSelect allowClear style={width} aria-label={t('team')} />
        </Form.Item>
      )}
      {subjectKind === 'group' && (
        <Space.Compact>
          <Form.Item name="provider" noStyle>
            <Input placeholder={t('provider')} aria-label={t('provider')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="group" noStyle>
            <Input placeholder={t('group')} aria-label={t('group')} style={width} />
          </Form.Item>
        </Space.Compact>
      )}
      <Form.Item>
        <Button onClick={() => form.resetFields()}>{t('reset')}</Button>
      </Form.Item>
    </Form>
  );
}
