import type { ResourceList } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { listKey, pagesKey } from './api';
import { applyDeltas, isRowsView, patchedInPlace, rowsOf, totalOf, type ListPages } from './list-pages';

const obj = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, namespace: 'a', uid: `uid-${name}` }, ...extra });
const page = (names: string[], total: number, cont: string | null): ResourceList => ({
  items: names.map((n) => obj(n)),
  total,
  continue: cont,
  resourceVersion: '1',
  stale: null,
  namespaces: null,
});
const pages = (...p: ResourceList[]): ListPages => ({ pages: p, pageParams: p.map((_, i) => (i ? `c${i}` : undefined)) });
const names = (d: ListPages) => rowsOf(d).map((o) => (o.metadata as { name: string }).name);

const gvr = { cluster: 'c', group: 'core', version: 'v1', resource: 'pods' };
const view = (params: Record<string, unknown>) => [...pagesKey(gvr), { order: 'asc', limit: 500, ...params }];

describe('list pages', () => {
  it('flattens pages once per object and takes the newest total', () => {
    // "c" was added between the two requests: the second page starts one row late and repeats "b".
    const d = pages(page(['a', 'b'], 4, 'c1'), page(['b', 'c', 'd'], 5, null));
    expect(names(d)).toEqual(['a', 'b', 'c', 'd']);
    expect(totalOf(d)).toBe(5);
    expect(rowsOf(undefined)).toEqual([]);
  });

  it('replaces changed rows in place and removes deleted ones, on any page', () => {
    const d = pages(page(['a', 'b'], 4, 'c1'), page(['c', 'd'], 4, null));
    const next = applyDeltas(d, [
      { type: 'MODIFIED', object: obj('c', { status: { phase: 'Failed' } }) },
      { type: 'DELETED', object: obj('a') },
      { type: 'ADDED', object: obj('e') },
    ]);
    expect(names(next)).toEqual(['b', 'c', 'd']);
    expect(rowsOf(next)[1]).toMatchObject({ status: { phase: 'Failed' } });
    expect(totalOf(next)).toBe(3);
    // Untouched pages keep their identity; nothing to do returns the same data.
    expect(next.pages[0]).not.toBe(d.pages[0]);
    expect(applyDeltas(d, [{ type: 'MODIFIED', object: obj('zz') }])).toBe(d);
    expect(applyDeltas(d, [{ type: 'ADDED', object: obj('e') }])).toBe(d);
  });

  it('keeps the last word when a batch changes and deletes the same object', () => {
    const d = pages(page(['a', 'b'], 2, null));
    expect(names(applyDeltas(d, [{ type: 'DELETED', object: obj('a') }, { type: 'MODIFIED', object: obj('a') }]))).toEqual(['a', 'b']);
    expect(names(applyDeltas(d, [{ type: 'MODIFIED', object: obj('a') }, { type: 'DELETED', object: obj('a') }]))).toEqual(['b']);
  });

  it('re-fetches after updates only the views an update could reorder or refilter', () => {
    expect(patchedInPlace(view({ sort: 'metadata.name' }))).toBe(true);
    expect(patchedInPlace(view({ sort: 'metadata.creationTimestamp', namespace: 'a' }))).toBe(true);
    // A status column can change with any update; so can the labels a filter or selector matches.
    expect(patchedInPlace(view({ sort: 'status.phase' }))).toBe(false);
    expect(patchedInPlace(view({ sort: 'metadata.name', q: 'web' }))).toBe(false);
    expect(patchedInPlace(view({ sort: 'metadata.name', labelSelector: 'app=web' }))).toBe(false);
    // Single objects, relations and plain lists of the kind are not patched by deltas.
    expect(patchedInPlace([...listKey(gvr), 'object', 'a', 'web'])).toBe(false);
  });

  it('tells views of list rows (live changes arrive there as rows) from views of whole objects', () => {
    expect(isRowsView(view({ sort: 'metadata.name', view: 'rows' }))).toBe(true);
    expect(isRowsView(view({ sort: 'metadata.name' }))).toBe(false);
    expect(isRowsView([...listKey(gvr), { view: 'rows' }])).toBe(false);
  });
});
