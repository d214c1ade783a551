import { until } from '../setup/until.js';
import { kindDef, statusOf } from '@wheelhouse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8sGateway } from '../../src/k8s/k8s.gateway.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `res-a-${suffix}`;
const NS_B = `res-b-${suffix}`;
const DEPLOYMENTS = '/api/clusters/c1/resources/apps/v1/deployments';
const PODS = '/api/clusters/c1/resources/core/v1/pods';
const NAMESPACES = '/api/clusters/c1/resources/core/v1/namespaces';
const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;

const deployment = (name: string, ns: string, replicas = 1, labels: Record<string, string> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, labels: { app: name, ...labels } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'registry.local/app:1' }] } },
  },
});


beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS_A, NS_B]) {
    const res = await admin.post(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  // ServiceAccount admission: pods need the namespace's default ServiceAccount first.
  for (const ns of [NS_A, NS_B]) {
    await until(`default SA in ${ns}`, async () => (await admin.get(`/api/clusters/c1/resources/core/v1/serviceaccounts/default?namespace=${ns}`)).status === 200);
  }
}, 120_000);
afterAll(async () => {
  for (const ns of [NS_A, NS_B]) await admin.delete(`${NAMESPACES}/${ns}`);
  await t.close();
});

describe('generic resource API on a real cluster', () => {
  it('discovery lists built-ins with kinds, scopes and subresources', async () => {
    const res = await admin.get('/api/clusters/c1/discovery');
    expect(res.status).toBe(200);
    const deploy = res.body.resources.find((r: { group: string; resource: string }) => r.group === 'apps' && r.resource === 'deployments');
    expect(deploy).toMatchObject({ kind: 'Deployment', namespaced: true, version: 'v1' });
    expect(deploy.subresources).toEqual(expect.arrayContaining(['scale', 'status']));
  });

  it('creates (dry-run first), lists from the cache with paging and sorting, and pods become Running', async () => {
    const dry = await admin.post(`${DEPLOYMENTS}?namespace=${NS_A}&dryRun=true`, deployment('web', NS_A, 3));
    expect(dry.status).toBe(201);
    expect((await admin.get(`${DEPLOYMENTS}/web?namespace=${NS_A}`)).status).toBe(404);
    for (const [name, ns] of [['api', NS_A], ['db', NS_B]] as const) {
      const res = await admin.post(`${DEPLOYMENTS}?namespace=${ns}`, deployment(name, ns, 1, { tier: name === 'db' ? 'data' : 'app' }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.metadata.managedFields).toBeUndefined();
    }
    // Server-side apply creates when the object does not exist (forms and YAML apply go this way).
    const applied = await admin.patch(`${DEPLOYMENTS}/web?namespace=${NS_A}`, deployment('web', NS_A, 3, { tier: 'app' }));
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    // A GET leaves managedFields out unless asked for them (the YAML view's switch): then each manager is named.
    expect((await admin.get(`${DEPLOYMENTS}/web?namespace=${NS_A}`)).body.metadata.managedFields).toBeUndefined();
    const owned = await admin.get(`${DEPLOYMENTS}/web?namespace=${NS_A}&managedFields=true`);
    expect(owned.body.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`)).toContain('wheelhouse/Apply');
    expect((await admin.get(`${DEPLOYMENTS}/web?namespace=${NS_A}&managedFields=yes`)).status).toBe(400);
    const all = await until('3 deployments in the cache', async () => {
      const r = await admin.get(`${DEPLOYMENTS}?q=${suffix}&sort=metadata.name`);
      return r.body.total === 3 && r.body;
    });
    expect(all.items.map((d: { metadata: { name: string } }) => d.metadata.name)).toEqual(['api', 'db', 'web']);
    expect(all.stale).toBeNull();
    expect(all.resourceVersion).toMatch(/^\d+$/);
    expect(all.items.every((d: { metadata: { managedFields?: unknown } }) => d.metadata.managedFields === undefined)).toBe(true);
    const page1 = await admin.get(`${DEPLOYMENTS}?q=${suffix}&limit=2&sort=metadata.name&order=desc`);
    expect(page1.body.items.map((d: { metadata: { name: string } }) => d.metadata.name)).toEqual(['web', 'db']);
    const page2 = await admin.get(`${DEPLOYMENTS}?q=${suffix}&limit=2&sort=metadata.name&order=desc&continue=${page1.body.continue}`);
    expect(page2.body.items.map((d: { metadata: { name: string } }) => d.metadata.name)).toEqual(['api']);
    expect((await admin.get(`${DEPLOYMENTS}?labelSelector=tier%3Ddata&q=${suffix}`)).body.total).toBe(1);
    const running = await until('3 web pods Running', async () => {
      const r = await admin.get(`${PODS}?namespace=${NS_A}&labelSelector=app%3Dweb&fieldSelector=status.phase%3DRunning`);
      return r.body.total === 3 && r.body;
    });
    expect(running.items[0].spec.nodeName).toMatch(/.+/);
    // view=rows: what the list screen shows of each object, worked out here from the kind registry.
    const rows = await admin.get(`${PODS}?namespace=${NS_A}&labelSelector=app%3Dweb&sort=metadata.name&view=rows`);
    expect(rows.body.items.map((r: { metadata: { name: string } }) => r.metadata.name)).toEqual(running.items.map((p: { metadata: { name: string } }) => p.metadata.name).sort());
    const full = running.items.find((p: { metadata: { name: string } }) => p.metadata.name === rows.body.items[0].metadata.name);
    expect(rows.body.items[0]).toEqual({
      metadata: expect.objectContaining({ name: full.metadata.name, namespace: NS_A, uid: full.metadata.uid }),
      cells: expect.objectContaining({ node: full.spec.nodeName, images: full.spec.containers.map((c: { image: string }) => c.image), age: full.metadata.creationTimestamp }),
      status: expect.objectContaining({ tone: statusOf(kindDef('core', 'pods'), full)?.tone }),
    });
    expect(rows.body.items[0].spec).toBeUndefined();
    expect((await admin.get(`${PODS}?namespace=${NS_A}&view=table`)).status).toBe(400);
  });

  it('syncs lists larger than one LIST page (the informer lists in pages of 200)', async () => {
    const CM = '/api/clusters/c1/resources/core/v1/configmaps';
    const names = Array.from({ length: 520 }, (_, i) => `page-${i}`);
    for (let i = 0; i < names.length; i += 40) {
      await Promise.all(names.slice(i, i + 40).map((name) => admin.post(`${CM}?namespace=${NS_B}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS_B } })));
    }
    // A fresh informer for this namespace has to list all 520 (+ kube-root-ca.crt) through continue tokens.
    const list = await admin.get(`${CM}?namespace=${NS_B}&limit=1&q=page-`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(520);
  });

  it('shares one informer per (cluster, resource, namespace scope) between requests', async () => {
    await Promise.all(Array.from({ length: 10 }, () => admin.get(`${DEPLOYMENTS}?limit=1`)));
    const keys = t.app.get(K8sGateway).informerStats().filter((s) => s.key.startsWith('c1|apps/v1/deployments|*'));
    expect(keys).toHaveLength(1);
    expect(keys[0]!.relists).toBe(1);
  });

  it('server-side apply updates, reports conflicts field by field, and force takes over', async () => {
    const applied = await admin.patch(`${DEPLOYMENTS}/web?namespace=${NS_A}`, deployment('web', NS_A, 2));
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.spec.replicas).toBe(2);
    // Scaling (another field manager, as `kubectl scale` would be) takes ownership of spec.replicas.
    const scaled = await admin.agent.put(`${DEPLOYMENTS}/web/scale?namespace=${NS_A}`).set('Origin', 'http://wheelhouse.test').send({ replicas: 4 });
    expect(scaled.status, JSON.stringify(scaled.body)).toBe(200);
    const conflict = await admin.patch(`${DEPLOYMENTS}/web?namespace=${NS_A}`, deployment('web', NS_A, 1));
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('K8S_CONFLICT');
    expect(conflict.body.details.causes).toEqual([expect.objectContaining({ field: '.spec.replicas', message: expect.stringContaining('wheelhouse-scale') })]);
    const forced = await admin.patch(`${DEPLOYMENTS}/web?namespace=${NS_A}&force=true`, deployment('web', NS_A, 1));
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(1);
  });

  it('diff shows live and dry-run result without writing', async () => {
    const res = await admin.post(`${DEPLOYMENTS}/web/diff?namespace=${NS_A}`, deployment('web', NS_A, 5));
    expect(res.status).toBe(200);
    expect(res.body.live.spec.replicas).toBe(1);
    expect(res.body.result.spec.replicas).toBe(5);
    expect((await admin.get(`${DEPLOYMENTS}/web?namespace=${NS_A}`)).body.spec.replicas).toBe(1);
  });

  it('keeps the apiserver errors: 404, 422 with field causes, mismatched bodies rejected before sending', async () => {
    const missing = await admin.get(`${DEPLOYMENTS}/nope?namespace=${NS_A}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'K8S_NOT_FOUND', details: { reason: 'NotFound' } });
    const bad = deployment('Bad_Name', NS_A);
    const invalid = await admin.post(`${DEPLOYMENTS}?namespace=${NS_A}`, bad);
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('K8S_INVALID');
    expect(invalid.body.details.causes[0].field).toBe('metadata.name');
    const wrongKind = await admin.post(`${DEPLOYMENTS}?namespace=${NS_A}`, { ...deployment('x', NS_A), kind: 'StatefulSet' });
    expect(wrongKind.body.code).toBe('VALIDATION_FAILED');
    const wrongNs = await admin.post(`${DEPLOYMENTS}?namespace=${NS_A}`, deployment('x', NS_B));
    expect(wrongNs.body.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/clusters/c1/resources/apps/v1/gizmos')).body.code).toBe('RESOURCE_UNKNOWN');
  });

  it('audits every mutation with cluster, namespace and result', async () => {
    const rows = await query<{ action: string; result: string; namespace: string; target_name: string }>(
      t.db.url,
      `SELECT action, result, namespace, target_name FROM audit_events WHERE cluster = 'c1' AND namespace = $1 ORDER BY id`,
      [NS_A],
    );
    expect(rows.some((r) => r.action === 'k8s.create' && r.target_name === 'web' && r.result === 'allowed')).toBe(true);
    expect(rows.some((r) => r.action === 'k8s.patch' && r.result === 'error')).toBe(true);
  });
});

describe('RBAC on resources', () => {
  let dev: Browser;
  beforeAll(async () => {
    dev = await createUser(t, admin, `dev-${suffix}`);
    await bind(admin, role('developer'), { kind: 'user', id: await userId(admin, `dev-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
  });

  it('an all-namespaces list is filtered to the allowed namespaces: no error, no leak', async () => {
    const res = await dev.get(`${DEPLOYMENTS}?q=${suffix}`);
    expect(res.status).toBe(200);
    expect(res.body.namespaces).toEqual([NS_A]);
    expect(res.body.items.every((d: { metadata: { namespace: string } }) => d.metadata.namespace === NS_A)).toBe(true);
    expect(res.body.items.map((d: { metadata: { name: string } }) => d.metadata.name).sort()).toEqual(['api', 'web']);
  });

  it('an explicit forbidden namespace, a cluster-scoped list and a write elsewhere are 403 and change nothing', async () => {
    expect((await dev.get(`${DEPLOYMENTS}?namespace=${NS_B}`)).status).toBe(403);
    expect((await dev.get(`${DEPLOYMENTS}/db?namespace=${NS_B}`)).status).toBe(403);
    expect((await dev.get('/api/clusters/c1/resources/core/v1/nodes')).status).toBe(403);
    const write = await dev.post(`${DEPLOYMENTS}?namespace=${NS_B}`, deployment('sneaky', NS_B));
    expect(write.status).toBe(403);
    expect((await admin.get(`${DEPLOYMENTS}/sneaky?namespace=${NS_B}`)).status).toBe(404);
    expect((await dev.delete(`${DEPLOYMENTS}/db?namespace=${NS_B}`)).status).toBe(403);
    expect((await admin.get(`${DEPLOYMENTS}/db?namespace=${NS_B}`)).status).toBe(200);
  });

  it('the developer can work in their namespace, including scale', async () => {
    expect((await dev.post(`${DEPLOYMENTS}?namespace=${NS_A}`, deployment('devapp', NS_A))).status).toBe(201);
    const scaled = await dev.agent.put(`${DEPLOYMENTS}/devapp/scale?namespace=${NS_A}`).set('Origin', 'http://wheelhouse.test').send({ replicas: 2 });
    expect(scaled.status).toBe(200);
    expect((await dev.delete(`${DEPLOYMENTS}/devapp?namespace=${NS_A}&propagationPolicy=Foreground`)).status).toBe(200);
  });

  it('a user without any binding in the cluster gets 404 for it, not 403', async () => {
    const stranger = await createUser(t, admin, `stranger-${suffix}`);
    const res = await stranger.get(DEPLOYMENTS);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CLUSTER_NOT_FOUND');
  });
});
