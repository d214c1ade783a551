import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ORIGIN, browser, createUser, loginAs, startTestApp, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

/** Each case its own client IP, so the per-IP limiter of one case never bleeds into another. */
let ipCounter = 0;
function fromIp() {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('login brute-force protection and user enumeration', () => {
  it('answers unknown user and wrong password identically (apart from the request id)', async () => {
    const unknown = await browser(t).post('/api/auth/login', { username: 'no-such-user', password: 'some-password-1' });
    const wrong = await browser(t).post('/api/auth/login', { username: 'admin', password: 'some-password-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.text.replace(unknown.body.requestId, '')).toBe(wrong.text.replace(wrong.body.requestId, ''));
    const headers = (h: Record<string, string>) =>
      Object.keys(h).filter((k) => !['date', 'x-request-id', 'content-length'].includes(k)).sort().map((k) => `${k}=${h[k]}`);
    expect(headers(unknown.headers)).toEqual(headers(wrong.headers));
  });

  it('a disabled account gets the same answer as a wrong password, even with the right password', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    await createUser(t, admin, 'to-disable');
    const id = (await admin.get('/api/users')).body.items.find((u: { username: string }) => u.username === 'to-disable').id;
    await admin.patch(`/api/users/${id}`, { disabled: true });
    const res = await browser(t).post('/api/auth/login', { username: 'to-disable', password: 'to-disable-password-1' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('10 wrong passwords for one account from one IP → 429 with Retry-After, then even the right password is refused', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    await createUser(t, admin, 'victim');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ReturnType<typeof browser>['post']>> | undefined;
    for (let i = 0; i < 10; i++) {
      last = await browser(t).post('/api/auth/login', { username: 'victim', password: `guess-${i}-xxxxx` });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses[9]).toBe(429);
    expect(last!.body.code).toBe('AUTH_RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    const right = await browser(t).post('/api/auth/login', { username: 'victim', password: 'victim-password-1' });
    expect(right.status).toBe(429);
    // The limiter counts unknown names the same way, so it reveals nothing either.
    for (let i = 0; i < 10; i++) await browser(t).post('/api/auth/login', { username: 'ghost', password: `guess-${i}-xxxxx` });
    expect((await browser(t).post('/api/auth/login', { username: 'ghost', password: 'x-x-x-x-x-x' })).status).toBe(429);
  });

  it('limits one IP spraying many accounts (per-IP counter)', async () => {
    const sprayer = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '5', TRUST_PROXY_HOPS: '1' });
    try {
      const ip = fromIp();
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await request(sprayer.server).post('/api/auth/login').set('Origin', ORIGIN).set('X-Forwarded-For', ip).send({ username: `user-${i}`, password: 'password-guess' });
        codes.push(res.status);
      }
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
      const other = await request(sprayer.server).post('/api/auth/login').set('Origin', ORIGIN).set('X-Forwarded-For', fromIp()).send({ username: 'admin', password: ADMIN_PASSWORD });
      expect(other.status).toBe(200);
    } finally {
      await sprayer.close();
    }
  });

  it('a successful login clears the account counter', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    await createUser(t, admin, 'forgetful');
    for (let i = 0; i < 5; i++) await browser(t).post('/api/auth/login', { username: 'forgetful', password: `wrong-${i}-xxxxxx` });
    await loginAs(t, 'forgetful', 'forgetful-password-1');
    const rows = await query(t.db.url, `SELECT 1 FROM login_failures WHERE key = 'user:forgetful'`);
    expect(rows).toHaveLength(0);
  });
});

describe('CSRF and bad input', () => {
  it('refuses a cookie-authenticated mutation from another origin and changes nothing', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const before = (await admin.get('/api/users')).body.total;
    const res = await admin.agent.post('/api/users').set('Origin', 'https://evil.example').send({ username: 'csrf-made', password: 'csrf-password-123' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    const noOrigin = await admin.agent.post('/api/users').send({ username: 'csrf-made', password: 'csrf-password-123' });
    expect(noOrigin.status).toBe(403);
    const sameSite = await admin.agent.post('/api/users').set('Sec-Fetch-Site', 'same-origin').send({ username: 'fetch-made', password: 'fetch-password-123' });
    expect(sameSite.status).toBe(201);
    expect((await admin.get('/api/users')).body.total).toBe(before + 1);
  });

  it('refuses form-encoded bodies (what a cross-site form sends) with 415', async () => {
    const res = await request(t.server).post('/api/auth/login').set('Origin', ORIGIN).type('form').send('username=admin&password=x');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('control characters in a username are refused with 400 (NUL never reaches the database or a directory)', async () => {
    const res = await browser(t).post('/api/auth/login', { username: 'admin\u0000', password: ADMIN_PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('malformed JSON → 400 MALFORMED_JSON with a request id', async () => {
    const res = await request(t.server).post('/api/auth/login').set('Origin', ORIGIN).set('Content-Type', 'application/json').send('{"username": "admin",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(res.body.requestId).toMatch(/.+/);
    expect(res.headers['x-request-id']).toBe(res.body.requestId);
  });

  it('unknown fields → 400 VALIDATION_FAILED naming the field; nothing is created', async () => {
    const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
    const res = await admin.post('/api/users', { username: 'sneaky', password: 'sneaky-password-1', role: 'root' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain('role');
    expect((await query(t.db.url, `SELECT 1 FROM users WHERE username = 'sneaky'`)).length).toBe(0);
  });

  it('a body over 1 MB → 413 PAYLOAD_TOO_LARGE, before authentication', async () => {
    const res = await request(t.server)
      .post('/api/users')
      .set('Origin', ORIGIN)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'big', password: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an unknown API route → 404 NOT_FOUND in the standard error shape', async () => {
    const res = await request(t.server).get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
  });
});
