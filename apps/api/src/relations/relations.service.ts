import { Injectable } from '@nestjs/common';
import type { Relations, RelationsQuery } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import { ScopedReads } from '../overview/scoped-reads.js';
import { ResourceAccess } from '../resources/resource-access.js';
import { RelatedCollector } from './related-collector.js';

/** Related objects of one object, all read from the shared informer caches (no apiserver call per viewer). */
@Injectable()
export class RelationsService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
  ) {}

  async related(by: Principal, clusterId: string, q: RelationsQuery): Promise<Relations> {
    const cluster = await this.clusters.getVisible(by, clusterId);
    const access = this.clusters.access(cluster);
    const ref = await this.k8s.resolve(access, q.group === 'core' ? '' : q.group, q.version, q.resource);
    const namespace = ref.namespaced ? q.namespace : undefined;
    if (ref.namespaced && !namespace) throw new AppError('VALIDATION_FAILED', `${ref.resource} are namespaced: namespace is required`);
    // The object itself first, with the caller's `get` on it: a refusal says nothing about its relations.
    await this.resources.assert(by, { access, ref }, 'get', namespace ?? null, { name: q.name });
    const target = await this.cached(access, ref, namespace, q.name);
    const reads = new ScopedReads(by, access, cluster.displayName, this.resources, this.k8s);
    return new RelatedCollector(reads, await this.k8s.resources(access)).collect(ref, target);
  }

  /** The object from the informer cache (a running all-namespaces one serves a namespace too). */
  private async cached(access: ClusterAccess, ref: ResourceRef, namespace: string | undefined, name: string): Promise<KubernetesObject> {
    if (!ref.verbs.includes('list') || !ref.verbs.includes('watch')) {
      throw new AppError('VALIDATION_FAILED', `${ref.resource} cannot be listed and watched, so it has no relations view`);
    }
    const shared = namespace ? this.k8s.peek(access.id, ref, null) : undefined;
    const lease = await this.k8s.acquire(access, ref, shared ? null : (namespace ?? null));
    try {
      const o = lease.informer.get(name, namespace);
      if (!o) throw new AppError('K8S_NOT_FOUND', `${ref.resource} "${name}" not found`);
      return o;
    } finally {
      lease.release();
    }
  }
}
