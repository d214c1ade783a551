import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, loginAs, registerCluster, startTestApp, type Browser, type TestApp } from '../setup/test-app.js';

let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const GROUP = `wh${suffix}.example.com`;
const PLURAL = 'widgets';
const CRDS = '/api/clusters/c1/resources/apiextensions.k8s.io/v1/customresourcedefinitions';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${PLURAL}.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural: PLURAL, singular: 'widget', kind: 'Widget' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        additionalPrinterColumns: [
          { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
          { name: 'Owner', type: 'string', jsonPath: '.spec.owner', priority: 1, description: 'who runs it' },
        ],
      },
    ],
  },
};

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
  const res = await admin.post(CRDS, crd);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 120_000);
afterAll(async () => {
  await admin.delete(`${CRDS}/${PLURAL}.${GROUP}`);
  await t.close();
});

describe('CRD printer columns through discovery', () => {
  it("passes a CRD's additionalPrinterColumns on with the kind, and none for built-ins", async () => {
    // The list of the new kind resolves it, which refreshes discovery once the apiserver serves it.
    const end = Date.now() + 60_000;
    while ((await admin.get(`/api/clusters/c1/resources/${GROUP}/v1/${PLURAL}`)).status !== 200) {
      if (Date.now() > end) throw new Error('the CRD was never served');
      await sleep(500);
    }
    const res = await admin.get('/api/clusters/c1/discovery');
    expect(res.status).toBe(200);
    const resources = res.body.resources as { group: string; resource: string; printerColumns?: unknown }[];
    const widget = resources.find((r) => r.group === GROUP && r.resource === PLURAL);
    expect(widget?.printerColumns).toEqual([
      { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
      { name: 'Owner', type: 'string', jsonPath: '.spec.owner', priority: 1, description: 'who runs it' },
    ]);
    expect(resources.find((r) => r.group === '' && r.resource === 'pods')?.printerColumns).toBeUndefined();
  });
});
