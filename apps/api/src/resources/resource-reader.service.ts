import { Injectable } from '@nestjs/common';
import { kindDef, rowProjector, type ApiResource, type ListQuery, type ResourceList } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { ClustersService } from '../clusters/clusters.service.js';
import type { InformerLease } from '../k8s/informer-registry.js';
import { mapK8sError } from '../k8s/k8s-error.mapper.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { objectPath, type KubernetesObject } from '../k8s/resource-ref.js';
import type { SharedInformer } from '../k8s/shared-informer.js';
import { isFiltered, pageOf, pageOfSorted } from './list-engine.js';
import { SortedViews } from './sorted-views.js';
import { ResourceAccess, type Target } from './resource-access.js';
import { isSecretResource, maskIfSecret, maskSecret } from './secret-mask.js';

/** Reads: discovery, lists served from the shared informer cache, single objects. */
@Injectable()
export class ResourceReader {
  private readonly views = new SortedViews();

  constructor(
    private readonly clusters: ClustersService,
    private readonly access: ResourceAccess,
    private readonly k8s: K8sGateway,
  ) {}

  /** Every kind the cluster serves, each marked with what the caller may list of it (from the in-memory bindings). */
  async discovery(by: Principal, clusterId: string): Promise<ApiResource[]> {
    const access = this.clusters.access(await this.clusters.getVisible(by, clusterId));
    const resources = await this.k8s.resources(access);
    return Promise.all(
      resources.map(async (r) => {
        const t: Target = { access, ref: r };
        if (!r.namespaced) {
          const allowed = await this.access.allows(by, t, 'list', null);
          return { ...r, access: allowed ? ('all' as const) : ('none' as const) };
        }
        const namespaces = await this.access.allowedNamespaces(by, t, 'list');
        return { ...r, access: namespaces === 'all' ? ('all' as const) : namespaces.length ? ('some' as const) : ('none' as const) };
      }),
    );
  }

  async list(by: Principal, clusterId: string, group: string, version: string, resource: string, q: ListQuery): Promise<ResourceList> {
    const t = await this.access.target(by, clusterId, group, version, resource);
    let allowed: Set<string> | null = null;
    if (!t.ref.namespaced || q.namespace) {
      await this.access.assert(by, t, 'list', q.namespace ?? null);
    } else {
      const namespaces = await this.access.allowedNamespaces(by, t, 'list');
      if (namespaces !== 'all') allowed = new Set(namespaces);
    }
    // No namespace at all for this kind: one clear "no permission" state (as the live watch answers), not an
    // empty list that reads as "no objects".
    if (allowed && allowed.size === 0) throw new AppError('FORBIDDEN', `Not allowed to list ${t.ref.resource} in any namespace of ${t.access.id}`);
    const { informer, release } = await this.informerFor(t, q.namespace ?? null);
    try {
      const namespace = t.ref.namespaced && q.namespace ? q.namespace : undefined;
      const view = this.views.get(informer, namespace, q.sort, q.order, !isFiltered(q, allowed));
      const page = view ? pageOfSorted(view, q, allowed) : pageOf(informer.list(namespace), q, allowed);
      // The one exit of list pages: Secret values masked here (see maskSecret), before any projection.
      const items = (isSecretResource(t.ref) ? page.items.map(maskSecret) : page.items) as unknown as Record<string, unknown>[];
      return {
        items: q.view === 'rows' ? items.map(rowProjector(kindDef(t.ref.group, t.ref.resource), t.ref.printerColumns)) : items,
        total: page.total,
        continue: page.continue,
        resourceVersion: informer.resourceVersion(),
        stale: informer.staleSince?.toISOString() ?? null,
        namespaces: allowed ? [...allowed].sort() : null,
      };
    } finally {
      release();
    }
  }

  async get(by: Principal, clusterId: string, group: string, version: string, resource: string, namespace: string | null, name: string, managedFields = false): Promise<KubernetesObject> {
    const t = await this.access.target(by, clusterId, group, version, resource);
    await this.access.assert(by, t, 'get', namespace, { name });
    // fetch() stays raw for the writer and the audited reveal; what a GET answers is masked.
    return maskIfSecret(t.ref, await this.fetch(t, namespace, name, undefined, managedFields));
  }

  async subresource(by: Principal, clusterId: string, group: string, version: string, resource: string, namespace: string | null, name: string, sub: 'scale' | 'status') {
    const t = await this.access.target(by, clusterId, group, version, resource);
    if (!t.ref.subresources.includes(sub)) throw new AppError('RESOURCE_UNKNOWN', `${t.ref.resource} has no ${sub} subresource`);
    await this.access.assert(by, t, 'get', namespace, { name, subresource: sub });
    return this.fetch(t, namespace, name, sub);
  }

  /** Straight from the apiserver: a single GET is cheap and always current. */
  async fetch(t: Target, namespace: string | null, name: string, sub?: string, managedFields = false): Promise<KubernetesObject> {
    const res = await this.k8s.request<KubernetesObject>(t.access, { method: 'GET', path: objectPath(t.ref, namespace, name, sub) });
    if (res.status !== 200) throw mapK8sError(res.status, res.body);
    if (!managedFields && res.body.metadata?.managedFields) delete res.body.metadata.managedFields;
    return res.body;
  }

  /** A namespace view is served from a running all-namespaces cache when there is one; otherwise its own. */
  private async informerFor(t: Target, namespace: string | null): Promise<InformerLease> {
    if (namespace && t.ref.namespaced) {
      const shared: SharedInformer | undefined = this.k8s.peek(t.access.id, t.ref, null);
      if (shared) return this.k8s.acquire(t.access, t.ref, null);
    }
    return this.k8s.acquire(t.access, t.ref, namespace);
  }
}
