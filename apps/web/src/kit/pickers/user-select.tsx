'use client';
import { useQuery } from '@tanstack/react-query';
import type { User } from '@wheelhouse/shared';
import { Select, type SelectProps } from 'antd';
import { useTranslations } from 'next-intl';
import { usersQuery } from '../queries';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & {
  /** What the value is: the user's id (bindings, team members) or username (the access check). */
  valueKey?: 'id' | 'username';
  /** Users to leave out, e.g. a team's current members. */
  exclude?: readonly string[];
};

function userLabel(user: Pick<User, 'username' | 'displayName'>): string {
  return user.displayName && user.displayName !== user.username
    ? `${user.username} (${user.displayName})`
    : user.username;
}

/** Searchable user picker fed by `GET /api/users`; labels are plain strings, so names render as text. */
export function UserSelect({ valueKey = 'id', exclude = [], ...props }: Props) {
  const t = useTranslations('users');
  const users = useQuery(usersQuery);
  const options = (users.data?.items ?? [])
    .filter((user) => !exclude.includes(user.id))
    .map((user) => ({ value: user[valueKey], label: userLabel(user) }));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('pick')}
      loading={users.isPending}
      options={options}
      notFoundContent={users.error ? t('pickUnavailable') : undefined}
      {...props}
    />
  );
}
