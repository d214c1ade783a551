'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listParams, resourcePagesOptions } from '../api';
import { parseListView } from '../list-url-state';

const LIST_PATH = /^\/clusters\/([^/]+)\/r\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;

/**
 * When the page opened is a resource list, its first page is asked for at once, alongside the session check,
 * instead of after it: the list page then finds it in the query cache (same key and parameters as it uses). A
 * signed-out visitor's request is refused by the API like any other; nothing is shown from it.
 */
export function ListPrefetch() {
  const queryClient = useQueryClient();
  useEffect(() => {
    // The URL the tab was opened with (read once: later navigations are the list page's own business).
    const m = LIST_PATH.exec(window.location.pathname);
    if (!m) return;
    const [cluster, group, version, resource] = m.slice(1).map(decodeURIComponent) as [string, string, string, string];
    const search = new URLSearchParams(window.location.search);
    const view = parseListView((key) => search.get(key));
    // Kinds are assumed namespaced until discovery says otherwise, as the list page does on its first render.
    void queryClient.prefetchInfiniteQuery(resourcePagesOptions({ cluster, group, version, resource }, listParams(view, true)));
  }, [queryClient]);
  return null;
}
