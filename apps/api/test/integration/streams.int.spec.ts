import { startTestCluster, stopCluster, restartApiserver, binaryDir } from '@wheelhouse/cluster';
import type { WatchAck } from '@wheelhouse/shared';
import { execFile } from 'node:child_process';
import { writeFile, mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { K8sGateway } from '../../src/k8s/k8s.gateway.js';
import { StreamsGateway } from '../../src/streams/streams.gateway.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, ORIGIN, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { nextEvent as next, type WSocket } from '../setup/live-events.js';

const run = promisify(execFile);
const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `st-a-${suffix}`;
const NS_B = `st-b-${suffix}`;
const CM = '/api/clusters/c1/resources/core/v1/configmaps';
const developer = BUILT_IN_ROLES.find((r) => r.name === 'developer')!.id;

let t: TestApp;
let admin: Browser;
let url: string;
let kubeconfig: string;
const sockets: WSocket[] = [];

async function cookieOf(b: Browser): Promise<string> {
  const res = await b.get('/api/auth/me');
  expect(res.status).toBe(200);
  return (res.request as unknown as { cookies: string }).cookies;
}

async function socketFor(cookie: string | null, origin = ORIGIN): Promise<WSocket> {
  const s: WSocket = connect(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) }, reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', resolve);
    s.once('connect_error', reject);
  });
  return s;
}


const watch = (s: WSocket, req: object) => (s as Socket).emitWithAck('watch', req) as Promise<WatchAck>;
const cm = (name: string, ns: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { k: 'v' } });
const kubectl = (...args: string[]) => run(join(binaryDir(), 'kubectl'), ['--kubeconfig', kubeconfig, ...args]);

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0', STREAM_REAUTH_SECONDS: '1' });
  await t.app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}`;
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS_A, NS_B]) await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const dir = await mkdtemp(join(tmpdir(), 'wh-kc-'));
  kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, inject('clusters')[0]!.kubeconfigYaml);
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await t.close();
});

describe('live events over socket.io', () => {
  it('refuses connections without a session or from another origin', async () => {
    await expect(socketFor(null)).rejects.toThrow(/AUTH_REQUIRED/);
    await expect(socketFor(await cookieOf(admin), 'https://evil.example')).rejects.toThrow();
  });

  it('syncs, then delivers a change made with kubectl as a batched delta', async () => {
    await admin.post(`${CM}?namespace=${NS_A}`, cm('before', NS_A));
    const s = await socketFor(await cookieOf(admin));
    const synced = next(s, 'sync', (p) => p.items.length > 0);
    const ack = await watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps', namespace: NS_A });
    expect(ack).toMatchObject({ ok: true, channel: expect.any(String) });
    const sync = await synced;
    expect(sync.items.map((o) => (o as { metadata: { name: string } }).metadata.name)).toContain('before');
    const started = performance.now();
    const delta = next(s, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === 'by-kubectl'));
    await kubectl('create', 'configmap', 'by-kubectl', '-n', NS_A, '--from-literal=a=b');
    const got = await delta;
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`[streams] kubectl change → socket delta in ${ms} ms (kubectl process start included)\n`);
    expect(got.events.find((e) => (e.object as { metadata: { name: string } }).metadata.name === 'by-kubectl')!.type).toBe('ADDED');
    expect((got.events[0]!.object as { metadata: { managedFields?: unknown } }).metadata.managedFields).toBeUndefined();
  });

  it('many subscribers share one channel and one informer', async () => {
    const cookie = await cookieOf(admin);
    const many = await Promise.all(Array.from({ length: 5 }, () => socketFor(cookie)));
    const acks = await Promise.all(many.map((s) => watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps' })));
    expect(new Set(acks.map((a) => (a as { channel: string }).channel)).size).toBe(1);
    const informers = t.app.get(K8sGateway).informerStats().filter((i) => i.key === 'c1|/v1/configmaps|*');
    expect(informers).toHaveLength(1);
    const channel = t.app.get(StreamsGateway).stats().find((c) => c.id === (acks[0] as { channel: string }).channel);
    expect(channel!.subscribers).toBe(5);
    const all = Promise.all(many.map((s) => next(s, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === 'fanout'))));
    await admin.post(`${CM}?namespace=${NS_B}`, cm('fanout', NS_B));
    expect(await all).toHaveLength(5);
  });

  it('a namespace-limited subscriber of all namespaces only ever sees its namespaces', async () => {
    const dev = await createUser(t, admin, `st-dev-${suffix}`);
    await bind(admin, developer, { kind: 'user', id: await userId(admin, `st-dev-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
    const s = await socketFor(await cookieOf(dev));
    const seen: string[] = [];
    s.on('sync', (p) => seen.push(...p.items.map((o) => (o as { metadata: { namespace: string } }).metadata.namespace)));
    s.on('deltas', (p) => seen.push(...p.events.map((e) => (e.object as { metadata: { namespace: string } }).metadata.namespace)));
    expect((await watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps' })).ok).toBe(true);
    const mine = next(s, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === 'mine'));
    await admin.post(`${CM}?namespace=${NS_B}`, cm('not-mine', NS_B));
    await admin.post(`${CM}?namespace=${NS_A}`, cm('mine', NS_A));
    await mine;
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([NS_A]));
    const denied = await watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps', namespace: NS_B });
    expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'nodes' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('ends a subscription within seconds of its binding being revoked, and disconnects a disabled user', async () => {
    const name = `st-rev-${suffix}`;
    const user = await createUser(t, admin, name);
    const id = await userId(admin, name);
    const b = await bind(admin, developer, { kind: 'user', id }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
    const s = await socketFor(await cookieOf(user));
    const ack = await watch(s, { cluster: 'c1', group: 'core', version: 'v1', resource: 'configmaps', namespace: NS_A });
    expect(ack.ok).toBe(true);
    const ended = next(s, 'status', (p) => p.state === 'ended');
    await admin.delete(`/api/rolebindings/${b.body.id}`);
    expect(await ended).toMatchObject({ state: 'ended', code: 'FORBIDDEN' });
    const gone = new Promise((resolve) => s.once('disconnect', resolve));
    await admin.patch(`/api/users/${id}`, { disabled: true });
    expect(await gone).toBe('io server disconnect');
  });

  it('malformed watch requests are refused', async () => {
    const s = await socketFor(await cookieOf(admin));
    expect(await watch(s, { cluster: 'c1', group: 'core' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await watch(s, { cluster: 'nope', group: 'core', version: 'v1', resource: 'pods' })).toMatchObject({ ok: false, code: 'CLUSTER_NOT_FOUND' });
  });
});

describe('upstream failure', () => {
  it('apiserver restart: subscribers see reconnecting then live, with no relist storm', async () => {
    const own = await startTestCluster({ name: `${process.env.WHEELHOUSE_TEST_CLUSTER}-restart`, nodes: 1 });
    try {
      const res = await admin.post('/api/clusters', { method: 'token', id: 'restart', server: own.server, caData: Buffer.from(own.caData, 'base64').toString(), token: own.token });
      expect(res.status).toBe(201);
      const cookie = await cookieOf(admin);
      const subs = await Promise.all(Array.from({ length: 3 }, () => socketFor(cookie)));
      for (const s of subs) expect((await watch(s, { cluster: 'restart', group: 'core', version: 'v1', resource: 'namespaces' })).ok).toBe(true);
      const states = subs.map((s) => {
        const seen: string[] = [];
        s.on('status', (p) => seen.push(p.state));
        return seen;
      });
      const back = Promise.all(subs.map((s) => next(s, 'status', (p) => p.state === 'live', 90_000)));
      await restartApiserver(own.name);
      await back;
      for (const seen of states) expect(seen).toEqual(expect.arrayContaining(['reconnecting', 'live']));
      const informer = t.app.get(K8sGateway).informerStats().find((i) => i.key === 'restart|/v1/namespaces|*')!;
      expect(informer.state).toBe('live');
      expect(informer.relists).toBeLessThanOrEqual(2);
      const delta = next(subs[0]!, 'deltas', (p) => p.events.some((e) => (e.object as { metadata: { name: string } }).metadata.name === `after-${suffix}`));
      await admin.post('/api/clusters/restart/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `after-${suffix}` } });
      await delta;
    } finally {
      await stopCluster(own.name, { purge: true });
    }
  }, 180_000);
});

