import { Injectable } from '@nestjs/common';
import type { Timeline, TimelineEvent, TimelineHidden, TimelineQuery, TimelineRevision } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/auth.types.js';
import { ClusterEventsRepository } from '../events/cluster-events.repository.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import { ScopedReads } from '../overview/scoped-reads.js';
import { CachedObjects } from '../resources/cached-object.js';
import { ResourceAccess } from '../resources/resource-access.js';
import { controllerRevisions, replicaSetRevisions, revisionSource } from './revision-items.js';
import { foldAuditRows, mergeTimeline } from './timeline-merge.js';

type EventRows = Awaited<ReturnType<ClusterEventsRepository['list']>>;

/**
 * One object's history: its recorded events, its revisions (from the shared informer caches) and the console's
 * audit rows of writes to it. The object needs `get`; events need `list events` and revisions `list` of their
 * kind where they live, else the source is named in `hidden`. Audit rows go to anyone who may get the object.
 */
@Injectable()
export class TimelineService {
  constructor(
    private readonly objects: CachedObjects,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
    private readonly events: ClusterEventsRepository,
    private readonly audit: AuditService,
  ) {}

  async timeline(by: Principal, clusterId: string, q: TimelineQuery): Promise<Timeline> {
    const { cluster, access, ref, namespace, object: target } = await this.objects.get(by, clusterId, q, 'timeline');
    const reads = new ScopedReads(by, access, cluster.displayName, this.resources, this.k8s);
    const source = revisionSource(ref.group, ref.resource);
    const [events, revisions, audit] = await Promise.all([
      this.eventItems(reads, ref, target, namespace, q.limit),
      source && namespace ? this.revisionItems(reads, source, target, namespace) : [],
      this.audit.forObject({ cluster: access.id, namespace, type: auditType(ref), name: q.name }, q.limit),
    ]);
    const hidden: TimelineHidden[] = [];
    if (!events) hidden.push({ group: 'core', resource: 'events' });
    if (!revisions && source) hidden.push({ group: 'apps', resource: source });
    // Revisions created in the same second: the higher number is the newer one.
    const byNumber = (revisions ?? []).sort((a, b) => b.revision - a.revision);
    return { items: mergeTimeline([events ?? [], byNumber, foldAuditRows(audit, auditType(ref))], q.limit), hidden };
  }

  /**
   * Events about this very object (by uid), plus ones naming it without a uid (some reporters leave it out);
   * null when the caller may not list events where they are kept.
   */
  private async eventItems(reads: ScopedReads, ref: ResourceRef, target: KubernetesObject, namespace: string | null, limit: number): Promise<TimelineEvent[] | null> {
    const eventsRef = await reads.ref('core', 'v1', 'events');
    const scope = eventsRef ? await reads.scope(eventsRef, 'list', namespace ?? undefined) : [];
    if (scope !== 'all' && scope.length === 0) return null;
    const namespaces = scope === 'all' ? null : scope;
    const uid = target.metadata?.uid;
    const [byUid, byName] = await Promise.all([
      uid ? this.events.list(reads.clusterId, { namespaces, uid }, limit) : Promise.resolve([] as EventRows),
      this.events.list(reads.clusterId, { namespaces, kind: ref.kind, name: target.metadata?.name }, limit),
    ]);
    const seen = new Set(byUid.map((e) => e.uid));
    const rows = [...byUid, ...byName.filter((e) => !e.involvedUid && !seen.has(e.uid))];
    return rows
      .sort((a, b) => b.lastTime.getTime() - a.lastTime.getTime())
      .map((e) => ({
        kind: 'event',
        time: e.lastTime.toISOString(),
        id: e.uid,
        type: e.type,
        reason: e.reason,
        message: e.message,
        count: e.count,
        firstTime: e.firstTime?.toISOString() ?? null,
        lastTime: e.lastTime.toISOString(),
        source: e.reportingController,
      }));
  }

  /** Null when the caller may not list the revisions' kind in the namespace. */
  private async revisionItems(reads: ScopedReads, source: 'replicasets' | 'controllerrevisions', target: KubernetesObject, namespace: string): Promise<TimelineRevision[] | null> {
    const scoped = await reads.items('apps', 'v1', source, namespace);
    if (!scoped) return null;
    return source === 'replicasets' ? replicaSetRevisions(target, scoped.items) : controllerRevisions(target, scoped.items);
  }
}

/** How the resource writer and the proxy name a kind in audit targets. */
const auditType = (ref: ResourceRef) => `${ref.group || 'core'}/${ref.resource}`;
