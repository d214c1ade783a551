import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, browser, createUser, loginAs, startTestApp, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('built-in login and server-side sessions', () => {
  it('logs in, sets an httpOnly SameSite=Lax cookie, and /me returns the user without secrets', async () => {
    const b = browser(t);
    const res = await b.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'admin', isAdmin: true, origin: 'local' });
    expect(Object.keys(res.body)).not.toContain('passwordHash');
    expect(res.text).not.toContain('$argon2');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^wh_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain-http console; see the TLS case below
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it('accepts the username case-insensitively and stores only a hash of the session token', async () => {
    const b = browser(t);
    const res = await b.post('/api/auth/login', { username: '  ADMIN ', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const token = /wh_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const rows = await query<{ token_hash: string }>(t.db.url, 'SELECT token_hash FROM sessions');
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('logout revokes the session on the server, not just the cookie', async () => {
    const b = browser(t);
    const login = await b.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const stolen = String(login.headers['set-cookie']).split(';')[0]!;
    const out = await b.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ redirectTo: null }); // a local account: no identity provider to sign out of
    expect((await b.get('/api/auth/me')).status).toBe(401);
    const replay = await browser(t).agent.get('/api/auth/me').set('Cookie', stolen);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REQUIRED');
  });

  it('a forged or random cookie is not a session', async () => {
    const res = await browser(t).agent.get('/api/auth/me').set('Cookie', 'wh_session=not-a-real-token');
    expect(res.status).toBe(401);
  });

  it('changing the password ends every other session and keeps this one signed in', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const first = await createUser(t, admin, 'pw-changer');
    const second = await loginAs(t, 'pw-changer', 'pw-changer-password-1');
    const wrong = await first.post('/api/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('AUTH_PASSWORD_MISMATCH');
    const weak = await first.post('/api/auth/password', { currentPassword: 'pw-changer-password-1', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    const ok = await first.post('/api/auth/password', { currentPassword: 'pw-changer-password-1', newPassword: 'a-brand-new-password' });
    expect(ok.status).toBe(204);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    expect((await first.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await browser(t).post('/api/auth/login', { username: 'pw-changer', password: 'pw-changer-password-1' })).status).toBe(401);
    expect((await browser(t).post('/api/auth/login', { username: 'pw-changer', password: 'a-brand-new-password' })).status).toBe(200);
  });

  it('expires sessions after the idle timeout and after the absolute lifetime', async () => {
    const idle = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const absolute = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const ids = await query<{ id: string }>(t.db.url, 'SELECT id FROM sessions ORDER BY created_at DESC LIMIT 2');
    // Age the two newest sessions in the database instead of sleeping.
    await query(t.db.url, `UPDATE sessions SET idle_expires_at = now() - interval '1 second' WHERE id = $1`, [ids[1]!.id]);
    await query(t.db.url, `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [ids[0]!.id]);
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    expect((await absolute.get('/api/auth/me')).status).toBe(401);
  });

  it('writes audit events for login, failed login and logout, never with a password', async () => {
    const b = await loginAs(t, 'admin', ADMIN_PASSWORD);
    await b.post('/api/auth/logout');
    await browser(t).post('/api/auth/login', { username: 'admin', password: 'wrong-password-xyz' });
    const events = await query<{ action: string; result: string; details: unknown; request_id: string | null }>(
      t.db.url,
      `SELECT action, result, details, request_id FROM audit_events WHERE action LIKE 'auth.%' ORDER BY id`,
    );
    expect(events.map((e) => `${e.action}:${e.result}`)).toEqual(
      expect.arrayContaining(['auth.login:success', 'auth.logout:success', 'auth.login:failure']),
    );
    expect(events.every((e) => e.request_id)).toBe(true);
    const all = JSON.stringify(await query(t.db.url, 'SELECT * FROM audit_events'));
    expect(all).not.toContain(ADMIN_PASSWORD);
    expect(all).not.toContain('wrong-password-xyz');
  });
});

describe('behind TLS', () => {
  it('marks the cookie Secure and uses the __Host- prefix', async () => {
    const tls = await startTestApp({ PUBLIC_URL: 'https://console.example.test' });
    try {
      const res = await (await import('supertest')).default(tls.server)
        .post('/api/auth/login')
        .set('Origin', 'https://console.example.test')
        .send({ username: 'admin', password: ADMIN_PASSWORD });
      expect(res.status).toBe(200);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-wh_session=/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
    } finally {
      await tls.close();
    }
  });
});
