'use client';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ClusterSchema, DiscoverySchema, ResourceListSchema } from '@wheelhouse/shared';
import { z } from 'zod';
import type { Gvr } from '@/kit/hrefs';
import { apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

const ClusterListSchema = z.object({ items: z.array(ClusterSchema) });

export function useSearchClusters(enabled: boolean) {
  return useQuery({
    queryKey: ['search', 'clusters'],
    queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterListSchema, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useSearchDiscovery(cluster: string | undefined) {
  return useQuery({
    queryKey: ['discovery', cluster],
    queryFn: ({ signal }) => apiRequest(`/api/clusters/${encodeURIComponent(cluster ?? '')}/discovery`, DiscoverySchema, { signal }),
    enabled: Boolean(cluster),
    staleTime: 60_000,
  });
}

/** The kinds whose objects the palette searches by name: what people jump to most. */
export const SEARCHED_KINDS: Omit<Gvr, 'cluster'>[] = [
  { group: 'apps', version: 'v1', resource: 'deployments' },
  { group: 'apps', version: 'v1', resource: 'statefulsets' },
  { group: 'apps', version: 'v1', resource: 'daemonsets' },
  { group: 'core', version: 'v1', resource: 'pods' },
  { group: 'core', version: 'v1', resource: 'services' },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' },
  { group: 'core', version: 'v1', resource: 'configmaps' },
  { group: 'core', version: 'v1', resource: 'nodes' },
  { group: 'core', version: 'v1', resource: 'namespaces' },
];
const PER_KIND = 5;

/** Objects matching `text`, a few per kind, from the server's cached lists (kinds the user may not list drop out). */
export function useObjectSearch(cluster: string | undefined, text: string) {
  return useQueries({
    queries: SEARCHED_KINDS.map((k) => ({
      queryKey: ['search', cluster, k.group, k.resource, text],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest(
          `/api/clusters/${encodeURIComponent(cluster ?? '')}/resources/${k.group}/${k.version}/${k.resource}${toQueryString({ q: text, limit: PER_KIND })}`,
          ResourceListSchema,
          { signal },
        ),
      enabled: Boolean(cluster) && text.length >= 2,
      staleTime: 10_000,
      retry: false,
    })),
  });
}
