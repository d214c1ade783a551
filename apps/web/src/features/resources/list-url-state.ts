'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { toQueryString } from '@/lib/query-string';

/** What a list shows, kept in the URL so a filtered, sorted view can be shared, bookmarked and reloaded. */
export type ListView = { namespace?: string; q?: string; label?: string; sort: string; order: 'asc' | 'desc' };

export const DEFAULT_SORT = 'metadata.name';

export function parseListView(get: (key: string) => string | null): ListView {
  const value = (key: string) => get(key)?.trim() || undefined;
  return {
    namespace: value('namespace'),
    q: value('q'),
    label: value('label'),
    sort: value('sort') ?? DEFAULT_SORT,
    order: get('order') === 'desc' ? 'desc' : 'asc',
  };
}

export function listViewSearch(view: ListView): string {
  return toQueryString({
    namespace: view.namespace,
    q: view.q,
    label: view.label,
    sort: view.sort === DEFAULT_SORT ? undefined : view.sort,
    order: view.order === 'desc' ? 'desc' : undefined,
  });
}

/** The view from the URL and a setter that replaces the URL (no history entry per keystroke). */
export function useListView(): [ListView, (patch: Partial<ListView>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = parseListView((key) => params.get(key));
  const update = useCallback(
    (patch: Partial<ListView>) => {
      const next = { ...parseListView((key) => params.get(key)), ...patch };
      // The History API, which Next.js keeps useSearchParams in step with: a router.replace would be a soft
      // navigation that asks the server for the route's RSC payload on every filter, sort or namespace change.
      window.history.replaceState(null, '', `${pathname}${listViewSearch(next)}`);
    },
    [params, pathname],
  );
  return [view, update];
}
