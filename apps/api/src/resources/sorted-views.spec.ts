import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import type { SharedInformer } from '../k8s/shared-informer.js';
import { SortedViews } from './sorted-views.js';

const obj = (name: string) => ({ metadata: { namespace: 'a', name } }) as KubernetesObject;

/** The two members SortedViews reads, over a plain array (the informer itself needs a cluster). */
function fakeInformer(objects: KubernetesObject[]) {
  const informer = { generation: 0, lists: 0, list: () => (informer.lists++, [...objects]) };
  return informer;
}

describe('sorted views', () => {
  it('reuses a view until the informer changes, then sorts again', () => {
    const objects = [obj('b'), obj('a')];
    const informer = fakeInformer(objects);
    const views = new SortedViews();
    const get = (build = true) => views.get(informer as unknown as SharedInformer, undefined, 'metadata.name', 'asc', build);
    expect(get()!.map((o) => o.metadata!.name)).toEqual(['a', 'b']);
    expect(get()).toBe(get());
    expect(informer.lists).toBe(1);
    objects.push(obj('0'));
    informer.generation += 1;
    expect(get(false)).toBeNull(); // stale, and not to be rebuilt for a filtered request
    expect(get()!.map((o) => o.metadata!.name)).toEqual(['0', 'a', 'b']);
    expect(informer.lists).toBe(2);
  });
});
