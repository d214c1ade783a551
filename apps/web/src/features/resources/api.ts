'use client';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ClusterEventSchema, DiscoverySchema, MAX_PAGE_SIZE, RelationsSchema, ResourceListSchema, type ObjectRef, type ResourceList } from '@wheelhouse/shared';
import { z } from 'zod';
import { apiCommand, apiRequest } from '@/lib/api-client';
import { compactFilters, toQueryString } from '@/lib/query-string';
import type { ListPages } from './list-pages';
import type { ListView } from './list-url-state';

const toSearch = (params: Record<string, string | number | undefined>) => toQueryString(compactFilters(params));

/** A kind's address in the REST routes (`core` for the core API group). */
export type { Gvr } from '@/kit/hrefs';
import type { Gvr } from '@/kit/hrefs';

export const gvrPath = ({ cluster, group, version, resource }: Gvr) =>
  `/api/clusters/${encodeURIComponent(cluster)}/resources/${encodeURIComponent(group || 'core')}/${encodeURIComponent(version)}/${encodeURIComponent(resource)}`;

export { gvrHref, objectHref } from '@/kit/hrefs';

import { objectHref } from '@/kit/hrefs';

export const refHref = (ref: ObjectRef) => objectHref(ref, ref.name, ref.namespace);

export function useRelations(ref: ObjectRef) {
  return useQuery({
    queryKey: [...listKey(ref), 'relations', ref.namespace ?? '', ref.name],
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/clusters/${encodeURIComponent(ref.cluster)}/relations${toSearch({ group: ref.group || 'core', version: ref.version, resource: ref.resource, namespace: ref.namespace, name: ref.name })}`,
        RelationsSchema,
        { signal },
      ),
    staleTime: 10_000,
  });
}

/** What discovery says of one kind (its Kind name, scope, verbs, printer columns); undefined while loading. */
export function useKindInfo(gvr: Gvr) {
  const discovery = useDiscovery(gvr.cluster);
  return discovery.data?.resources.find(
    (r) => (r.group || 'core') === (gvr.group || 'core') && r.version === gvr.version && r.resource === gvr.resource,
  );
}

export function useDiscovery(cluster: string | undefined) {
  return useQuery({
    queryKey: ['discovery', cluster],
    queryFn: ({ signal }) =>
      apiRequest(`/api/clusters/${encodeURIComponent(cluster ?? '')}/discovery`, DiscoverySchema, { signal }),
    enabled: Boolean(cluster),
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
  /** `rows`: the API sends list rows (ListRow), not whole objects. */
  view?: 'rows';
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

/** Where the infinite list views of a kind live in the query cache (live.ts patches them in place). */
export const pagesKey = (gvr: Gvr) => [...listKey(gvr), 'pages'] as const;

/** More than a screen of rows: the first page of a view comes back sooner than a full one (continue tokens are offsets, any limit follows). */
const FIRST_PAGE_SIZE = 100;

/**
 * A list view loaded page by page along its continue tokens, for continuous scrolling; `fetchNextPage` when the
 * user nears the end. Re-fetching (invalidation) walks the loaded pages again from the first one.
 */
export function resourcePagesOptions(gvr: Gvr, params: Omit<ListParams, 'continue'>) {
  return infiniteQueryOptions<ResourceList, Error, ListPages, readonly unknown[], string | undefined>({
    queryKey: [...pagesKey(gvr), params],
    queryFn: ({ signal, pageParam }) => {
      const limit = pageParam ? params.limit : Math.min(params.limit, FIRST_PAGE_SIZE);
      return apiRequest(`${gvrPath(gvr)}${toSearch({ ...params, limit, continue: pageParam })}`, ResourceListSchema, { signal });
    },
    initialPageParam: undefined,
    getNextPageParam: (last) => last.continue ?? undefined,
    // Structural sharing would deep-compare every loaded object on each page and each live re-fetch.
    structuralSharing: false,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export const useResourcePages = (gvr: Gvr, params: Omit<ListParams, 'continue'>) => useInfiniteQuery(resourcePagesOptions(gvr, params));

/** The parameters of a list view as the list page asks for them (the prefetch must ask for exactly the same). */
export const listParams = (view: ListView, namespaced: boolean): Omit<ListParams, 'continue'> => ({
  namespace: namespaced ? view.namespace : undefined,
  q: view.q,
  labelSelector: view.label,
  sort: view.sort,
  order: view.order,
  // The server's largest page: fewer requests while scrolling through 10,000 rows.
  limit: MAX_PAGE_SIZE,
  // What the table shows of each object, not the object: a tenth of the bytes to parse and keep.
  view: 'rows',
});

const objectPath = (gvr: Gvr, name: string, namespace?: string) =>
  `${gvrPath(gvr)}/${encodeURIComponent(name)}${namespace ? `?namespace=${encodeURIComponent(namespace)}` : ''}`;

/**
 * One object, without managedFields unless asked for them (`managedFields`: who owns which field, for the YAML
 * view's switch, under a key of its own); `enabled: false` holds the request back.
 */
export function useResourceObject(gvr: Gvr, name: string, namespace?: string, { managedFields = false, enabled = true } = {}) {
  return useQuery({
    queryKey: [...listKey(gvr), 'object', namespace ?? '', name, ...(managedFields ? ['managedFields'] : [])],
    queryFn: ({ signal }) =>
      apiRequest(`${gvrPath(gvr)}/${encodeURIComponent(name)}${toSearch({ namespace, managedFields: managedFields ? 'true' : undefined })}`, z.record(z.string(), z.unknown()), { signal }),
    enabled,
  });
}

/**
 * Writes an edited object: `apply` is server-side apply (PATCH; `force` takes over fields other managers own),
 * `replace` is kubectl replace (PUT, the whole object as sent). `dryRun` answers what the cluster would store.
 */
export function useWriteObject(gvr: Gvr, name: string, namespace?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, dryRun, mode, force = false }: { body: Record<string, unknown>; dryRun: boolean; mode: 'apply' | 'replace'; force?: boolean }) =>
      apiRequest(
        `${gvrPath(gvr)}/${encodeURIComponent(name)}${toSearch({ namespace, dryRun: dryRun ? 'true' : undefined, force: force ? 'true' : undefined })}`,
        z.record(z.string(), z.unknown()),
        { method: mode === 'apply' ? 'PATCH' : 'PUT', body },
      ),
    onSuccess: (_data, { dryRun }) => {
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: listKey(gvr) });
    },
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
