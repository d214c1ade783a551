'use client';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

// Only what the pickers need; unknown fields are ignored so this keeps working as the cluster API grows.
const ClusterIdListSchema = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) });

/** Registered clusters, for scope pickers. Cluster ids can still be typed: an error here just means no suggestions. */
export function useClusterOptions() {
  const clusters = useQuery({
    queryKey: ['clusters', 'options'],
    queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterIdListSchema, { signal }),
    retry: false,
    staleTime: 60_000,
  });
  return (clusters.data?.items ?? []).map((cluster) => ({
    value: cluster.id,
    label:
      cluster.displayName && cluster.displayName !== cluster.id ? `${cluster.id} (${cluster.displayName})` : cluster.id,
  }));
}
