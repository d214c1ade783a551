'use client';
import { useQuery } from '@tanstack/react-query';
import { clustersQuery } from '../queries';

/** Registered clusters, for scope pickers. Cluster ids can still be typed: an error here just means no suggestions. */
export function useClusterOptions() {
  const clusters = useQuery({ ...clustersQuery, retry: false, staleTime: 60_000 });
  return (clusters.data?.items ?? []).map((cluster) => ({
    value: cluster.id,
    label:
      cluster.displayName && cluster.displayName !== cluster.id ? `${cluster.id} (${cluster.displayName})` : cluster.id,
  }));
}
