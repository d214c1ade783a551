import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import type { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import type { ResourceAccess } from '../resources/resource-access.js';

export interface Scoped {
  ref: ResourceRef;
  items: KubernetesObject[];
  /** Namespaces the items were restricted to; null when the caller sees the whole kind. */
  allowed: string[] | null;
}

/** What a refusal or an absent kind means for an overview card: nothing to show, not an error. */
const QUIET = new Set(['FORBIDDEN', 'RESOURCE_UNKNOWN']);
export const quiet = <T>(err: unknown): T | null => {
  if (err instanceof AppError && QUIET.has(err.code)) return null;
  throw err;
};

/**
 * One caller's view of one cluster for aggregate pages: each kind read from the shared informer cache, filtered
 * to the namespaces the caller may list; null when they may list it nowhere (or the cluster does not serve it).
 */
export class ScopedReads {
  constructor(
    private readonly by: Principal,
    private readonly access: ClusterAccess,
    readonly displayName: string,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
  ) {}

  get clusterId(): string {
    return this.access.id;
  }

  ref(group: string, version: string, resource: string): Promise<ResourceRef | null> {
    // `core` names the core group in the console's paths; discovery knows it as ''.
    return this.k8s.resolve(this.access, group === 'core' ? '' : group, version, resource).catch(quiet<ResourceRef>);
  }

  /** Namespaces the caller may `verb` the kind in: 'all', a list (maybe empty), or null for an absent kind. */
  async scope(ref: ResourceRef, verb: 'list' | 'get', namespace?: string): Promise<'all' | string[]> {
    const t = { access: this.access, ref };
    if (!ref.namespaced || namespace) {
      const ok = await this.resources.assert(this.by, t, verb, namespace ?? null).then(
        () => true,
        (e: unknown) => quiet<boolean>(e) ?? false,
      );
      return ok ? (namespace ? [namespace] : 'all') : [];
    }
    return this.resources.allowedNamespaces(this.by, t, verb);
  }

  async items(group: string, version: string, resource: string, namespace?: string): Promise<Scoped | null> {
    const ref = await this.ref(group, version, resource);
    if (!ref) return null;
    const scope = await this.scope(ref, 'list', namespace);
    if (scope !== 'all' && scope.length === 0) return null;
    const lease = await this.k8s.acquire(this.access, ref, namespace ?? null);
    try {
      const all = lease.informer.list(namespace);
      const allowed = scope === 'all' || namespace ? null : new Set(scope);
      const items = allowed ? all.filter((o) => allowed.has(o.metadata?.namespace ?? '')) : [...all];
      return { ref, items, allowed: allowed ? [...allowed] : null };
    } finally {
      lease.release();
    }
  }

  /** A GET of a metrics.k8s.io list; the state says why there are no numbers. */
  async metrics(
    resource: 'nodes' | 'pods',
    namespace?: string,
  ): Promise<{
    state: 'available' | 'not-installed' | 'forbidden' | 'unavailable';
    body: unknown;
    allowed: string[] | null;
  }> {
    const ref = await this.ref('metrics.k8s.io', 'v1beta1', resource);
    if (!ref) return { state: 'not-installed', body: null, allowed: null };
    const scope = await this.scope(ref, 'list', namespace);
    if (scope !== 'all' && scope.length === 0) return { state: 'forbidden', body: null, allowed: null };
    const path = `/apis/metrics.k8s.io/v1beta1${namespace ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${resource}`;
    const res = await this.k8s.request(this.access, { method: 'GET', path }).catch(() => null);
    if (!res || res.status !== 200) return { state: 'unavailable', body: null, allowed: null };
    return { state: 'available', body: res.body, allowed: scope === 'all' || namespace ? null : scope };
  }
}
