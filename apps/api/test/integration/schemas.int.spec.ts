import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K8sGateway } from '../../src/k8s/k8s.gateway.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, registerCluster, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';
import { until } from '../setup/until.js';

let t: TestApp;
let admin: Browser;
const suffix = Math.random().toString(36).slice(2, 7);
const GROUP = `schemas${suffix}.example.com`;
const CRDS = '/api/clusters/c1/resources/apiextensions.k8s.io/v1/customresourcedefinitions';
const schemaOf = (b: Browser, group: string, version: string, kind: string) => b.get(`/api/clusters/c1/schemas/${group}/${version}/${kind}`);

type Node = { $ref?: string; allOf?: Node[]; type?: string | string[]; description?: string; enum?: unknown[]; items?: Node; properties?: Record<string, Node> };
type Doc = { $ref: string; $defs: Record<string, Node> };

/** Follows `$ref` and the `allOf: [{ $ref }]` wrapping the apiserver puts around references, inside the document. */
function at(doc: Doc, path: string[]): Node {
  const resolve = (n: Node): Node => {
    const target = n.$ref ?? (n.allOf?.length === 1 ? n.allOf[0]!.$ref : undefined);
    if (!target) return n;
    expect(target.startsWith('#/$defs/')).toBe(true);
    const def = doc.$defs[target.slice('#/$defs/'.length)];
    expect(def, `${target} is in $defs`).toBeDefined();
    return resolve(def!);
  };
  return path.reduce((node, step) => {
    const next = step === '[]' ? node.items : node.properties?.[step];
    expect(next, `${step} exists`).toBeDefined();
    return resolve(next!);
  }, resolve({ $ref: doc.$ref }));
}

const crd = (plural: string, kind: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.${GROUP}` },
  spec: {
    group: GROUP,
    scope: 'Namespaced',
    names: { plural, singular: kind.toLowerCase(), kind },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['size'],
                properties: {
                  size: { type: 'integer', minimum: 1, description: `How big the ${kind} is.` },
                  colour: { type: 'string', enum: ['red', 'blue'] },
                  extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
            },
          },
        },
      },
    ],
  },
});

beforeAll(async () => {
  t = await startTestApp({ CLUSTER_HEALTH_INTERVAL_SECONDS: '0' });
  admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  expect((await registerCluster(admin, 'c1')).status).toBe(201);
}, 120_000);
afterAll(async () => {
  for (const plural of ['widgets', 'gadgets']) await admin.delete(`${CRDS}/${plural}.${GROUP}`);
  await t.close();
});

describe('kind schemas from the cluster OpenAPI v3', () => {
  it('a Deployment: containers is an array of objects with image, descriptions kept, apiVersion and kind pinned', async () => {
    const res = await schemaOf(admin, 'apps', 'v1', 'Deployment');
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const doc = res.body as Doc;
    expect(doc.$ref).toBe('#/$defs/io.k8s.api.apps.v1.Deployment');
    const containers = at(doc, ['spec', 'template', 'spec', 'containers']);
    expect(containers.type).toBe('array');
    expect(at(doc, ['spec', 'template', 'spec', 'containers', '[]', 'image']).type).toBe('string');
    expect(at(doc, ['spec', 'replicas'])).toMatchObject({ type: 'integer', description: expect.stringContaining('desired') });
    expect(at(doc, ['apiVersion']).enum).toEqual(['apps/v1']);
    expect(at(doc, ['kind']).enum).toEqual(['Deployment']);
    // Self-contained: nothing points back into the OpenAPI document, and unrelated kinds are left out.
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/components/');
    expect(text).not.toContain('x-kubernetes-');
    expect(Object.keys(doc.$defs)).not.toContain('io.k8s.api.apps.v1.StatefulSet');
  });

  it('core kinds answer under `core`; a second editor open is served from the cache', async () => {
    const k8s = t.app.get(K8sGateway);
    const original = k8s.request.bind(k8s);
    const fetched: string[] = [];
    k8s.request = (async (access, req) => {
      if (req.path.startsWith('/openapi/')) fetched.push(req.path);
      return original(access, req);
    });
    try {
      const first = await schemaOf(admin, 'core', 'v1', 'Pod');
      expect(first.status).toBe(200);
      expect(at(first.body as Doc, ['apiVersion']).enum).toEqual(['v1']);
      expect(at(first.body as Doc, ['spec', 'containers', '[]', 'image']).type).toBe('string');
      const again = await schemaOf(admin, 'core', 'v1', 'ConfigMap');
      expect(again.status).toBe(200);
      expect(at(again.body as Doc, ['kind']).enum).toEqual(['ConfigMap']);
      expect(fetched).toEqual(['/openapi/v3/api/v1']);
    } finally {
      k8s.request = original;
    }
  });

  it('a CRD created in the test gets its own schema; a second kind in the same group/version is found too', async () => {
    expect((await admin.post(CRDS, crd('widgets', 'Widget'))).status).toBe(201);
    // The apiserver publishes a new CRD's OpenAPI a moment after it is established.
    const widget = await until('the Widget schema', async () => {
      const res = await schemaOf(admin, GROUP, 'v1', 'Widget');
      return res.status === 200 && (res.body as Doc);
    });
    expect(at(widget, ['apiVersion']).enum).toEqual([`${GROUP}/v1`]);
    expect(at(widget, ['spec', 'size'])).toMatchObject({ type: 'integer', description: 'How big the Widget is.' });
    expect(at(widget, ['spec', 'colour']).enum).toEqual(['red', 'blue']);

    // The group/version document is cached now, without Gadget: a miss reads it again.
    expect((await admin.post(CRDS, crd('gadgets', 'Gadget'))).status).toBe(201);
    const gadget = await until('the Gadget schema', async () => {
      const res = await schemaOf(admin, GROUP, 'v1', 'Gadget');
      return res.status === 200 && (res.body as Doc);
    });
    expect(at(gadget, ['kind']).enum).toEqual(['Gadget']);
    expect(at(gadget, ['spec', 'size']).description).toBe('How big the Gadget is.');
  });

  it('404 RESOURCE_UNKNOWN for a kind the cluster does not serve; 400 for a malformed kind', async () => {
    for (const [group, version, kind] of [['apps', 'v1', 'Gizmo'], ['nope.example.com', 'v1', 'Widget'], ['apps', 'v9', 'Deployment']] as const) {
      const res = await schemaOf(admin, group, version, kind);
      expect(`${group}/${version}/${kind} → ${res.status} ${res.body.code}`).toBe(`${group}/${version}/${kind} → 404 RESOURCE_UNKNOWN`);
    }
    expect((await schemaOf(admin, 'apps', 'v1', '1-Deployment')).status).toBe(400);
    expect((await admin.get('/api/clusters/nope/schemas/apps/v1/Deployment')).body.code).toBe('CLUSTER_NOT_FOUND');
  });

  it('403 unless the caller may get the kind somewhere; 404 for a cluster they cannot see', async () => {
    const role = await admin.post('/api/roles', { name: `schema-pods-${suffix}`, scope: 'namespace', rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    const dev = await createUser(t, admin, `schema-dev-${suffix}`);
    const subject = { kind: 'user', id: await userId(admin, `schema-dev-${suffix}`) };
    expect((await bind(admin, role.body.id as string, subject, { kind: 'namespace', cluster: 'c1', namespace: 'some-team' })).status).toBe(201);

    expect((await schemaOf(dev, 'core', 'v1', 'Pod')).status).toBe(200);
    const deny = await schemaOf(dev, 'apps', 'v1', 'Deployment');
    expect(deny.status).toBe(403);
    expect(deny.body.code).toBe('FORBIDDEN');
    // Cluster-scoped kinds need `get` at cluster scope.
    expect((await schemaOf(dev, 'core', 'v1', 'Node')).status).toBe(403);

    const stranger = await createUser(t, admin, `schema-none-${suffix}`);
    const hidden = await schemaOf(stranger, 'core', 'v1', 'Pod');
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('CLUSTER_NOT_FOUND');
  });
});
