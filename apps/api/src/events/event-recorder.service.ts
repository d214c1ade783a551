import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { every } from '../common/scheduling/every.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import type { InformerLease } from '../k8s/informer-registry.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject } from '../k8s/resource-ref.js';
import type { Delta } from '../k8s/shared-informer.js';
import { ClusterEventsRepository, type EventRow } from './cluster-events.repository.js';

const RECONCILE_MS = 30_000;
const FLUSH_MS = 1_000;
const PRUNE_MS = 60 * 60_000;

interface Recording {
  lease: InformerLease;
  pending: Map<string, EventRow>;
  onDelta: (d: Delta) => void;
}

/**
 * Copies every cluster's events (events.k8s.io/v1: one watch covers what v1/events shows too) into PostgreSQL,
 * batched once a second, and prunes them after EVENTS_RETENTION_DAYS. Registered and removed clusters are picked
 * up by a periodic reconcile, so the registry needs no knowledge of this recorder.
 */
@Injectable()
export class EventRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventRecorder.name);
  private readonly recordings = new Map<string, Recording>();
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly clusters: ClustersService,
    private readonly k8s: K8sGateway,
    private readonly repo: ClusterEventsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.EVENTS_RETENTION_DAYS === 0) return;
    this.timers = [
      every(RECONCILE_MS, () => this.reconcile(), this.logger),
      every(FLUSH_MS, () => this.flushAll(), this.logger),
      every(PRUNE_MS, () => this.repo.prune(new Date(Date.now() - this.config.EVENTS_RETENTION_DAYS * 86_400_000)), this.logger),
    ];
    void this.reconcile().catch((err: unknown) => this.logger.warn(String(err)));
  }

  async onModuleDestroy(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    await this.flushAll().catch(() => undefined);
    for (const id of [...this.recordings.keys()]) this.stop(id);
  }

  /** Starts recording new clusters and stops removed ones; exposed so tests need not wait for the timer. */
  async reconcile(): Promise<void> {
    const ids = new Set(await this.clusters.allIds());
    for (const id of this.recordings.keys()) if (!ids.has(id)) this.stop(id);
    for (const id of ids) if (!this.recordings.has(id)) await this.start(id).catch((err: unknown) => this.logger.warn(`events of ${id}: ${String(err)}`));
  }

  async flushAll(): Promise<void> {
    for (const [id, rec] of this.recordings) {
      if (rec.pending.size === 0) continue;
      const rows = [...rec.pending.values()];
      rec.pending.clear();
      await this.repo.upsertMany(id, rows);
    }
  }

  private async start(clusterId: string): Promise<void> {
    const access = this.clusters.access(await this.clusters.getById(clusterId));
    const ref = await this.k8s.resolve(access, 'events.k8s.io', 'v1', 'events');
    const lease = await this.k8s.acquire(access, ref, null);
    const pending = new Map<string, EventRow>();
    const onDelta = (d: Delta) => {
      if (d.type === 'DELETED') return; // the apiserver expiring an event is exactly what we keep it beyond
      const row = toRow(d.object);
      if (row) pending.set(row.uid, row);
    };
    lease.informer.on('delta', onDelta);
    for (const obj of lease.informer.list()) {
      const row = toRow(obj);
      if (row) pending.set(row.uid, row);
    }
    this.recordings.set(clusterId, { lease, pending, onDelta });
  }

  private stop(clusterId: string): void {
    const rec = this.recordings.get(clusterId);
    if (!rec) return;
    rec.lease.informer.off('delta', rec.onDelta);
    rec.lease.release();
    this.recordings.delete(clusterId);
  }
}

type K8sEvent = KubernetesObject & {
  regarding?: { kind?: string; name?: string; namespace?: string; uid?: string };
  reason?: string;
  note?: string;
  type?: string;
  reportingController?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  deprecatedCount?: number;
  deprecatedFirstTimestamp?: string;
  deprecatedLastTimestamp?: string;
  deprecatedSource?: { component?: string };
};

function toRow(o: KubernetesObject): EventRow | null {
  const e = o as K8sEvent;
  const uid = e.metadata?.uid;
  if (!uid) return null;
  const created = e.metadata?.creationTimestamp ? new Date(e.metadata.creationTimestamp) : new Date();
  const time = (v?: string) => (v ? new Date(v) : null);
  return {
    uid,
    namespace: e.metadata?.namespace ?? e.regarding?.namespace ?? null,
    involvedKind: e.regarding?.kind ?? null,
    involvedName: e.regarding?.name ?? null,
    involvedUid: e.regarding?.uid ?? null,
    type: e.type ?? null,
    reason: e.reason ?? null,
    message: e.note?.slice(0, 4096) ?? null,
    reportingController: e.reportingController ?? e.deprecatedSource?.component ?? null,
    count: e.series?.count ?? e.deprecatedCount ?? 1,
    firstTime: time(e.deprecatedFirstTimestamp) ?? time(e.eventTime) ?? created,
    lastTime: time(e.series?.lastObservedTime) ?? time(e.deprecatedLastTimestamp) ?? time(e.eventTime) ?? created,
  };
}
