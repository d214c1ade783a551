import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createUser, loginAs, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { CredentialJanitor } from '../../src/auth/credential-janitor.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  t = await startTestApp();
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
});
afterAll(async () => t.close());

const withToken = (token: string) => ({
  get: (url: string) => request(t.server).get(url).set('Authorization', `Bearer ${token}`),
  post: (url: string, body: object) => request(t.server).post(url).set('Authorization', `Bearer ${token}`).send(body),
});

describe('API tokens', () => {
  it('is shown once, stored only as a hash, and works as a Bearer token without CSRF headers', async () => {
    const res = await admin.post('/api/tokens', { name: 'ci', expiresInDays: 30 });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^wht_[A-Za-z0-9_-]{43}$/);
    expect(res.body.prefix).toBe(res.body.token.slice(0, 10));
    const list = await admin.get('/api/tokens');
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    const stored = await query<{ token_hash: string }>(t.db.url, 'SELECT token_hash FROM api_tokens');
    expect(stored.map((r) => r.token_hash)).not.toContain(res.body.token);
    expect((await withToken(res.body.token).get('/api/users')).status).toBe(200);
    const created = await withToken(res.body.token).post('/api/teams', { name: 'made-by-token' });
    expect(created.status).toBe(201);
    const event = await query<{ via_token: boolean }>(t.db.url, `SELECT via_token FROM audit_events WHERE action = 'team.create'`);
    expect(event[0]!.via_token).toBe(true);
  });

  it('never carries more than its user: a plain user token gets 403 where the user does', async () => {
    const plain = await createUser(t, admin, 'token-user');
    const token = (await plain.post('/api/tokens', { name: 'mine' })).body.token as string;
    expect((await withToken(token).get('/api/users')).status).toBe(403);
    expect((await withToken(token).get('/api/auth/me')).body.username).toBe('token-user');
  });

  it('cannot mint new tokens (a leaked token cannot renew itself)', async () => {
    const token = (await admin.post('/api/tokens', { name: 'no-minting' })).body.token as string;
    const res = await withToken(token).post('/api/tokens', { name: 'child' });
    expect(res.status).toBe(403);
  });

  it('stops working when revoked, when expired, and when its user is disabled', async () => {
    const user = await createUser(t, admin, 'token-owner');
    const a = (await user.post('/api/tokens', { name: 'a' })).body;
    const b = (await user.post('/api/tokens', { name: 'b' })).body;
    const c = (await user.post('/api/tokens', { name: 'c' })).body;
    expect((await user.delete(`/api/tokens/${a.id}`)).status).toBe(204);
    expect((await withToken(a.token).get('/api/auth/me')).status).toBe(401);
    await query(t.db.url, `UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [b.id]);
    expect((await withToken(b.token).get('/api/auth/me')).status).toBe(401);
    expect((await withToken(c.token).get('/api/auth/me')).status).toBe(200);
    await admin.patch(`/api/users/${await userId(admin, 'token-owner')}`, { disabled: true });
    expect((await withToken(c.token).get('/api/auth/me')).status).toBe(401);
  });

  it('a user cannot see or revoke another user\'s tokens', async () => {
    const owner = await createUser(t, admin, 'owner-2');
    const other = await createUser(t, admin, 'other-2');
    const tok = (await owner.post('/api/tokens', { name: 'private' })).body;
    expect((await other.get('/api/tokens')).body.items).toHaveLength(0);
    expect((await other.delete(`/api/tokens/${tok.id}`)).status).toBe(404);
    expect((await withToken(tok.token).get('/api/auth/me')).status).toBe(200);
  });

  it('a malformed or unknown bearer token is 401 even with a valid session cookie', async () => {
    const res = await admin.agent.get('/api/auth/me').set('Authorization', 'Bearer wht_not-a-real-token');
    expect(res.status).toBe(401);
  });
});

describe('credential janitor', () => {
  it('sweeps expired sessions, expired tokens and stale failure counters — and nothing that is still valid', async () => {
    const sweeper = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const live = (await sweeper.post('/api/tokens', { name: 'live', expiresInDays: 1 })).body as { id: string };
    const dead = (await sweeper.post('/api/tokens', { name: 'dead', expiresInDays: 1 })).body as { id: string };
    await query(t.db.url, `UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [dead.id]);
    const admin = await userId(sweeper, 'admin');
    const session = `INSERT INTO sessions (id, token_hash, user_id, idle_expires_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, $4)`;
    await query(t.db.url, session, ['janitor-absolute', admin, new Date(Date.now() + 60_000), new Date(Date.now() - 1_000)]);
    await query(t.db.url, session, ['janitor-idle', admin, new Date(Date.now() - 1_000), new Date(Date.now() + 60_000)]);
    await query(t.db.url, `INSERT INTO login_limits (key, points, expire) VALUES ('janitor-old', 3, now() - interval '1 second'), ('janitor-new', 3, now() + interval '1 hour')`);

    const swept = await t.app.get(CredentialJanitor).sweep();
    expect(swept.tokens).toBeGreaterThanOrEqual(1);
    expect(swept.sessions).toBeGreaterThanOrEqual(2);
    const tokens = (await query<{ id: string }>(t.db.url, 'SELECT id FROM api_tokens')).map((r) => r.id);
    expect(tokens).toContain(live.id);
    expect(tokens).not.toContain(dead.id);
    const hashes = (await query<{ token_hash: string }>(t.db.url, 'SELECT token_hash FROM sessions')).map((r) => r.token_hash);
    expect(hashes.filter((h) => h.startsWith('janitor-'))).toEqual([]);
    expect((await sweeper.get('/api/auth/me')).status).toBe(200); // the live session survived
    const keys = (await query<{ key: string }>(t.db.url, `SELECT key FROM login_limits WHERE key LIKE 'janitor-%'`)).map((r) => r.key);
    expect(keys).toEqual(['janitor-new']);
  });
});
