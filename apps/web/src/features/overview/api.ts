'use client';
import { useQuery } from '@tanstack/react-query';
import { ClusterOverviewSchema, HomeOverviewSchema, NamespaceOverviewSchema } from '@wheelhouse/shared';
import { apiRequest } from '@/lib/api-client';

/** Aggregates refresh on a timer: they summarise many lists, so a live stream of each would cost more than it shows. */
const REFRESH_MS = 15_000;
const enc = encodeURIComponent;

export function useHomeOverview() {
  return useQuery({
    queryKey: ['overview', 'home'],
    queryFn: ({ signal }) => apiRequest('/api/overview', HomeOverviewSchema, { signal }),
    refetchInterval: REFRESH_MS,
  });
}

export function useClusterOverview(cluster: string) {
  return useQuery({
    queryKey: ['overview', 'cluster', cluster],
    queryFn: ({ signal }) => apiRequest(`/api/clusters/${enc(cluster)}/overview`, ClusterOverviewSchema, { signal }),
    refetchInterval: REFRESH_MS,
  });
}

export function useNamespaceOverview(cluster: string, namespace: string) {
  return useQuery({
    queryKey: ['overview', 'namespace', cluster, namespace],
    queryFn: ({ signal }) =>
      apiRequest(`/api/clusters/${enc(cluster)}/namespaces/${enc(namespace)}/overview`, NamespaceOverviewSchema, {
        signal,
      }),
    refetchInterval: REFRESH_MS,
  });
}
