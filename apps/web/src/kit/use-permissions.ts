'use client';
import { useQuery } from '@tanstack/react-query';
import { PermissionSummarySchema, type ConsoleResource, type Verb } from '@wheelhouse/shared';
import { useCallback } from 'react';
import { apiRequest } from '@/lib/api-client';
import { PERMISSIONS_QUERY_KEY } from '@/lib/query-client';
import { allows } from './permissions';

/** What the signed-in user may do at global scope, per console resource (`GET /api/auth/me/permissions`). */
export function usePermissions() {
  return useQuery({
    queryKey: PERMISSIONS_QUERY_KEY,
    queryFn: ({ signal }) => apiRequest('/api/auth/me/permissions', PermissionSummarySchema, { signal }),
    staleTime: 30_000,
  });
}

/** `can('teams', 'create')`: false until the summary has loaded, so buttons appear rather than vanish. */
export function useCan(): (resource: ConsoleResource, verb: Verb) => boolean {
  const { data } = usePermissions();
  return useCallback((resource: ConsoleResource, verb: Verb) => allows(data, resource, verb), [data]);
}
