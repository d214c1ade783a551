import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { until } from '../setup/until.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';

/** The real local cluster registered twice (s1, s2): one apiserver, two console clusters, two sets of caches. */
let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const NAME = `srch-${suffix}`;
const NS = `${NAME}-a`;
const OTHER = `${NAME}-b`;
const SECRET_VALUE = `TOPSECRET-${suffix}`;
const R = '/api/clusters/s1/resources';

type Kind = { group: string; version: string; resource: string; kind: string; namespaced: boolean };
type Group = { cluster: { id: string; displayName: string }; kind: Kind; total: number; items: { name: string; namespace: string | null; labels?: Record<string, string> }[] };
type Hidden = { cluster: { id: string }; kind: Kind | null; reason: string };
type Result = { groups: Group[]; hidden: Hidden[] };

const search = (who: Browser, q: string, limit?: number) =>
  who.get(`/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
const found = async (who: Browser, q: string, ready: (r: Result) => boolean, limit?: number): Promise<Result> =>
  until(`search ${q}`, async () => {
    const res = await search(who, q, limit);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ready(res.body as Result) && (res.body as Result);
  });
const group = (r: Result, cluster: string, resource: string) => r.groups.find((g) => g.cluster.id === cluster && g.kind.resource === resource);

/** A "cluster" that answers its version, discovery and nodes, but never a configmap list: a slow cluster. */
let slow: http.Server;
const sockets = new Set<Socket>();
function slowCluster(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? '').split('?')[0]!;
  const json = (body: unknown) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (path === '/version') return json({ gitVersion: 'v1.36.0' });
  if (path === '/apis') return json({ kind: 'APIGroupList', groups: [] });
  if (path === '/api/v1') {
    const r = (name: string, kind: string, namespaced: boolean) => ({ name, kind, namespaced, verbs: ['get', 'list', 'watch'] });
    return json({ kind: 'APIResourceList', groupVersion: 'v1', resources: [r('nodes', 'Node', false), r('configmaps', 'ConfigMap', true)] });
  }
  if (req.url?.includes('watch=true')) {
    // A watch that stays open with nothing to say, as an idle apiserver's does.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.flushHeaders();
  }
  if (path === '/api/v1/nodes') {
    return json({ kind: 'NodeList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [{ metadata: { name: `${NAME}-slow-node` } }] });
  }
  if (path === '/api/v1/configmaps') return; // never answered
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
}

beforeAll(async () => {
  slow = http.createServer(slowCluster);
  slow.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  for (const id of ['s1', 's2']) expect((await registerCluster(admin, id)).status).toBe(201);
  for (const ns of [NS, OTHER]) {
    expect((await admin.post(`${R}/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })).status).toBe(201);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${NAME}-cm`, namespace: ns, labels: { search: suffix } }, data: { a: '1' } };
    expect((await admin.post(`${R}/core/v1/configmaps?namespace=${ns}`, cm)).status).toBe(201);
  }
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${NAME}-secret`, namespace: NS }, stringData: { token: SECRET_VALUE } };
  expect((await admin.post(`${R}/core/v1/secrets?namespace=${NS}`, secret)).status).toBe(201);
}, 120_000);
afterAll(async () => {
  for (const ns of [NS, OTHER]) await admin.delete(`${R}/core/v1/namespaces/${ns}`);
  for (const s of sockets) s.destroy();
  await new Promise((r) => slow.close(r));
  await t.close();
});

describe('search across clusters, from the caches', () => {
  it('finds objects by name in both registrations, grouped by cluster then kind; secrets by name only', async () => {
    const r = await found(admin, NAME, (b) => ['s1', 's2'].every((c) => group(b, c, 'configmaps')?.total === 2 && group(b, c, 'secrets')));
    expect([...new Set(r.groups.map((g) => g.cluster.id))]).toEqual(['s1', 's2']);
    for (const c of ['s1', 's2']) {
      expect(group(r, c, 'configmaps')!.items.map((i) => `${i.namespace}/${i.name}`).sort()).toEqual([`${NS}/${NAME}-cm`, `${OTHER}/${NAME}-cm`]);
      expect(group(r, c, 'configmaps')!.kind).toEqual({ group: 'core', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true });
      expect(group(r, c, 'secrets')!.items).toEqual([{ name: `${NAME}-secret`, namespace: NS }]);
      expect(group(r, c, 'namespaces')!.items.map((i) => i.name).sort()).toEqual([NS, OTHER]);
      expect(group(r, c, 'namespaces')!.items.every((i) => i.namespace === null)).toBe(true);
    }
    expect(r.hidden).toEqual([]);
    const body = JSON.stringify(r);
    expect(body).not.toContain(SECRET_VALUE);
    expect(body).not.toContain(Buffer.from(SECRET_VALUE).toString('base64'));
    expect(body).not.toContain('"data"');
  });

  it('matches labels with selector syntax and names the matched label; limit caps items, not the total', async () => {
    const r = await found(admin, `search=${suffix}`, (b) => group(b, 's1', 'configmaps')?.total === 2 && group(b, 's2', 'configmaps')?.total === 2, 1);
    expect(r.groups.map((g) => `${g.cluster.id}/${g.kind.resource}`)).toEqual(['s1/configmaps', 's2/configmaps']);
    expect(group(r, 's1', 'configmaps')!.items).toEqual([{ name: `${NAME}-cm`, namespace: NS, labels: { search: suffix } }]);
    const scoped = await found(admin, `${OTHER}/${NAME} search`, (b) => group(b, 's1', 'configmaps')?.total === 1);
    expect(scoped.groups.map((g) => g.kind.resource)).toEqual(['configmaps', 'configmaps']);
    expect(group(scoped, 's2', 'configmaps')!.items[0]!.namespace).toBe(OTHER);
  });

  it('a user bound to one namespace of one cluster sees that namespace only, and no cluster-scoped kinds', async () => {
    const developer = BUILT_IN_ROLES.find((r) => r.name === 'developer')!.id;
    const dev = await createUser(t, admin, `srch-dev-${suffix}`);
    expect((await bind(admin, developer, { kind: 'user', id: await userId(admin, `srch-dev-${suffix}`) }, { kind: 'namespace', cluster: 's1', namespace: NS })).status).toBe(201);
    const r = await found(dev, NAME, (b) => group(b, 's1', 'configmaps') !== undefined);
    expect(r.groups.map((g) => `${g.cluster.id}/${g.kind.resource}`).sort()).toEqual(['s1/configmaps', 's1/secrets']);
    expect(group(r, 's1', 'configmaps')).toMatchObject({ total: 1, items: [{ name: `${NAME}-cm`, namespace: NS }] });
    expect(r.hidden.filter((h) => h.reason === 'forbidden').map((h) => h.kind?.resource).sort()).toEqual(['namespaces', 'nodes']);
    expect(r.hidden.every((h) => h.cluster.id === 's1')).toBe(true);
    const body = JSON.stringify(r);
    expect(body).not.toContain(OTHER);
    expect(body).not.toContain('"s2"');
    expect(body).not.toContain(SECRET_VALUE);

    // Nobody's clusters: an empty answer, not an error.
    const nobody = await createUser(t, admin, `srch-none-${suffix}`);
    expect((await search(nobody, NAME)).body).toEqual({ groups: [], hidden: [] });
  });

  it('a bad q is a 400 with SEARCH_QUERY_INVALID; a bad selector or limit says so too', async () => {
    for (const q of ['a', ' b ', 'x'.repeat(201)]) {
      const res = await search(admin, q);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('SEARCH_QUERY_INVALID');
    }
    expect((await admin.get('/api/search')).body.code).toBe('SEARCH_QUERY_INVALID');
    expect((await search(admin, 'app=(web')).body.code).toBe('INVALID_LABEL_SELECTOR');
    expect((await search(admin, NAME, 21)).body.code).toBe('VALIDATION_FAILED');
  });

  it('a slow cluster answers what it has within its budget, a dead one is named, neither fails the answer', async () => {
    const port = (slow.address() as AddressInfo).port;
    expect((await admin.post('/api/clusters', { method: 'token', id: 'slow', server: `http://127.0.0.1:${port}`, token: 'x', insecureSkipTlsVerify: true })).status).toBe(201);
    expect((await admin.post('/api/clusters', { method: 'token', id: 'dead', server: 'http://127.0.0.1:9', token: 'x', insecureSkipTlsVerify: true })).status).toBe(201);
    const started = Date.now();
    const res = await search(admin, NAME);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(res.status).toBe(200);
    const r = res.body as Result;
    expect(group(r, 's1', 'configmaps')?.total, JSON.stringify(r)).toBe(2);
    expect(group(r, 'slow', 'nodes')?.items, JSON.stringify(r.hidden)).toEqual([{ name: `${NAME}-slow-node`, namespace: null }]);
    expect(r.hidden).toEqual(
      expect.arrayContaining([
        { cluster: { id: 'slow', displayName: 'slow' }, kind: expect.objectContaining({ resource: 'configmaps' }), reason: 'timeout' },
        { cluster: { id: 'dead', displayName: 'dead' }, kind: null, reason: 'unreachable' },
      ]),
    );
  }, 30_000);
});
