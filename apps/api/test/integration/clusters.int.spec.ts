import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
let admin: Browser;
const clusters = inject('clusters');

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => t.close());

/** The harness kubeconfig with one extra context whose user runs an exec plugin that would leave a marker file. */
function kubeconfigWithExecPlugin(marker: string): string {
  const doc = parse(clusters[0]!.kubeconfigYaml) as { users: unknown[]; contexts: unknown[]; clusters: { name: string }[] };
  doc.users.push({ name: 'plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: '/bin/sh', args: ['-c', `touch ${marker}`] } } });
  doc.contexts.push({ name: 'exec-ctx', context: { cluster: doc.clusters[0]!.name, user: 'plugin' } });
  return stringify(doc);
}

describe('cluster registry', () => {
  it('offers the contexts of the console machine\'s own kubeconfig for import (never silently)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wh-local-kc-'));
    const file = join(dir, 'config');
    await writeFile(file, clusters[1]!.kubeconfigYaml);
    const before = process.env.KUBECONFIG;
    process.env.KUBECONFIG = file;
    try {
      const offered = await admin.get('/api/clusters/local-kubeconfig');
      expect(offered.status).toBe(200);
      const usable = offered.body.contexts.filter((c: { authType: string | null }) => c.authType);
      expect(usable.length).toBeGreaterThan(0);
      expect((await admin.get('/api/clusters')).body.items.map((c: { id: string }) => c.id)).not.toContain('local');
      const imported = await admin.post('/api/clusters', { method: 'localKubeconfig', id: 'local', context: usable[0].name });
      expect(imported.status).toBe(201);
      expect(imported.body.health.state).toBe('ok');
      const after = await admin.get('/api/clusters/local-kubeconfig');
      expect(after.body.contexts.find((c: { server: string }) => c.server === clusters[1]!.server)).toBeUndefined();
      const plain = await createUser(t, admin, 'no-local');
      expect((await plain.get('/api/clusters/local-kubeconfig')).status).toBe(403);
    } finally {
      if (before === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = before;
    }
  });

  it('registers a cluster by URL + CA + token, reports health, and never returns or stores the token in clear', async () => {
    const res = await registerCluster(admin, 'c1');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'c1', authType: 'token', health: { state: 'ok', nodes: 2, readyNodes: 2 } });
    expect(res.body.health.version).toMatch(/^v1\.36\./);
    expect(JSON.stringify(res.body)).not.toContain(clusters[0]!.token);
    expect(JSON.stringify((await admin.get('/api/clusters/c1')).body)).not.toContain(clusters[0]!.token);
    const [row] = await query<{ credentials: string }>(t.db.url, `SELECT credentials FROM clusters WHERE id = 'c1'`);
    expect(row!.credentials).toMatch(/^v1:/);
    expect(row!.credentials).not.toContain(clusters[0]!.token);
    expect((await registerCluster(admin, 'c1')).body.code).toBe('CLUSTER_EXISTS');
  });

  it('imports a kubeconfig: the exec-plugin context is refused and the plugin never runs; a cert context imports', async () => {
    const marker = join(tmpdir(), `wheelhouse-exec-marker-${process.pid}`);
    const kubeconfig = kubeconfigWithExecPlugin(marker);
    const preview = await admin.post('/api/clusters/kubeconfig/preview', { kubeconfig });
    expect(preview.status).toBe(200);
    const execCtx = preview.body.contexts.find((c: { name: string }) => c.name === 'exec-ctx');
    expect(execCtx).toMatchObject({ authType: null, dropped: ['user.exec'] });
    expect(execCtx.problems.join()).toMatch(/exec plugin/);
    const refused = await admin.post('/api/clusters', { method: 'kubeconfig', id: 'via-exec', kubeconfig, context: 'exec-ctx' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('KUBECONFIG_UNSUPPORTED_AUTH');
    const certCtx = preview.body.contexts.find((c: { authType: string }) => c.authType === 'clientCertificate');
    const imported = await admin.post('/api/clusters', { method: 'kubeconfig', id: 'via-kubeconfig', kubeconfig, context: certCtx.name });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ authType: 'clientCertificate', health: { state: 'ok' } });
    expect(existsSync(marker)).toBe(false);
  });

  it('registers with a client certificate directly, and refuses in-cluster mode outside Kubernetes', async () => {
    const preview = (await admin.post('/api/clusters/kubeconfig/preview', { kubeconfig: clusters[1]!.kubeconfigYaml })).body;
    expect(preview.contexts.length).toBeGreaterThan(0);
    const doc = parse(clusters[1]!.kubeconfigYaml) as { users: { user: Record<string, string> }[] };
    const user = doc.users.find((u) => u.user['client-certificate-data'])!.user;
    const res = await admin.post('/api/clusters', {
      method: 'clientCertificate',
      id: 'c2',
      server: clusters[1]!.server,
      caData: clusters[1]!.ca,
      certData: Buffer.from(user['client-certificate-data']!, 'base64').toString(),
      keyData: Buffer.from(user['client-key-data']!, 'base64').toString(),
    });
    expect(res.status).toBe(201);
    expect(res.body.health).toMatchObject({ state: 'ok', nodes: 1 });
    expect((await admin.post('/api/clusters', { method: 'inCluster', id: 'home' })).body.code).toBe('IN_CLUSTER_UNAVAILABLE');
  });

  it('refuses metadata/link-local URLs and unconfirmed insecure contexts; a wrong token is reported unauthorized', async () => {
    const metadata = await admin.post('/api/clusters', { method: 'token', id: 'meta', server: 'http://169.254.169.254', token: 'x' });
    expect(metadata.status).toBe(400);
    expect(metadata.body.code).toBe('CLUSTER_URL_FORBIDDEN');
    const doc = parse(clusters[0]!.kubeconfigYaml) as { clusters: { cluster: Record<string, unknown> }[]; 'current-context': string };
    doc.clusters[0]!.cluster['insecure-skip-tls-verify'] = true;
    const insecure = await admin.post('/api/clusters', { method: 'kubeconfig', id: 'insecure', kubeconfig: stringify(doc), context: doc['current-context'] });
    expect(insecure.body.code).toBe('INSECURE_NOT_CONFIRMED');
    const wrong = await admin.post('/api/clusters', { method: 'token', id: 'wrong-token', server: clusters[0]!.server, caData: clusters[0]!.ca, token: 'not-the-token' });
    expect(wrong.status).toBe(201);
    expect(wrong.body.health.state).toBe('unauthorized');
    expect(await query(t.db.url, `SELECT 1 FROM clusters WHERE id IN ('meta', 'insecure')`)).toHaveLength(0);
  });

  it('shows clusters only to users with access, and removing a cluster removes its bindings', async () => {
    const dev = await createUser(t, admin, 'cluster-dev');
    const devId = await userId(admin, 'cluster-dev');
    expect((await dev.get('/api/clusters')).body.items).toEqual([]);
    expect((await dev.get('/api/clusters/c1')).status).toBe(404);
    const developer = BUILT_IN_ROLES.find((r) => r.name === 'developer')!.id;
    await bind(admin, developer, { kind: 'user', id: devId }, { kind: 'namespace', cluster: 'wrong-token', namespace: 'x' });
    expect((await dev.get('/api/clusters')).body.items.map((c: { id: string }) => c.id)).toEqual(['wrong-token']);
    expect((await dev.delete('/api/clusters/wrong-token')).status).toBe(403);
    expect((await admin.delete('/api/clusters/wrong-token')).status).toBe(204);
    expect(await query(t.db.url, `SELECT 1 FROM role_bindings WHERE cluster_id = 'wrong-token'`)).toHaveLength(0);
    expect((await dev.get('/api/clusters')).body.items).toEqual([]);
  });
});
