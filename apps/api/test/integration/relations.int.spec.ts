import { until } from '../setup/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';

let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const NS = `rel-${suffix}`;
const OTHER = `rel-o-${suffix}`;
const R = '/api/clusters/c1/resources';

type Item = { relation: string; kind: string; status?: string; ref: { group: string; resource: string; namespace?: string; name: string } };
type Relations = { items: Item[]; hidden: { relation: string; group: string; resource: string }[]; truncated: boolean };


const relationsOf = async (who: Browser, group: string, resource: string, name: string, namespace: string | null = NS) => {
  const ns = namespace ? `&namespace=${namespace}` : '';
  return who.get(`/api/clusters/c1/relations?group=${group}&version=v1&resource=${resource}&name=${name}${ns}`);
};
const ok = async (who: Browser, group: string, resource: string, name: string): Promise<Relations> => {
  const res = await relationsOf(who, group, resource, name);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Relations;
};
const names = (r: Relations, relation: string, kind: string) =>
  r.items.filter((i) => i.relation === relation && i.kind === kind).map((i) => i.ref.name).sort();

let pods: string[] = [];
let replicaSet = '';

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS, OTHER]) {
    expect((await admin.post(`${R}/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
  }
  await until(`default SA in ${NS}`, async () => (await admin.get(`${R}/core/v1/serviceaccounts/default?namespace=${NS}`)).status === 200);
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: NS }, data: { a: '1' } };
  expect((await admin.post(`${R}/core/v1/configmaps?namespace=${NS}`, cm)).status).toBe(201);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [{ name: 'main', image: 'registry.local/app:1', envFrom: [{ configMapRef: { name: 'web-config' } }] }],
          volumes: [{ name: 'cfg', configMap: { name: 'web-config' } }],
        },
      },
    },
  };
  expect((await admin.post(`${R}/apps/v1/deployments?namespace=${NS}`, deployment)).status).toBe(201);
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
  expect((await admin.post(`${R}/core/v1/services?namespace=${NS}`, service)).status).toBe(201);
  // An unrelated pod with other labels: never selected by the Service.
  const stray = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: NS, labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'registry.local/db:1' }] } };
  expect((await admin.post(`${R}/core/v1/pods?namespace=${NS}`, stray)).status).toBe(201);
  pods = await until('two pods of the deployment', async () => {
    const res = await admin.get(`${R}/core/v1/pods?namespace=${NS}&labelSelector=app%3Dweb`);
    const items = (res.body.items ?? []) as { metadata: { name: string }; spec: { nodeName?: string } }[];
    return items.length === 2 && items.every((p) => p.spec.nodeName) && items.map((p) => p.metadata.name).sort();
  });
}, 120_000);
afterAll(async () => {
  for (const ns of [NS, OTHER]) await admin.delete(`${R}/core/v1/namespaces/${ns}`);
  await t.close();
});

describe('related objects from the caches', () => {
  it('a Deployment owns its ReplicaSet, selects its pods and uses its ConfigMap', async () => {
    const r = await until('the ReplicaSet and both pods in the relations', async () => {
      const body = await ok(admin, 'apps', 'deployments', 'web');
      return names(body, 'owned', 'ReplicaSet').length === 1 && names(body, 'selects', 'Pod').length === 2 && body;
    });
    replicaSet = names(r, 'owned', 'ReplicaSet')[0]!;
    expect(names(r, 'selects', 'Pod')).toEqual(pods);
    expect(names(r, 'uses', 'ConfigMap')).toEqual(['web-config']);
    expect(names(r, 'uses', 'ServiceAccount')).toEqual(['default']);
    expect(r.hidden).toEqual([]);
    expect(r.truncated).toBe(false);
    const rs = r.items.find((i) => i.kind === 'ReplicaSet')!;
    expect(rs.ref).toEqual({ cluster: 'c1', group: 'apps', version: 'v1', resource: 'replicasets', namespace: NS, name: replicaSet });
  });

  it('a Pod: owner ReplicaSet, selected by the Service, uses the ConfigMap once, its node and service account', async () => {
    const r = await until('the Service selecting the pod', async () => {
      const body = await ok(admin, 'core', 'pods', pods[0]!);
      return names(body, 'selected-by', 'Service').length === 1 && body;
    });
    expect(names(r, 'owner', 'ReplicaSet')).toEqual([replicaSet]);
    expect(names(r, 'selected-by', 'Service')).toEqual(['web']);
    // Mounted and in envFrom: listed once; the projected service-account token volume brings the root CA one.
    expect(names(r, 'uses', 'ConfigMap')).toEqual(['kube-root-ca.crt', 'web-config']);
    const node = r.items.find((i) => i.kind === 'Node')!;
    expect(node).toMatchObject({ relation: 'uses', status: 'Ready', ref: { group: 'core', resource: 'nodes' } });
    expect(node.ref.namespace).toBeUndefined();
    const rs = await ok(admin, 'apps', 'replicasets', replicaSet);
    expect(names(rs, 'owner', 'Deployment')).toEqual(['web']);
    expect(names(rs, 'owned', 'Pod')).toEqual(pods);
  });

  it('a Service selects exactly the matching pods; the ConfigMap is used by both pods and the Deployment', async () => {
    const svc = await ok(admin, 'core', 'services', 'web');
    expect(names(svc, 'selects', 'Pod')).toEqual(pods);
    const cm = await until('both pods using the ConfigMap', async () => {
      const body = await ok(admin, 'core', 'configmaps', 'web-config');
      return names(body, 'used-by', 'Pod').length === 2 && body;
    });
    expect(names(cm, 'used-by', 'Pod')).toEqual(pods);
    expect(names(cm, 'used-by', 'Deployment')).toEqual(['web']);
  });

  it('a user who may only read pods sees the kinds they cannot list in hidden, never their names or a count', async () => {
    const role = await admin.post('/api/roles', { name: `pods-only-${suffix}`, scope: 'namespace', rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }] });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const dev = await createUser(t, admin, `rel-pods-${suffix}`);
    const subject = { kind: 'user', id: await userId(admin, `rel-pods-${suffix}`) };
    expect((await bind(admin, role.body.id as string, subject, { kind: 'namespace', cluster: 'c1', namespace: NS })).status).toBe(201);

    const r = await ok(dev, 'core', 'pods', pods[0]!);
    expect(r.items).toEqual([]);
    expect(r.hidden).toEqual(
      expect.arrayContaining([
        { relation: 'owner', group: 'apps', resource: 'replicasets' },
        { relation: 'selected-by', group: 'core', resource: 'services' },
        { relation: 'uses', group: 'core', resource: 'configmaps' },
        { relation: 'uses', group: 'core', resource: 'nodes' },
      ]),
    );
    const text = JSON.stringify(r);
    for (const secret of ['web-config', replicaSet, '"web"']) expect(text).not.toContain(secret);

    // The object itself needs `get`: other kinds and other namespaces are refused, as the resources API does.
    expect((await relationsOf(dev, 'core', 'configmaps', 'web-config')).status).toBe(403);
    expect((await relationsOf(dev, 'apps', 'deployments', 'web')).status).toBe(403);
    expect((await relationsOf(dev, 'core', 'pods', pods[0]!, OTHER)).status).toBe(403);
    const nobody = await createUser(t, admin, `rel-none-${suffix}`);
    expect((await relationsOf(nobody, 'core', 'pods', pods[0]!)).status).toBe(404);
  });

  it('404 for an absent object, unknown kind or cluster; 400 for a namespaced kind without namespace', async () => {
    expect((await relationsOf(admin, 'core', 'pods', 'no-such-pod')).status).toBe(404);
    expect((await relationsOf(admin, 'example.com', 'widgets', 'w')).status).toBe(404);
    expect((await admin.get(`/api/clusters/nope/relations?group=core&version=v1&resource=pods&name=x&namespace=${NS}`)).status).toBe(404);
    expect((await relationsOf(admin, 'core', 'pods', pods[0]!, null)).status).toBe(400);
    expect((await admin.get('/api/clusters/c1/relations?group=core&version=v1&resource=pods')).status).toBe(400);
  });
});
