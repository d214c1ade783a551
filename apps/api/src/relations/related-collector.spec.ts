import { describe, expect, it } from 'vitest';
import type { KubernetesObject, ResourceRef } from '../k8s/resource-ref.js';
import type { Scoped, ScopedReads } from '../overview/scoped-reads.js';
import { RelatedCollector } from './related-collector.js';

const ref = (group: string, resource: string, kind: string, namespaced = true): ResourceRef => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced,
  verbs: ['get', 'list', 'watch'],
  shortNames: [],
  subresources: [],
});
const DISCOVERY = [
  ref('', 'pods', 'Pod'),
  ref('', 'configmaps', 'ConfigMap'),
  ref('', 'secrets', 'Secret'),
  ref('', 'serviceaccounts', 'ServiceAccount'),
  ref('', 'services', 'Service'),
  ref('', 'nodes', 'Node', false),
  ref('apps', 'replicasets', 'ReplicaSet'),
  ref('apps', 'deployments', 'Deployment'),
];

/**
 * ScopedReads over fixed objects: `listable` are the resources the caller may list (in namespace `a` or
 * cluster-wide); everything else answers null, as the real one does for a kind the caller may list nowhere.
 */
function reads(objects: Record<string, KubernetesObject[]>, listable: string[]): ScopedReads {
  const fake = {
    clusterId: 'c1',
    items: (_g: string, _v: string, resource: string, namespace?: string): Promise<Scoped | null> => {
      if (!listable.includes(resource)) return Promise.resolve(null);
      const r = DISCOVERY.find((d) => d.resource === resource)!;
      const items = (objects[resource] ?? []).filter((o) => !namespace || o.metadata?.namespace === namespace);
      return Promise.resolve({ ref: r, items, allowed: null });
    },
  };
  return fake as unknown as ScopedReads;
}

const obj = (name: string, extra: Record<string, unknown> = {}, namespace: string | undefined = 'a'): KubernetesObject => ({
  ...extra,
  metadata: { name, namespace, uid: `uid-${name}`, ...((extra.metadata as object) ?? {}) },
});
const podSpec = { nodeName: 'n1', serviceAccountName: 'default', volumes: [{ name: 'v', configMap: { name: 'web-config' } }], containers: [] };
const pod = obj('web-1', {
  metadata: { labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-rs', uid: 'uid-web-rs' }] },
  spec: podSpec,
  status: { phase: 'Running' },
});
const objects = {
  pods: [pod, obj('other', { metadata: { labels: { app: 'db' } }, spec: { containers: [] } })],
  configmaps: [obj('web-config')],
  serviceaccounts: [obj('default')],
  services: [obj('web', { spec: { selector: { app: 'web' } } }), obj('db', { spec: { selector: { app: 'db' } } })],
  nodes: [obj('n1', { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, undefined)],
  replicasets: [obj('web-rs', { spec: { replicas: 1 }, status: { readyReplicas: 1 } })],
};
const POD_REF = DISCOVERY[0]!;

describe('the relations walk', () => {
  it('collects owners, users, selectors and the node of a pod, each once', async () => {
    const all = ['pods', 'configmaps', 'secrets', 'serviceaccounts', 'services', 'nodes', 'replicasets', 'deployments'];
    const out = await new RelatedCollector(reads(objects, all), DISCOVERY).collect(POD_REF, pod);
    expect(out.hidden).toEqual([]);
    expect(out.truncated).toBe(false);
    expect(out.items.map((i) => `${i.relation} ${i.kind} ${i.ref.name} ${i.status ?? ''}`.trim())).toEqual([
      'owner ReplicaSet web-rs 1/1',
      'selected-by Service web',
      'uses ConfigMap web-config',
      'uses Node n1 Ready',
      'uses ServiceAccount default',
    ]);
    expect(out.items[0]!.ref).toEqual({ cluster: 'c1', group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'a', name: 'web-rs' });
    expect(out.items[3]!.ref.namespace).toBeUndefined();
  });

  it('a kind the caller may not list is named in hidden and contributes nothing, not even a count', async () => {
    const out = await new RelatedCollector(reads(objects, ['pods']), DISCOVERY).collect(POD_REF, pod);
    expect(out.items).toEqual([]);
    expect(out.hidden).toEqual([
      { relation: 'owner', group: 'apps', resource: 'replicasets' },
      { relation: 'selected-by', group: 'core', resource: 'services' },
      { relation: 'uses', group: 'core', resource: 'configmaps' },
      { relation: 'uses', group: 'core', resource: 'nodes' },
      { relation: 'uses', group: 'core', resource: 'serviceaccounts' },
    ]);
    expect(JSON.stringify(out)).not.toContain('web-config');
  });

  it('used-by from the config side, a dangling reference as Missing, and a cap per relation', async () => {
    const cm = objects.configmaps[0]!;
    const used = await new RelatedCollector(reads(objects, ['pods', 'deployments']), DISCOVERY).collect(DISCOVERY[1]!, cm);
    expect(used.items.map((i) => `${i.relation} ${i.ref.name}`)).toEqual(['used-by web-1']);
    const lonely = { ...pod, spec: { ...podSpec, volumes: [{ name: 'v', configMap: { name: 'gone' } }] } } as KubernetesObject;
    const missing = await new RelatedCollector(reads(objects, ['configmaps']), DISCOVERY).collect(POD_REF, lonely);
    expect(missing.items).toContainEqual(expect.objectContaining({ relation: 'uses', kind: 'ConfigMap', status: 'Missing', ref: expect.objectContaining({ name: 'gone' }) }));
    const many = Array.from({ length: 250 }, (_, i) => obj(`p${i}`, { metadata: { labels: { app: 'web' } }, spec: { containers: [] } }));
    const svc = objects.services[0]!;
    const capped = await new RelatedCollector(reads({ ...objects, pods: many }, ['pods']), DISCOVERY).collect(DISCOVERY[4]!, svc);
    expect(capped.items).toHaveLength(200);
    expect(capped.truncated).toBe(true);
  });
});
