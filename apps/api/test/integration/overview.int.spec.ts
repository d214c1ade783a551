import { until } from '../setup/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';

let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `ov-a-${suffix}`;
const NS_B = `ov-b-${suffix}`;
const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;
const R = '/api/clusters/c1/resources';


const deployment = (name: string, ns: string, replicas: number, cpu: string, memory: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'main', image: 'registry.local/app:1', resources: { requests: { cpu, memory }, limits: { cpu, memory } } }] },
    },
  },
});

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS_A, NS_B]) {
    expect((await admin.post(`${R}/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
    await until(`default SA in ${ns}`, async () => (await admin.get(`${R}/core/v1/serviceaccounts/default?namespace=${ns}`)).status === 200);
  }
  expect((await admin.post(`${R}/apps/v1/deployments?namespace=${NS_A}`, deployment('web', NS_A, 2, '250m', '64Mi'))).status).toBe(201);
  expect((await admin.post(`${R}/apps/v1/deployments?namespace=${NS_B}`, deployment('db', NS_B, 1, '500m', '256Mi'))).status).toBe(201);
  const quota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: NS_A }, spec: { hard: { 'requests.cpu': '2', 'requests.memory': '1Gi', pods: '10' } } };
  expect((await admin.post(`${R}/core/v1/resourcequotas?namespace=${NS_A}`, quota)).status).toBe(201);
}, 120_000);
afterAll(async () => {
  for (const ns of [NS_A, NS_B]) await admin.delete(`${R}/core/v1/namespaces/${ns}`);
  await t.close();
});

describe('overview aggregates from the caches', () => {
  it('a cluster: nodes, pods, workload health, requests per node and namespace', async () => {
    const o = await until('both deployments ready in the overview', async () => {
      const res = await admin.get('/api/clusters/c1/overview');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const ns = (n: string) => res.body.namespaces.find((x: { name: string }) => x.name === n);
      // Counted in a namespace as soon as they exist, on a node only once scheduled: wait for both.
      const scheduledCpu = res.body.nodes.items.reduce((n: number, i: { cpu: { requests: number } }) => n + i.cpu.requests, 0);
      return ns(NS_A)?.pods === 2 && ns(NS_B)?.pods === 1 && scheduledCpu >= 1 - 1e-9 && res.body;
    });
    expect(o.nodes.total).toBeGreaterThan(0);
    expect(o.nodes.ready).toBe(o.nodes.total);
    expect(o.nodes.items[0].cpu.allocatable).toBeGreaterThan(0);
    expect(o.restricted).toBeNull();
    const a = o.namespaces.find((x: { name: string }) => x.name === NS_A);
    expect(a.cpu.requests).toBeCloseTo(0.5);
    expect(a.memory.limits).toBe(128 * 1024 * 1024);
    // Every scheduled pod's requests land on its node: the node sums cover both namespaces' pods.
    const nodeCpu = o.nodes.items.reduce((n: number, i: { cpu: { requests: number } }) => n + i.cpu.requests, 0);
    expect(nodeCpu).toBeGreaterThanOrEqual(1 - 1e-9);
    const deployments = o.workloads.find((w: { resource: string }) => w.resource === 'deployments');
    expect(deployments.total).toBeGreaterThanOrEqual(2);
    expect(['available', 'not-installed', 'unavailable']).toContain(o.metrics);
  }, 90_000);

  it('a namespace: quota usage bars from the ResourceQuota status', async () => {
    const o = await until('quota status used', async () => {
      const res = await admin.get(`/api/clusters/c1/namespaces/${NS_A}/overview`);
      expect(res.status).toBe(200);
      // The quota controller counts pods one update at a time: wait until it has counted both, not the first one.
      const used = (r: string) => res.body.quotas?.[0]?.items.find((i: { resource: string }) => i.resource === r)?.used;
      return used('pods') === 2 && used('requests.cpu') > 0.5 - 1e-9 && res.body;
    });
    expect(o.quotas[0].items).toEqual(
      expect.arrayContaining([
        { resource: 'requests.cpu', hard: 2, used: 0.5, unit: 'cores' },
        { resource: 'pods', hard: 10, used: 2, unit: 'count' },
      ]),
    );
    expect(o.pods.total).toBe(2);
  }, 90_000);

  it('a namespace-limited user sees only their namespace and no nodes', async () => {
    const dev = await createUser(t, admin, `ov-dev-${suffix}`);
    expect((await bind(admin, role('developer'), { kind: 'user', id: await userId(admin, `ov-dev-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A })).status).toBe(201);
    const res = await dev.get('/api/clusters/c1/overview');
    expect(res.status).toBe(200);
    expect(res.body.nodes).toBeNull();
    expect(res.body.restricted).toEqual([NS_A]);
    expect(res.body.namespaces.map((n: { name: string }) => n.name)).toEqual([NS_A]);
    expect(res.body.pods.total).toBe(2);
    expect((await dev.get(`/api/clusters/c1/namespaces/${NS_B}/overview`)).body).toMatchObject({ pods: null, quotas: null, warnings: null });
    const home = await dev.get('/api/overview');
    expect(home.status).toBe(200);
    expect(home.body.clusters).toEqual([expect.objectContaining({ id: 'c1', reachable: true, nodes: null, pods: expect.objectContaining({ total: 2 }) })]);
  });

  it('the home page lists every visible cluster with its problems; a user with no cluster sees none', async () => {
    const home = await admin.get('/api/overview');
    expect(home.status).toBe(200);
    const c1 = home.body.clusters.find((c: { id: string }) => c.id === 'c1');
    expect(c1).toMatchObject({ reachable: true, nodes: { total: expect.any(Number), ready: expect.any(Number) } });
    expect(c1.warningsLastHour).toEqual(expect.any(Number));
    const nobody = await createUser(t, admin, `ov-none-${suffix}`);
    expect((await nobody.get('/api/overview')).body).toEqual({ clusters: [] });
    expect((await nobody.get('/api/clusters/c1/overview')).status).toBe(404);
  });

  it('refuses a malformed namespace with 400 and an unknown cluster with 404', async () => {
    expect((await admin.get('/api/clusters/c1/namespaces/Bad_NS/overview')).status).toBe(400);
    expect((await admin.get('/api/clusters/nope/overview')).status).toBe(404);
  });
});
