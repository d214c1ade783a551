'use client';
import { Select } from 'antd';
import { useTranslations } from 'next-intl';
import { useResourceList } from '../api';
import { pick, text } from '../columns';

/**
 * Namespaces the user can see (the list is filtered server-side for namespace-limited users); `allowed` from a
 * restricted list answer wins, since such users may not be able to list namespaces themselves.
 */
export function NamespaceSelect({
  cluster,
  value,
  allowed,
  onChange,
}: {
  cluster: string;
  value: string | undefined;
  allowed: string[] | null;
  onChange: (namespace: string | undefined) => void;
}) {
  const t = useTranslations('resources');
  const namespaces = useResourceList(
    { cluster, group: 'core', version: 'v1', resource: 'namespaces' },
    { sort: 'metadata.name', order: 'asc', limit: 500 },
  );
  const names = allowed ?? (namespaces.data?.items ?? []).map((o) => text(pick(o, 'metadata.name')));
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder={t('allNamespaces')}
      aria-label={t('namespace')}
      onChange={(v: string | undefined) => onChange(v || undefined)}
      options={names.map((n) => ({ value: n, label: n }))}
      style={{ width: 200 }}
      data-testid="namespace-select"
    />
  );
}
