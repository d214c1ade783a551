import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { query } from '../setup/test-db.js';
import { adminSession, raw, startListeningApp, type ProxyTestApp, type Session } from './proxy-harness.js';

/**
 * Every outbound call to a cluster: the address policy on the address dialled (rows that predate the policy
 * included), no redirect followed, and nothing of a non-Kubernetes answer shown. The "clusters" here are plain
 * local HTTP servers, which is what an attacker registers: an internal service on an allowed address.
 */
let t: ProxyTestApp;
let admin: Session;
let adminToken: string;
const SECRET = `aws_secret_access_key=wJalrXUtnFEMI-${Math.random().toString(36).slice(2, 10)}`;
const page = `<html><body><h1>Internal admin</h1><pre>${SECRET}</pre></body></html>`;

const servers: http.Server[] = [];
async function serve(handler: http.RequestListener): Promise<string> {
  const s = http.createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** Where the redirects point; must never be asked anything. */
let targetHits = 0;
let target = '';
let redirector = '';
/** An internal service: under /ok it serves just enough discovery to look like a cluster, then secret pages. */
let internal = '';

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};
const secretPage = (res: http.ServerResponse, status: number) => {
  res.writeHead(status, { 'Content-Type': 'text/html' });
  res.end(page);
};

function internalService(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? '').split('?')[0]!;
  if (path === '/ok/version') return json(res, 200, { gitVersion: SECRET });
  if (path === '/ok/api/v1') {
    return json(res, 200, {
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: ['pods', 'configmaps'].map((name) => ({ name, kind: name === 'pods' ? 'Pod' : 'ConfigMap', namespaced: true, verbs: ['get', 'list', 'watch'] })),
    });
  }
  if (path === '/ok/apis') return json(res, 200, { kind: 'APIGroupList', groups: [] });
  // A list that succeeds, then a watch that redirects: what client-node's fetch-based Watch followed.
  if (path === '/ok/api/v1/namespaces/watched/pods') {
    if (!req.url?.includes('watch=true')) return json(res, 200, { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '7' }, items: [] });
    res.writeHead(302, { Location: `${target}/stolen?from=watch` });
    return res.end();
  }
  if (path === '/ok/api/v1/namespaces/default/configmaps/leak') return secretPage(res, 200);
  // JSON, even Status-like, but not a Kubernetes Status: its message is still the service's text.
  if (path === '/ok/api/v1/namespaces/default/configmaps/almost') return json(res, 500, { kind: 'Error', message: SECRET });
  secretPage(res, 500);
}

const register = (id: string, server: string) => admin.post('/api/clusters', { method: 'token', id, server, token: 'irrelevant', insecureSkipTlsVerify: true });
const leaks = (res: { text?: string; body?: unknown }) => (res.text ?? JSON.stringify(res.body)).includes(SECRET.split('=')[1]!);

beforeAll(async () => {
  target = await serve((_req, res) => {
    targetHits += 1;
    json(res, 200, { gitVersion: 'v1.36.0' });
  });
  redirector = await serve((_req, res) => {
    res.writeHead(302, { Location: `${target}/stolen?from=redirect` });
    res.end();
  });
  internal = await serve(internalService);
  t = await startListeningApp();
  admin = await adminSession(t);
  adminToken = (await admin.post('/api/tokens', { name: 'egress-kubectl', expiresInDays: 1 })).body.token as string;
  const real = inject('clusters')[0]!;
  expect((await admin.post('/api/clusters', { method: 'token', id: 'real', server: real.server, caData: real.ca, token: real.token })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await t.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('redirects are reported, never followed', () => {
  it('the health probe of a cluster answering 302 names the redirect, shows nothing of its Location and never asks the target', async () => {
    const res = await register('redir', redirector);
    expect(res.status).toBe(201);
    expect(targetHits).toBe(0);
    expect(res.body.health.state).toBe('unreachable');
    expect(res.body.health.lastError).toMatch(/redirect \(HTTP 302\)/);
    expect(JSON.stringify(res.body)).not.toMatch(/stolen|from=redirect/);
    const again = await admin.post('/api/clusters/redir/health');
    expect(again.body.health.lastError).toMatch(/redirect/);
    expect(targetHits).toBe(0);
  });

  it('discovery and lists of that cluster answer CLUSTER_REDIRECTED, and the target is still never asked', async () => {
    const discovery = await admin.get('/api/clusters/redir/discovery');
    expect(discovery.status).toBe(502);
    expect(discovery.body.code).toBe('CLUSTER_REDIRECTED');
    const list = await admin.get('/api/clusters/redir/resources/core/v1/pods?namespace=default');
    expect(list.body.code).toBe('CLUSTER_REDIRECTED');
    expect(JSON.stringify([discovery.body, list.body])).not.toMatch(/stolen|127\.0\.0\.1/);
    expect(targetHits).toBe(0);
  });

  it('an informer whose watch is redirected after a good list fails with CLUSTER_REDIRECTED and never asks the target', async () => {
    expect((await register('watch-redir', `${internal}/ok`)).status).toBe(201);
    const list = await admin.get('/api/clusters/watch-redir/resources/core/v1/pods?namespace=watched');
    expect(targetHits).toBe(0);
    expect(list.status).toBe(502);
    expect(list.body.code).toBe('CLUSTER_REDIRECTED');
  });
});

describe('nothing of a non-Kubernetes answer is shown', () => {
  it('registration, cluster detail and a refreshed health show neither the page nor a fake version', async () => {
    const res = await register('internal', `${internal}/ok`);
    expect(res.status).toBe(201);
    expect(res.body.health).toMatchObject({ state: 'unreachable', version: null });
    expect(res.body.health.lastError).toMatch(/not a Kubernetes API response/);
    expect(leaks(res)).toBe(false);
    expect(leaks(await admin.post('/api/clusters/internal/health'))).toBe(false);
    expect(leaks(await admin.get('/api/clusters/internal'))).toBe(false);
    expect(leaks(await admin.get('/api/clusters'))).toBe(false);
  });

  it('a list (informer) and an object read answer by HTTP status alone', async () => {
    const list = await admin.get('/api/clusters/internal/resources/core/v1/pods?namespace=default');
    expect(list.status).toBe(502);
    expect(list.body).toMatchObject({ code: 'K8S_ERROR', message: 'The cluster answered HTTP 500 without a Kubernetes Status' });
    const ok200 = await admin.get('/api/clusters/internal/resources/core/v1/configmaps/leak?namespace=default');
    expect(ok200.status).toBe(502);
    expect(ok200.body.code).toBe('K8S_ERROR');
    const almost = await admin.get('/api/clusters/internal/resources/core/v1/configmaps/almost?namespace=default');
    expect(almost.status).toBe(502);
    for (const r of [list, ok200, almost]) expect(leaks(r)).toBe(false);
  });

  it('discovery of a service that answers 500 pages reports the status, not the page', async () => {
    expect((await register('internal-root', internal)).status).toBe(201);
    const discovery = await admin.get('/api/clusters/internal-root/discovery');
    expect(discovery.status).toBe(502);
    expect(discovery.body.message).toBe('The cluster answered HTTP 500 without a Kubernetes Status');
    expect(leaks(discovery)).toBe(false);
  });

  it('a real apiserver Status still shows its message (404 of an object, 404 of an unknown group)', async () => {
    const missing = await admin.get('/api/clusters/real/resources/core/v1/configmaps/no-such-map?namespace=default');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'K8S_NOT_FOUND', details: { reason: 'NotFound', kind: 'configmaps', name: 'no-such-map' } });
    expect(missing.body.message).toBe('configmaps "no-such-map" not found');
    const health = await admin.post('/api/clusters/real/health');
    expect(health.body.health).toMatchObject({ state: 'ok', lastError: null });
    expect(health.body.health.version).toMatch(/^v1\.36\./);
  });
});

describe('the address policy holds at connect time, for rows that predate it', () => {
  beforeAll(async () => {
    // Registered while the address was allowed (discovery cached), then the row points at a refused address:
    // the state of a database written before this policy, or of a name that now resolves elsewhere.
    expect((await register('moved', `${internal}/ok`)).status).toBe(201);
    expect((await admin.get('/api/clusters/moved/discovery')).status).toBe(200);
    expect((await register('moved-v6', `${internal}/ok`)).status).toBe(201);
    await query(t.db.url, `UPDATE clusters SET server = 'http://100.100.100.200/latest' WHERE id = 'moved'`);
    await query(t.db.url, `UPDATE clusters SET server = 'http://[::ffff:a9fe:a9fe]:80' WHERE id = 'moved-v6'`);
  });

  it('the health probe reports the policy', async () => {
    for (const id of ['moved', 'moved-v6']) {
      const res = await admin.post(`/api/clusters/${id}/health`);
      expect(res.status).toBe(200);
      expect(res.body.health).toMatchObject({ state: 'unreachable' });
      expect(res.body.health.lastError).toMatch(/refused by the console's address policy/);
    }
  });

  it('the informer (discovery still cached) and discovery refuse with CLUSTER_URL_FORBIDDEN', async () => {
    const list = await admin.get('/api/clusters/moved/resources/core/v1/pods?namespace=default');
    expect(list.status).toBe(400);
    expect(list.body.code).toBe('CLUSTER_URL_FORBIDDEN');
    const discovery = await admin.get('/api/clusters/moved-v6/discovery');
    expect(discovery.status).toBe(400);
    expect(discovery.body.code).toBe('CLUSTER_URL_FORBIDDEN');
  });

  it('the kubectl proxy refuses with a Status naming CLUSTER_URL_FORBIDDEN, for requests and upgrades', async () => {
    const res = await raw(t, 'GET', '/k8s/clusters/moved/api/v1/namespaces/default/pods', { Authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ kind: 'Status', code: 403 });
    expect(JSON.parse(res.body).message).toMatch(/CLUSTER_URL_FORBIDDEN/);
    const upgrade = await raw(t, 'POST', '/k8s/clusters/moved/api/v1/namespaces/default/pods/p/exec?command=ls&stdout=true', {
      Authorization: `Bearer ${adminToken}`,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Version': '13',
      'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
      'Sec-WebSocket-Protocol': 'v5.channel.k8s.io',
    });
    expect(upgrade.status).toBe(403);
    expect(upgrade.body).toMatch(/CLUSTER_URL_FORBIDDEN/);
  });
});
