import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRecorder } from '../../src/events/event-recorder.service.js';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { query } from '../setup/test-db.js';

const suffix = Math.random().toString(36).slice(2, 7);
const NS_A = `ev-a-${suffix}`;
const NS_B = `ev-b-${suffix}`;
let t: TestApp;
let admin: Browser;

const event = (name: string, ns: string, note: string, podUid: string) => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name, namespace: ns },
  // MicroTime: the apiserver wants six fractional digits.
  eventTime: new Date().toISOString().replace('Z', '000Z'),
  reportingController: 'wheelhouse.test/controller',
  reportingInstance: 'test',
  action: 'Testing',
  reason: 'Tested',
  note,
  type: 'Warning',
  regarding: { kind: 'Pod', name: 'p', namespace: ns, uid: podUid },
});

beforeAll(async () => {
  t = await startTestApp({ EVENTS_RETENTION_DAYS: '7' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  for (const ns of [NS_A, NS_B]) await admin.post('/api/clusters/c1/resources/core/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
});
afterAll(async () => t.close());

describe('cluster events kept in PostgreSQL', () => {
  it('records events (also ones deleted from the cluster later) and serves a per-object timeline', async () => {
    const recorder = t.app.get(EventRecorder);
    await recorder.reconcile();
    const EV = '/api/clusters/c1/resources/events.k8s.io/v1/events';
    expect((await admin.post(`${EV}?namespace=${NS_A}`, event('e1', NS_A, 'first problem', 'uid-a'))).status).toBe(201);
    expect((await admin.post(`${EV}?namespace=${NS_B}`, event('e2', NS_B, 'other problem', 'uid-b'))).status).toBe(201);
    let rows: unknown[] = [];
    for (let i = 0; i < 40 && rows.length < 2; i++) {
      await sleep(250);
      await recorder.flushAll();
      rows = await query(t.db.url, `SELECT 1 FROM cluster_events WHERE cluster_id = 'c1' AND namespace IN ($1, $2)`, [NS_A, NS_B]);
    }
    expect(rows).toHaveLength(2);
    // Gone from the apiserver (as after its 1 h retention), still in the console's history.
    expect((await admin.delete(`${EV}/e1?namespace=${NS_A}`)).status).toBe(200);
    await sleep(500);
    await recorder.flushAll();
    const timeline = await admin.get('/api/clusters/c1/events?uid=uid-a');
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toEqual([expect.objectContaining({ reason: 'Tested', message: 'first problem', type: 'Warning', involved: { kind: 'Pod', name: 'p', uid: 'uid-a' } })]);
  });

  it('filters the history to the namespaces a user may list events in', async () => {
    const dev = await createUser(t, admin, `ev-dev-${suffix}`);
    const viewer = BUILT_IN_ROLES.find((r) => r.name === 'viewer')!.id;
    await bind(admin, viewer, { kind: 'user', id: await userId(admin, `ev-dev-${suffix}`) }, { kind: 'namespace', cluster: 'c1', namespace: NS_A });
    const mine = await dev.get('/api/clusters/c1/events');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((e: { namespace: string }) => e.namespace)).toEqual([NS_A]);
    expect((await dev.get(`/api/clusters/c1/events?namespace=${NS_B}`)).status).toBe(403);
  });
});
