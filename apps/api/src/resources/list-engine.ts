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
  const labels = q.labelSelector ? parseLabelSelector(q.labelSelector) : null;
  const fields = q.fieldSelector ? parseFieldSelector(q.fieldSelector) : null;
  const text = q.q?.trim().toLowerCase();
  const filtered = objects.filter(
    (o) =>
      (!allowedNamespaces || allowedNamespaces.has(o.metadata?.namespace ?? '')) &&
      (!labels || labels(o.metadata?.labels)) &&
      (!fields || fields(o)) &&
      (!text || matchesText(o, text)),
  );
  const dir = q.order === 'desc' ? -1 : 1;
  const sorted = filtered
    .map((o) => ({ o, k: sortKey(valueAt(o, q.sort)) }))
    .sort((a, b) => dir * compare(a.k, b.k) || compare(nameKey(a.o), nameKey(b.o)))
    .map((x) => x.o);
  const hash = queryHash(q);
  const offset = q.continue ? decodeCursor(q.continue, hash) : 0;
  const items = sorted.slice(offset, offset + q.limit);
  const next = offset + q.limit < sorted.length ? encodeCursor({ o: offset + q.limit, h: hash }) : null;
  return { items, total: sorted.length, continue: next };
}

function matchesText(o: KubernetesObject, text: string): boolean {
  const m = o.metadata;
  if (!m) return false;
  if (m.name?.toLowerCase().includes(text) || m.namespace?.toLowerCase().includes(text)) return true;
  return Object.entries(m.labels ?? {}).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(text));
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
