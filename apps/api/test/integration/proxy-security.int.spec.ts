import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StreamGuard } from '../../src/proxy/stream-guard.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { query } from '../setup/test-db.js';
import { adminSession, raw, startListeningApp, stream, until, userWithToken, type ProxyTestApp, type Session } from './proxy-harness.js';

/** The proxy's walls: authentication, fail-closed paths, identity headers, scope, revocation, cluster isolation. */
let t: ProxyTestApp;
let admin: Session;
let adminToken: string;
const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `pxs-a-${suffix}`;
const NS_B = `pxs-b-${suffix}`;
const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;
type User = Awaited<ReturnType<typeof userWithToken>>;
let dev: User;
let nsAdmin: User;
const C1 = '/k8s/clusters/c1';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function bindIn(user: User, roleName: string, namespace: string): Promise<string> {
  const res = await admin.post('/api/rolebindings', { roleId: role(roleName), subject: { kind: 'user', id: user.id }, scope: { kind: 'namespace', cluster: 'c1', namespace } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  t = await startListeningApp();
  admin = await adminSession(t);
  adminToken = (await admin.post('/api/tokens', { name: 'admin-kubectl', expiresInDays: 1 })).body.token as string;
  const [c1, c2] = inject('clusters');
  expect((await admin.post('/api/clusters', { method: 'token', id: 'c1', server: c1!.server, caData: c1!.ca, token: c1!.token })).status).toBe(201);
  expect((await admin.post('/api/clusters', { method: 'token', id: 'c2', server: c2!.server, caData: c2!.ca, token: c2!.token })).status).toBe(201);
  for (const ns of [NS_A, NS_B]) {
    expect((await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
  }
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'crown-jewels' }, stringData: { password: `hunter2-${suffix}` } };
  expect((await admin.post(`/api/clusters/c1/resources/core/v1/secrets?namespace=${NS_B}`, secret)).status).toBe(201);
  dev = await userWithToken(t, admin, `dev-${suffix}`);
  nsAdmin = await userWithToken(t, admin, `nsadmin-${suffix}`);
  await bindIn(dev, 'developer', NS_A);
  await bindIn(nsAdmin, 'namespace-admin', NS_A);
}, 120_000);

afterAll(async () => {
  for (const ns of [NS_A, NS_B]) await admin.delete(`/api/clusters/c1/resources/core/v1/namespaces/${ns}`);
  await t.close();
});

describe('authentication: API tokens only', () => {
  const paths = [`${C1}/api/v1/namespaces/${NS_A}/pods`, `${C1}/version`, '/k8s/clusters/nope/api', `${C1}/api/v1/nodes/n1/proxy`, `${C1}/../../api/users`, '/k8s', '/k8s/whatever'];

  it('no token, a malformed or unknown token, or a session cookie alone: 401 for every method', async () => {
    const login = await raw(t, 'POST', '/api/auth/login', { 'Content-Type': 'application/json', Origin: t.base }, JSON.stringify({ username: 'admin', password: 'integration-admin-pw-1' }));
    const cookie = (login.headers['set-cookie'] ?? [])[0]!.split(';')[0]!;
    expect(cookie).toMatch(/wh_session=/);
    const variants: Record<string, string>[] = [{}, { Cookie: cookie }, { Authorization: 'Bearer wht_unknown' }, { Authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` }, { Authorization: adminToken }];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        for (const headers of variants) {
          const res = await raw(t, method, path, { ...headers, Origin: t.base });
          expect(`${method} ${path} ${Object.keys(headers).join()} → ${res.status}`).toBe(`${method} ${path} ${Object.keys(headers).join()} → 401`);
        }
      }
    }
  });

  it('upgrades without a token are refused before anything reaches the cluster', async () => {
    const res = await raw(t, 'GET', `${C1}/api/v1/namespaces/${NS_A}/pods/x/exec?command=sh`, { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' });
    expect(res.status).toBe(401);
  });

  it('a revoked token stops working at once', async () => {
    const s = await userWithToken(t, admin, `revoked-${suffix}`);
    await bindIn(s, 'viewer', NS_A);
    expect((await raw(t, 'GET', `${C1}/api/v1/namespaces/${NS_A}/pods`, bearer(s.token))).status).toBe(200);
    const id = ((await s.session.get('/api/tokens')).body.items as { id: string }[])[0]!.id;
    expect((await s.session.delete(`/api/tokens/${id}`)).status).toBe(204);
    expect((await raw(t, 'GET', `${C1}/api/v1/namespaces/${NS_A}/pods`, bearer(s.token))).status).toBe(401);
  });

  it('a removed binding stops working on the next request, a disabled user at once', async () => {
    const s = await userWithToken(t, admin, `unbound-${suffix}`);
    const binding = await bindIn(s, 'viewer', NS_A);
    const pods = `${C1}/api/v1/namespaces/${NS_A}/pods`;
    expect((await raw(t, 'GET', pods, bearer(s.token))).status).toBe(200);
    expect((await admin.delete(`/api/rolebindings/${binding}`)).status).toBe(204);
    // Now the cluster is hidden from them as well: 404 (no existence oracle), never the pods.
    expect((await raw(t, 'GET', pods, bearer(s.token))).status).toBe(404);
    await bindIn(s, 'viewer', NS_A);
    expect((await raw(t, 'GET', pods, bearer(s.token))).status).toBe(200);
    expect((await admin.patch(`/api/users/${s.id}`, { disabled: true })).status).toBe(200);
    expect((await raw(t, 'GET', pods, bearer(s.token))).status).toBe(401);
  });
});

describe('paths are parsed fail-closed, before the cluster is contacted', () => {
  it.each([
    `${C1}/api/v1/namespaces/${NS_A}/pods/../../../namespaces/${NS_B}/secrets`,
    `${C1}/api/v1/namespaces/${NS_A}/pods/%2e%2e/%2e%2e/%2e%2e/namespaces/${NS_B}/secrets`,
    `${C1}/api/v1/namespaces/${NS_A}/pods/%2E%2E%2F..%2Fnamespaces%2F${NS_B}%2Fsecrets`,
    `${C1}/api/v1/namespaces/${NS_A}/pods/%252e%252e/%252e%252e/namespaces/${NS_B}/secrets`,
    `${C1}/api/v1/namespaces/${NS_A}//../namespaces/${NS_B}/secrets`,
    `${C1}//api/v1/namespaces/${NS_B}/secrets`,
    `${C1}/api/v1/namespaces/${NS_A}/pods\\..\\..\\namespaces\\${NS_B}\\secrets`,
    `${C1}/api/v1/namespaces/${NS_A}/configmaps;/../../${NS_B}/secrets`,
    `${C1}/api/v1/namespaces/${NS_A}/configmaps%00/../../${NS_B}/secrets`,
  ])('traversal %s → 400, no secret', async (path) => {
    const res = await raw(t, 'GET', path, bearer(dev.token));
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('hunter2');
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
  });

  it.each([
    ['nodes/proxy', '/api/v1/nodes/NODE/proxy/configz'],
    ['services/proxy', '/api/v1/namespaces/default/services/kubernetes/proxy/healthz'],
    ['services/proxy (no trailing path)', '/api/v1/namespaces/default/services/https:kubernetes:443/proxy'],
    ['pods/proxy', `/api/v1/namespaces/${NS_A}/pods/x/proxy`],
    ['/metrics', '/metrics'],
    ['/logs', '/logs/kube-apiserver.log'],
  ])('%s → 403 even for a console admin', async (_, path) => {
    const res = await raw(t, 'GET', `${C1}${path}`, bearer(adminToken));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  });

  it('a cluster-scoped resource through a namespaced URL is 404, even where the caller may do everything (CVE-2019-11247)', async () => {
    const res = await raw(t, 'GET', `${C1}/apis/rbac.authorization.k8s.io/v1/namespaces/${NS_A}/clusterroles/cluster-admin`, bearer(nsAdmin.token));
    expect(res.status).toBe(404);
    // …while the same user's namespaced requests go through.
    expect((await raw(t, 'GET', `${C1}/apis/rbac.authorization.k8s.io/v1/namespaces/${NS_A}/roles`, bearer(nsAdmin.token))).status).toBe(200);
    expect((await raw(t, 'GET', `${C1}/apis/rbac.authorization.k8s.io/v1/clusterroles/cluster-admin`, bearer(nsAdmin.token))).status).toBe(403);
  });
});

describe('identity and pass-through', () => {
  it('client Impersonate-* headers are stripped: the cluster sees the console credential', async () => {
    const review = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    const path = `${C1}/apis/authentication.k8s.io/v1/selfsubjectreviews`;
    const plain = await raw(t, 'POST', path, { ...bearer(adminToken), 'Content-Type': 'application/json' }, review);
    expect(plain.status).toBe(201);
    const consoleIdentity = JSON.parse(plain.body).status.userInfo.username as string;
    expect(consoleIdentity).toBe('wheelhouse-admin-token');
    const spoofed = await raw(
      t,
      'POST',
      path,
      {
        ...bearer(adminToken),
        'Content-Type': 'application/json',
        'Impersonate-User': 'system:anonymous',
        'IMPERSONATE-GROUP': 'system:unauthenticated',
        'impersonate-uid': 'x',
        'Impersonate-Extra-Scopes': 'none',
        'X-Remote-User': 'mallory',
        Connection: 'keep-alive, Impersonate-User',
      },
      review,
    );
    expect(spoofed.status).toBe(201);
    expect(JSON.parse(spoofed.body).status.userInfo).toMatchObject({ username: consoleIdentity, groups: expect.not.arrayContaining(['system:unauthenticated']) });
    // A developer's read with an impersonation header still works (as system:anonymous it would be 403 upstream).
    const pods = await raw(t, 'GET', `${C1}/api/v1/namespaces/${NS_A}/pods`, { ...bearer(dev.token), 'Impersonate-User': 'system:anonymous' });
    expect(pods.status).toBe(200);
  });

  it("keeps the apiserver's status codes and Status bodies, and streams request bodies unparsed (server-side apply YAML)", async () => {
    const missing = await raw(t, 'GET', `${C1}/api/v1/namespaces/${NS_A}/pods/nope`, bearer(dev.token));
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nope" not found' });
    expect(missing.headers['audit-id']).toBeDefined();
    const yaml = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: ${NS_A}\ndata:\n  note: "from yaml"\n`;
    const applied = await raw(t, 'PATCH', `${C1}/api/v1/namespaces/${NS_A}/configmaps/ssa?fieldManager=kubectl&fieldValidation=Strict`, { ...bearer(dev.token), 'Content-Type': 'application/apply-patch+yaml' }, yaml);
    expect(applied.status, applied.body).toBe(201);
    expect(JSON.parse(applied.body).data).toEqual({ note: 'from yaml' });
    const invalid = await raw(t, 'POST', `${C1}/api/v1/namespaces/${NS_A}/configmaps`, { ...bearer(dev.token), 'Content-Type': 'application/json' }, '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}');
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({ kind: 'Status', reason: 'Invalid' });
    const rows = await query<{ result: string; status: number }>(t.db.url, `SELECT result, status FROM audit_events WHERE action = 'proxy.create' AND target_type = 'core/configmaps' AND status = 422`);
    expect(rows).toEqual([{ result: 'failure', status: 422 }]);
  });

  it('discovery is open to anyone who can see the cluster; a grant in c1 gives nothing in c2', async () => {
    for (const path of ['/version', '/api', '/apis', '/api/v1', '/apis/apps/v1', '/openapi/v2']) {
      expect((await raw(t, 'GET', `${C1}${path}`, bearer(dev.token))).status).toBe(200);
    }
    const other = await raw(t, 'GET', '/k8s/clusters/c2/version', bearer(dev.token));
    expect(other.status).toBe(404);
    expect((await raw(t, 'GET', '/k8s/clusters/c2/version', bearer(adminToken))).status).toBe(200);
  });
});

describe('revocation ends open streams', () => {
  it('a watch closes within the re-authorization period once the binding is removed', async () => {
    t.app.get(StreamGuard).reauthorizeMs = 300;
    const watcher = await userWithToken(t, admin, `watcher-${suffix}`);
    const binding = await bindIn(watcher, 'viewer', NS_A);
    const watch = stream(t, `${C1}/api/v1/namespaces/${NS_A}/configmaps?watch=true`, bearer(watcher.token));
    await until('the watch to start', () => watch.status === 200);
    await sleep(1_000);
    expect(watch.ended).toBe(false);
    expect((await admin.delete(`/api/rolebindings/${binding}`)).status).toBe(204);
    await until('the watch to be closed', () => watch.ended, 5_000);
    expect(t.app.get(StreamGuard).openStreams).toBe(0);
  });
});
