'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ClusterSchema, DiscoverySchema, SEARCH_LIMIT_DEFAULT, SEARCH_QUERY_MAX, SEARCH_QUERY_MIN, SearchResultSchema } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { toQueryString } from '@/lib/query-string';

const ClusterListSchema = z.object({ items: z.array(ClusterSchema) });

/** Display names for the kind-jump header; the search answer names its own clusters. */
export function useSearchClusters() {
  return useQuery({
    queryKey: ['search', 'clusters'],
    queryFn: ({ signal }) => apiRequest('/api/clusters', ClusterListSchema, { signal }),
    staleTime: 30_000,
  });
}

export function useSearchDiscovery(cluster: string | undefined) {
  return useQuery({
    queryKey: ['discovery', cluster],
    queryFn: ({ signal }) => apiRequest(`/api/clusters/${encodeURIComponent(cluster ?? '')}/discovery`, DiscoverySchema, { signal }),
    enabled: Boolean(cluster),
    staleTime: 60_000,
    retry: false,
  });
}

export const searchable = (text: string) => text.length >= SEARCH_QUERY_MIN && text.length <= SEARCH_QUERY_MAX;

/** One request per (debounced) text: every cluster and kind the user may list, answered from the server's caches. */
export function useGlobalSearch(text: string) {
  return useQuery({
    queryKey: ['search', 'objects', text],
    queryFn: ({ signal }) => apiRequest(`/api/search${toQueryString({ q: text, limit: SEARCH_LIMIT_DEFAULT })}`, SearchResultSchema, { signal }),
    enabled: searchable(text),
    staleTime: 10_000,
    retry: false,
    // The previous answer stays on screen while the next keystroke's is on its way: no flicker to empty.
    placeholderData: keepPreviousData,
  });
}
