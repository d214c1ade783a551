'use client';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@wheelhouse/shared';
import { Button, Drawer, Typography } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useCan } from '@/kit/use-permissions';
import { useUserBindings } from '../api';
import { BindingsTable } from './bindings-table';
import { CreateBindingModal } from './create-binding-modal';

/** Everything that applies to one user: bindings to the user, to their teams and to their IdP groups. */
export function UserBindingsDrawer({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useTranslations('users.bindings');
  const can = useCan();
  const bindings = useUserBindings(user.id);
  const [granting, setGranting] = useState(false);

  return (
    <Drawer
      open
      size={820}
      title={t('title', { username: user.username })}
      onClose={onClose}
      extra={
        can('rolebindings', 'create') && (
          <Button icon={<PlusOutlined />} onClick={() => setGranting(true)}>
            {t('grant')}
          </Button>
        )
      }
      data-testid="user-bindings"
    >
      <Typography.Paragraph type="secondary">{t('help')}</Typography.Paragraph>
      <BindingsTable
        bindings={bindings.data?.items}
        loading={bindings.isPending}
        error={bindings.error}
        subjectTitle={t('via')}
      />
      {granting && (
        <CreateBindingModal onClose={() => setGranting(false)} initial={{ subjectKind: 'user', userId: user.id }} />
      )}
    </Drawer>
  );
}
