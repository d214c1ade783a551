import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;
const NS_A = { kind: 'namespace', cluster: 'c1', namespace: 'team-a' };

let t: TestApp;
let admin: Browser;
let nsAdmin: Browser;
let someoneId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  nsAdmin = await createUser(t, admin, 'ns-admin');
  await createUser(t, admin, 'someone');
  someoneId = await userId(admin, 'someone');
  expect((await bind(admin, role('namespace-admin'), { kind: 'user', id: await userId(admin, 'ns-admin') }, NS_A)).status).toBe(201);
});
afterAll(async () => t.close());

describe('escalation is refused', () => {
  it('a namespace-admin can bind developer in their own namespace', async () => {
    const res = await bind(nsAdmin, role('developer'), { kind: 'user', id: someoneId }, NS_A);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: { name: 'developer' }, subjectName: 'someone', scope: NS_A });
  });

  it('a namespace-admin cannot create a global binding, nor a cluster one, nor one in another namespace', async () => {
    const global = await bind(nsAdmin, role('auditor'), { kind: 'user', id: someoneId }, { kind: 'global' });
    expect(global.status).toBe(403);
    const cluster = await bind(nsAdmin, role('cluster-viewer'), { kind: 'user', id: someoneId }, { kind: 'cluster', cluster: 'c1' });
    expect(cluster.status).toBe(403);
    const other = await bind(nsAdmin, role('viewer'), { kind: 'user', id: someoneId }, { ...NS_A, namespace: 'team-b' });
    expect(other.status).toBe(403);
    const rows = await query(t.db.url, `SELECT 1 FROM role_bindings WHERE subject_id = $1 AND scope <> 'namespace' AND role_id <> $2`, [someoneId, role('user')]);
    expect(rows).toHaveLength(0);
  });

  it('a binding must use a role of the matching scope kind', async () => {
    const res = await bind(admin, role('cluster-admin'), { kind: 'user', id: someoneId }, NS_A);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ROLE_SCOPE_MISMATCH');
  });

  it('a user who may manage bindings cannot bind a role with more rights than they hold', async () => {
    const granter = await createUser(t, admin, 'granter');
    const custom = await admin.post('/api/roles', {
      name: 'binding-manager',
      scope: 'global',
      rules: [{ verbs: ['create', 'list', 'delete'], apiGroups: ['console.wheelhouse.io'], resources: ['rolebindings'] }],
    });
    expect(custom.status).toBe(201);
    await bind(admin, custom.body.id, { kind: 'user', id: await userId(admin, 'granter') }, { kind: 'global' });
    const toSelf = await bind(granter, role('console-admin'), { kind: 'user', id: await userId(admin, 'granter') }, { kind: 'global' });
    expect(toSelf.status).toBe(403);
    expect(toSelf.body.code).toBe('RBAC_ESCALATION');
    const sameRole = await bind(granter, custom.body.id, { kind: 'user', id: someoneId }, { kind: 'global' });
    expect(sameRole.status).toBe(201);
  });

  it('nobody can edit or delete built-in roles, not even a console-admin; they can be cloned', async () => {
    const patch = await admin.patch(`/api/roles/${role('viewer')}`, { rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('ROLE_BUILT_IN');
    expect((await admin.delete(`/api/roles/${role('viewer')}`)).body.code).toBe('ROLE_BUILT_IN');
    const clone = await admin.post(`/api/roles/${role('viewer')}/clone`, { name: 'viewer-plus' });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ name: 'viewer-plus', builtIn: false, scope: 'namespace' });
    const edited = await admin.patch(`/api/roles/${clone.body.id}`, { description: 'editable' });
    expect(edited.body.description).toBe('editable');
  });

  it('a role manager cannot write rules beyond their own rights', async () => {
    const manager = await createUser(t, admin, 'role-manager');
    const r = await admin.post('/api/roles', {
      name: 'role-writer',
      scope: 'global',
      rules: [
        { verbs: ['create', 'update', 'list', 'get'], apiGroups: ['console.wheelhouse.io'], resources: ['roles'] },
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] },
      ],
    });
    await bind(admin, r.body.id, { kind: 'user', id: await userId(admin, 'role-manager') }, { kind: 'global' });
    const tooMuch = await manager.post('/api/roles', { name: 'pod-killer', scope: 'namespace', rules: [{ verbs: ['delete'], apiGroups: [''], resources: ['pods'] }] });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.code).toBe('RBAC_ESCALATION');
    const wildcard = await manager.post('/api/roles', { name: 'wild', scope: 'namespace', rules: [{ verbs: ['*'], apiGroups: [''], resources: ['pods'] }] });
    expect(wildcard.body.code).toBe('RBAC_ESCALATION');
    const fine = await manager.post('/api/roles', { name: 'pod-reader', scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] });
    expect(fine.status).toBe(201);
  });

  it('a role in use cannot be deleted without force; with force its bindings go too', async () => {
    const r = await admin.post('/api/roles', { name: 'temp-role', scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] });
    await bind(admin, r.body.id, { kind: 'user', id: someoneId }, NS_A);
    const refused = await admin.delete(`/api/roles/${r.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ROLE_IN_USE', details: { bindings: 1 } });
    expect((await admin.delete(`/api/roles/${r.body.id}?force=true`)).status).toBe(204);
    expect(await query(t.db.url, 'SELECT 1 FROM role_bindings WHERE role_id = $1', [r.body.id])).toHaveLength(0);
  });

  it('the last console-admin binding cannot be removed', async () => {
    const adminId = await userId(admin, 'admin');
    const own = await admin.get(`/api/rolebindings?subjectKind=user&subjectId=${adminId}&roleId=${role('console-admin')}`);
    expect(own.body.items).toHaveLength(1);
    const res = await admin.delete(`/api/rolebindings/${own.body.items[0].id}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('RBAC_LAST_ADMIN');
    expect((await admin.get('/api/users')).status).toBe(200);
  });

  it('a revoked binding stops working on the very next request', async () => {
    const viewer = await createUser(t, admin, 'short-lived-auditor');
    const b = await bind(admin, role('auditor'), { kind: 'user', id: await userId(admin, 'short-lived-auditor') }, { kind: 'global' });
    expect((await viewer.get('/api/users')).status).toBe(200);
    await admin.delete(`/api/rolebindings/${b.body.id}`);
    expect((await viewer.get('/api/users')).status).toBe(403);
  });
});

describe('teams and identity-provider groups', () => {
  it('a team binding applies to its members and stops when a member is removed', async () => {
    const member = await createUser(t, admin, 'team-member');
    const memberId = await userId(admin, 'team-member');
    const team = await admin.post('/api/teams', { name: 'Platform 平台组' });
    expect(team.status).toBe(201);
    await bind(admin, role('auditor'), { kind: 'team', id: team.body.id }, { kind: 'global' });
    expect((await member.get('/api/users')).status).toBe(403);
    expect((await admin.post(`/api/teams/${team.body.id}/members`, { userId: memberId })).body.members).toHaveLength(1);
    expect((await member.get('/api/users')).status).toBe(200);
    const why = await member.get('/api/rbac/explain?verb=list&resource=users');
    expect(why.body.via).toMatchObject({ role: 'auditor', subject: { kind: 'team' }, subjectName: 'Platform 平台组' });
    await admin.delete(`/api/teams/${team.body.id}/members/${memberId}`);
    expect((await member.get('/api/users')).status).toBe(403);
  });

  it('adding someone to a team is an escalation check against the team\'s bindings', async () => {
    const teamManager = await createUser(t, admin, 'team-manager');
    const r = await admin.post('/api/roles', { name: 'team-editor', scope: 'global', rules: [{ verbs: ['update', 'get', 'list'], apiGroups: ['console.wheelhouse.io'], resources: ['teams'] }] });
    await bind(admin, r.body.id, { kind: 'user', id: await userId(admin, 'team-manager') }, { kind: 'global' });
    const admins = await admin.post('/api/teams', { name: 'admins' });
    await bind(admin, role('console-admin'), { kind: 'team', id: admins.body.id }, { kind: 'global' });
    const res = await teamManager.post(`/api/teams/${admins.body.id}/members`, { userId: await userId(admin, 'team-manager') });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('RBAC_ESCALATION');
  });

  it('a binding to an IdP group applies to users in that group; the explainer names the group', async () => {
    const grouped = await createUser(t, admin, 'ldap-person');
    const id = await userId(admin, 'ldap-person');
    const group = 'cn=ops,ou=groups,dc=example,dc=test';
    expect((await bind(admin, role('developer'), { kind: 'group', provider: 'corp-ldap', name: group }, NS_A)).status).toBe(201);
    const before = await grouped.get('/api/rbac/explain?verb=delete&group=apps&resource=deployments&cluster=c1&namespace=team-a');
    expect(before.body.allowed).toBe(false);
    // Group membership is written by the LDAP/OIDC login; here the row is inserted the same way.
    await query(t.db.url, 'INSERT INTO user_groups (user_id, provider, group_name) VALUES ($1, $2, $3)', [id, 'corp-ldap', group]);
    await query(t.db.url, 'UPDATE rbac_state SET version = version + 1');
    const after = await grouped.get('/api/rbac/explain?verb=delete&group=apps&resource=deployments&cluster=c1&namespace=team-a');
    expect(after.body).toMatchObject({ allowed: true, via: { role: 'developer', subject: { kind: 'group', provider: 'corp-ldap', name: group } } });
  });

  it('the explainer says why not: wrong scope vs. no rule', async () => {
    const dev = await createUser(t, admin, 'explained');
    await bind(admin, role('developer'), { kind: 'user', id: await userId(admin, 'explained') }, NS_A);
    const wrongNs = await dev.get('/api/rbac/explain?verb=get&group=&resource=pods&cluster=c1&namespace=team-b');
    expect(wrongNs.body).toMatchObject({ allowed: false, reason: 'SCOPE_MISMATCH', nearMisses: [{ role: 'developer' }] });
    const noRule = await dev.get('/api/rbac/explain?verb=delete&group=&resource=nodes&cluster=c1');
    expect(noRule.body).toMatchObject({ allowed: false, reason: 'NO_MATCHING_RULE' });
    expect((await dev.get('/api/rbac/explain?user=admin&verb=list&resource=users')).status).toBe(403);
    const asAdmin = await admin.get('/api/rbac/explain?user=explained&verb=get&group=&resource=pods&cluster=c1&namespace=team-a');
    expect(asAdmin.body).toMatchObject({ allowed: true, via: { role: 'developer', subjectName: 'explained' } });
  });
});
