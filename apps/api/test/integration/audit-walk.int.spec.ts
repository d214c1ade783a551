import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, ORIGIN, browser, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';
import { routeInventory } from '../setup/route-inventory.js';

type Res = request.Response;
interface Ctx {
  admin: Browser;
  ids: Record<string, string>;
}

const NS_A = { kind: 'namespace', cluster: 'c1', namespace: 'team-a' };
const viewerRole = BUILT_IN_ROLES.find((r) => r.name === 'viewer')!.id;

/**
 * How to exercise each mutating route successfully. A new mutating route without an entry here fails the first
 * test, so nobody can add a mutation that escapes the audit trail unnoticed.
 */
const MUTATIONS: Record<string, (c: Ctx) => Promise<Res>> = {
  'POST /api/auth/login': () => browser(t).post('/api/auth/login', { username: 'walker', password: 'walker-password-1' }),
  'POST /api/auth/logout': async () => (await loginAs(t, 'walker', 'walker-password-1')).post('/api/auth/logout'),
  'POST /api/auth/password': async () =>
    (await loginAs(t, 'pw-walker', 'pw-walker-password-1')).post('/api/auth/password', { currentPassword: 'pw-walker-password-1', newPassword: 'pw-walker-password-2' }),
  'POST /api/users': (c) => c.admin.post('/api/users', { username: 'walk-created', password: 'walk-created-pw-1' }),
  'PATCH /api/users/:id': (c) => c.admin.patch(`/api/users/${c.ids.user}`, { displayName: 'Walked' }),
  'POST /api/users/:id/password': (c) => c.admin.post(`/api/users/${c.ids.user}/password`, { password: 'reset-walk-pw-1' }),
  'DELETE /api/users/:id/sessions': (c) => c.admin.delete(`/api/users/${c.ids.user}/sessions`),
  'POST /api/tokens': (c) => c.admin.post('/api/tokens', { name: 'walk' }),
  'DELETE /api/tokens/:id': (c) => c.admin.delete(`/api/tokens/${c.ids.token}`),
  'POST /api/roles': (c) => c.admin.post('/api/roles', { name: 'walk-role', scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }),
  'POST /api/roles/:id/clone': (c) => c.admin.post(`/api/roles/${viewerRole}/clone`, { name: 'walk-clone' }),
  'PATCH /api/roles/:id': (c) => c.admin.patch(`/api/roles/${c.ids.role}`, { description: 'walked' }),
  'POST /api/rolebindings': (c) => c.admin.post('/api/rolebindings', { roleId: viewerRole, subject: { kind: 'user', id: c.ids.user }, scope: NS_A }),
  'DELETE /api/rolebindings/:id': (c) => c.admin.delete(`/api/rolebindings/${c.ids.binding}`),
  'DELETE /api/roles/:id': (c) => c.admin.delete(`/api/roles/${c.ids.role}?force=true`),
  'POST /api/teams': (c) => c.admin.post('/api/teams', { name: 'walk-team' }),
  'PATCH /api/teams/:id': (c) => c.admin.patch(`/api/teams/${c.ids.team}`, { description: 'walked' }),
  'POST /api/teams/:id/members': (c) => c.admin.post(`/api/teams/${c.ids.team}/members`, { userId: c.ids.user }),
  'DELETE /api/teams/:id/members/:userId': (c) => c.admin.delete(`/api/teams/${c.ids.team}/members/${c.ids.user}`),
  'POST /api/teams/:id/group-links': (c) => c.admin.post(`/api/teams/${c.ids.team}/group-links`, { provider: 'corp', group: 'ops' }),
  'DELETE /api/teams/:id/group-links': (c) => c.admin.delete(`/api/teams/${c.ids.team}/group-links?provider=corp&group=ops`),
  'DELETE /api/teams/:id': (c) => c.admin.delete(`/api/teams/${c.ids.team}`),
  'POST /api/clusters': (c) => registerCluster(c.admin, 'walk-c', 1),
  'PATCH /api/clusters/:cluster': (c) => c.admin.patch('/api/clusters/walk-c', { displayName: 'Walked' }),
  'POST /api/clusters/:cluster/resources/:group/:version/:resource': (c) => c.admin.post(`${CM}?namespace=${c.ids.ns}`, configMap('walk', c.ids.ns!)),
  'PATCH /api/clusters/:cluster/resources/:group/:version/:resource/:name': (c) => c.admin.patch(`${CM}/walk?namespace=${c.ids.ns}&force=true`, configMap('walk', c.ids.ns!, 'applied')),
  'PUT /api/clusters/:cluster/resources/:group/:version/:resource/:name': async (c) => {
    const live = (await c.admin.get(`${CM}/walk?namespace=${c.ids.ns}`)).body;
    return c.admin.agent.put(`${CM}/walk?namespace=${c.ids.ns}`).set('Origin', ORIGIN).send({ ...live, data: { k: 'replaced' } });
  },
  'POST /api/clusters/:cluster/manifests': (c) =>
    c.admin.post(`/api/clusters/c1/manifests?namespace=${c.ids.ns}`, { yaml: 'apiVersion: v1\nkind: Secret\nmetadata: {name: walk-secret}\nstringData: {k: v}' }),
  'POST /api/clusters/:cluster/resources/core/v1/secrets/:name/reveal': (c) => c.admin.post(`/api/clusters/c1/resources/core/v1/secrets/walk-secret/reveal?namespace=${c.ids.ns}`),
  'PUT /api/clusters/:cluster/resources/:group/:version/:resource/:name/scale': (c) =>
    c.admin.agent.put(`/api/clusters/c1/resources/apps/v1/deployments/walk/scale?namespace=${c.ids.ns}`).set('Origin', ORIGIN).send({ replicas: 2 }),
  'DELETE /api/clusters/:cluster/resources/:group/:version/:resource/:name': (c) => c.admin.delete(`${CM}/walk?namespace=${c.ids.ns}`),
  'DELETE /api/clusters/:cluster': (c) => c.admin.delete('/api/clusters/walk-c'),
  'POST /api/identity-providers': (c) => c.admin.post('/api/identity-providers', { type: 'ldap', id: 'walk-ldap', displayName: 'Walk', config: LDAP, bindPassword: 'x' }),
  'PATCH /api/identity-providers/:id': (c) => c.admin.patch('/api/identity-providers/walk-ldap', { displayName: 'Walked' }),
  // Nothing listens on port 1: the attempt fails, and an attempt is what must be audited.
  'POST /api/auth/ldap/:provider/login': () => browser(t).post('/api/auth/ldap/walk-ldap/login', { username: 'u', password: 'p' }),
  'DELETE /api/identity-providers/:id': (c) => c.admin.delete('/api/identity-providers/walk-ldap'),
};

/** Sign-in attempts are audited whatever their outcome; here they are made to fail without a directory. */
const ATTEMPTS = new Set(['POST /api/auth/ldap/:provider/login']);
const LDAP = { urls: ['ldap://127.0.0.1:1'], bindDn: 'cn=x', userSearchBase: 'dc=x', connectTimeoutMs: 200 };

/** POST routes that change nothing (previews, dry-run diffs, health re-probes): listed so new ones are noticed. */
const READ_ONLY_POSTS = new Set([
  'POST /api/identity-providers/:id/test',
  'POST /api/clusters/kubeconfig/preview',
  'POST /api/clusters/:cluster/health',
  'POST /api/clusters/:cluster/resources/:group/:version/:resource/:name/diff',
]);

const CM = '/api/clusters/c1/resources/core/v1/configmaps';
const configMap = (name: string, ns: string, value = 'v') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { k: value } });

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  await createUser(t, admin, 'walker');
  await createUser(t, admin, 'pw-walker');
  await createUser(t, admin, 'walk-target');
  const user = await userId(admin, 'walk-target');
  const token = (await admin.post('/api/tokens', { name: 'to-revoke' })).body.id as string;
  const role = (await admin.post('/api/roles', { name: 'walk-edit', scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] })).body.id as string;
  const binding = (await admin.post('/api/rolebindings', { roleId: role, subject: { kind: 'user', id: user }, scope: NS_A })).body.id as string;
  const team = (await admin.post('/api/teams', { name: 'walk-edit-team' })).body.id as string;
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  const ns = `walk-${Math.random().toString(36).slice(2, 7)}`;
  await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'walk', namespace: ns }, spec: { replicas: 1, selector: { matchLabels: { app: 'walk' } }, template: { metadata: { labels: { app: 'walk' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } } };
  expect((await admin.post(`/api/clusters/c1/resources/apps/v1/deployments?namespace=${ns}`, deploy)).status).toBe(201);
  ctx = { admin, ids: { user, token, role, binding, team, ns } };
});
afterAll(async () => t.close());

const mutating = () =>
  routeInventory(t.app).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !READ_ONLY_POSTS.has(`${r.method} ${r.path}`));

describe('every mutation writes an audit event', () => {
  it('every mutating route has an entry in this walk', () => {
    const missing = mutating().map((r) => `${r.method} ${r.path}`).filter((k) => !(k in MUTATIONS));
    expect(missing).toEqual([]);
  });

  it('each mutating route, called successfully, leaves an audit event carrying its request id', async () => {
    const results: string[] = [];
    // In the table's order, which respects dependencies (a binding is deleted before its role).
    const present = new Set(mutating().map((r) => `${r.method} ${r.path}`));
    for (const key of Object.keys(MUTATIONS).filter((k) => present.has(k))) {
      const res = await MUTATIONS[key]!(ctx);
      if (!ATTEMPTS.has(key)) expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      const requestId = res.headers['x-request-id'] as string;
      const rows = await query<{ action: string }>(t.db.url, 'SELECT action FROM audit_events WHERE request_id = $1', [requestId]);
      results.push(`${key} → ${rows.length > 0 ? rows[0]!.action : 'NO AUDIT EVENT'}`);
    }
    expect(results.filter((r) => r.endsWith('NO AUDIT EVENT'))).toEqual([]);
  });

  it('a denied mutation is audited as denied', async () => {
    const plain = await loginAs(t, 'walker', 'walker-password-1');
    const res = await plain.post('/api/teams', { name: 'not-allowed' });
    expect(res.status).toBe(403);
    const rows = await query<{ result: string; actor_name: string }>(t.db.url, 'SELECT result, actor_name FROM audit_events WHERE request_id = $1', [res.headers['x-request-id']]);
    expect(rows).toEqual([{ result: 'denied', actor_name: 'walker' }]);
  });
});

describe('audit log API', () => {
  it('lists newest first with filters and keyset paging; auditors may read it, others not', async () => {
    const page1 = await ctx.admin.get('/api/audit?limit=3');
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(3);
    const ids = page1.body.items.map((e: { id: string }) => Number(e.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const page2 = await ctx.admin.get(`/api/audit?limit=3&cursor=${page1.body.nextCursor}`);
    expect(Number(page2.body.items[0].id)).toBeLessThan(ids[2]);
    const logins = await ctx.admin.get('/api/audit?action=auth.login&result=success&limit=100');
    expect(logins.body.items.length).toBeGreaterThan(0);
    expect(logins.body.items.every((e: { action: string; result: string }) => e.action === 'auth.login' && e.result === 'success')).toBe(true);
    const walker = await loginAs(t, 'walker', 'walker-password-1');
    expect((await walker.get('/api/audit')).status).toBe(403);
  });

  it('exports CSV with a header row and neutralised formula cells', async () => {
    // A failed login records the attempted name: attacker-controlled text that a spreadsheet would execute.
    await browser(t).post('/api/auth/login', { username: '=HYPERLINK("x")', password: 'whatever-pw' });
    const res = await ctx.admin.get('/api/audit/export.csv?action=auth.login');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('time,actor,via_token,action,target_type,target_name,cluster,namespace,result,status,request_id,client_ip');
    expect(lines.length).toBeGreaterThan(1);
    expect(res.text).toContain(`"'=hyperlink(""x"")"`);
    expect(res.text).not.toMatch(/,=hyperlink/);
  });
});
