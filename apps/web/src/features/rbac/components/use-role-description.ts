'use client';
import type { Role } from '@wheelhouse/shared';
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

/** Built-in roles are described in the reader's language; custom roles show what their author wrote. */
export function useRoleDescription(): (role: Pick<Role, 'name' | 'builtIn' | 'description'>) => string {
  const t = useTranslations('roles.builtInDescriptions');
  return useCallback(
    (role) => {
      const key = role.name as 'viewer';
      return role.builtIn && t.has(key) ? t(key) : role.description;
    },
    [t],
  );
}
