import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ORIGIN, loginAs, startTestApp, type TestApp } from '../setup/test-app.js';
import { ADMIN_DN, ADMIN_PW, BASE, seedLdif, startSlapd, type Slapd } from '../setup/slapd.js';

/** LDAP sign-in goes through the same throttle as local sign-in (accounts counted per provider). */
const FREE = 2;
let slapd: Slapd;
let t: TestApp;

const ldapConfig = (urls: string[]) => ({
  urls,
  bindDn: ADMIN_DN,
  userSearchBase: `ou=people,${BASE}`,
  userFilter: '(uid={username})',
  connectTimeoutMs: 500,
});
const login = (provider: string, ip: string, username: string, password: string) =>
  request(t.server).post(`/api/auth/ldap/${provider}/login`).set('Origin', ORIGIN).set('X-Forwarded-For', ip).send({ username, password });

beforeAll(async () => {
  slapd = await startSlapd(await seedLdif([{ uid: 'alice', cn: 'Alice Zhang' }], []));
  t = await startTestApp({ LDAP_SYNC_MINUTES: '0', TRUST_PROXY_HOPS: '1', LOGIN_FREE_FAILURES: String(FREE) });
  const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  for (const [id, urls] of [['corp', [slapd.url]], ['down', ['ldap://127.0.0.1:1']]] as const) {
    const res = await admin.post('/api/identity-providers', { type: 'ldap', id, displayName: id, config: ldapConfig([...urls]), bindPassword: ADMIN_PW });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  await t.close();
  await slapd.stop();
});

describe('LDAP sign-in throttle', () => {
  it(`${FREE} failures from one source → 401, then 429 with Retry-After; the same account from another source signs in; an unreachable directory counts for nothing`, async () => {
    for (let i = 0; i < FREE; i++) expect((await login('corp', '203.0.113.1', 'alice', `wrong-${i}`)).status).toBe(401);
    const refused = await login('corp', '203.0.113.1', 'alice', 'alice-password');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('AUTH_RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('1');
    expect((await login('corp', '203.0.113.2', 'alice', 'alice-password')).status).toBe(200);
    // An unreachable directory decides nothing, so it counts for nothing (and frees the pair's gate at once).
    for (let i = 0; i < FREE + 2; i++) {
      const res = await login('down', '203.0.113.3', 'alice', `guess-${i}`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('IDP_UNAVAILABLE');
    }
  });
});
