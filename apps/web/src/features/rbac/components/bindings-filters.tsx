'use client';
import { ROLE_SCOPES, SUBJECT_KINDS, type RoleScope, type SubjectKind } from '@wheelhouse/shared';
import { Form, Input, Space, type FormInstance } from 'antd';
import { useTranslations } from 'next-intl';
import { FilterBar, SelectFilter, TextFilter } from '@/kit/filter-bar';
import { TeamSelect } from '@/kit/pickers/team-select';
import { UserSelect } from '@/kit/pickers/user-select';
import { useCan } from '@/kit/use-permissions';
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
export function toBindingFilter(values: BindingFilterValues | undefined): BindingFilter {
  const v = compactFilters(values ?? {});
  const subjectId = v.subjectKind === 'user' ? v.userId : v.subjectKind === 'team' ? v.teamId : v.group;
  const subject =
    v.subjectKind && subjectId && (v.subjectKind !== 'group' || v.provider)
      ? { subjectKind: v.subjectKind, subjectId, provider: v.subjectKind === 'group' ? v.provider : undefined }
      : {};
  return compactFilters({ roleId: v.roleId, scope: v.scope, cluster: v.cluster, namespace: v.namespace, ...subject });
}

const width = { width: 180 };

export function BindingsFilters({ form }: { form: FormInstance<BindingFilterValues> }) {
  const t = useTranslations('bindings.filters');
  const tKind = useTranslations('rbac.subjectKind');
  const tScope = useTranslations('rbac.scopeKind');
  const can = useCan();
  const roles = useRoles();
  const subjectKind = Form.useWatch('subjectKind', form);

  return (
    <FilterBar form={form} name="binding-filters" resetLabel={t('reset')}>
      <SelectFilter
        name="roleId"
        label={t('role')}
        width={180}
        showSearch={{ optionFilterProp: 'label' }}
        options={(roles.data?.items ?? []).map((role) => ({ value: role.id, label: role.name }))}
      />
      <SelectFilter
        name="scope"
        label={t('scope')}
        width={140}
        options={ROLE_SCOPES.map((value) => ({ value, label: tScope(value) }))}
      />
      <TextFilter name="cluster" label={t('cluster')} width={140} />
      <TextFilter name="namespace" label={t('namespace')} width={140} />
      <SelectFilter
        name="subjectKind"
        label={t('subjectKind')}
        width={140}
        options={SUBJECT_KINDS.map((value) => ({ value, label: tKind(value) }))}
      />
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
    </FilterBar>
  );
}
