import type { SharedInformer } from '../k8s/shared-informer.js';
import type { KubernetesObject } from '../k8s/resource-ref.js';
import type { ListQuery } from '@wheelhouse/shared';
import { sortObjects } from './list-engine.js';

/** A handful of (namespace, sort, order) views per informer: list screens use few sort orders. */
const MAX_VIEWS_PER_INFORMER = 8;

/**
 * Sorted copies of informer caches, reused by every request until the informer changes (its generation moves).
 * Paging through a quiet list of 30,000 pods then costs a slice, not a sort per page, and a filtered
 * query one pass of predicates; under constant churn each unfiltered request sorts once, as before. Holds references only, and only while the informer lives (WeakMap).
 */
export class SortedViews {
  private readonly views = new WeakMap<SharedInformer, Map<string, { generation: number; sorted: KubernetesObject[] }>>();

  /**
   * The sorted view, or null when there is no current one and `build` is false: a filtered request on a changed
   * list is cheaper filtered first and sorted after (pageOf) than by re-sorting everything here.
   */
  get(informer: SharedInformer, namespace: string | undefined, sort: string, order: ListQuery['order'], build: boolean): readonly KubernetesObject[] | null {
    let mine = this.views.get(informer);
    if (!mine) {
      mine = new Map();
      this.views.set(informer, mine);
    }
    const key = `${namespace ?? ''}\u0000${sort}\u0000${order}`;
    const hit = mine.get(key);
    if (hit && hit.generation === informer.generation) return hit.sorted;
    if (!build) return null;
    const generation = informer.generation;
    const sorted = sortObjects(informer.list(namespace), sort, order);
    if (!hit && mine.size >= MAX_VIEWS_PER_INFORMER) mine.clear();
    mine.set(key, { generation, sorted });
    return sorted;
  }
}
