import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ORIGIN, createUser, loginAs, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { startRedis } from '../setup/redis-server.js';

/**
 * Two API instances on one database. With REDIS_URL the socket.io Redis adapter carries "end this user's live
 * connections" from the instance that disabled the user to the instance holding the socket. The re-auth loop is
 * set to 30 s here, so a quick disconnect can only come through the adapter.
 */
let redis: Awaited<ReturnType<typeof startRedis>>;
let a: TestApp;
let b: TestApp;
let noRedis: TestApp;
const sockets: Socket[] = [];

const urlOf = async (t: TestApp) => {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
};

async function socketOn(url: string, cookie: string): Promise<Socket> {
  const s = connect(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { Origin: ORIGIN, Cookie: cookie }, reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}

const disconnectedWithin = (s: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    s.once('disconnect', () => (clearTimeout(timer), resolve(true)));
  });

async function cookieFor(t: TestApp, admin: Browser, name: string): Promise<{ cookie: string; id: string }> {
  await createUser(t, admin, name);
  const login = await (await loginAs(t, name, `${name}-password-1`)).get('/api/auth/me');
  return { cookie: (login.request as unknown as { cookies: string }).cookies, id: await userId(admin, name) };
}

beforeAll(async () => {
  redis = await startRedis();
  const env = { REDIS_URL: redis.url, STREAM_REAUTH_SECONDS: '30', CLUSTER_HEALTH_INTERVAL_SECONDS: '0' };
  a = await startTestApp(env);
  b = await startTestApp(env, a.db);
  noRedis = await startTestApp({ STREAM_REAUTH_SECONDS: '30', CLUSTER_HEALTH_INTERVAL_SECONDS: '0' }, a.db);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await noRedis.close();
  await b.close();
  await a.close();
  await redis.stop();
});

describe('several API instances', () => {
  it('share sessions through PostgreSQL: a login on one instance works on the other', async () => {
    const adminA = await loginAs(a, 'admin', ADMIN_PASSWORD);
    const cookie = (((await adminA.get('/api/auth/me')).request as unknown) as { cookies: string }).cookies;
    const viaB = await (await import('supertest')).default(b.server).get('/api/auth/me').set('Cookie', cookie);
    expect(viaB.status).toBe(200);
  });

  it('with Redis, disabling a user on instance A ends their socket on instance B at once', async () => {
    const admin = await loginAs(a, 'admin', ADMIN_PASSWORD);
    const { cookie, id } = await cookieFor(a, admin, 'roaming');
    const socket = await socketOn(await urlOf(b), cookie);
    const gone = disconnectedWithin(socket, 5_000);
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect(await gone).toBe(true);
  });

  it('without Redis the other instance does not hear about it (until its own re-check)', async () => {
    const admin = await loginAs(a, 'admin', ADMIN_PASSWORD);
    const { cookie, id } = await cookieFor(a, admin, 'isolated');
    const socket = await socketOn(await urlOf(noRedis), cookie);
    const gone = disconnectedWithin(socket, 3_000);
    await admin.patch(`/api/users/${id}`, { disabled: true });
    expect(await gone).toBe(false);
  });
});
