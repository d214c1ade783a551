import { CONSOLE_GROUP } from '@wheelhouse/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../src/rbac/built-in-roles.js';
import { ADMIN_PASSWORD, bind, createUser, loginAs, startTestApp, userId, type Browser, type TestApp } from '../setup/test-app.js';

/**
 * The permission matrix: every built-in role, bound at its natural scope (global; cluster c1; namespace
 * c1/team-a), against a table of requests. Each row lists the roles that must be allowed; every other role must
 * be denied. Asked through the HTTP API (GET /api/rbac/explain as the user themself) against real PostgreSQL.
 */
const CONSOLE = CONSOLE_GROUP;
const K8S_ALL = ['console-admin', 'cluster-admin', 'cluster-viewer', 'namespace-admin', 'developer', 'viewer'];
const WRITERS = ['console-admin', 'cluster-admin', 'namespace-admin', 'developer'];
const CLUSTER_READ = ['console-admin', 'cluster-admin', 'cluster-viewer'];
const CLUSTER_WRITE = ['console-admin', 'cluster-admin'];

type Row = [verb: string, group: string, resource: string, where: string, allowed: string[]];
// where: "" = console-wide, "c1" = cluster-scoped, "c1/team-a" = namespaced
const TABLE: Row[] = [
  ['get', '', 'pods', 'c1/team-a', K8S_ALL],
  ['list', '', 'pods', 'c1/team-b', CLUSTER_READ],
  ['get', '', 'pods', 'c2/team-a', ['console-admin']],
  ['create', '', 'pods/exec', 'c1/team-a', WRITERS],
  ['create', '', 'pods/exec', 'c1/team-b', CLUSTER_WRITE],
  ['get', '', 'pods/log', 'c1/team-a', K8S_ALL],
  ['create', '', 'pods/portforward', 'c1/team-a', WRITERS],
  ['get', '', 'secrets', 'c1/team-a', WRITERS],
  ['list', '', 'secrets', 'c1/team-a', WRITERS],
  ['get', '', 'configmaps', 'c1/team-a', K8S_ALL],
  ['update', '', 'configmaps', 'c1/team-a', WRITERS],
  ['delete', 'apps', 'deployments', 'c1/team-a', WRITERS],
  ['patch', 'apps', 'deployments/scale', 'c1/team-a', WRITERS],
  ['get', 'apps', 'deployments', 'c1/team-a', K8S_ALL],
  ['create', 'batch', 'jobs', 'c1/team-a', WRITERS],
  ['watch', 'networking.k8s.io', 'ingresses', 'c1/team-a', K8S_ALL],
  ['create', 'networking.k8s.io', 'networkpolicies', 'c1/team-b', CLUSTER_WRITE],
  ['get', 'example.com', 'widgets', 'c1/team-a', ['console-admin', 'cluster-admin', 'namespace-admin']],
  ['list', '', 'nodes', 'c1', CLUSTER_READ],
  ['delete', '', 'nodes', 'c1', CLUSTER_WRITE],
  ['list', '', 'namespaces', 'c1', CLUSTER_READ],
  ['create', '', 'namespaces', 'c1', CLUSTER_WRITE],
  ['get', '', 'persistentvolumes', 'c1', CLUSTER_READ],
  ['delete', '', 'persistentvolumes', 'c1', CLUSTER_WRITE],
  ['list', 'apiextensions.k8s.io', 'customresourcedefinitions', 'c1', CLUSTER_READ],
  ['list', '', 'nodes', 'c2', ['console-admin']],
  ['list', CONSOLE, 'users', '', ['console-admin', 'auditor']],
  ['create', CONSOLE, 'users', '', ['console-admin']],
  ['list', CONSOLE, 'auditevents', '', ['console-admin', 'auditor']],
  ['create', CONSOLE, 'clusters', '', ['console-admin', 'cluster-creator']],
  ['list', CONSOLE, 'clusters', '', ['console-admin', 'cluster-creator', 'auditor']],
  ['list', CONSOLE, 'roles', '', ['console-admin', 'auditor', 'user']],
  ['update', CONSOLE, 'roles', '', ['console-admin']],
  ['update', CONSOLE, 'identityproviders', '', ['console-admin']],
  ['create', CONSOLE, 'rolebindings', 'c1/team-a', ['console-admin', 'cluster-admin', 'namespace-admin']],
  ['create', CONSOLE, 'rolebindings', 'c1', ['console-admin', 'cluster-admin']],
  ['create', CONSOLE, 'rolebindings', '', ['console-admin']],
  // Global bindings cover every cluster; cluster bindings only their own.
  ['get', CONSOLE, 'clusters', 'c1', ['console-admin', 'cluster-creator', 'auditor', 'cluster-admin', 'cluster-viewer']],
  ['get', CONSOLE, 'clusters', 'c2', ['console-admin', 'cluster-creator', 'auditor']],
  ['delete', CONSOLE, 'clusters', 'c1', ['console-admin', 'cluster-admin']],
];

const SCOPES: Record<string, object> = {
  global: { kind: 'global' },
  cluster: { kind: 'cluster', cluster: 'c1' },
  namespace: { kind: 'namespace', cluster: 'c1', namespace: 'team-a' },
};

let t: TestApp;
const clients = new Map<string, Browser>();

beforeAll(async () => {
  t = await startTestApp();
  const admin = await loginAs(t, 'admin', ADMIN_PASSWORD);
  for (const role of BUILT_IN_ROLES) {
    const username = `m-${role.name}`;
    await createUser(t, admin, username);
    // Strip the baseline `user` role from the others so each row tests exactly one role.
    if (role.name !== 'user') {
      const id = await userId(admin, username);
      const own = await admin.get(`/api/rolebindings?subjectKind=user&subjectId=${id}`);
      for (const b of own.body.items) await admin.delete(`/api/rolebindings/${b.id}`);
      const res = await bind(admin, role.id, { kind: 'user', id }, SCOPES[role.scope]!);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    clients.set(role.name, await loginAs(t, username, `${username}-password-1`));
  }
}, 120_000);
afterAll(async () => t.close());

const cases = TABLE.flatMap(([verb, group, resource, where, allowed]) =>
  BUILT_IN_ROLES.map((role) => ({ verb, group, resource, where, role: role.name, expected: allowed.includes(role.name) })),
);

describe('permission matrix (built-in roles × scopes × requests)', () => {
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases)('$role: $verb $group/$resource in "$where" → $expected', async ({ verb, group, resource, where, role, expected }) => {
    const [cluster, namespace] = where ? where.split('/') : [];
    const [res, sub] = resource.split('/');
    const params = new URLSearchParams({ verb, group, resource: res!, ...(sub ? { subresource: sub } : {}) });
    if (cluster) params.set('cluster', cluster);
    if (namespace) params.set('namespace', namespace);
    const answer = await clients.get(role)!.get(`/api/rbac/explain?${params.toString()}`);
    expect(answer.status).toBe(200);
    expect(answer.body.allowed).toBe(expected);
    if (expected) expect(answer.body.via.role).toBe(role);
  });
});

describe('the same permissions at the real console routes', () => {
  const ROUTES: [string, string, string[]][] = [
    ['GET', '/api/users', ['console-admin', 'auditor']],
    ['GET', '/api/roles', ['console-admin', 'auditor', 'user']],
    ['GET', '/api/teams', ['console-admin', 'auditor']],
    ['GET', '/api/audit', ['console-admin', 'auditor']],
    ['POST', '/api/teams', ['console-admin']],
  ];
  it.each(ROUTES.flatMap(([method, path, allowed]) => BUILT_IN_ROLES.map((r) => ({ method, path, role: r.name, ok: allowed.includes(r.name) }))))(
    '$role: $method $path → $ok',
    async ({ method, path, role, ok }) => {
      const client = clients.get(role)!;
      const res = method === 'GET' ? await client.get(path) : await client.post(path, { name: `t-${role}` });
      expect(res.status).toBe(ok ? (method === 'GET' ? 200 : 201) : 403);
    },
  );
});
