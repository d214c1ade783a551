import { CONSOLE_GROUP, type RoleRule, type RoleScope } from '@wheelhouse/shared';

/**
 * The built-in roles. The migration that seeds them (prisma/migrations/*_rbac) must match this list; a test
 * compares the two. Ids are fixed so bindings in tests, docs and migrations can name them.
 */
export interface BuiltInRole {
  id: string;
  name: string;
  scope: RoleScope;
  description: string;
  rules: RoleRule[];
}

const READ = ['get', 'list', 'watch'] as RoleRule['verbs'];
/** API groups of ordinary namespaced workloads and config; read access to them is harmless (no secrets here). */
const WORKLOAD_GROUPS = ['apps', 'batch', 'autoscaling', 'networking.k8s.io', 'policy', 'events.k8s.io', 'discovery.k8s.io'];
/** Core resources a viewer may read: deliberately not secrets (their data) and not pods/exec (a shell). */
const CORE_READABLE = [
  'pods',
  'pods/log',
  'services',
  'endpoints',
  'configmaps',
  'persistentvolumeclaims',
  'serviceaccounts',
  'events',
  'replicationcontrollers',
  'resourcequotas',
  'limitranges',
];

export const BUILT_IN_ROLES: BuiltInRole[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'console-admin',
    scope: 'global',
    description: 'Everything, everywhere: all clusters and all console settings.',
    rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'cluster-creator',
    scope: 'global',
    description: 'Register new clusters and see the registry.',
    rules: [{ verbs: ['create', ...READ], apiGroups: [CONSOLE_GROUP], resources: ['clusters'] }],
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    name: 'auditor',
    scope: 'global',
    description: 'Read the audit log and every console setting; change nothing.',
    rules: [
      {
        verbs: ['get', 'list'],
        apiGroups: [CONSOLE_GROUP],
        resources: ['auditevents', 'users', 'teams', 'roles', 'rolebindings', 'clusters', 'identityproviders'],
      },
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000004',
    name: 'user',
    scope: 'global',
    description: 'Signed-in basics: see role definitions. Clusters show up through bindings in them.',
    rules: [{ verbs: READ, apiGroups: [CONSOLE_GROUP], resources: ['roles'] }],
  },
  {
    id: '00000000-0000-4000-8000-000000000011',
    name: 'cluster-admin',
    scope: 'cluster',
    description: 'Everything inside one cluster, including its role bindings.',
    rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  },
  {
    id: '00000000-0000-4000-8000-000000000012',
    name: 'cluster-viewer',
    scope: 'cluster',
    description: 'Read everything in one cluster except Secrets; no exec.',
    rules: [
      { verbs: READ, apiGroups: [''], resources: [...CORE_READABLE, 'nodes', 'namespaces', 'persistentvolumes'] },
      { verbs: READ, apiGroups: [...WORKLOAD_GROUPS, 'storage.k8s.io', 'apiextensions.k8s.io', 'scheduling.k8s.io'], resources: ['*'] },
      { verbs: READ, apiGroups: [CONSOLE_GROUP], resources: ['clusters'] },
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000021',
    name: 'namespace-admin',
    scope: 'namespace',
    description: 'Everything inside one namespace, including its role bindings.',
    rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  },
  {
    id: '00000000-0000-4000-8000-000000000022',
    name: 'developer',
    scope: 'namespace',
    description: 'Deploy and operate workloads, config and services in one namespace; logs and exec.',
    rules: [
      {
        verbs: ['*'],
        apiGroups: [''],
        resources: [
          'pods',
          'pods/log',
          'pods/exec',
          'pods/attach',
          'pods/portforward',
          'services',
          'configmaps',
          'secrets',
          'persistentvolumeclaims',
          'serviceaccounts',
        ],
      },
      { verbs: ['*'], apiGroups: ['apps', 'batch', 'autoscaling', 'policy'], resources: ['*'] },
      { verbs: ['*'], apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'] },
      { verbs: READ, apiGroups: [''], resources: ['events', 'endpoints', 'resourcequotas', 'limitranges'] },
      { verbs: READ, apiGroups: ['events.k8s.io', 'discovery.k8s.io'], resources: ['*'] },
    ],
  },
  {
    id: '00000000-0000-4000-8000-000000000023',
    name: 'viewer',
    scope: 'namespace',
    description: 'Read one namespace: no Secrets, no exec.',
    rules: [
      { verbs: READ, apiGroups: [''], resources: CORE_READABLE },
      { verbs: READ, apiGroups: WORKLOAD_GROUPS, resources: ['*'] },
    ],
  },
];

export const CONSOLE_ADMIN_ROLE_ID = BUILT_IN_ROLES[0]!.id;
export const USER_ROLE_ID = BUILT_IN_ROLES[3]!.id;
