import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, browser, createUser, loginAs, startTestApp, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => t.close());

const idOf = async (username: string): Promise<string> =>
  (await admin.get('/api/users')).body.items.find((u: { username: string }) => u.username === username).id;

describe('user administration', () => {
  it('GET /api/users without a session → 401 AUTH_REQUIRED', async () => {
    const res = await request(t.server).get('/api/users');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH_REQUIRED', message: expect.any(String), requestId: expect.any(String) });
  });

  it('GET /api/users as a non-admin → 403 FORBIDDEN, and a non-admin cannot create users', async () => {
    const user = await createUser(t, admin, 'plain-user');
    expect((await user.get('/api/users')).status).toBe(403);
    const res = await user.post('/api/users', { username: 'made-by-plain', password: 'made-by-plain-pw' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await query(t.db.url, `SELECT 1 FROM users WHERE username = 'made-by-plain'`)).length).toBe(0);
  });

  it('creates a user with a canonical lower-case name; a duplicate → 409 USER_EXISTS', async () => {
    const res = await admin.post('/api/users', { username: 'Wang.Wei', password: 'wang-wei-password', displayName: '王伟' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'wang.wei', displayName: '王伟', isAdmin: false, mustChangePassword: true });
    const dup = await admin.post('/api/users', { username: 'WANG.WEI', password: 'another-password' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USER_EXISTS');
  });

  it('rejects weak passwords and invalid usernames with VALIDATION_FAILED', async () => {
    expect((await admin.post('/api/users', { username: 'weak', password: 'short' })).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.post('/api/users', { username: 'bad name!', password: 'long-enough-password' })).body.code).toBe('VALIDATION_FAILED');
    expect((await admin.get('/api/users/not-a-uuid')).status).toBe(400);
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).body.code).toBe('USER_NOT_FOUND');
  });

  it('disabling a user ends their sessions on the next request; enabling lets them back in', async () => {
    const victim = await createUser(t, admin, 'soon-disabled');
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const id = await idOf('soon-disabled');
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    await admin.patch(`/api/users/${id}`, { disabled: false });
    expect((await browser(t).post('/api/auth/login', { username: 'soon-disabled', password: 'soon-disabled-password-1' })).status).toBe(200);
  });

  it('resetting a password signs the user out everywhere and the old password stops working', async () => {
    const user = await createUser(t, admin, 'forgot-pw');
    const id = await idOf('forgot-pw');
    expect((await admin.post(`/api/users/${id}/password`, { password: 'reset-by-admin-123' })).status).toBe(204);
    expect((await user.get('/api/auth/me')).status).toBe(401);
    expect((await browser(t).post('/api/auth/login', { username: 'forgot-pw', password: 'forgot-pw-password-1' })).status).toBe(401);
    const again = await loginAs(t, 'forgot-pw', 'reset-by-admin-123');
    expect((await again.get('/api/auth/me')).body.mustChangePassword).toBe(true);
  });

  it('an admin can end all sessions of a user', async () => {
    const user = await createUser(t, admin, 'kicked');
    expect((await admin.delete(`/api/users/${await idOf('kicked')}/sessions`)).status).toBe(204);
    expect((await user.get('/api/auth/me')).status).toBe(401);
  });

  it('an admin cannot lock themselves out', async () => {
    const adminId = await idOf('admin');
    const res = await admin.patch(`/api/users/${adminId}`, { disabled: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('USER_SELF_LOCKOUT');
    expect((await admin.patch(`/api/users/${adminId}`, { isAdmin: false })).body.code).toBe('USER_SELF_LOCKOUT');
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ isAdmin: true, disabled: false });
  });

  it('every user mutation writes an audit event with actor, target and request id, never a password', async () => {
    const before = Number((await query<{ n: string }>(t.db.url, 'SELECT count(*) AS n FROM audit_events'))[0]!.n);
    const created = await admin.post('/api/users', { username: 'audited', password: 'audited-password-1' });
    await admin.patch(`/api/users/${created.body.id}`, { displayName: 'Audited' });
    await admin.post(`/api/users/${created.body.id}/password`, { password: 'audited-password-2' });
    await admin.delete(`/api/users/${created.body.id}/sessions`);
    const rows = await query<{ action: string; actor_name: string; target_name: string; request_id: string; result: string }>(
      t.db.url,
      'SELECT action, actor_name, target_name, request_id, result FROM audit_events WHERE id > (SELECT max(id) - 4 FROM audit_events) ORDER BY id',
    );
    expect(Number((await query<{ n: string }>(t.db.url, 'SELECT count(*) AS n FROM audit_events'))[0]!.n)).toBe(before + 4);
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update', 'user.reset_password', 'user.end_sessions']);
    expect(rows.every((r) => r.actor_name === 'admin' && r.target_name === 'audited' && r.request_id && r.result === 'success')).toBe(true);
    const dump = JSON.stringify(await query(t.db.url, 'SELECT * FROM audit_events'));
    expect(dump).not.toContain('audited-password');
  });

  it('a mutation whose audit event cannot be written fails and changes nothing (fail closed)', async () => {
    await query(t.db.url, `CREATE OR REPLACE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END; $$`);
    await query(t.db.url, 'CREATE TRIGGER audit_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_audit()');
    try {
      const res = await admin.post('/api/users', { username: 'unaudited', password: 'unaudited-password' });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('INTERNAL');
      expect(JSON.stringify(res.body)).not.toContain('audit store down');
      expect((await query(t.db.url, `SELECT 1 FROM users WHERE username = 'unaudited'`)).length).toBe(0);
    } finally {
      await query(t.db.url, 'DROP TRIGGER audit_down ON audit_events');
    }
  });
});
