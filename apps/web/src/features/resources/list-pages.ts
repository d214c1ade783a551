import type { InfiniteData } from '@tanstack/react-query';
import type { DeltaType, ResourceList } from '@wheelhouse/shared';
import type { K8sObject } from './columns';

/** The pages of one list view loaded so far (continue tokens as page params; the first page has none). */
export type ListPages = InfiniteData<ResourceList, string | undefined>;

type Meta = { uid?: string; name?: string; namespace?: string } | undefined;

/** Called for every loaded row on every scrolled frame (the virtual list sums row heights by key): plain reads. */
export const rowKey = (o: K8sObject) => {
  const m = o.metadata as Meta;
  return m?.uid || `${m?.namespace ?? ''}/${m?.name ?? ''}`;
};

/**
 * Every loaded row once. Continue tokens are offsets into the live cache, so an object added between two page
 * requests shifts the next page by one and its last row comes again: the first occurrence wins.
 */
export function rowsOf(data: ListPages | undefined): K8sObject[] {
  if (!data) return [];
  if (data.pages.length === 1) return data.pages[0]?.items ?? [];
  const seen = new Set<string>();
  const rows: K8sObject[] = [];
  for (const page of data.pages) {
    for (const o of page.items) {
      const key = rowKey(o);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(o);
    }
  }
  return rows;
}

/** The total of the newest answer (the last page fetched), which is what the cache holds now. */
export const totalOf = (data: ListPages | undefined): number | undefined => data?.pages.at(-1)?.total;

/**
 * Applies live changes to rows already shown, at once: a changed object is replaced where it is, a deleted one
 * leaves. Whether a change moves a row (sort key), drops it (filter) or adds one is the server's call, so the
 * caller also re-fetches the pages; this only keeps what is on screen from being wrong until then.
 */
export function applyDeltas(data: ListPages, events: readonly { type: DeltaType; object: unknown }[]): ListPages {
  const changed = new Map<string, K8sObject>();
  const deleted = new Set<string>();
  for (const e of events) {
    const key = rowKey(e.object as K8sObject);
    if (e.type === 'DELETED') {
      deleted.add(key);
      changed.delete(key);
    } else if (e.type === 'MODIFIED') {
      changed.set(key, e.object as K8sObject);
      deleted.delete(key);
    }
  }
  if (changed.size === 0 && deleted.size === 0) return data;
  const removed = new Set<string>();
  const pages = data.pages.map((page) => {
    let touched = false;
    const items: K8sObject[] = [];
    for (const o of page.items) {
      const key = rowKey(o);
      if (deleted.has(key)) {
        touched = true;
        removed.add(key);
        continue;
      }
      const next = changed.get(key);
      if (next) touched = true;
      items.push(next ?? o);
    }
    return touched ? { ...page, items } : page;
  });
  if (!pages.some((p, i) => p !== data.pages[i])) return data;
  const last = pages.length - 1;
  return { ...data, pages: pages.map((p, i) => (i === last && removed.size ? { ...p, total: Math.max(0, p.total - removed.size) } : p)) };
}

type ViewParams = { sort?: string; q?: string; labelSelector?: string; view?: string };
/** The parameters of an infinite list view's query (`[...listKey, 'pages', params]`), undefined for other queries. */
const viewParams = (queryKey: readonly unknown[]) => (queryKey[5] === 'pages' ? (queryKey[6] as ViewParams | undefined) : undefined);

/** Whether a list view holds list rows (`view: 'rows'`, ListRow) rather than whole objects. */
export const isRowsView = (queryKey: readonly unknown[]) => viewParams(queryKey)?.view === 'rows';

// Sort keys no update can change: a MODIFIED object keeps its place in a list sorted by one of them.
const IMMUTABLE_SORTS = new Set(['metadata.name', 'metadata.namespace', 'metadata.creationTimestamp']);

/**
 * Whether a query's rows are already right after a batch of MODIFIED deltas was applied in place (applyDeltas):
 * an infinite list view (`[...listKey, 'pages', params]`) sorted by a key no update changes, with no text filter or
 * label selector an update could make a row leave or join. Such views need no re-fetch of every loaded page, which
 * at 10,000 rows is most of a live list's cost; any other view, and any other batch, is re-fetched.
 */
export function patchedInPlace(queryKey: readonly unknown[]): boolean {
  const params = viewParams(queryKey);
  return Boolean(params?.sort && IMMUTABLE_SORTS.has(params.sort) && !params.q && !params.labelSelector);
}
