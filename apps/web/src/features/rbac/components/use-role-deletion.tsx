'use client';
import type { Role } from '@wheelhouse/shared';
import { App } from 'antd';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { isApiError } from '@/lib/api-client';
import { useErrorMessage } from '@/lib/use-error-message';
import { useDeleteRole } from '../api';

/** How many bindings the API says still use the role (ROLE_IN_USE details), if it said. */
function bindingsInUse(details: unknown): number | undefined {
  if (details && typeof details === 'object' && 'bindings' in details && typeof details.bindings === 'number') {
    return details.bindings;
  }
  return undefined;
}

/**
 * Deleting a role asks once; when the API answers ROLE_IN_USE it asks again, naming the bindings that a forced
 * delete removes too.
 */
export function useRoleDeletion(onDeleted?: () => void): (role: Role) => void {
  const t = useTranslations('roles');
  const tCommon = useTranslations('common');
  const remove = useDeleteRole();
  const errorMessage = useErrorMessage();
  const { modal, message } = App.useApp();

  return useCallback(
    (role: Role) => {
      const run = async (force: boolean) => {
        try {
          await remove.mutateAsync({ roleId: role.id, force });
          void message.success(t('deleted', { name: role.name }));
          onDeleted?.();
        } catch (error) {
          if (!force && isApiError(error, 'ROLE_IN_USE')) {
            const count = bindingsInUse(error.details) ?? role.bindingCount;
            modal.confirm({
              title: t('forceTitle', { name: role.name }),
              content: t('forceContent', { count }),
              okText: t('forceDelete'),
              okButtonProps: { danger: true },
              cancelText: tCommon('cancel'),
              onOk: () => run(true),
            });
          } else {
            void message.error(errorMessage(error));
          }
        }
      };
      modal.confirm({
        title: t('deleteTitle', { name: role.name }),
        content: t('deleteContent'),
        okText: tCommon('delete'),
        okButtonProps: { danger: true },
        cancelText: tCommon('cancel'),
        onOk: () => run(false),
      });
    },
    [remove, message, modal, t, tCommon, errorMessage, onDeleted],
  );
}
