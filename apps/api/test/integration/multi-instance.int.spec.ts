import type { WatchAck } from '@wheelhouse/shared';
import { randomBytes } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../setup/api-process.js';
import { startRedis } from '../setup/redis-server.js';
import { ADMIN_PASSWORD, ORIGIN, browser, createUser, loginAs, registerCluster, userId, type Browser } from '../setup/test-app.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-db.js';
import { nextEvent as next, type WSocket } from '../setup/live-events.js';

/**
 * Several API instances, each its own OS process of the built API (apps/api/dist), on one database. With
 * REDIS_URL the socket.io Redis adapter carries "end this user's live connections" from the process that
 * disabled the user to the process holding the socket. The re-auth loop runs every 30 s (the maximum) and each
 * check below ends within seconds of its process booting, so a quick disconnect can only come through Redis.
 */

const suffix = randomBytes(3).toString('hex');
const NS = `mi-${suffix}`;
const NO_BACKGROUND = { STREAM_REAUTH_SECONDS: '30', CLUSTER_HEALTH_INTERVAL_SECONDS: '0' };
const procs: ApiProcess[] = [];
const sockets: WSocket[] = [];
let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
let db: TestDatabase | undefined;
let secretKey: string;
let a: ApiProcess;
let b: ApiProcess;

/** Every process shares the database and the secret key (cluster credentials are encrypted with it). */
async function start(env: Record<string, string>): Promise<ApiProcess> {
  const started = performance.now();
  const proc = await startApiProcess({ DATABASE_URL: db!.url, WHEELHOUSE_SECRET_KEY: secretKey, ...NO_BACKGROUND, ...env });
  procs.push(proc);
  process.stderr.write(`[multi-instance] API process ${proc.pid} ready in ${Math.round(performance.now() - started)} ms\n`);
  return proc;
}

async function cookieOf(client: Browser): Promise<string> {
  const res = await client.get('/api/auth/me');
  expect(res.status).toBe(200);
  return (res.request as unknown as { cookies: string }).cookies;
}

async function socketOn(proc: ApiProcess, cookie: string): Promise<WSocket> {
  const s: WSocket = connect(proc.url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { Origin: ORIGIN, Cookie: cookie }, reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}

/** Resolves with the disconnect reason, or null when the socket is still connected after `ms`. */
const disconnectWithin = (s: WSocket, ms: number) =>
  new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    s.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
  });


/** A new user created as admin on `on`; returns its id and a session cookie obtained by signing in on `on`. */
async function newUser(on: ApiProcess, admin: Browser, name: string): Promise<{ id: string; cookie: string }> {
  const user = await createUser(on.url, admin, `${name}-${suffix}`);
  return { id: await userId(admin, `${name}-${suffix}`), cookie: await cookieOf(user) };
}

beforeAll(async () => {
  secretKey = randomBytes(32).toString('base64');
  redis = await startRedis();
  db = await createTestDatabase();
  // Both boot at once, as a scaled-out deployment would: migrations and the bootstrap admin are race-safe.
  [a, b] = await Promise.all([start({ REDIS_URL: redis.url }), start({ REDIS_URL: redis.url })]);
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  const stopped = await Promise.allSettled(procs.map((p) => p.stop()));
  await redis?.stop();
  await db?.drop();
  const failed = stopped.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
});

describe('several API processes', () => {
  it('share sessions through PostgreSQL: a login on one process works on the other', async () => {
    const cookie = await cookieOf(await loginAs(a.url, 'admin', ADMIN_PASSWORD));
    const viaB = await browser(b.url).get('/api/auth/me').set('Cookie', cookie);
    expect(viaB.status).toBe(200);
    expect(viaB.body).toMatchObject({ username: 'admin' });
  });

  it('with Redis, disabling a user on process A ends their socket on process B at once', async () => {
    const admin = await loginAs(a.url, 'admin', ADMIN_PASSWORD);
    const { id, cookie } = await newUser(a, admin, 'roaming');
    const socket = await socketOn(b, cookie);
    const gone = disconnectWithin(socket, 5_000);
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('a resource created through process A reaches a live watch on process B', async () => {
    const admin = await loginAs(a.url, 'admin', ADMIN_PASSWORD);
    expect((await registerCluster(admin, 'c1')).status).toBe(201);
    const ns = await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
    expect(ns.status).toBe(201);
    // B never saw the registration request: it reads the cluster and its credentials from the shared database.
    const s = await socketOn(b, await cookieOf(await loginAs(b.url, 'admin', ADMIN_PASSWORD)));
    const ack = (await (s as Socket).emitWithAck('watch', { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps', namespace: NS })) as WatchAck;
    expect(ack).toMatchObject({ ok: true });
    const delta = next(s, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === 'from-a'));
    const created = await admin.post(`/api/clusters/c1/resources/core/v1/configmaps?namespace=${NS}`, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'from-a', namespace: NS },
      data: { k: 'v' },
    });
    expect(created.status).toBe(201);
    const got = await delta;
    expect(got.events.find((e) => (e.object as { metadata: { name: string } }).metadata.name === 'from-a')).toMatchObject({ type: 'ADDED' });
  });

  it('without Redis the other process does not hear about it (until its own re-check)', async () => {
    // Started here so its first 30 s re-check cannot fall inside this test's window.
    const lonely = await start({});
    const admin = await loginAs(a.url, 'admin', ADMIN_PASSWORD);
    const { id, cookie } = await newUser(a, admin, 'isolated');
    const onLonely = await socketOn(lonely, cookie);
    const onB = await socketOn(b, cookie);
    const lonelyGone = disconnectWithin(onLonely, 3_000);
    const bGone = disconnectWithin(onB, 3_000);
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).status).toBe(200);
    // The same disable did reach the process on Redis, so the one without it really missed a broadcast.
    expect(await bGone).toBe('io server disconnect');
    expect(await lonelyGone).toBeNull();
    expect(onLonely.connected).toBe(true);
    // It is not that the process missed the change itself: its HTTP side already refuses the session.
    expect((await browser(lonely.url).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  }, 60_000);
});
