'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ClusterEventSchema, DiscoverySchema, ResourceListSchema } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiCommand, apiRequest } from '@/lib/api-client';
import { compactFilters, toQueryString } from '@/lib/query-string';

const toSearch = (params: Record<string, string | number | undefined>) => toQueryString(compactFilters(params));

/** A kind's address in the REST routes (`core` for the core API group). */
export type Gvr = { cluster: string; group: string; version: string; resource: string };

export const gvrPath = ({ cluster, group, version, resource }: Gvr) =>
  `/api/clusters/${encodeURIComponent(cluster)}/resources/${encodeURIComponent(group || 'core')}/${encodeURIComponent(version)}/${encodeURIComponent(resource)}`;

export const gvrHref = ({ cluster, group, version, resource }: Gvr, namespace?: string) =>
  `/clusters/${encodeURIComponent(cluster)}/r/${encodeURIComponent(group || 'core')}/${encodeURIComponent(version)}/${encodeURIComponent(resource)}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ''}`;

export function useDiscovery(cluster: string) {
  return useQuery({
    queryKey: ['discovery', cluster],
    queryFn: ({ signal }) =>
      apiRequest(`/api/clusters/${encodeURIComponent(cluster)}/discovery`, DiscoverySchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export type ListParams = {
  namespace?: string;
  labelSelector?: string;
  q?: string;
  sort: string;
  order: 'asc' | 'desc';
  limit: number;
  continue?: string;
};

export const listKey = (gvr: Gvr) => ['resources', gvr.cluster, gvr.group, gvr.version, gvr.resource] as const;

export function useResourceList(gvr: Gvr, params: ListParams) {
  return useQuery({
    queryKey: [...listKey(gvr), params],
    queryFn: ({ signal }) => apiRequest(`${gvrPath(gvr)}${toSearch(params)}`, ResourceListSchema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

const objectPath = (gvr: Gvr, name: string, namespace?: string) =>
  `${gvrPath(gvr)}/${encodeURIComponent(name)}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ''}`;

export function useResourceObject(gvr: Gvr, name: string, namespace?: string) {
  return useQuery({
    queryKey: [...listKey(gvr), 'object', namespace ?? '', name],
    queryFn: ({ signal }) => apiRequest(objectPath(gvr, name, namespace), z.record(z.string(), z.unknown()), { signal }),
  });
}

export function useDeleteObject(gvr: Gvr) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, namespace }: { name: string; namespace?: string }) =>
      apiCommand(objectPath(gvr, name, namespace), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey(gvr) }),
  });
}

export function useObjectEvents(cluster: string, uid: string | undefined, namespace?: string) {
  return useQuery({
    queryKey: ['events', cluster, uid],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/clusters/${encodeURIComponent(cluster)}/events${toSearch({ uid, namespace, limit: 100 })}`,
        z.object({ items: z.array(ClusterEventSchema) }),
        { signal },
      ),
    enabled: Boolean(uid),
  });
}
