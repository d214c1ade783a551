'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { RoleBinding } from '@wheelhouse/shared';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFilterForm } from '@/kit/filter-bar';
import { useCan } from '@/kit/use-permissions';
import { useErrorMessage } from '@/lib/use-error-message';
import { useBindings, useDeleteBinding } from '../api';
import { BindingsFilters, toBindingFilter } from './bindings-filters';
import { BindingsTable } from './bindings-table';
import { CreateBindingModal } from './create-binding-modal';

export function BindingsPage() {
  const t = useTranslations('bindings');
  const can = useCan();
  const { form, filter } = useFilterForm(toBindingFilter);
  const bindings = useBindings(filter);
  const remove = useDeleteBinding();
  const errorMessage = useErrorMessage();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);

  const onDelete = (binding: RoleBinding) => {
    remove.mutate(binding.id, {
      onSuccess: () => void message.success(t('deleted', { role: binding.role.name, subject: binding.subjectName })),
      onError: (error) => void message.error(errorMessage(error)),
    });
  };

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('description')}</Typography.Text>
        </div>
        {can('rolebindings', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create')}
          </Button>
        )}
      </Flex>
      <BindingsFilters form={form} />
      <BindingsTable
        bindings={bindings.data?.items}
        loading={bindings.isPending}
        error={bindings.error}
        onDelete={can('rolebindings', 'delete') ? onDelete : undefined}
      />
      {creating && <CreateBindingModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
