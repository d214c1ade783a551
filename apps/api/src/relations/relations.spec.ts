import { describe, expect, it } from 'vitest';
import { labelSelector, mapSelector } from './label-match.js';
import { relatedStatus } from './related-status.js';
import { CHILDREN, linksOf, ownerLinks, pointsAt, reverseSources, type Link } from './relation-rules.js';

const meta = (name: string, namespace?: string, extra: object = {}) => ({ metadata: { name, namespace, ...extra } });
const pod = (name: string, labels: Record<string, string>, spec: object = {}, uid = `uid-${name}`) => ({
  ...meta(name, 'a', { labels, uid }),
  spec,
});
const named = (links: Link[]) =>
  links.map((l) => (l.relation === 'selects' ? `selects ${l.to.kind}` : `${l.relation} ${l.to.group}/${l.to.kind} ${l.namespace ?? '-'}/${l.name}`));

describe('label selectors', () => {
  it('matchLabels and every matchExpressions operator must all hold', () => {
    const m = labelSelector({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'edge'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'NotIn', values: ['x'] },
        { key: 'team', operator: 'Exists' },
      ],
    })!;
    expect(m({ app: 'web', tier: 'front', team: 't' })).toBe(true);
    expect(m({ app: 'web', tier: 'front', team: 't', zone: 'y' })).toBe(true);
    expect(m({ app: 'web', tier: 'back', team: 't' })).toBe(false);
    expect(m({ app: 'web', tier: 'front', team: 't', canary: '1' })).toBe(false);
    expect(m({ app: 'web', tier: 'front', team: 't', zone: 'x' })).toBe(false);
    expect(m({ app: 'web', tier: 'front' })).toBe(false);
  });

  it('an empty selector selects everything, an absent or malformed one nothing; an empty Service selector nothing', () => {
    expect(labelSelector({})!({ any: 'thing' })).toBe(true);
    expect(labelSelector(undefined)).toBeNull();
    expect(labelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] })).toBeNull();
    expect(mapSelector({})).toBeNull();
    expect(mapSelector(undefined)).toBeNull();
    expect(mapSelector({ app: 'web' })!({ app: 'web', x: 'y' })).toBe(true);
  });
});

describe('the resolver table', () => {
  it('a pod uses config from volumes, projected volumes, env, envFrom, pull secrets; its service account and node', () => {
    const p = pod('p', {}, {
      nodeName: 'n1',
      serviceAccountName: 'robot',
      imagePullSecrets: [{ name: 'regcred' }],
      volumes: [
        { name: 'v1', configMap: { name: 'cm-vol' } },
        { name: 'v2', secret: { secretName: 's-vol' } },
        { name: 'v3', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'v4', projected: { sources: [{ configMap: { name: 'cm-proj' } }, { secret: { name: 's-proj' } }] } },
      ],
      initContainers: [{ name: 'i', envFrom: [{ configMapRef: { name: 'cm-vol' } }, { secretRef: { name: 's-env' } }] }],
      containers: [{ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cm-key', key: 'k' } } }, { name: 'Y', valueFrom: { secretKeyRef: { name: 's-key', key: 'k' } } }] }],
    });
    expect(named(linksOf({ group: 'core', kind: 'Pod' }, p)).sort()).toEqual(
      [
        'uses core/ConfigMap a/cm-vol', // mounted and in envFrom: once
        'uses core/ConfigMap a/cm-proj',
        'uses core/ConfigMap a/cm-key',
        'uses core/Secret a/s-vol',
        'uses core/Secret a/s-proj',
        'uses core/Secret a/s-env',
        'uses core/Secret a/s-key',
        'uses core/Secret a/regcred',
        'uses core/PersistentVolumeClaim a/data',
        'uses core/ServiceAccount a/robot',
        'uses core/Node -/n1',
      ].sort(),
    );
  });

  it('workloads select their pods and use what their template uses; an unset service account is default', () => {
    const d = {
      ...meta('web', 'a'),
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }] }] } } },
    };
    const links = linksOf({ group: 'apps', kind: 'Deployment' }, d);
    expect(named(links)).toEqual(['selects Pod', 'uses core/ConfigMap a/cfg', 'uses core/ServiceAccount a/default']);
    expect(pointsAt(links[0]!, { group: 'core', kind: 'Pod' }, pod('p1', { app: 'web' }))).toBe(true);
    expect(pointsAt(links[0]!, { group: 'core', kind: 'Pod' }, pod('p2', { app: 'db' }))).toBe(false);
    // Same labels in another namespace: not selected.
    expect(pointsAt(links[0]!, { group: 'core', kind: 'Pod' }, { metadata: { name: 'p3', namespace: 'b', labels: { app: 'web' } } })).toBe(false);
    const cron = { ...meta('nightly', 'a'), spec: { jobTemplate: { spec: { template: { spec: { serviceAccountName: 'batch', containers: [] } } } } } };
    expect(named(linksOf({ group: 'batch', kind: 'CronJob' }, cron))).toEqual(['uses core/ServiceAccount a/batch']);
  });

  it('owner references point up by uid; owners of a kind are found among its children kinds', () => {
    const rs = { ...meta('web-1', 'a', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1' }] }) };
    const [up] = ownerLinks(rs);
    expect(up).toMatchObject({ relation: 'owner', to: { group: 'apps', kind: 'Deployment' }, namespace: 'a', name: 'web', uid: 'd1' });
    expect(pointsAt(up!, { group: 'apps', kind: 'Deployment' }, meta('web', 'a', { uid: 'd1' }))).toBe(true);
    // A recreated Deployment of the same name is not the owner.
    expect(pointsAt(up!, { group: 'apps', kind: 'Deployment' }, meta('web', 'a', { uid: 'd2' }))).toBe(false);
    expect(CHILDREN['apps/Deployment']).toEqual(['apps/ReplicaSet']);
    expect(CHILDREN['batch/CronJob']).toEqual(['batch/Job']);
  });

  it('storage, ingress, autoscaling, endpoint slices and RBAC bindings', () => {
    const pvc = { ...meta('data', 'a'), spec: { volumeName: 'pv-1', storageClassName: 'fast' } };
    expect(named(linksOf({ group: 'core', kind: 'PersistentVolumeClaim' }, pvc))).toEqual([
      'uses core/PersistentVolume -/pv-1',
      'uses storage.k8s.io/StorageClass -/fast',
    ]);
    const ing = {
      ...meta('site', 'a'),
      spec: {
        ingressClassName: 'nginx',
        defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
        rules: [{ http: { paths: [{ backend: { service: { name: 'web' } } }, { backend: { service: { name: 'web' } } }] } }],
        tls: [{ secretName: 'site-tls' }],
      },
    };
    expect(named(linksOf({ group: 'networking.k8s.io', kind: 'Ingress' }, ing))).toEqual([
      'uses core/Service a/fallback',
      'uses core/Service a/web',
      'uses networking.k8s.io/IngressClass -/nginx',
      'uses core/Secret a/site-tls',
    ]);
    const hpa = { ...meta('web', 'a'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } } };
    expect(named(linksOf({ group: 'autoscaling', kind: 'HorizontalPodAutoscaler' }, hpa))).toEqual(['uses apps/Deployment a/web']);
    const slice = meta('web-abc', 'a', { labels: { 'kubernetes.io/service-name': 'web' } });
    expect(named(linksOf({ group: 'discovery.k8s.io', kind: 'EndpointSlice' }, slice))).toEqual(['uses core/Service a/web']);
    const rb = {
      ...meta('rb', 'a'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'ServiceAccount', name: 'robot' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }, { kind: 'User', name: 'alice' }],
    };
    expect(named(linksOf({ group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' }, rb))).toEqual([
      'uses rbac.authorization.k8s.io/ClusterRole -/view',
      'uses core/ServiceAccount a/robot',
      'uses core/ServiceAccount tools/ci',
    ]);
    const role = { ...rb, roleRef: { kind: 'Role', name: 'edit' }, subjects: [] };
    expect(named(linksOf({ group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' }, role))).toEqual(['uses rbac.authorization.k8s.io/Role a/edit']);
  });

  it('reverse scans: pods are selected by Services, PDBs and NetworkPolicies; config is used by pods and workloads', () => {
    expect(reverseSources({ group: 'core', kind: 'Pod' }).sort()).toEqual(
      ['core/Service', 'networking.k8s.io/NetworkPolicy', 'policy/PodDisruptionBudget'].sort(),
    );
    expect(reverseSources({ group: 'core', kind: 'ConfigMap' }).sort()).toEqual(
      ['apps/DaemonSet', 'apps/Deployment', 'apps/StatefulSet', 'batch/CronJob', 'batch/Job', 'core/Pod'].sort(),
    );
    expect(reverseSources({ group: 'core', kind: 'Node' })).toEqual(['core/Pod']);
    expect(reverseSources({ group: 'core', kind: 'Secret' })).toContain('networking.k8s.io/Ingress');
    expect(reverseSources({ group: 'core', kind: 'ServiceAccount' })).toContain('rbac.authorization.k8s.io/ClusterRoleBinding');
    expect(reverseSources({ group: 'core', kind: 'Event' })).toEqual([]);
  });

  it('a name link into a namespace does not match a namespace of the same name elsewhere', () => {
    const [l] = linksOf({ group: 'core', kind: 'Pod' }, pod('p', {}, { volumes: [{ configMap: { name: 'cfg' } }] }));
    expect(pointsAt(l!, { group: 'core', kind: 'ConfigMap' }, meta('cfg', 'a'))).toBe(true);
    expect(pointsAt(l!, { group: 'core', kind: 'ConfigMap' }, meta('cfg', 'b'))).toBe(false);
    expect(pointsAt(l!, { group: 'core', kind: 'Secret' }, meta('cfg', 'a'))).toBe(false);
  });
});

describe('status words', () => {
  it('by kind', () => {
    expect(relatedStatus('Pod', { status: { phase: 'Running' } })).toBe('Running');
    expect(relatedStatus('Pod', { metadata: { deletionTimestamp: 'x' }, status: { phase: 'Running' } })).toBe('Terminating');
    expect(relatedStatus('ReplicaSet', { spec: { replicas: 3 }, status: { readyReplicas: 2 } })).toBe('2/3');
    expect(relatedStatus('Deployment', { status: {} })).toBe('0/1');
    expect(relatedStatus('DaemonSet', { status: { numberReady: 1, desiredNumberScheduled: 2 } })).toBe('1/2');
    expect(relatedStatus('Job', { status: { conditions: [{ type: 'Complete', status: 'True' }] } })).toBe('Complete');
    expect(relatedStatus('Node', { status: { conditions: [{ type: 'Ready', status: 'False' }] } })).toBe('NotReady');
    expect(relatedStatus('ConfigMap', {})).toBeUndefined();
  });
});
