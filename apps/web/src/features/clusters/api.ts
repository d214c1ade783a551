'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ClusterSchema,
  KubeconfigPreviewSchema,
  type RegisterClusterRequest,
} from '@wheelhouse/shared';
import { CLUSTERS_KEY } from '@/kit/queries';
import { apiCommand, apiRequest } from '@/lib/api-client';

export const clusterPath = (id: string) => `/api/clusters/${encodeURIComponent(id)}`;

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
