'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ClusterSchema,
  KubeconfigPreviewSchema,
  type RegisterClusterRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import { apiCommand, apiRequest } from '@/lib/api-client';

const CLUSTERS_KEY = ['clusters'] as const;
const ClusterListSchema = z.object({ items: z.array(ClusterSchema) });

export const clusterPath = (id: string) => `/api/clusters/${encodeURIComponent(id)}`;

/** Registered clusters with their last health probe; refreshed every 30 s so a cluster coming back shows up. */
export function useClusters() {
  return useQuery({
    queryKey: CLUSTERS_KEY,
    queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterListSchema, { signal }),
    refetchInterval: 30_000,
  });
}

/** Registered clusters, for scope pickers. Cluster ids can still be typed: an error here just means no suggestions. */
export function useClusterOptions() {
  const clusters = useQuery({
    queryKey: CLUSTERS_KEY,
    queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterListSchema, { signal }),
    retry: false,
    staleTime: 60_000,
  });
  return (clusters.data?.items ?? []).map((cluster) => ({
    value: cluster.id,
    label:
      cluster.displayName && cluster.displayName !== cluster.id ? `${cluster.id} (${cluster.displayName})` : cluster.id,
  }));
}

export function useRegisterCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterClusterRequest) =>
      apiRequest('/api/clusters', ClusterSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLUSTERS_KEY }),
  });
}

export function usePreviewKubeconfig() {
  return useMutation({
    mutationFn: (kubeconfig: string) =>
      apiRequest('/api/clusters/kubeconfig/preview', KubeconfigPreviewSchema, {
        method: 'POST',
        body: { kubeconfig },
      }),
  });
}

/** Contexts of the console machine's own kubeconfig, offered for import (never imported silently). */
export function useLocalKubeconfig(enabled: boolean) {
  return useQuery({
    queryKey: ['clusters', 'local-kubeconfig'],
    queryFn: ({ signal }) => apiRequest('/api/clusters/local-kubeconfig', KubeconfigPreviewSchema, { signal }),
    enabled,
    retry: false,
  });
}

export function useRenameCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, displayName }: { id: string; displayName: string }) =>
      apiRequest(clusterPath(id), ClusterSchema, { method: 'PATCH', body: { displayName } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLUSTERS_KEY }),
  });
}

export function useDeleteCluster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCommand(clusterPath(id), { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLUSTERS_KEY }),
  });
}

export function useCheckHealth() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`${clusterPath(id)}/health`, ClusterSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CLUSTERS_KEY }),
  });
}
