'use client';
import { Select, type SelectProps } from 'antd';
import { useTranslations } from 'next-intl';
import { useTeams } from '../api';

/** Searchable team picker (`GET /api/teams`); the value is the team id. */
export function TeamSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'>) {
  const t = useTranslations('teams');
  const teams = useTeams();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('pick')}
      loading={teams.isPending}
      options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))}
      notFoundContent={teams.error ? t('pickUnavailable') : undefined}
      {...props}
    />
  );
}
