import type { WatchAck } from '@wheelhouse/shared';
import type { AddressInfo } from 'node:net';
import type { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8sGateway } from '../../src/k8s/k8s.gateway.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { StreamsGateway } from '../../src/streams/streams.gateway.js';
import { ADMIN_PASSWORD, ORIGIN, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { nextEvent as next, type WSocket } from '../setup/live-events.js';

const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `sl-a-${suffix}`;
const NS_B = `sl-b-${suffix}`;
const CM = '/api/clusters/c1/resources/core/v1/configmaps';
const role = (name: string) => BUILT_IN_ROLES.find((r) => r.name === name)!.id;
const CAP = 20;

type Named = { metadata: { name: string; namespace?: string } };
const sockets: WSocket[] = [];

async function cookieOf(b: Browser): Promise<string> {
  const res = await b.get('/api/auth/me');
  expect(res.status).toBe(200);
  return (res.request as unknown as { cookies: string }).cookies;
}

function open(app: TestApp, cookie: string): Promise<WSocket> {
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const s: WSocket = connect(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { Origin: ORIGIN, Cookie: cookie }, reconnection: false });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** The server's side of a client socket (to wait until the server has seen it go). */
function serverSocket(app: TestApp, s: WSocket) {
  const { io } = app.app.get<StreamsGateway, { io: Server }>(StreamsGateway);
  return io.sockets.sockets.get(s.id!)!;
}

async function closeAndWait(app: TestApp, s: WSocket): Promise<void> {
  const server = serverSocket(app, s);
  const gone = new Promise((resolve) => server.once('disconnect', resolve));
  s.disconnect();
  await gone;
}

const watch = (s: WSocket, req: object) => (s as Socket).emitWithAck('watch', req) as Promise<WatchAck>;
const unwatch = (s: WSocket, channel: string) => (s as Socket).emitWithAck('unwatch', { channel }) as Promise<{ ok: boolean; code?: string }>;
const cm = (name: string, ns: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { k: 'v' } });
const view = (resource: string, namespace?: string) => ({ cluster: 'c1', group: 'core', version: 'v1', resource, ...(namespace ? { namespace } : {}) });
const names = (items: unknown[]) => (items as Named[]).map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();


let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  // Message limits far above what these tests send: the flood has its own app below.
  t = await startTestApp({
    STREAM_MAX_SUBSCRIPTIONS_PER_SOCKET: String(CAP),
    STREAM_SOCKETS_PER_SESSION: '3',
    STREAM_SOCKETS_PER_USER: '5',
    STREAM_MESSAGES_PER_SECOND: '2000',
    STREAM_MESSAGE_HARD_LIMIT: '4000',
  });
  await t.app.listen(0, '127.0.0.1');
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS_A, NS_B]) {
    expect((await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
    for (const n of ['one', 'two']) expect((await admin.post(`${CM}?namespace=${ns}`, cm(n, ns))).status).toBe(201);
  }
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.close();
});

describe('subscriptions per socket', () => {
  it('300 concurrent watches: exactly the cap is accepted, the rest SUBSCRIPTION_LIMIT, and only the cap reaches the cluster', async () => {
    const s = await open(t, await cookieOf(admin));
    const acks = await Promise.all(Array.from({ length: 300 }, (_, i) => watch(s, view('serviceaccounts', `cap-${suffix}-${i}`))));
    const ok = acks.filter((a): a is Extract<WatchAck, { ok: true }> => a.ok);
    expect(ok).toHaveLength(CAP);
    expect(acks.filter((a) => !a.ok).map((a) => (a as { code: string }).code)).toEqual(Array(300 - CAP).fill('SUBSCRIPTION_LIMIT'));
    const informers = t.app.get(K8sGateway).informerStats().filter((i) => i.key.includes(`/v1/serviceaccounts|cap-${suffix}-`));
    expect(informers).toHaveLength(CAP);
    expect(informers.every((i) => i.refs === 1)).toBe(true);
    const channels = t.app.get(StreamsGateway).stats();
    expect(ok.every((a) => channels.find((c) => c.id === a.channel)?.subscribers === 1)).toBe(true);

    // A freed slot is usable again, and only one.
    expect(await unwatch(s, ok[0]!.channel)).toMatchObject({ ok: true });
    expect(await watch(s, view('serviceaccounts', `cap-${suffix}-again`))).toMatchObject({ ok: true });
    expect(await watch(s, view('serviceaccounts', `cap-${suffix}-over`))).toMatchObject({ ok: false, code: 'SUBSCRIPTION_LIMIT' });

    // A disconnect frees everything: every lease is returned.
    await closeAndWait(t, s);
    const left = t.app.get(K8sGateway).informerStats().filter((i) => i.key.includes(`/v1/serviceaccounts|cap-${suffix}-`));
    expect(left.every((i) => i.refs === 0)).toBe(true);
  });

  it('a duplicate watch of the same view keeps one subscription that still delivers, and does not take a slot', async () => {
    const s = await open(t, await cookieOf(admin));
    const first = (await watch(s, view('configmaps', NS_A))) as { channel: string };
    const again = (await watch(s, view('configmaps', NS_A))) as { channel: string };
    expect(again).toMatchObject({ ok: true, channel: first.channel });
    expect(t.app.get(StreamsGateway).stats().find((c) => c.id === first.channel)?.subscribers).toBe(1);
    const delta = next(s, 'deltas', (p) => p.channel === first.channel && p.events.some((e) => (e.object as Named).metadata.name === `dup-${suffix}`));
    expect((await admin.post(`${CM}?namespace=${NS_A}`, cm(`dup-${suffix}`, NS_A))).status).toBe(201);
    await delta;
    const more = await Promise.all(Array.from({ length: CAP - 1 }, (_, i) => watch(s, view('serviceaccounts', `dup-${suffix}-${i}`))));
    expect(more.every((a) => a.ok)).toBe(true);
    await closeAndWait(t, s);
  });

  it('a socket that disconnects while its watch is being set up leaves no subscriber and no lease behind', async () => {
    const k8s = t.app.get(K8sGateway);
    const acquire = k8s.acquire.bind(k8s);
    let entered!: () => void;
    const inAcquire = new Promise<void>((resolve) => (entered = resolve));
    let proceed!: () => void;
    const gate = new Promise<void>((resolve) => (proceed = resolve));
    let returned!: () => void;
    const leaseReturned = new Promise<void>((resolve) => (returned = resolve));
    // Holds the lease back until the server has seen the disconnect (the real informer still starts).
    k8s.acquire = async (...args: Parameters<K8sGateway['acquire']>) => {
      entered();
      const lease = await acquire(...args);
      await gate;
      setImmediate(returned);
      return lease;
    };
    try {
      const s = await open(t, await cookieOf(admin));
      void watch(s, view('configmaps', NS_B)).catch(() => undefined);
      await inAcquire;
      await closeAndWait(t, s);
      proceed();
      await leaseReturned;
    } finally {
      k8s.acquire = acquire;
    }
    const key = k8s.informerStats().find((i) => i.key.endsWith(`/v1/configmaps|${NS_B}`));
    expect(key?.refs ?? 0).toBe(0);
    expect(t.app.get(StreamsGateway).stats().every((c) => c.subscribers > 0)).toBe(true);
  });
});

describe('message size', () => {
  it('a message over 64 KB closes the socket before it is parsed; a small one on a new socket still works', async () => {
    const cookie = await cookieOf(admin);
    const s = await open(t, cookie);
    const closed = new Promise<string>((resolve) => s.once('disconnect', resolve));
    s.emit('watch', { ...view('configmaps'), namespace: 'x'.repeat(100_000) }, () => undefined);
    expect(await closed).toBe('transport close');
    const again = await open(t, cookie);
    expect(await watch(again, view('configmaps'))).toMatchObject({ ok: true });
  });
});

describe('sockets per session and per user', () => {
  it('the socket past the session cap is refused with SOCKET_LIMIT, and a freed slot is usable again', async () => {
    const name = `sl-sess-${suffix}`;
    const user = await createUser(t, admin, name);
    const cookie = await cookieOf(user);
    const three = await Promise.all([open(t, cookie), open(t, cookie), open(t, cookie)]);
    await expect(open(t, cookie)).rejects.toThrow('SOCKET_LIMIT');
    await closeAndWait(t, three[0]);
    const again = await open(t, cookie);
    expect(again.connected).toBe(true);
    await expect(open(t, cookie)).rejects.toThrow('SOCKET_LIMIT');

    // The user cap counts every session of the user: 3 + 2 on a second session fill it.
    const second = await cookieOf(await loginAs(t, name, `${name}-password-1`));
    await Promise.all([open(t, second), open(t, second)]);
    await expect(open(t, second)).rejects.toThrow('SOCKET_LIMIT');
  });

  it('concurrent connects of one session: exactly the cap gets through', async () => {
    const user = await createUser(t, admin, `sl-conc-${suffix}`);
    const cookie = await cookieOf(user);
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => open(t, cookie)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r).reason.message)).toEqual(Array(9).fill('SOCKET_LIMIT'));
  });
});

describe('an all-namespaces watch by a namespace-limited user', () => {
  it('is scoped to their namespaces, exactly like the list', async () => {
    const name = `sl-dev-${suffix}`;
    const dev = await createUser(t, admin, name);
    await bind(admin, role('developer'), { kind: 'user', id: await userId(admin, name) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
    const list = await dev.get(CM);
    expect(list.status).toBe(200);
    expect(list.body.namespaces).toEqual([NS_A]);
    expect(names(list.body.items)).toEqual(expect.arrayContaining([`${NS_A}/one`, `${NS_A}/two`]));

    const s = await open(t, await cookieOf(dev));
    const synced = next(s, 'sync', () => true);
    const ack = await watch(s, view('configmaps'));
    const sync = await synced;
    expect(names(sync.items)).toEqual(names(list.body.items));
    // The scope is explicit, as the list's `namespaces`: an empty view is told apart from an empty scope.
    expect(ack).toMatchObject({ ok: true, namespaces: [NS_A] });
  });

  it('with no namespace for the kind is refused with FORBIDDEN, as the list is', async () => {
    const name = `sl-view-${suffix}`;
    const viewer = await createUser(t, admin, name);
    // viewer reads configmaps in NS_A but no secrets anywhere.
    await bind(admin, role('viewer'), { kind: 'user', id: await userId(admin, name) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
    const secrets = await viewer.get('/api/clusters/c1/resources/core/v1/secrets');
    expect(secrets.status).toBe(403);
    expect(secrets.body.code).toBe('FORBIDDEN');
    const s = await open(t, await cookieOf(viewer));
    expect(await watch(s, view('secrets'))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await watch(s, view('configmaps'))).toMatchObject({ ok: true, namespaces: [NS_A] });
  });
});

describe('message rate per socket', () => {
  let f: TestApp;
  beforeAll(async () => {
    f = await startTestApp({ STREAM_MESSAGES_PER_SECOND: '5', STREAM_MESSAGE_BURST: '5', STREAM_MESSAGE_HARD_LIMIT: '50' });
    await f.app.listen(0, '127.0.0.1');
  }, 60_000);
  afterAll(async () => f?.close());

  it('a flood of watch messages gets RATE_LIMITED acks, then a closing notice and a disconnect past the hard limit', async () => {
    const b = await loginAs(f, 'admin', ADMIN_PASSWORD);
    const s = await open(f, await cookieOf(b));
    const acks: WatchAck[] = [];
    const closing = next(s, 'closing', () => true);
    const gone = new Promise((resolve) => s.once('disconnect', resolve));
    for (let i = 0; i < 1000; i++) s.emit('watch', view('configmaps', `flood-${i}`), (a: WatchAck) => acks.push(a));
    expect(await closing).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await gone).toBe('io server disconnect');
    const codes = acks.map((a) => (a.ok ? 'ok' : a.code));
    // No cluster is registered in this app: what got through the limiter (at most rate + burst) is answered
    // CLUSTER_NOT_FOUND, unless the disconnect came first.
    expect(new Set(codes)).toEqual(new Set(['RATE_LIMITED', ...(codes.includes('CLUSTER_NOT_FOUND') ? ['CLUSTER_NOT_FOUND'] : [])]));
    expect(codes.filter((c) => c === 'CLUSTER_NOT_FOUND').length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThan(1000);

    // The limit is the socket's: a new socket of the same session starts with a fresh allowance.
    const fresh = await open(f, await cookieOf(b));
    expect(await watch(fresh, view('configmaps'))).toMatchObject({ ok: false, code: 'CLUSTER_NOT_FOUND' });
  });
});
