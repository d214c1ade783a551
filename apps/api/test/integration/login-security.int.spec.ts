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
});

/** Sign-in throttle: per (account, source) pair with growing delays, per source over all accounts. */
let th: TestApp;
const FREE = 3;
function from(app: TestApp, ip: string, username: string, password: string) {
  return request(app.server).post('/api/auth/login').set('Origin', ORIGIN).set('X-Forwarded-For', ip).send({ username, password });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in throttle without lockout', () => {
  beforeAll(async () => {
    th = await startTestApp({ TRUST_PROXY_HOPS: '1', LOGIN_FREE_FAILURES: String(FREE) });
  });
  afterAll(async () => th.close());

  it(`${FREE} failures of admin from source A → 401; the next attempt → 429 with Retry-After, even with the right password; admin from source B signs in at once`, async () => {
    const a = fromIp();
    const statuses: number[] = [];
    for (let i = 0; i < FREE; i++) statuses.push((await from(th, a, 'admin', `guess-${i}-xxxxx`)).status);
    expect(statuses).toEqual(Array(FREE).fill(401));
    const limited = await from(th, a, 'admin', 'guess-next-xxxxx');
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH_RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('1');
    expect((await from(th, a, 'admin', ADMIN_PASSWORD)).status).toBe(429);
    const b = await from(th, fromIp(), 'admin', ADMIN_PASSWORD);
    expect(b.status).toBe(200);
    // Unknown names are throttled exactly like known ones, so the throttle reveals nothing either.
    for (let i = 0; i < FREE; i++) expect((await from(th, a, 'ghost', `guess-${i}-xxxxx`)).status).toBe(401);
    const ghost = await from(th, a, 'ghost', 'guess-next-xxxxx');
    expect(ghost.status).toBe(429);
    expect(ghost.headers['retry-after']).toBe('1');
  });

  it('each further failure doubles the wait (Retry-After 1, 2, 4), and waiting Retry-After is enough', async () => {
    const ip = fromIp();
    for (let i = 0; i < FREE; i++) await from(th, ip, 'admin', `guess-${i}-xxxxx`);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await from(th, ip, 'admin', 'guess-early-xxxx');
      expect(refused.status).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      if (round === 2) break;
      await sleep(waits[round]! * 1000 + 20);
      expect((await from(th, ip, 'admin', `guess-late-${round}-xx`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4]);
    expect((await from(th, fromIp(), 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('a successful sign-in resets the pair: its free failures start again', async () => {
    await createUser(th, await loginAs(th, 'admin', ADMIN_PASSWORD), 'forgetful');
    const ip = fromIp();
    const wrong = async () => (await from(th, ip, 'forgetful', 'wrong-password-x')).status;
    expect([await wrong(), await wrong()]).toEqual([401, 401]);
    expect((await from(th, ip, 'forgetful', 'forgetful-password-1')).status).toBe(200);
    // Without the reset the third failure would open a delay and the fourth attempt would be refused at once.
    expect([await wrong(), await wrong(), await wrong()]).toEqual([401, 401, 401]);
    expect(await wrong()).toBe(429);
  });

  it('parallel attempts of one pair cannot slip past the delay', async () => {
    const ip = fromIp();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => from(th, ip, 'admin', `parallel-${i}-xxxx`)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(FREE);
  });

  it('LOGIN_MAX_FAILURES_PER_IP failures over any accounts → 401, the next attempt from that source → 429; other sources are not affected', async () => {
    const sprayer = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '5', TRUST_PROXY_HOPS: '1' });
    try {
      const ip = fromIp();
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await from(sprayer, ip, `user-${i}`, 'password-guess')).status);
      expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
      const capped = await from(sprayer, ip, 'admin', ADMIN_PASSWORD);
      expect(capped.status).toBe(429);
      expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
      expect((await from(sprayer, fromIp(), 'admin', ADMIN_PASSWORD)).status).toBe(200);
    } finally {
      await sprayer.close();
    }
  });

  it('successes do not use up the per-source allowance', async () => {
    const office = await startTestApp({ LOGIN_MAX_FAILURES_PER_IP: '2', TRUST_PROXY_HOPS: '1' });
    try {
      const ip = fromIp();
      for (let i = 0; i < 4; i++) expect((await from(office, ip, 'admin', ADMIN_PASSWORD)).status).toBe(200);
      expect((await from(office, ip, 'nobody', 'password-guess')).status).toBe(401);
      expect((await from(office, ip, 'nobody-else', 'password-guess')).status).toBe(401);
      expect((await from(office, ip, 'admin', ADMIN_PASSWORD)).status).toBe(429);
    } finally {
      await office.close();
    }
  });

  it('two API instances on one database share the numbers', async () => {
    const second = await startTestApp({ TRUST_PROXY_HOPS: '1', LOGIN_FREE_FAILURES: String(FREE) }, th.db);
    try {
      const ip = fromIp();
      for (let i = 0; i < FREE; i++) expect((await from(i % 2 ? second : th, ip, 'admin', `guess-${i}-xxxxx`)).status).toBe(401);
      const refused = await from(second, ip, 'admin', ADMIN_PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('AUTH_RATE_LIMITED');
      expect((await from(th, ip, 'admin', ADMIN_PASSWORD)).status).toBe(429);
    } finally {
      await second.close();
    }
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
