import { Injectable } from '@nestjs/common';
import {
  KINDS,
  type Cluster as ClusterDto,
  type KindDef,
  type SearchGroup,
  type SearchHidden,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import { ScopedReads } from '../overview/scoped-reads.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { ResourceAccess } from '../resources/resource-access.js';
import { parseSearchQuery, type Hit, type Matcher } from './search-matcher.js';

/** A cluster whose caches are not synced by then answers with what it has; the rest of it lands in `hidden`. */
const CLUSTER_BUDGET_MS = 3_000;
const SEARCHABLE = KINDS.filter((k) => k.searchable);

type Cluster = SearchGroup['cluster'];
type KindOutcome = { group: SearchGroup | null } | { hidden: SearchHidden['reason'] };

const kindOf = (d: KindDef): SearchKind => ({ group: d.group || 'core', version: d.version, resource: d.resource, kind: d.kind, namespaced: d.namespaced });
const REFUSED = new Set(['FORBIDDEN', 'K8S_FORBIDDEN']);

/**
 * Ctrl-K across every cluster the caller may see, from the shared informer caches (the ones the list API reads):
 * per cluster and searchable kind, only the namespaces the caller may `list`. Clusters run side by side, each
 * within its own budget, so one slow or dead cluster costs its own results only.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
    private readonly authorizer: AuthorizerService,
  ) {}

  async search(by: Principal, q: SearchQuery): Promise<SearchResult> {
    const match = parseSearchQuery(q.q);
    // One RBAC version read for the ~13 checks per cluster this request makes.
    return this.authorizer.withSnapshot(async () => {
      const visible = await this.clusters.listVisibleWithAccess(by);
      const perCluster = await Promise.all(visible.map((v) => this.inCluster(by, v.cluster, v.access, match, q.limit)));
      return { groups: perCluster.flatMap((r) => r.groups), hidden: perCluster.flatMap((r) => r.hidden) };
    });
  }

  private async inCluster(by: Principal, c: ClusterDto, accessOf: () => ClusterAccess, match: Matcher, limit: number): Promise<SearchResult> {
    const cluster: Cluster = { id: c.id, displayName: c.displayName };
    const down = { groups: [], hidden: [{ cluster, kind: null, reason: 'unreachable' as const }] };
    // The health probe already knows: do not spend the budget waiting on it.
    if (c.health.state === 'unreachable') return down;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), CLUSTER_BUDGET_MS);
      timer.unref();
    });
    try {
      const access = accessOf();
      const reads = new ScopedReads(by, access, c.displayName, this.resources, this.k8s);
      // The cached discovery list, once: a kind the cluster does not serve is skipped without a rediscovery.
      const served = this.k8s.resources(access);
      served.catch(() => undefined); // each kind awaits it and reports its failure
      const outcomes = await Promise.all(
        SEARCHABLE.map(async (def): Promise<KindOutcome> => {
          const work = this.inKind(reads, access, served, cluster, def, match, limit);
          work.catch(() => undefined); // past the deadline nobody awaits it; it still releases its lease
          try {
            const first = await Promise.race([work, deadline]);
            return first === 'timeout' ? { hidden: 'timeout' } : { group: first };
          } catch (err) {
            return { hidden: err instanceof AppError && REFUSED.has(err.code) ? 'forbidden' : 'unreachable' };
          }
        }),
      );
      // Nothing answered at all: one line for the cluster, not one per kind.
      if (outcomes.every((o) => 'hidden' in o && o.hidden !== 'forbidden')) return down;
      const groups: SearchGroup[] = [];
      const hidden: SearchHidden[] = [];
      outcomes.forEach((o, i) => {
        if ('hidden' in o) hidden.push({ cluster, kind: kindOf(SEARCHABLE[i]!), reason: o.hidden });
        else if (o.group) groups.push(o.group);
      });
      return { groups, hidden };
    } catch {
      return down;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One kind of one cluster; null when the cluster does not serve it or nothing matches. */
  private async inKind(
    reads: ScopedReads,
    access: ClusterAccess,
    served: Promise<ResourceRef[]>,
    cluster: Cluster,
    def: KindDef,
    match: Matcher,
    limit: number,
  ): Promise<SearchGroup | null> {
    const ref = (await served).find((r) => r.group === def.group && r.version === def.version && r.resource === def.resource);
    if (!ref?.verbs.includes('list') || !ref.verbs.includes('watch')) return null;
    const scope = await reads.scope(ref, 'list');
    if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN', `Not allowed to list ${def.resource} in ${cluster.id}`);
    const allowed = scope === 'all' ? null : new Set(scope);
    // The all-namespaces cache, as the list API serves a namespace-limited caller, filtered per object here.
    const lease = await this.k8s.acquire(access, ref, null);
    const hits: { o: KubernetesObject; hit: Hit }[] = [];
    try {
      for (const o of lease.informer.list()) {
        if (allowed && !allowed.has(o.metadata?.namespace ?? '')) continue;
        const hit = match(o);
        if (hit) hits.push({ o, hit });
      }
    } finally {
      lease.release();
    }
    if (!hits.length) return null;
    hits.sort((a, b) => a.hit.rank - b.hit.rank || cmp(a.o.metadata?.name, b.o.metadata?.name) || cmp(a.o.metadata?.namespace, b.o.metadata?.namespace));
    return {
      cluster,
      kind: kindOf(def),
      total: hits.length,
      // Names, namespaces and matched labels only: never data (Secrets) or anything else of the object.
      items: hits.slice(0, limit).map(({ o, hit }) => ({
        name: o.metadata?.name ?? '',
        namespace: o.metadata?.namespace ?? null,
        ...(hit.labels ? { labels: hit.labels } : {}),
      })),
    };
  }
}

const cmp = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
