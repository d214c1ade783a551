import type { TimelineRevision } from '@wheelhouse/shared';
import type { KubernetesObject } from '../k8s/resource-ref.js';

const DEPLOYMENT_REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type PodTemplate = { spec?: { containers?: { name?: string; image?: string }[] } };
type ReplicaSet = KubernetesObject & { spec?: { template?: PodTemplate } };
type ControllerRevision = KubernetesObject & { revision?: number; data?: { spec?: { template?: PodTemplate } } };
type Workload = KubernetesObject & { status?: { updateRevision?: string } };

/** Which revision history a kind keeps, and where: Deployments in ReplicaSets, the others in ControllerRevisions. */
export function revisionSource(group: string, resource: string): 'replicasets' | 'controllerrevisions' | null {
  if (group !== 'apps') return null;
  if (resource === 'deployments') return 'replicasets';
  return resource === 'statefulsets' || resource === 'daemonsets' ? 'controllerrevisions' : null;
}

const ownedBy = (o: KubernetesObject, uid: string) => (o.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.controller !== false);

const imagesOf = (t: PodTemplate | undefined) =>
  (t?.spec?.containers ?? []).map((c) => ({ container: c.name ?? '', image: c.image ?? '' }));

/** A Deployment's ReplicaSets as revisions; the current one carries the Deployment's own revision number. */
export function replicaSetRevisions(deployment: KubernetesObject, replicaSets: readonly KubernetesObject[]): TimelineRevision[] {
  const uid = deployment.metadata?.uid ?? '';
  const items = replicaSets
    .filter((rs) => ownedBy(rs, uid))
    .map((rs: ReplicaSet) => ({ rs, revision: Number(rs.metadata?.annotations?.[DEPLOYMENT_REVISION]) }))
    // The deployment controller numbers every ReplicaSet it adopts or creates; others are not revisions yet.
    .filter(({ revision }) => Number.isInteger(revision) && revision > 0);
  const own = Number(deployment.metadata?.annotations?.[DEPLOYMENT_REVISION]);
  const current = Number.isInteger(own) && own > 0 ? own : Math.max(0, ...items.map((i) => i.revision));
  return items.map(({ rs, revision }) => ({
    kind: 'revision',
    time: timeOf(rs),
    revision,
    resource: 'replicasets',
    name: rs.metadata?.name ?? '',
    images: imagesOf(rs.spec?.template),
    changeCause: rs.metadata?.annotations?.[CHANGE_CAUSE] ?? null,
    current: revision === current,
  }));
}

/**
 * A StatefulSet's or DaemonSet's ControllerRevisions. A StatefulSet names its current one (status.updateRevision);
 * a DaemonSet's is the highest number, since a rollback renumbers the revision it returns to.
 */
export function controllerRevisions(owner: KubernetesObject, revisions: readonly KubernetesObject[]): TimelineRevision[] {
  const uid = owner.metadata?.uid ?? '';
  const items = revisions.filter((r) => ownedBy(r, uid)) as ControllerRevision[];
  const named = (owner as Workload).status?.updateRevision;
  const highest = Math.max(0, ...items.map((r) => r.revision ?? 0));
  const isCurrent = (r: ControllerRevision) =>
    named && items.some((i) => i.metadata?.name === named) ? r.metadata?.name === named : (r.revision ?? 0) === highest;
  return items.map((r) => ({
    kind: 'revision',
    time: timeOf(r),
    revision: r.revision ?? 0,
    resource: 'controllerrevisions',
    name: r.metadata?.name ?? '',
    images: imagesOf(r.data?.spec?.template),
    changeCause: r.metadata?.annotations?.[CHANGE_CAUSE] ?? null,
    current: isCurrent(r),
  }));
}

function timeOf(o: KubernetesObject): string {
  const t = o.metadata?.creationTimestamp as unknown;
  // client-node types it as Date, the informer cache holds the wire's string.
  return t instanceof Date ? t.toISOString() : typeof t === 'string' ? new Date(t).toISOString() : new Date(0).toISOString();
}
