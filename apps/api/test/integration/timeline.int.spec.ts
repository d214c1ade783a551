import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRecorder } from '../../src/events/event-recorder.service.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, ORIGIN, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { until } from '../setup/until.js';

let t: TestApp;
let admin: Browser;
let dev: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const NS = `tl-${suffix}`;
const DEV = `tl-dev-${suffix}`;
const R = '/api/clusters/c1/resources';

type Item =
  | { kind: 'event'; time: string; reason: string | null; type: string | null; count: number; source: string | null }
  | { kind: 'revision'; time: string; revision: number; name: string; resource: string; current: boolean; images: { container: string; image: string }[] }
  | { kind: 'audit'; time: string; actor: string | null; action: string; result: string; subresource: string | null };
type Timeline = { items: Item[]; hidden: { group: string; resource: string }[] };

const timelineOf = (who: Browser, resource: string, name: string, extra = '') =>
  who.get(`/api/clusters/c1/timeline?group=apps&version=v1&resource=${resource}&namespace=${NS}&name=${name}${extra}`);
const ok = async (who: Browser, resource: string, name: string): Promise<Timeline> => {
  const res = await timelineOf(who, resource, name);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Timeline;
};
const of = <K extends Item['kind']>(tl: Timeline, kind: K) => tl.items.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind);
const put = (who: Browser, url: string, body: object) => who.agent.put(url).set('Origin', ORIGIN).send(body);

const deployment = (image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: NS },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'main', image }] } },
  },
});

beforeAll(async () => {
  t = await startTestApp({ EVENTS_RETENTION_DAYS: '7' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  await t.app.get(EventRecorder).reconcile();
  expect((await admin.post(`${R}/core/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } })).status).toBe(201);
  dev = await createUser(t, admin, DEV);
  const developer = BUILT_IN_ROLES.find((r) => r.name === 'developer')!.id;
  expect((await bind(admin, developer, { kind: 'user', id: await userId(admin, DEV) }, { kind: 'namespace', cluster: 'c1', namespace: NS })).status).toBe(201);
}, 120_000);
afterAll(async () => {
  await admin.delete(`${R}/core/v1/namespaces/${NS}`);
  await t.close();
});

describe('object timeline', () => {
  it('a Deployment: its events, both revisions and who created and changed it, newest first; dry runs left out', async () => {
    expect((await admin.post(`${R}/apps/v1/deployments?namespace=${NS}`, deployment('registry.local/web:1'))).status).toBe(201);
    await until('the first ReplicaSet', async () => of(await ok(admin, 'deployments', 'web'), 'revision').length === 1);
    const live = (await admin.get(`${R}/apps/v1/deployments/web?namespace=${NS}`)).body as { metadata: Record<string, unknown>; spec: { template: { spec: { containers: { image: string }[] } } } };
    // No resourceVersion: the controllers keep updating the object, and an unconditional replace is what we test.
    const changed = (image: string) => ({ ...live, metadata: { ...live.metadata, resourceVersion: undefined }, spec: { ...live.spec, template: { ...live.spec.template, spec: { ...live.spec.template.spec, containers: [{ ...live.spec.template.spec.containers[0], image }] } } } });
    // A dry run by the developer: audited by the writer, but no change, so not on the timeline.
    expect((await put(dev, `${R}/apps/v1/deployments/web?namespace=${NS}&dryRun=true`, changed('registry.local/web:dry'))).status).toBe(200);
    expect((await put(dev, `${R}/apps/v1/deployments/web?namespace=${NS}`, changed('registry.local/web:2'))).status).toBe(200);

    // The controller creates the second ReplicaSet first and renumbers the Deployment after: wait for both.
    const tl = await until('two revisions, the second current, and an event', async () => {
      await t.app.get(EventRecorder).flushAll();
      const body = await ok(admin, 'deployments', 'web');
      const revisions = of(body, 'revision');
      return revisions.length === 2 && revisions.some((r) => r.revision === 2 && r.current) && of(body, 'event').length >= 1 && body;
    });
    expect(tl.hidden).toEqual([]);
    const times = tl.items.map((i) => Date.parse(i.time));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const revisions = of(tl, 'revision');
    expect(revisions.map((r) => [r.revision, r.current, r.resource, r.images])).toEqual([
      [2, true, 'replicasets', [{ container: 'main', image: 'registry.local/web:2' }]],
      [1, false, 'replicasets', [{ container: 'main', image: 'registry.local/web:1' }]],
    ]);
    expect(of(tl, 'event').some((e) => e.reason === 'ScalingReplicaSet' && e.type === 'Normal' && e.count >= 1)).toBe(true);

    const audit = of(tl, 'audit');
    expect(audit.map((a) => [a.actor, a.action, a.result])).toEqual([
      [DEV, 'k8s.update', 'allowed'],
      ['admin', 'k8s.create', 'allowed'],
    ]);
    // Who, what, when and how it ended: nothing of the request itself.
    const text = JSON.stringify(tl);
    for (const leak of ['dryRun', 'web:dry', 'clientIp', 'userAgent', 'requestId', '127.0.0.1', 'details']) expect(text).not.toContain(leak);

    const limited = (await timelineOf(admin, 'deployments', 'web', '&limit=2')).body as Timeline;
    expect(limited.items).toEqual(tl.items.slice(0, 2));
  });

  it('a StatefulSet: its ControllerRevision is the current revision, with the images', async () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: NS },
      spec: {
        replicas: 1,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'registry.local/pg:16' }] } },
      },
    };
    expect((await dev.post(`${R}/apps/v1/statefulsets?namespace=${NS}`, sts)).status).toBe(201);
    const tl = await until('the ControllerRevision', async () => {
      const body = await ok(dev, 'statefulsets', 'db');
      return of(body, 'revision').length === 1 && body;
    });
    expect(of(tl, 'revision')[0]).toMatchObject({ revision: 1, resource: 'controllerrevisions', current: true, images: [{ container: 'pg', image: 'registry.local/pg:16' }] });
    expect(of(tl, 'audit').map((a) => [a.actor, a.action])).toEqual([[DEV, 'k8s.create']]);
  });

  it('refuses who may not get the object; hides the sources a reader may not list', async () => {
    const podsOnly = await admin.post('/api/roles', { name: `tl-pods-${suffix}`, scope: 'namespace', rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] });
    expect(podsOnly.status, JSON.stringify(podsOnly.body)).toBe(201);
    const outsider = await createUser(t, admin, `tl-pods-${suffix}`);
    await bind(admin, podsOnly.body.id as string, { kind: 'user', id: await userId(admin, `tl-pods-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS });
    expect((await timelineOf(outsider, 'deployments', 'web')).status).toBe(403);

    const getOnly = await admin.post('/api/roles', { name: `tl-get-${suffix}`, scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }] });
    expect(getOnly.status, JSON.stringify(getOnly.body)).toBe(201);
    const reader = await createUser(t, admin, `tl-get-${suffix}`);
    await bind(admin, getOnly.body.id as string, { kind: 'user', id: await userId(admin, `tl-get-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS });
    const tl = await ok(reader, 'deployments', 'web');
    expect(tl.hidden).toEqual([{ group: 'core', resource: 'events' }, { group: 'apps', resource: 'replicasets' }]);
    expect(tl.items.every((i) => i.kind === 'audit')).toBe(true);
    expect(of(tl, 'audit').map((a) => a.actor)).toEqual([DEV, 'admin']);
  });

  it('404 for an absent object; 400 without the namespace of a namespaced kind', async () => {
    expect((await timelineOf(admin, 'deployments', 'nope')).status).toBe(404);
    expect((await admin.get('/api/clusters/c1/timeline?group=apps&version=v1&resource=deployments&name=web')).status).toBe(400);
  });
});
