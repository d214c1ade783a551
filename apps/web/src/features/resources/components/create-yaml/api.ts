'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ManifestResponseSchema } from '@wheelhouse/shared';
import { apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

/** `POST /api/clusters/:c/manifests`: one result per document; a real run refreshes the cluster's lists. */
export function useCreateManifests(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ yaml, dryRun, namespace }: { yaml: string; dryRun: boolean; namespace?: string }) =>
      apiRequest(`/api/clusters/${encodeURIComponent(cluster)}/manifests${toQueryString({ dryRun: dryRun ? 'All' : undefined, namespace })}`, ManifestResponseSchema, {
        method: 'POST',
        body: { yaml },
      }),
    onSuccess: (_data, { dryRun }) => {
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: ['resources', cluster] });
    },
  });
}
