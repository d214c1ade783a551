import { count, derived, field, statusColumn } from './columns.js';
import { arr, pick, rec, text } from './read.js';
import { crdStatus, eventStatus, nodeStatus, phaseStatus } from './status.js';
import type { KindDef } from './types.js';

const clusterKind = (group: string, resource: string, kind: string, def: Partial<KindDef>): KindDef => ({
  group,
  version: 'v1',
  resource,
  kind,
  namespaced: false,
  section: 'cluster',
  columns: [],
  fields: [],
  sections: [],
  actions: ['edit', 'delete'],
  ...def,
});
const roleRef = derived('role', (o) => `${text(pick(o, 'roleRef.kind'))}/${text(pick(o, 'roleRef.name'))}`);
const subjects = derived('subjects', (o) => arr(pick(o, 'subjects')).map((s) => `${text(pick(s, 'kind'))}:${text(pick(s, 'name'))}`), 'tags');
const nodeRoles = (o: unknown) =>
  Object.keys(rec(pick(o, 'metadata.labels')))
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
const internalIP = (o: unknown) => text(pick(arr(pick(o, 'status.addresses')).find((a) => pick(a, 'type') === 'InternalIP'), 'address'));

export const CLUSTER_KINDS: KindDef[] = [
  clusterKind('', 'nodes', 'Node', {
    searchable: true,
    status: nodeStatus,
    columns: [
      statusColumn,
      derived('roles', nodeRoles, 'tags'),
      field('version', 'status.nodeInfo.kubeletVersion'),
      derived('internalIP', internalIP),
      field('cpu', 'status.allocatable.cpu', 'text', true),
      field('memory', 'status.allocatable.memory', 'text', true),
      field('os', 'status.nodeInfo.osImage', 'text', true),
    ],
    fields: [
      field('kernel', 'status.nodeInfo.kernelVersion'),
      field('runtime', 'status.nodeInfo.containerRuntimeVersion'),
      field('podCIDR', 'spec.podCIDR'),
      field('architecture', 'status.nodeInfo.architecture'),
    ],
    sections: ['conditions', 'capacity', 'taints'],
    actions: ['edit', 'cordon', 'drain', 'delete'],
  }),
  clusterKind('', 'namespaces', 'Namespace', {
    searchable: true,
    status: phaseStatus,
    columns: [{ key: 'status', type: 'status', sort: 'status.phase', value: () => null }],
  }),
  clusterKind('scheduling.k8s.io', 'priorityclasses', 'PriorityClass', {
    columns: [field('value', 'value', 'number'), field('globalDefault', 'globalDefault'), field('preemptionPolicy', 'preemptionPolicy', 'text', true)],
  }),
  clusterKind('apiextensions.k8s.io', 'customresourcedefinitions', 'CustomResourceDefinition', {
    status: crdStatus,
    columns: [
      statusColumn,
      field('group', 'spec.group'),
      field('crdKind', 'spec.names.kind'),
      derived('versions', (o) => arr(pick(o, 'spec.versions')).filter((v) => pick(v, 'served') === true).map((v) => text(pick(v, 'name'))), 'tags'),
      field('scope', 'spec.scope'),
    ],
    sections: ['conditions'],
  }),
  {
    ...clusterKind('', 'events', 'Event', {}),
    namespaced: true,
    status: eventStatus,
    columns: [
      { key: 'type', type: 'status', sort: 'type', value: () => null },
      field('reason', 'reason'),
      derived('object', (o) => `${text(pick(o, 'involvedObject.kind'))}/${text(pick(o, 'involvedObject.name'))}`),
      field('message', 'message'),
      field('count', 'count', 'number'),
      field('lastSeen', 'lastTimestamp', 'age'),
    ],
    actions: [],
  },
  // RBAC: who may do what inside the cluster (the console's own RBAC lives under Administration).
  { ...clusterKind('rbac.authorization.k8s.io', 'roles', 'Role', { columns: [count('rules', 'rules')], sections: ['rules'] }), namespaced: true, section: 'access' },
  { ...clusterKind('rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole', { columns: [count('rules', 'rules')], sections: ['rules'] }), section: 'access' },
  { ...clusterKind('rbac.authorization.k8s.io', 'rolebindings', 'RoleBinding', { columns: [roleRef, subjects], sections: ['subjects'] }), namespaced: true, section: 'access' },
  { ...clusterKind('rbac.authorization.k8s.io', 'clusterrolebindings', 'ClusterRoleBinding', { columns: [roleRef, subjects], sections: ['subjects'] }), section: 'access' },
];
