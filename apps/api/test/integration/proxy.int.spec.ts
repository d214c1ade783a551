import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXEC_CONTAINER, podLogLines } from '@wheelhouse/cluster';
import { StreamGuard } from '../../src/proxy/stream-guard.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { query } from '../setup/test-db.js';
import { adminSession, Kubectl, startListeningApp, stream, until, userWithToken, type ProxyTestApp, type Session } from './proxy-harness.js';

/** kubectl itself, against `/k8s/clusters/c1` of a listening console, on the run's real cluster. */
let t: ProxyTestApp;
let admin: Session;
const kubectl = new Kubectl();
const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `px-a-${suffix}`;
const NS_B = `px-b-${suffix}`;
const POD = 'shell';
const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;
let dev: Awaited<ReturnType<typeof userWithToken>>;
let viewer: Awaited<ReturnType<typeof userWithToken>>;
let server: string;

const as = (token: string, ...args: string[]) => kubectl.run([...kubectl.target(t, token), ...args]);

const manifest = (ns: string) => `
apiVersion: v1
kind: Pod
metadata: { name: ${POD}, namespace: ${ns}, labels: { app: shell } }
spec:
  containers:
    - { name: main, image: registry.local/app:1 }
    - { name: ${EXEC_CONTAINER}, image: registry.local/sandbox:1 }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: ${ns} }
data: { mode: proxy }
`;

beforeAll(async () => {
  await kubectl.init();
  t = await startListeningApp();
  server = `${t.base}/k8s/clusters/c1`;
  admin = await adminSession(t);
  const c = inject('clusters')[0]!;
  expect((await admin.post('/api/clusters', { method: 'token', id: 'c1', server: c.server, caData: c.ca, token: c.token })).status).toBe(201);
  for (const ns of [NS_A, NS_B]) {
    expect((await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
  }
  // ServiceAccount admission: pods can be created only once the namespace's default ServiceAccount exists.
  for (const ns of [NS_A, NS_B]) {
    await until(`default SA in ${ns}`, async () => (await admin.get(`/api/clusters/c1/resources/core/v1/serviceaccounts/default?namespace=${ns}`)).status === 200, 60_000);
  }
  dev = await userWithToken(t, admin, `dev-${suffix}`);
  viewer = await userWithToken(t, admin, `viewer-${suffix}`);
  const nsA = { kind: 'namespace', cluster: 'c1', namespace: NS_A };
  expect((await admin.post('/api/rolebindings', { roleId: role('developer'), subject: { kind: 'user', id: dev.id }, scope: nsA })).status).toBe(201);
  expect((await admin.post('/api/rolebindings', { roleId: role('viewer'), subject: { kind: 'user', id: viewer.id }, scope: nsA })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  for (const ns of [NS_A, NS_B]) await admin.delete(`/api/clusters/c1/resources/core/v1/namespaces/${ns}`);
  await t.close();
  await kubectl.cleanup();
});

describe('kubectl through the proxy', () => {
  it('get pods in an allowed namespace; 403 in another one and across all namespaces', async () => {
    const ok = await as(dev.token, 'get', 'pods', '-n', NS_A);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('No resources found');
    const other = await as(dev.token, 'get', 'pods', '-n', NS_B);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/Error from server \(Forbidden\).*cannot list resource "pods".*namespace "px-b-/);
    const all = await as(dev.token, 'get', 'pods', '-A');
    expect(all.code).not.toBe(0);
    expect(all.stderr).toMatch(/Forbidden.*at the cluster scope/);
  });

  it('apply -f creates objects for a developer; a viewer is refused and nothing is created', async () => {
    const denied = await kubectl.run([...kubectl.target(t, viewer.token), 'apply', '-f', '-'], manifest(NS_A));
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/forbidden/i);
    expect((await admin.get(`/api/clusters/c1/resources/core/v1/configmaps/settings?namespace=${NS_A}`)).status).toBe(404);

    const applied = await kubectl.run([...kubectl.target(t, dev.token), 'apply', '-f', '-'], manifest(NS_A));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(`pod/${POD} created`);
    expect(applied.stdout).toContain('configmap/settings created');
    // A second apply is a PATCH (client-side three-way merge): still fine, and still audited.
    const changed = await kubectl.run([...kubectl.target(t, dev.token), 'apply', '-f', '-'], manifest(NS_A).replace('mode: proxy', 'mode: changed'));
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('configmap/settings configured');
    await until('the pod to run', async () => {
      const r = await as(dev.token, 'get', 'pod', POD, '-n', NS_A, '-o', 'jsonpath={.status.phase}');
      return r.stdout === 'Running';
    }, 60_000);
  });

  it('logs: pods/log for the developer and for the viewer', async () => {
    for (const who of [dev, viewer]) {
      const logs = await as(who.token, 'logs', POD, '-n', NS_A, '-c', 'main');
      expect(logs.code, logs.stderr).toBe(0);
      expect(logs.stdout.trim().split('\n')).toEqual(podLogLines);
    }
  });

  it('logs -f streams and stays open', async () => {
    const child = kubectl.spawn([...kubectl.target(t, dev.token), 'logs', '-f', POD, '-n', NS_A, '-c', 'main']);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    try {
      await until('the log lines', () => out.trim().split('\n').length >= podLogLines.length, 10_000);
      expect(out.trim().split('\n').slice(0, podLogLines.length)).toEqual(podLogLines);
      await sleep(1_000);
      expect(child.exitCode).toBeNull(); // still following
    } finally {
      child.kill();
    }
  });

  it('exec: create pods/exec over the WebSocket upgrade for the developer; the viewer is refused before the upgrade', async () => {
    const hi = await as(dev.token, 'exec', POD, '-n', NS_A, '-c', EXEC_CONTAINER, '--', 'echo', 'hi');
    expect(hi.code, hi.stderr).toBe(0);
    expect(hi.stdout).toBe('hi\n');
    const denied = await as(viewer.token, 'exec', POD, '-n', NS_A, '-c', EXEC_CONTAINER, '--', 'echo', 'hi');
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toBe('');
    expect(denied.stderr).toMatch(/forbidden/i);
  });

  it('exec also works over SPDY (kubectl\'s fallback when WebSockets are off)', async () => {
    kubectl.extraEnv = { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' };
    try {
      const out = await as(dev.token, 'exec', POD, '-n', NS_A, '-c', EXEC_CONTAINER, '-v=6', '--', 'echo', 'spdy');
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toBe('spdy\n');
      expect(out.stderr).toMatch(/verb="POST" url="[^"]*\/exec\?[^"]*" status="101 Switching Protocols"/);
    } finally {
      kubectl.extraEnv = {};
    }
  });

  it('an exec whose authorization and audit take longer than a second is not cut by socket.io', async () => {
    // Hold the audit table so the exec's opening audit row waits 2.5 s: engine.io ends foreign upgrade sockets
    // that are still silent after 1 s, unless the proxy takes /k8s upgrades first.
    const db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');
      const exec = as(dev.token, 'exec', POD, '-n', NS_A, '-c', EXEC_CONTAINER, '--', 'echo', 'slow');
      await sleep(2_500);
      await db.query('COMMIT');
      const out = await exec;
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toBe('slow\n');
    } finally {
      await db.end();
    }
  });

  it('a running exec session ends within the re-authorization period once the binding is removed', async () => {
    t.app.get(StreamGuard).reauthorizeMs = 300;
    const execer = await userWithToken(t, admin, `execer-${suffix}`);
    const binding = await admin.post('/api/rolebindings', { roleId: role('developer'), subject: { kind: 'user', id: execer.id }, scope: { kind: 'namespace', cluster: 'c1', namespace: NS_A } });
    expect(binding.status).toBe(201);
    const child = kubectl.spawn([...kubectl.target(t, execer.token), 'exec', POD, '-n', NS_A, '-c', EXEC_CONTAINER, '--', 'sh', '-c', 'echo started; sleep 20']);
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until('the exec to start', () => out.includes('started'), 15_000);
      expect((await admin.delete(`/api/rolebindings/${binding.body.id}`)).status).toBe(204);
      const started = Date.now();
      expect(await exited).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(5_000);
      await until('the closing audit row', async () => {
        const rows = await query<{ details: Record<string, unknown> }>(t.db.url, `SELECT details FROM audit_events WHERE actor_name = $1 AND status = 101`, [`execer-${suffix}`]);
        return rows.length === 1 && rows[0]!.details.endedBy === 'revocation';
      }, 5_000);
    } finally {
      child.kill();
      t.app.get(StreamGuard).reauthorizeMs = 15_000;
    }
  });

  it('watch: kubectl get -w and a raw watch stream deliver a change made elsewhere', async () => {
    const cm = (name: string) => admin.post(`/api/clusters/c1/resources/core/v1/configmaps?namespace=${NS_A}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    expect((await cm(`early-${suffix}`)).status).toBe(201);
    const child = kubectl.spawn([...kubectl.target(t, dev.token), 'get', 'configmaps', '-n', NS_A, '-w', '-o', 'name']);
    let seen = '';
    child.stdout!.on('data', (c: Buffer) => (seen += c.toString()));
    let errs = '';
    child.stderr!.on('data', (c: Buffer) => (errs += c.toString()));
    const raw = stream(t, `/k8s/clusters/c1/api/v1/namespaces/${NS_A}/configmaps?watch=1`, { Authorization: `Bearer ${dev.token}` });
    try {
      await until('both watches to start', () => seen.includes(`configmap/early-${suffix}`) && raw.text.includes(`"name":"early-${suffix}"`));
      expect((await cm(`late-${suffix}`)).status).toBe(201);
      await until('the raw stream to carry the ADDED event', () => raw.text.includes('"type":"ADDED"') && raw.text.includes(`"name":"late-${suffix}"`), 10_000);
      await until(`kubectl -w to print the new ConfigMap (printed: ${JSON.stringify(seen)} ${errs})`, () => seen.includes(`configmap/late-${suffix}`), 10_000);
    } finally {
      child.kill();
      raw.close();
    }
  });

  it('kubeconfig download works end to end with kubectl, with a new 8-hour token', async () => {
    const res = await dev.session.get('/api/clusters/c1/kubeconfig');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/yaml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="wheelhouse-c1.kubeconfig"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain(`server: ${server}`);
    expect(res.text).not.toContain('certificate-authority');
    const expires = new Date(res.headers['x-token-expires-at'] as string).getTime() - Date.now();
    expect(expires).toBeGreaterThan(7.9 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(8 * 3_600_000);
    const file = join(tmpdir(), `wh-kubeconfig-${suffix}`);
    await writeFile(file, res.text, { mode: 0o600 });
    // The file as downloaded; only the TLS front's throwaway CA is added (a real console has a trusted certificate).
    const pods = await kubectl.run(['--kubeconfig', file, '--certificate-authority', t.caFile, 'get', 'pods', '-n', NS_A, '-o', 'name']);
    expect(pods.code, pods.stderr).toBe(0);
    expect(pods.stdout.trim()).toBe(`pod/${POD}`);
    const minted = await query<{ action: string; target_name: string }>(t.db.url, `SELECT action, target_name FROM audit_events WHERE action = 'token.create' AND target_name LIKE 'kubeconfig c1 %'`);
    expect(minted).toHaveLength(1);
  });

  it('kubeconfig: not with a token, not cross-site, not for a cluster the caller cannot see', async () => {
    const byToken = await request(t.server).get('/api/clusters/c1/kubeconfig').set('Authorization', `Bearer ${dev.token}`);
    expect(byToken.status).toBe(403);
    expect((await dev.session.get('/api/clusters/c1/kubeconfig').set('Sec-Fetch-Site', 'cross-site')).status).toBe(403);
    const stranger = await userWithToken(t, admin, `stranger-${suffix}`);
    const hidden = await stranger.session.get('/api/clusters/c1/kubeconfig');
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('CLUSTER_NOT_FOUND');
    // …and the proxy answers the same 404 for it, so cluster ids do not leak.
    const get = await as(stranger.token, 'get', 'pods', '-n', NS_A);
    expect(get.code).not.toBe(0);
  });

  it('audits proxied mutations and exec (with byte counts), never reads, never the token', async () => {
    const rows = await query<{ action: string; result: string; status: number | null; target_type: string; target_name: string | null; namespace: string; actor_name: string; via_token: boolean; details: Record<string, unknown> }>(
      t.db.url,
      `SELECT action, result, status, target_type, target_name, namespace, actor_name, via_token, details FROM audit_events WHERE action LIKE 'proxy.%' AND cluster = 'c1' ORDER BY id`,
    );
    const summary = rows.map((r) => `${r.actor_name.split('-')[0]} ${r.action} ${r.target_type} ${r.target_name ?? ''} ${r.result} ${r.status ?? ''}`.replace(/\s+/g, ' ').trim());
    expect(summary).toEqual(
      expect.arrayContaining([
        'viewer proxy.create core/pods denied 403',
        'dev proxy.create core/pods allowed',
        'dev proxy.create core/pods success 201',
        'dev proxy.create core/configmaps success 201',
        'dev proxy.patch core/configmaps settings success 200',
        `dev proxy.create core/pods/exec ${POD} allowed`,
        `dev proxy.create core/pods/exec ${POD} success 101`,
        `viewer proxy.create core/pods/exec ${POD} denied 403`,
      ]),
    );
    expect(rows.every((r) => r.via_token && r.namespace === NS_A)).toBe(true);
    expect(rows.some((r) => /proxy\.(get|list|watch)/.test(r.action))).toBe(false);
    const exec = rows.find((r) => r.target_type === 'core/pods/exec' && r.status === 101)!;
    expect(exec.details).toMatchObject({ upgrade: true, bytesIn: expect.any(Number), bytesOut: expect.any(Number) });
    expect(exec.details.bytesOut as number).toBeGreaterThan(0);
    const all = JSON.stringify(await query(t.db.url, 'SELECT * FROM audit_events'));
    for (const token of [dev.token, viewer.token]) expect(all).not.toContain(token);
  });
});
