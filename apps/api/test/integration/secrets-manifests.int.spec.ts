import { SECRET_MASK, type WatchAck } from '@wheelhouse/shared';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ORIGIN, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { nextEvent, type WSocket } from '../setup/live-events.js';
import { query } from '../setup/test-db.js';

const suffix = Math.random().toString(36).slice(2, 7);
const NS = `sm-${suffix}`;
const OTHER = `sm-other-${suffix}`;
const SECRETS = '/api/clusters/c1/resources/core/v1/secrets';
const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
const VALUE = Buffer.from('s3cr3t-value').toString('base64');
const secret = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: NS, annotations: { [LAST]: JSON.stringify({ data: { password: VALUE } }) } },
  type: 'Opaque',
  data: { password: VALUE, user: Buffer.from('admin').toString('base64') },
});
type Audit = { action: string; result: string; target_name: string; namespace: string; actor_name: string; details: unknown };
const auditOf = (t: TestApp, requestId: string) =>
  query<Audit>(t.db.url, 'SELECT action, result, target_name, namespace, actor_name, details FROM audit_events WHERE request_id = $1', [requestId]);

let t: TestApp;
let admin: Browser;
let limited: Browser;
const sockets: WSocket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS, OTHER]) expect((await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
  expect((await admin.post(`${SECRETS}?namespace=${NS}`, secret('db'))).status).toBe(201);
  // A namespace-limited user: may list, watch and create Secrets (and create ConfigMaps) in NS, but not get them.
  limited = await createUser(t, admin, 'sm-limited');
  const role = await admin.post('/api/roles', {
    name: `sm-list-secrets-${suffix}`,
    scope: 'namespace',
    rules: [
      { verbs: ['list', 'watch', 'create'], apiGroups: [''], resources: ['secrets'] },
      { verbs: ['create', 'get', 'list'], apiGroups: [''], resources: ['configmaps'] },
    ],
  });
  expect(role.status).toBe(201);
  expect((await bind(admin, role.body.id as string, { kind: 'user', id: await userId(admin, 'sm-limited') }, { kind: 'namespace', cluster: 'c1', namespace: NS })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.close();
});

async function open(b: Browser): Promise<WSocket> {
  const me = await b.get('/api/auth/me');
  const cookie = (me.request as unknown as { cookies: string }).cookies;
  const s: WSocket = connect(`http://127.0.0.1:${(t.server.address() as AddressInfo).port}`, { path: '/socket.io', transports: ['websocket'], extraHeaders: { Origin: ORIGIN, Cookie: cookie }, reconnection: false });
  sockets.push(s);
  await new Promise((resolve, reject) => (s.once('connect', () => resolve(undefined)), s.once('connect_error', reject)));
  return s;
}

describe('Secret values are masked on every read path', () => {
  it('list, GET and the live channel (sync and deltas) carry the mask only', async () => {
    for (const b of [admin, limited]) {
      const list = await b.get(`${SECRETS}?namespace=${NS}`);
      expect(list.status).toBe(200);
      const db = (list.body.items as { metadata: { name: string } }[]).find((o) => o.metadata.name === 'db')!;
      expect(db).toMatchObject({ data: { password: SECRET_MASK, user: SECRET_MASK }, metadata: { annotations: { [LAST]: SECRET_MASK } } });
      expect(JSON.stringify(list.body)).not.toContain(VALUE);
    }
    const one = await admin.get(`${SECRETS}/db?namespace=${NS}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual({ password: SECRET_MASK, user: SECRET_MASK });
    expect(JSON.stringify(one.body)).not.toContain(VALUE);
    expect((await limited.get(`${SECRETS}/db?namespace=${NS}`)).status).toBe(403);

    const s = await open(limited);
    const sync = nextEvent(s, 'sync', () => true);
    const ack = (await (s as Socket).emitWithAck('watch', { cluster: 'c1', group: 'core', version: 'v1', resource: 'secrets', namespace: NS })) as WatchAck;
    expect(ack).toMatchObject({ ok: true });
    const synced = await sync;
    expect(JSON.stringify(synced.items)).not.toContain(VALUE);
    expect(synced.items).toEqual(expect.arrayContaining([expect.objectContaining({ data: { password: SECRET_MASK, user: SECRET_MASK } })]));
    const delta = nextEvent(s, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === 'live'));
    expect((await admin.post(`${SECRETS}?namespace=${NS}`, secret('live'))).status).toBe(201);
    const event = (await delta).events.find((e) => (e.object as { metadata: { name: string } }).metadata.name === 'live')!;
    expect(event.object).toMatchObject({ data: { password: SECRET_MASK, user: SECRET_MASK }, metadata: { annotations: { [LAST]: SECRET_MASK } } });
    expect(JSON.stringify(event)).not.toContain(VALUE);
  });

  it('PUT of a masked Secret is refused with SECRET_MASKED and changes nothing', async () => {
    const masked = (await admin.get(`${SECRETS}/db?namespace=${NS}`)).body;
    const res = await admin.agent.put(`${SECRETS}/db?namespace=${NS}`).set('Origin', ORIGIN).send(masked);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SECRET_MASKED');
    const apply = await admin.patch(`${SECRETS}/db?namespace=${NS}&force=true`, { ...secret('db'), data: { password: SECRET_MASK } });
    expect(apply.body.code).toBe('SECRET_MASKED');
    const revealed = await admin.post(`${SECRETS}/db/reveal?namespace=${NS}`);
    expect(revealed.body.data.password).toBe(VALUE);
  });

  it('a write answers with the values only to those who may get the Secret', async () => {
    const mine = await limited.post(`${SECRETS}?namespace=${NS}`, secret('made-by-limited'));
    expect(mine.status).toBe(201);
    expect(mine.body.data).toEqual({ password: SECRET_MASK, user: SECRET_MASK });
    expect(JSON.stringify(mine.body)).not.toContain(VALUE);
    const admins = await admin.post(`${SECRETS}?namespace=${NS}&dryRun=true`, secret('made-by-admin'));
    expect(admins.status).toBe(201);
    expect(admins.body.data.password).toBe(VALUE);
  });
});

describe('reveal', () => {
  it('an admin gets the real data; the audit row names the Secret and holds no value', async () => {
    const res = await admin.post(`${SECRETS}/db/reveal?namespace=${NS}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { password: VALUE, user: Buffer.from('admin').toString('base64') } });
    const rows = await auditOf(t, res.headers['x-request-id'] as string);
    expect(rows).toEqual([{ action: 'k8s.secret.reveal', result: 'success', target_name: 'db', namespace: NS, actor_name: 'admin', details: { keys: ['password', 'user'] } }]);
    expect(JSON.stringify(rows)).not.toContain(VALUE);
  });

  it('a user with list/watch but not get on secrets is refused (403) and audited as denied', async () => {
    const res = await limited.post(`${SECRETS}/db/reveal?namespace=${NS}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.body)).not.toContain(VALUE);
    const rows = await auditOf(t, res.headers['x-request-id'] as string);
    expect(rows.map((r) => `${r.action} ${r.result} ${r.actor_name} ${r.target_name}`)).toEqual(['k8s.secret.reveal denied sm-limited db']);
  });

  it('needs a namespace', async () => {
    expect((await admin.post(`${SECRETS}/db/reveal`)).status).toBe(400);
  });
});

const manifest = (ns: string, extra = '') =>
  [
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m-cm\n  namespace: ${ns}\ndata:\n  k: v`,
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: m-secret\n  namespace: ${ns}\nstringData:\n  token: abc`,
    `apiVersion: example.com/v1\nkind: NoSuchKind\nmetadata:\n  name: x\n  namespace: ${ns}`,
    extra,
  ].join('\n---\n');

describe('create from a multi-document manifest', () => {
  const post = (b: Browser, yaml: string, qs = '') => b.post(`/api/clusters/c1/manifests${qs}`, { yaml });

  it('a dry run validates every document and creates nothing', async () => {
    const res = await post(admin, manifest(NS), '?dryRun=All');
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect((await admin.get(`/api/clusters/c1/resources/core/v1/configmaps/m-cm?namespace=${NS}`)).status).toBe(404);
    expect((await admin.get(`${SECRETS}/m-secret?namespace=${NS}`)).status).toBe(404);
  });

  it('ConfigMap + Secret + an unknown kind: two created, one error, each with its own result', async () => {
    const res = await post(admin, manifest(NS));
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { index: 0, kind: 'ConfigMap', name: 'm-cm', namespace: NS, group: 'core', version: 'v1', resource: 'configmaps', ok: true },
      { index: 1, kind: 'Secret', name: 'm-secret', namespace: NS, group: 'core', version: 'v1', resource: 'secrets', ok: true },
      { index: 2, kind: 'NoSuchKind', name: 'x', namespace: NS, group: null, version: null, resource: null, ok: false, code: 'RESOURCE_UNKNOWN', message: expect.any(String) },
    ]);
    expect((await admin.get(`/api/clusters/c1/resources/core/v1/configmaps/m-cm?namespace=${NS}`)).body.data).toEqual({ k: 'v' });
    expect((await admin.post(`${SECRETS}/m-secret/reveal?namespace=${NS}`)).body.data).toEqual({ token: Buffer.from('abc').toString('base64') });
    const rows = await query<{ action: string; target_name: string }>(t.db.url, "SELECT action, target_name FROM audit_events WHERE request_id = $1 AND action = 'k8s.create' ORDER BY id", [res.headers['x-request-id']]);
    expect(rows.map((r) => r.target_name)).toEqual(['m-cm', 'm-secret']);

    // Again: AlreadyExists is a Kubernetes Status, reported per document.
    const again = await post(admin, manifest(NS));
    expect(again.body.results.map((r: { code?: string }) => r.code ?? 'ok')).toEqual(['K8S_CONFLICT', 'K8S_CONFLICT', 'RESOURCE_UNKNOWN']);
    expect(again.body.results[0].message).toMatch(/already exists/);
  });

  it('the default namespace comes from the query; a forbidden namespace and a broken document fail alone', async () => {
    const yaml = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lim-ok\ndata:\n  k: v',
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lim-other\n  namespace: ${OTHER}`,
      'key: [unclosed',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lim-ok-2',
    ].join('\n---\n');
    const res = await post(limited, yaml, `?namespace=${NS}`);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean; code?: string; namespace: string | null }) => `${r.namespace}:${r.ok ? 'ok' : r.code}`)).toEqual([
      `${NS}:ok`,
      `${OTHER}:FORBIDDEN`,
      'null:VALIDATION_FAILED',
      `${NS}:ok`,
    ]);
    expect((await admin.get(`/api/clusters/c1/resources/core/v1/configmaps/lim-other?namespace=${OTHER}`)).status).toBe(404);
    expect((await limited.get(`/api/clusters/c1/resources/core/v1/configmaps/lim-ok-2?namespace=${NS}`)).status).toBe(200);
  });

  it('refuses a body that is not a manifest request', async () => {
    expect((await admin.post('/api/clusters/c1/manifests', { yaml: '' })).status).toBe(400);
    expect((await admin.post('/api/clusters/c1/manifests', { yaml: 'a: b', more: 1 })).status).toBe(400);
  });
});
