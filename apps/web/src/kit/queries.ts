'use client';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ClusterSchema, TeamSchema, UserListSchema } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { PERMISSIONS_QUERY_KEY } from '@/lib/query-client';

// Lists and cache keys that several features read or invalidate; each feature's api.ts adds its own mutations.
export const USERS_KEY = ['users'] as const;
export const TEAMS_KEY = ['teams'] as const;
export const CLUSTERS_KEY = ['clusters'] as const;
export const ROLES_KEY = ['roles'] as const;
export const BINDINGS_KEY = ['rolebindings'] as const;
export const EXPLAIN_KEY = ['explain'] as const;

export const usersQuery = queryOptions({
  queryKey: USERS_KEY,
  queryFn: ({ signal }) => apiRequest('/api/users', UserListSchema, { signal }),
});

const TeamListSchema = z.object({ items: z.array(TeamSchema) });
export const teamsQuery = queryOptions({
  queryKey: TEAMS_KEY,
  queryFn: ({ signal }) => apiRequest('/api/teams', TeamListSchema, { signal }),
});

const ClusterListSchema = z.object({ items: z.array(ClusterSchema) });
export const clustersQuery = queryOptions({
  queryKey: CLUSTERS_KEY,
  queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterListSchema, { signal }),
});

/** Registered clusters with their last health probe; refreshed every 30 s so a cluster coming back shows up. */
export function useClusters() {
  return useQuery({ ...clustersQuery, refetchInterval: 30_000 });
}

/**
 * Anything that changes who may do what: role and binding lists, counts, effective bindings, explanations and the
 * caller's own summary. Users, teams and RBAC all call it, so it lives below them.
 */
export function invalidateAccess(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ROLES_KEY }),
    queryClient.invalidateQueries({ queryKey: BINDINGS_KEY }),
    queryClient.invalidateQueries({ queryKey: PERMISSIONS_QUERY_KEY }),
    queryClient.invalidateQueries({ queryKey: EXPLAIN_KEY }),
  ]);
}
