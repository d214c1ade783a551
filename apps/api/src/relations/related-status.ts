import { at, nodeReady, str, workloadHealth } from '../overview/overview-math.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const replicas = (o: unknown) => (typeof at(o, 'spec', 'replicas') === 'number' ? num(at(o, 'spec', 'replicas')) : 1);

/** The one-word state a relations list shows next to an object, by Kind; undefined for kinds without one. */
export function relatedStatus(kind: string, o: unknown): string | undefined {
  if (at(o, 'metadata', 'deletionTimestamp')) return 'Terminating';
  switch (kind) {
    case 'Pod':
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
    case 'Namespace':
      return str(at(o, 'status', 'phase')) || undefined;
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
      return `${num(at(o, 'status', 'readyReplicas'))}/${replicas(o)}`;
    case 'DaemonSet':
      return `${num(at(o, 'status', 'numberReady'))}/${num(at(o, 'status', 'desiredNumberScheduled'))}`;
    case 'Job': {
      const h = workloadHealth('jobs', o);
      return h === 'ok' ? 'Complete' : h === 'failed' ? 'Failed' : 'Running';
    }
    case 'Node':
      return nodeReady(o) ? 'Ready' : 'NotReady';
    default:
      return undefined;
  }
}
