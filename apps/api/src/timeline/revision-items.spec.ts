import { describe, expect, it } from 'vitest';
import type { KubernetesObject } from '../k8s/resource-ref.js';
import { controllerRevisions, replicaSetRevisions, revisionSource } from './revision-items.js';

const owner = (uid: string) => [{ apiVersion: 'apps/v1', kind: 'X', name: 'x', uid, controller: true }];
const rs = (name: string, revision: string | undefined, image: string, ownerUid = 'd1', cause?: string): KubernetesObject =>
  ({
    metadata: { name, uid: `u-${name}`, creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: owner(ownerUid), annotations: { ...(revision ? { 'deployment.kubernetes.io/revision': revision } : {}), ...(cause ? { 'kubernetes.io/change-cause': cause } : {}) } },
    spec: { template: { spec: { containers: [{ name: 'main', image }] } } },
  }) as unknown as KubernetesObject;
const cr = (name: string, revision: number, image: string, ownerUid = 's1'): KubernetesObject =>
  ({ metadata: { name, creationTimestamp: '2026-01-02T00:00:00Z', ownerReferences: owner(ownerUid) }, revision, data: { spec: { template: { spec: { containers: [{ name: 'c', image }] } } } } }) as unknown as KubernetesObject;

describe('revision items', () => {
  it('knows where each workload keeps its history', () => {
    expect(revisionSource('apps', 'deployments')).toBe('replicasets');
    expect(revisionSource('apps', 'statefulsets')).toBe('controllerrevisions');
    expect(revisionSource('apps', 'daemonsets')).toBe('controllerrevisions');
    expect(revisionSource('apps', 'replicasets')).toBeNull();
    expect(revisionSource('core', 'pods')).toBeNull();
  });

  it("a Deployment's own ReplicaSets, numbered, the current one from the Deployment's annotation", () => {
    const d = { metadata: { uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '1' } } } as KubernetesObject;
    const items = replicaSetRevisions(d, [rs('a', '1', 'app:1', 'd1', 'first'), rs('b', '2', 'app:2'), rs('other', '5', 'x', 'd2'), rs('unnumbered', undefined, 'y')]);
    expect(items).toEqual([
      { kind: 'revision', time: '2026-01-01T00:00:00.000Z', revision: 1, resource: 'replicasets', name: 'a', images: [{ container: 'main', image: 'app:1' }], changeCause: 'first', current: true },
      { kind: 'revision', time: '2026-01-01T00:00:00.000Z', revision: 2, resource: 'replicasets', name: 'b', images: [{ container: 'main', image: 'app:2' }], changeCause: null, current: false },
    ]);
    // Without the Deployment's annotation, the highest number is current.
    expect(replicaSetRevisions({ metadata: { uid: 'd1' } }, [rs('a', '1', 'app:1'), rs('b', '2', 'app:2')]).map((i) => i.current)).toEqual([false, true]);
  });

  it("a StatefulSet's current revision is status.updateRevision; a DaemonSet's the highest number", () => {
    const revisions = [cr('s-1', 1, 'db:1'), cr('s-2', 2, 'db:2'), cr('foreign', 3, 'z', 'nope')];
    const sts = { metadata: { uid: 's1' }, status: { updateRevision: 's-1' } } as KubernetesObject;
    expect(controllerRevisions(sts, revisions).map((i) => [i.name, i.current, i.images[0]?.image])).toEqual([['s-1', true, 'db:1'], ['s-2', false, 'db:2']]);
    const ds = { metadata: { uid: 's1' } } as KubernetesObject;
    expect(controllerRevisions(ds, revisions).map((i) => i.current)).toEqual([false, true]);
  });
});
