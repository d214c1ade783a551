'use client';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useTranslations } from 'next-intl';
import { teamsQuery } from '../queries';

/** Searchable team picker (`GET /api/teams`); the value is the team id. */
export function TeamSelect(props: Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'>) {
  const t = useTranslations('teams');
  const teams = useQuery(teamsQuery);
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
