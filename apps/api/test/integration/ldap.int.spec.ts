import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LdapSyncScheduler } from '../../src/identity-providers/ldap/ldap-sync.scheduler.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, ORIGIN, bind, browser, loginAs, startTestApp, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';
import { ADMIN_DN, ADMIN_PW, BASE, seedLdif, startSlapd, type Slapd } from '../setup/slapd.js';

const person = (uid: string) => `uid=${uid},ou=people,${BASE}`;
const group = (cn: string) => `cn=${cn},ou=groups,${BASE}`;
const auditor = BUILT_IN_ROLES.find((r) => r.name === 'auditor')!.id;
const developer = BUILT_IN_ROLES.find((r) => r.name === 'developer')!.id;

let slapd: Slapd;
let t: TestApp;
let admin: Browser;

const ldapConfig = (over: Record<string, unknown> = {}) => ({
  urls: [slapd.url],
  bindDn: ADMIN_DN,
  userSearchBase: `ou=people,${BASE}`,
  userFilter: '(uid={username})',
  groupSearchBase: `ou=groups,${BASE}`,
  groupFilter: '(member={dn})',
  ...over,
});
const login = (provider: string, username: string, password: string) => browser(t).post(`/api/auth/ldap/${provider}/login`, { username, password });

beforeAll(async () => {
  slapd = await startSlapd(
    await seedLdif(
      [
        { uid: 'alice', cn: 'Alice Zhang' },
        { uid: 'bob', cn: '王伟' },
        { uid: 'admin', cn: 'Directory Admin' },
      ],
      [
        { cn: 'developers', members: [person('alice'), person('admin')] },
        { cn: 'ops', members: [person('bob')] },
        { cn: 'platform', members: [group('ops')] },
      ],
    ),
  );
  t = await startTestApp({ LDAP_SYNC_MINUTES: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  const res = await admin.post('/api/identity-providers', { type: 'ldap', id: 'corp', displayName: 'Corp LDAP', config: ldapConfig(), bindPassword: ADMIN_PW });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 60_000);
afterAll(async () => {
  await t.close();
  await slapd.stop();
});

describe('LDAP sign-in against a real slapd', () => {
  it('stores the bind password encrypted and never returns it; the login page lists the provider', async () => {
    const res = await admin.get('/api/identity-providers/corp');
    expect(res.body).toMatchObject({ id: 'corp', type: 'ldap', hasSecret: true });
    expect(JSON.stringify(res.body)).not.toContain(ADMIN_PW);
    const [row] = await query<{ secret: string }>(t.db.url, `SELECT secret FROM identity_providers WHERE id = 'corp'`);
    expect(row!.secret).toMatch(/^v1:/);
    expect((await request(t.server).get('/api/auth/providers')).body.items).toEqual([{ id: 'corp', type: 'ldap', displayName: 'Corp LDAP' }]);
  });

  it('signs in, creates the user just in time with its origin and groups; local passwords cannot be set', async () => {
    const res = await login('corp', 'alice', 'alice-password');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ username: 'alice', displayName: 'Alice Zhang', origin: 'ldap', email: 'alice@example.test' });
    const groups = await query<{ group_name: string }>(t.db.url, `SELECT group_name FROM user_groups WHERE user_id = $1`, [res.body.id]);
    expect(groups.map((g) => g.group_name)).toEqual([group('developers')]);
    expect((await admin.post(`/api/users/${res.body.id}/password`, { password: 'local-password-1' })).body.code).toBe('AUTH_EXTERNAL_ACCOUNT');
  });

  it('wrong password and unknown user look the same; injection attempts find nobody; empty passwords never reach the directory', async () => {
    const wrong = await login('corp', 'alice', 'nope-nope');
    const unknown = await login('corp', 'mallory', 'nope-nope');
    expect(wrong.status).toBe(401);
    expect({ ...wrong.body, requestId: 0 }).toEqual({ ...unknown.body, requestId: 0 });
    for (const attack of ['*', ')(uid=*', 'alice)(|(uid=*', '*)(objectClass=*', 'al*', 'alice\\2a']) {
      const res = await login('corp', attack, 'alice-password');
      expect(res.status, attack).toBe(401);
      expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    expect((await login('corp', 'alice\u0000', 'alice-password')).body.code).toBe('VALIDATION_FAILED');
    expect((await login('corp', 'alice', '')).body.code).toBe('VALIDATION_FAILED');
  });

  it('a directory "admin" never becomes the local admin', async () => {
    const res = await login('corp', 'admin', 'admin-password');
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('admin@corp');
    expect(res.body.isAdmin).toBe(false);
  });

  it('a nested group applies (bob ∈ ops ∈ platform) and the explainer names the LDAP group', async () => {
    await bind(admin, auditor, { kind: 'group', provider: 'corp', name: group('platform') }, { kind: 'global' });
    const bob = browser(t);
    expect((await bob.post('/api/auth/ldap/corp/login', { username: 'bob', password: 'bob-password' })).body.displayName).toBe('王伟');
    const users = await bob.get('/api/users?limit=200');
    expect(users.status).toBe(200);
    // The users list shows where a user comes from and the directory groups of their last sign-in.
    const row = (users.body.items as { username: string; origin: string; groups: { provider: string; name: string }[] }[]).find((u) => u.username === 'bob');
    expect(row).toMatchObject({ origin: 'ldap' });
    expect(row!.groups).toEqual(expect.arrayContaining([{ provider: 'corp', name: group('ops') }, { provider: 'corp', name: group('platform') }]));
    expect((users.body.items as { username: string; groups: unknown[] }[]).find((u) => u.username === 'admin')!.groups).toEqual([]);
    const why = await bob.get('/api/rbac/explain?verb=list&resource=users');
    expect(why.body.via).toMatchObject({ role: 'auditor', subject: { kind: 'group', provider: 'corp', name: group('platform') } });
  });

  it('a user removed from a group loses the access at the next refresh, without signing in again', async () => {
    await bind(admin, developer, { kind: 'group', provider: 'corp', name: group('developers') }, { kind: 'namespace', cluster: 'c1', namespace: 'team-a' });
    const alice = browser(t);
    await alice.post('/api/auth/ldap/corp/login', { username: 'alice', password: 'alice-password' });
    const ask = () => alice.get('/api/rbac/explain?verb=delete&group=apps&resource=deployments&cluster=c1&namespace=team-a');
    expect((await ask()).body.allowed).toBe(true);
    await slapd.modify(`dn: ${group('developers')}\nchangetype: modify\ndelete: member\nmember: ${person('alice')}\n`);
    expect((await ask()).body.allowed).toBe(true); // not refreshed yet
    await t.app.get(LdapSyncScheduler).syncAll();
    expect((await ask()).body.allowed).toBe(false);
  });

  it('team ↔ group links keep team membership in sync at sign-in', async () => {
    const team = await admin.post('/api/teams', { name: 'Ops 运维' });
    await admin.post(`/api/teams/${team.body.id}/group-links`, { provider: 'corp', group: group('ops') });
    await login('corp', 'bob', 'bob-password');
    expect((await admin.get(`/api/teams/${team.body.id}`)).body.members.map((m: { username: string }) => m.username)).toEqual(['bob']);
  });

  it('test connection and test user lookup say exactly what happened', async () => {
    expect((await admin.post('/api/identity-providers/corp/test', {})).body).toMatchObject({ ok: true, step: 'done' });
    const found = await admin.post('/api/identity-providers/corp/test', { username: 'bob' });
    expect(found.body).toMatchObject({ ok: true, user: { username: 'bob', groups: expect.arrayContaining([group('ops'), group('platform')]) } });
    expect((await admin.post('/api/identity-providers/corp/test', { username: 'nobody' })).body).toMatchObject({ ok: false, step: 'user' });
    await admin.post('/api/identity-providers', { type: 'ldap', id: 'badbind', displayName: 'Bad bind', config: ldapConfig(), bindPassword: 'wrong' });
    expect((await admin.post('/api/identity-providers/badbind/test', {})).body).toMatchObject({ ok: false, step: 'bind' });
  });

  it('without a group search base, groups are searched under the user search base (as the admin form says)', async () => {
    const config = ldapConfig({ userSearchBase: BASE, groupSearchBase: undefined });
    expect((await admin.post('/api/identity-providers', { type: 'ldap', id: 'no-group-base', displayName: 'No group base', config, bindPassword: ADMIN_PW })).status).toBe(201);
    const found = await admin.post('/api/identity-providers/no-group-base/test', { username: 'bob' });
    expect(found.body.user.groups).toEqual(expect.arrayContaining([group('ops'), group('platform')]));
  });

  it('TLS: the right CA connects over ldaps, a wrong CA is refused', async () => {
    await admin.post('/api/identity-providers', { type: 'ldap', id: 'tls-ok', displayName: 'TLS', config: ldapConfig({ urls: [slapd.ldapsUrl], caPem: slapd.caPem }), bindPassword: ADMIN_PW });
    expect((await login('tls-ok', 'alice', 'alice-password')).status).toBe(200);
    await admin.post('/api/identity-providers', { type: 'ldap', id: 'tls-bad', displayName: 'TLS bad', config: ldapConfig({ urls: [slapd.ldapsUrl], caPem: slapd.otherCaPem }), bindPassword: ADMIN_PW });
    const refused = await login('tls-bad', 'alice', 'alice-password');
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('IDP_UNAVAILABLE');
    expect((await admin.post('/api/identity-providers/tls-bad/test', {})).body).toMatchObject({ ok: false, step: 'tls' });
  });

  it('tries the server URLs in order: an unreachable first server hands over to the next', async () => {
    const config = ldapConfig({ urls: ['ldap://127.0.0.1:1', slapd.url], connectTimeoutMs: 500 });
    expect((await admin.post('/api/identity-providers', { type: 'ldap', id: 'failover', displayName: 'Failover', config, bindPassword: ADMIN_PW })).status).toBe(201);
    expect((await login('failover', 'alice', 'alice-password')).status).toBe(200);
    expect((await login('failover', 'alice', 'wrong-password')).status).toBe(401);
    expect((await admin.post('/api/identity-providers/failover/test', { username: 'bob' })).body).toMatchObject({ ok: true, step: 'done' });
  });

  it('directory down: a clear 503 for LDAP users, and the local admin still signs in', async () => {
    await admin.post('/api/identity-providers', { type: 'ldap', id: 'down', displayName: 'Down', config: ldapConfig({ urls: ['ldap://127.0.0.1:1'], connectTimeoutMs: 500 }), bindPassword: ADMIN_PW });
    const res = await login('down', 'alice', 'alice-password');
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('IDP_UNAVAILABLE');
    expect((await browser(t).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
    const probe = await admin.post('/api/identity-providers/down/test', {});
    expect(probe.body).toMatchObject({ ok: false, step: 'connect' });
    expect(probe.body.message).toContain('ldap://127.0.0.1:1');
  });

  it('a disabled provider cannot be used', async () => {
    await admin.patch('/api/identity-providers/tls-ok', { enabled: false });
    expect((await login('tls-ok', 'alice', 'alice-password')).status).toBe(404);
    expect(ORIGIN).toBeTruthy();
  });
});
