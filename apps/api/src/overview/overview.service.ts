import { Injectable } from '@nestjs/common';
import type { ClusterOverview, HomeOverview, NamespaceOverview, ResourceAmounts } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { toClusterEvent } from '../events/cluster-event.mapper.js';
import { ClusterEventsRepository } from '../events/cluster-events.repository.js';
import { quantity } from '../k8s/quantity.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { ResourceAccess } from '../resources/resource-access.js';
import {
  addTo,
  amounts,
  at,
  healthCounts,
  holdsResources,
  nodeReady,
  nodeUsage,
  podPhases,
  podRequests,
  podUsage,
  quotaItems,
  str,
} from './overview-math.js';
import { ScopedReads, type Scoped } from './scoped-reads.js';

const WORKLOADS = [
  ['apps', 'v1', 'deployments'],
  ['apps', 'v1', 'statefulsets'],
  ['apps', 'v1', 'daemonsets'],
  ['batch', 'v1', 'jobs'],
] as const;
const HOUR_MS = 3_600_000;
const RECENT_WARNINGS = 8;
/** The home page must not wait on one slow cluster: past this its line shows what is known (reachable: false). */
const HOME_CLUSTER_BUDGET_MS = 5_000;

/** Aggregates for the console home, a cluster and a namespace, each part limited to what the caller may list. */
@Injectable()
export class OverviewService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
    private readonly events: ClusterEventsRepository,
  ) {}

  async cluster(by: Principal, clusterId: string): Promise<ClusterOverview> {
    const r = await this.reads(by, clusterId);
    const [nodes, pods, workloads, warnings, nodeMetrics, podMetrics] = await Promise.all([
      r.items('core', 'v1', 'nodes'),
      r.items('core', 'v1', 'pods'),
      this.workloads(r),
      this.warnings(r),
      r.metrics('nodes'),
      r.metrics('pods'),
    ]);
    const nUsage = nodeMetrics.state === 'available' ? nodeUsage(nodeMetrics.body) : null;
    const pUsage = podMetrics.state === 'available' ? podUsage(podMetrics.body) : null;
    const live = (pods?.items ?? []).filter(holdsResources);

    const perNode = new Map<string, { cpu: ResourceAmounts; memory: ResourceAmounts; pods: number }>();
    for (const n of nodes?.items ?? []) {
      const name = n.metadata?.name ?? '';
      const use = nUsage?.get(name);
      perNode.set(name, {
        cpu: amounts(quantity(at(n, 'status', 'allocatable', 'cpu')), use?.cpu ?? null),
        memory: amounts(quantity(at(n, 'status', 'allocatable', 'memory')), use?.memory ?? null),
        pods: 0,
      });
    }
    const perNs = new Map<string, { pods: number; cpu: ResourceAmounts; memory: ResourceAmounts }>();
    for (const p of live) {
      const req = podRequests(p);
      const node = perNode.get(str(at(p, 'spec', 'nodeName')));
      if (node) {
        addTo(node, req);
        node.pods += 1;
      }
      const ns = p.metadata?.namespace ?? '';
      const entry = perNs.get(ns) ?? {
        pods: 0,
        cpu: amounts(null, pUsage ? 0 : null),
        memory: amounts(null, pUsage ? 0 : null),
      };
      entry.pods += 1;
      addTo(entry, req);
      const use = pUsage?.get(`${ns}/${p.metadata?.name}`);
      if (use && entry.cpu.usage !== null && entry.memory.usage !== null) {
        entry.cpu.usage += use.cpu;
        entry.memory.usage += use.memory;
      }
      perNs.set(ns, entry);
    }

    return {
      cluster: clusterId,
      displayName: r.displayName,
      nodes: nodes && {
        total: nodes.items.length,
        ready: nodes.items.filter(nodeReady).length,
        unschedulable: nodes.items.filter((n) => at(n, 'spec', 'unschedulable') === true).length,
        items: (nodes.items ?? []).map((n) => {
          const e = perNode.get(n.metadata?.name ?? '')!;
          return {
            name: n.metadata?.name ?? '',
            ready: nodeReady(n),
            cpu: e.cpu,
            memory: e.memory,
            pods: { allocatable: quantity(at(n, 'status', 'allocatable', 'pods')) || null, used: e.pods },
          };
        }),
      },
      pods: pods && podPhases(pods.items),
      workloads: workloads.map((w) => healthCounts(w.ref, w.items)),
      namespaces:
        pods &&
        [...perNs.entries()]
          .map(([name, e]) => ({ name, ...e }))
          .sort((a, b) => b.cpu.requests - a.cpu.requests || a.name.localeCompare(b.name)),
      warnings,
      metrics:
        nodes || pods ? (nodeMetrics.state === 'available' ? podMetrics.state : nodeMetrics.state) : nodeMetrics.state,
      restricted: pods?.allowed ? [...pods.allowed].sort() : null,
    };
  }

  async namespace(by: Principal, clusterId: string, namespace: string): Promise<NamespaceOverview> {
    const r = await this.reads(by, clusterId);
    const [pods, workloads, quotas, warnings, metrics] = await Promise.all([
      r.items('core', 'v1', 'pods', namespace),
      this.workloads(r, namespace),
      r.items('core', 'v1', 'resourcequotas', namespace),
      this.warnings(r, namespace),
      r.metrics('pods', namespace),
    ]);
    const usage =
      metrics.state === 'available'
        ? [...podUsage(metrics.body).values()].reduce((s, u) => ({ cpu: s.cpu + u.cpu, memory: s.memory + u.memory }), {
            cpu: 0,
            memory: 0,
          })
        : null;
    return {
      cluster: clusterId,
      namespace,
      pods: pods && podPhases(pods.items),
      workloads: workloads.map((w) => healthCounts(w.ref, w.items)),
      quotas: quotas && quotas.items.map((q) => ({ name: q.metadata?.name ?? '', items: quotaItems(q) })),
      usage,
      metrics: metrics.state,
      warnings,
    };
  }

  /** One line per visible cluster, computed side by side; a slow or broken cluster costs its own line only. */
  async home(by: Principal): Promise<HomeOverview> {
    const visible = await this.clusters.listVisibleWithAccess(by);
    const lines = await Promise.all(
      visible.map(async ({ cluster: c, access }) => {
        const base = {
          id: c.id,
          displayName: c.displayName,
          nodes: null,
          pods: null,
          unhealthyWorkloads: null,
          warningsLastHour: null,
        };
        if (c.health.state === 'unreachable') return { ...base, reachable: false };
        const work = Promise.resolve()
          .then(() => this.homeLine(new ScopedReads(by, access(), c.displayName, this.resources, this.k8s)))
          .then((l) => ({ ...base, ...l, reachable: true }));
        const timeout = new Promise<typeof base & { reachable: boolean }>((resolve) =>
          setTimeout(() => resolve({ ...base, reachable: false }), HOME_CLUSTER_BUDGET_MS).unref(),
        );
        return Promise.race([work.catch(() => ({ ...base, reachable: false })), timeout]);
      }),
    );
    return { clusters: lines };
  }

  private async homeLine(r: ScopedReads) {
    const [nodes, pods, workloads, warnings] = await Promise.all([
      r.items('core', 'v1', 'nodes'),
      r.items('core', 'v1', 'pods'),
      this.workloads(r),
      this.warnings(r, undefined, 0),
    ]);
    return {
      nodes: nodes && { total: nodes.items.length, ready: nodes.items.filter(nodeReady).length },
      pods: pods && podPhases(pods.items),
      unhealthyWorkloads: workloads.length
        ? workloads.map((w) => healthCounts(w.ref, w.items)).reduce((n, h) => n + h.failed + h.progressing, 0)
        : null,
      warningsLastHour: warnings?.lastHour ?? null,
    };
  }

  private async reads(by: Principal, clusterId: string): Promise<ScopedReads> {
    const cluster = await this.clusters.getVisible(by, clusterId);
    return new ScopedReads(by, this.clusters.access(cluster), cluster.displayName, this.resources, this.k8s);
  }

  private async workloads(r: ScopedReads, namespace?: string): Promise<Scoped[]> {
    const all = await Promise.all(WORKLOADS.map(([g, v, res]) => r.items(g, v, res, namespace)));
    return all.filter((s): s is Scoped => s !== null);
  }

  /** Recorded Warning events (kept beyond the apiserver's hour) in the namespaces the caller may list events in. */
  private async warnings(r: ScopedReads, namespace?: string, recent = RECENT_WARNINGS) {
    const ref = await r.ref('core', 'v1', 'events');
    if (!ref) return null;
    const scope = await r.scope(ref, 'list', namespace);
    if (scope !== 'all' && scope.length === 0) return null;
    const namespaces = scope === 'all' ? null : scope;
    const since = new Date(Date.now() - HOUR_MS);
    const [lastHour, rows] = await Promise.all([
      this.events.countSince(r.clusterId, { namespaces, type: 'Warning' }, since),
      recent ? this.events.list(r.clusterId, { namespaces, type: 'Warning' }, recent) : Promise.resolve([]),
    ]);
    return { lastHour, recent: rows.map(toClusterEvent) };
  }
}
