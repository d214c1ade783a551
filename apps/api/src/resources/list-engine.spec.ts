import type { KubernetesObject } from '@kubernetes/client-node';
import type { ListQuery } from '@wheelhouse/shared';
import { describe, expect, it } from 'vitest';
import { pageOf, pageOfSorted, sortObjects } from './list-engine.js';

const pod = (ns: string, name: string, phase?: string, labels?: Record<string, string>): KubernetesObject =>
  ({ metadata: { namespace: ns, name, labels }, status: phase ? { phase } : {} }) as KubernetesObject;
const objects = [pod('a', 'web-10', 'Running', { app: 'web' }), pod('a', 'web-2', 'Pending', { app: 'web' }), pod('b', 'db-1', 'Running', { app: 'db' }), pod('b', 'cache', undefined)];
const q = (over: Partial<ListQuery> = {}): ListQuery => ({ sort: 'metadata.name', order: 'asc', limit: 100, ...over });
const names = (p: { items: KubernetesObject[] }) => p.items.map((o) => o.metadata!.name);

describe('list engine', () => {
  it('sorts naturally by name and by any path, missing values last', () => {
    expect(names(pageOf(objects, q(), null))).toEqual(['cache', 'db-1', 'web-2', 'web-10']);
    // Ties break by namespace/name, so the order is stable across pages.
    expect(names(pageOf(objects, q({ sort: 'status.phase' }), null))).toEqual(['web-2', 'web-10', 'db-1', 'cache']);
    expect(names(pageOf(objects, q({ order: 'desc' }), null))).toEqual(['web-10', 'web-2', 'db-1', 'cache']);
  });
  it('filters by label selector, field selector, free text and allowed namespaces', () => {
    expect(names(pageOf(objects, q({ labelSelector: 'app=web' }), null))).toEqual(['web-2', 'web-10']);
    expect(names(pageOf(objects, q({ fieldSelector: 'status.phase=Running' }), null))).toEqual(['db-1', 'web-10']);
    expect(names(pageOf(objects, q({ q: 'app=db' }), null))).toEqual(['db-1']);
    expect(names(pageOf(objects, q(), new Set(['b'])))).toEqual(['cache', 'db-1']);
    expect(pageOf(objects, q(), new Set()).total).toBe(0);
  });
  it('pages with a continue token bound to the query', () => {
    const first = pageOf(objects, q({ limit: 3 }), null);
    expect(first).toMatchObject({ total: 4 });
    expect(names(first)).toEqual(['cache', 'db-1', 'web-2']);
    const second = pageOf(objects, q({ limit: 3, continue: first.continue! }), null);
    expect(names(second)).toEqual(['web-10']);
    expect(second.continue).toBeNull();
    expect(() => pageOf(objects, q({ limit: 3, continue: first.continue!, sort: 'status.phase' }), null)).toThrow(/continue token/);
    expect(() => pageOf(objects, q({ continue: 'garbage' }), null)).toThrow(/continue token/);
  });
});

describe('pages of a pre-sorted view', () => {
  const many = Array.from({ length: 30 }, (_, i) => pod(i % 2 ? 'a' : 'b', `pod-${i}`, 'Running', { app: i % 3 ? 'web' : 'db' }));
  it('gives exactly what sorting per request gives, filtered or not, on every page', () => {
    const sorted = sortObjects(many, 'metadata.name', 'asc');
    for (const over of [{}, { q: 'app=db' }, { labelSelector: 'app=web' }, { q: 'pod-1' }]) {
      let cont: string | undefined;
      do {
        const query = q({ limit: 7, ...over, ...(cont ? { continue: cont } : {}) });
        const a = pageOfSorted(sorted, query, new Set(['a', 'b']));
        expect(names(a)).toEqual(names(pageOf(many, query, new Set(['a', 'b']))));
        expect(a.total).toBe(pageOf(many, query, null).total);
        cont = a.continue ?? undefined;
      } while (cont);
    }
  });
  it('free text never matches across two fields', () => {
    expect(pageOf([pod('ns', 'web', undefined, { a: 'b' })], q({ q: 'web\u0000ns' }), null).total).toBe(0);
    expect(pageOf([pod('ns', 'web', undefined, { a: 'b' })], q({ q: 'a=b' }), null).total).toBe(1);
  });
});
