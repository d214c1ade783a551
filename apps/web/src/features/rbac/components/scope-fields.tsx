'use client';
import { ScopeSchema, type RoleScope } from '@wheelhouse/shared';
import { AutoComplete, Form, Input } from 'antd';
import { useTranslations } from 'next-intl';
import { useClusterOptions } from '@/kit/pickers/cluster-options';
import { useZodRule } from '@/lib/zod-form';

const namespaceScope = ScopeSchema.options[2].shape;

/** Cluster and namespace inputs for a binding scope; cluster ids are suggested from the registry and free text. */
export function ScopeFields({ kind }: { kind: RoleScope | undefined }) {
  const t = useTranslations('bindings.form');
  const zodRule = useZodRule();
  const clusters = useClusterOptions();
  if (kind !== 'cluster' && kind !== 'namespace') {
    return null;
  }
  return (
    <>
      <Form.Item
        name="cluster"
        label={t('cluster')}
        extra={t('clusterHelp')}
        required
        rules={[zodRule(namespaceScope.cluster)]}
      >
        <AutoComplete
          options={clusters}
          placeholder={t('clusterPlaceholder')}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
        />
      </Form.Item>
      {kind === 'namespace' && (
        <Form.Item name="namespace" label={t('namespace')} required rules={[zodRule(namespaceScope.namespace)]}>
          <Input autoComplete="off" placeholder={t('namespacePlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}
