import type { KubernetesObject } from '../k8s/resource-ref.js';
import type { ListQuery } from '@wheelhouse/shared';
import { AppError } from '../common/errors/app-error.js';
import { parseFieldSelector, parseLabelSelector, valueAt } from './selectors.js';

export interface Page {
  items: KubernetesObject[];
  total: number;
  continue: string | null;
}

interface Cursor {
  o: number;
  /** The query the cursor belongs to; a cursor replayed with another query is refused. */
  h: string;
}

/**
 * Server-side filter, sort and page over a cached list. The continue token is an opaque offset bound to the
 * query; pages reflect the cache at request time (like a live list view, not a snapshot).
 */
export function pageOf(objects: readonly KubernetesObject[], q: ListQuery, allowedNamespaces: Set<string> | null): Page {
  // Filter first: sorting only the matches is what makes a narrow query on a big list cheap.
  const match = predicate(q, allowedNamespaces);
  return slice(sortObjects(match ? objects.filter(match) : objects, q.sort, q.order), q, null);
}

/** Sorted by `sort` (natural order, missing values last), ties broken by namespace/name so pages are stable. */
export function sortObjects(objects: readonly KubernetesObject[], sort: string, order: ListQuery['order']): KubernetesObject[] {
  const dir = order === 'desc' ? -1 : 1;
  // Keys computed once per object, not once per comparison (the tie key is a new string each time).
  return objects
    .map((o) => ({ o, k: sortKey(valueAt(o, sort)), t: nameKey(o) }))
    .sort((a, b) => dir * compare(a.k, b.k) || compare(a.t, b.t))
    .map((x) => x.o);
}

/**
 * A page of an already sorted list (see SortedViews): without filters it is a slice, so a page of 30,000 objects
 * costs what a page of 1,000 does; with filters it is one pass of cheap predicates, no sorting.
 */
export function pageOfSorted(sorted: readonly KubernetesObject[], q: ListQuery, allowedNamespaces: Set<string> | null): Page {
  return slice(sorted, q, predicate(q, allowedNamespaces));
}

/** Whether a query narrows the list (then a page needs a pass over it, sorted or not). */
export function isFiltered(q: ListQuery, allowedNamespaces: Set<string> | null): boolean {
  return Boolean(allowedNamespaces || q.labelSelector || q.fieldSelector || q.q?.trim());
}

function slice(sorted: readonly KubernetesObject[], q: ListQuery, match: ((o: KubernetesObject) => boolean) | null): Page {
  const hash = queryHash(q);
  const offset = q.continue ? decodeCursor(q.continue, hash) : 0;
  const end = offset + q.limit;
  let items: KubernetesObject[];
  let total: number;
  if (!match) {
    items = sorted.slice(offset, end);
    total = sorted.length;
  } else {
    items = [];
    total = 0;
    for (const o of sorted) {
      if (!match(o)) continue;
      if (total >= offset && total < end) items.push(o);
      total += 1;
    }
  }
  return { items, total, continue: end < total ? encodeCursor({ o: end, h: hash }) : null };
}

function predicate(q: ListQuery, allowed: Set<string> | null): ((o: KubernetesObject) => boolean) | null {
  if (!isFiltered(q, allowed)) return null; // without parsing the selectors only to find there are none
  const labels = q.labelSelector ? parseLabelSelector(q.labelSelector) : null;
  const fields = q.fieldSelector ? parseFieldSelector(q.fieldSelector) : null;
  const text = q.q?.trim().toLowerCase();
  return (o) =>
    (!allowed || allowed.has(o.metadata?.namespace ?? '')) &&
    (!labels || labels(o.metadata?.labels)) &&
    (!fields || fields(o)) &&
    (!text || matchesText(o, text));
}

/**
 * Free text matches name, namespace or a `key=value` label. The lower-cased text to search is built once per
 * object version (the informer replaces an object on every change, so the WeakMap entry goes with the old one).
 */
const searchText = new WeakMap<KubernetesObject, string>();

function matchesText(o: KubernetesObject, text: string): boolean {
  if (text.includes('\u0000')) return false; // the field separator: no name or label contains it
  let hay = searchText.get(o);
  if (hay === undefined) {
    const m = o.metadata ?? {};
    // NUL-separated so a query cannot match across two fields.
    hay = [m.name ?? '', m.namespace ?? '', ...Object.entries(m.labels ?? {}).map(([k, v]) => `${k}=${v}`)].join('\u0000').toLowerCase();
    searchText.set(o, hay);
  }
  return hay.includes(text);
}

type Key = number | string | null;

function sortKey(v: unknown): Key {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length;
  return JSON.stringify(v);
}

/** One collator for all comparisons: `localeCompare` with options builds a new one per call (10× slower). */
const natural = new Intl.Collator('en', { numeric: true });

/** Missing values sort last; numbers numerically; strings naturally (pod-2 before pod-10). */
function compare(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return natural.compare(String(a), String(b));
}

const nameKey = (o: KubernetesObject): Key => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** FNV-1a over the query's shape: enough to notice a cursor reused with another query. */
function queryHash(q: ListQuery): string {
  const s = [q.namespace, q.labelSelector, q.fieldSelector, q.q, q.sort, q.order].join('\u0000');
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(token: string, hash: string): number {
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (c.h === hash && Number.isInteger(c.o) && c.o >= 0) return c.o;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid or foreign continue token');
}
