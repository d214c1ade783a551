import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/auth.types.js';
import type { Cluster } from '../generated/prisma/client.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import { ResourceAccess } from './resource-access.js';

export interface ObjectQuery {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name: string;
}

export interface CachedObject {
  cluster: Cluster;
  access: ClusterAccess;
  ref: ResourceRef;
  namespace: string | null;
  object: KubernetesObject;
}

/**
 * One object for the views built around it (relations, timeline): resolved, checked with the caller's `get` on it
 * first (a refusal says nothing about what surrounds it), and read from the shared informer cache — a running
 * all-namespaces informer serves a namespace too — so a detail page costs no apiserver call per viewer.
 */
@Injectable()
export class CachedObjects {
  constructor(
    private readonly clusters: ClustersService,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
  ) {}

  async get(by: Principal, clusterId: string, q: ObjectQuery, view: string): Promise<CachedObject> {
    const cluster = await this.clusters.getVisible(by, clusterId);
    const access = this.clusters.access(cluster);
    const ref = await this.k8s.resolve(access, q.group === 'core' ? '' : q.group, q.version, q.resource);
    const namespace = ref.namespaced ? (q.namespace ?? null) : null;
    if (ref.namespaced && !namespace) {
      throw new AppError('VALIDATION_FAILED', `${ref.resource} are namespaced: namespace is required`);
    }
    await this.resources.assert(by, { access, ref }, 'get', namespace, { name: q.name });
    if (!ref.verbs.includes('list') || !ref.verbs.includes('watch')) {
      throw new AppError('VALIDATION_FAILED', `${ref.resource} cannot be listed and watched, so it has no ${view}`);
    }
    const shared = namespace ? this.k8s.peek(access.id, ref, null) : undefined;
    const lease = await this.k8s.acquire(access, ref, shared ? null : namespace);
    try {
      const object = lease.informer.get(q.name, namespace ?? undefined);
      if (!object) throw new AppError('K8S_NOT_FOUND', `${ref.resource} "${q.name}" not found`);
      return { cluster, access, ref, namespace, object };
    } finally {
      lease.release();
    }
  }
}
