import { count, derived, field } from './columns.js';
import { arr, pick, rec, selectorText, text } from './read.js';
import { phaseStatus } from './status.js';
import type { KindDef, KindSection } from './types.js';

const kind = (section: KindSection, group: string, resource: string, k: string, def: Partial<KindDef>): KindDef => ({
  group,
  version: 'v1',
  resource,
  kind: k,
  namespaced: true,
  section,
  columns: [],
  fields: [],
  sections: [],
  actions: ['edit', 'delete'],
  ...def,
});
const ports = (path: string) =>
  derived('ports', (o) =>
    arr(pick(o, path))
      .map((p) => `${text(pick(p, 'port'))}${pick(p, 'nodePort') ? `:${text(pick(p, 'nodePort'))}` : ''}/${text(pick(p, 'protocol')) || 'TCP'}`)
      .join(', '),
  );
const loadBalancer = (o: unknown) =>
  arr(pick(o, 'status.loadBalancer.ingress')).map((i) => text(pick(i, 'ip')) || text(pick(i, 'hostname')));

export const NETWORK_KINDS: KindDef[] = [
  kind('network', '', 'services', 'Service', {
    searchable: true,
    columns: [
      field('type', 'spec.type'),
      field('clusterIP', 'spec.clusterIP'),
      derived('externalIP', (o) => [...arr(pick(o, 'spec.externalIPs')).map(text), ...loadBalancer(o)], 'tags'),
      ports('spec.ports'),
      derived('selector', (o) => selectorText(pick(o, 'spec.selector')), 'text', true),
    ],
    fields: [field('sessionAffinity', 'spec.sessionAffinity'), field('externalTrafficPolicy', 'spec.externalTrafficPolicy'), field('ipFamilyPolicy', 'spec.ipFamilyPolicy')],
    sections: ['ports', 'selector'],
  }),
  kind('network', 'discovery.k8s.io', 'endpointslices', 'EndpointSlice', {
    columns: [
      field('addressType', 'addressType'),
      ports('ports'),
      derived('endpoints', (o) => arr(pick(o, 'endpoints')).flatMap((e) => arr(pick(e, 'addresses')).map(text)), 'tags'),
      derived('service', (o) => text(rec(pick(o, 'metadata.labels'))['kubernetes.io/service-name'])),
    ],
    sections: ['ports'],
  }),
  kind('network', 'networking.k8s.io', 'ingresses', 'Ingress', {
    searchable: true,
    columns: [
      field('ingressClass', 'spec.ingressClassName'),
      derived('hosts', (o) => arr(pick(o, 'spec.rules')).map((r) => text(pick(r, 'host')) || '*'), 'tags'),
      derived('address', (o) => loadBalancer(o), 'tags'),
      derived('tls', (o) => (arr(pick(o, 'spec.tls')).length ? 'TLS' : '')),
    ],
    sections: ['rules'],
  }),
  kind('network', 'networking.k8s.io', 'ingressclasses', 'IngressClass', {
    namespaced: false,
    columns: [field('controller', 'spec.controller'), derived('default', (o) => (rec(pick(o, 'metadata.annotations'))['ingressclass.kubernetes.io/is-default-class'] === 'true' ? '✓' : ''))],
  }),
  kind('network', 'networking.k8s.io', 'networkpolicies', 'NetworkPolicy', {
    columns: [derived('podSelector', (o) => selectorText(pick(o, 'spec.podSelector')) || '*'), derived('policyTypes', (o) => arr(pick(o, 'spec.policyTypes')).map(text), 'tags')],
    sections: ['rules', 'selector'],
  }),
];

export const CONFIG_STORAGE_KINDS: KindDef[] = [
  kind('config', '', 'configmaps', 'ConfigMap', { searchable: true, columns: [count('data', 'data')], sections: ['data'] }),
  kind('config', '', 'secrets', 'Secret', {
    searchable: true,
    columns: [field('type', 'type'), count('data', 'data')],
    sections: ['data'],
    actions: ['edit', 'delete', 'reveal'],
  }),
  kind('config', '', 'serviceaccounts', 'ServiceAccount', {
    columns: [count('secrets', 'secrets'), field('automount', 'automountServiceAccountToken', 'text', true)],
  }),
  kind('config', '', 'resourcequotas', 'ResourceQuota', {
    columns: [derived('hard', (o) => Object.entries(rec(pick(o, 'status.hard'))).map(([k, v]) => `${k}: ${text(rec(pick(o, 'status.used'))[k] ?? 0)}/${text(v)}`), 'tags')],
    sections: ['capacity'],
  }),
  kind('config', '', 'limitranges', 'LimitRange', {
    columns: [derived('limitTypes', (o) => arr(pick(o, 'spec.limits')).map((l) => text(pick(l, 'type'))), 'tags')],
  }),
  kind('storage', '', 'persistentvolumeclaims', 'PersistentVolumeClaim', {
    searchable: true,
    status: phaseStatus,
    columns: [
      { key: 'status', type: 'status', sort: 'status.phase', value: () => null },
      field('volume', 'spec.volumeName'),
      field('capacity', 'status.capacity.storage'),
      derived('accessModes', (o) => arr(pick(o, 'spec.accessModes')).map(text), 'tags'),
      field('storageClass', 'spec.storageClassName'),
    ],
    fields: [field('volumeMode', 'spec.volumeMode'), field('requested', 'spec.resources.requests.storage')],
    sections: ['conditions'],
  }),
  kind('storage', '', 'persistentvolumes', 'PersistentVolume', {
    namespaced: false,
    status: phaseStatus,
    columns: [
      { key: 'status', type: 'status', sort: 'status.phase', value: () => null },
      field('capacity', 'spec.capacity.storage'),
      derived('accessModes', (o) => arr(pick(o, 'spec.accessModes')).map(text), 'tags'),
      field('reclaimPolicy', 'spec.persistentVolumeReclaimPolicy'),
      derived('claim', (o) => (pick(o, 'spec.claimRef.name') ? `${text(pick(o, 'spec.claimRef.namespace'))}/${text(pick(o, 'spec.claimRef.name'))}` : '')),
      field('storageClass', 'spec.storageClassName'),
    ],
  }),
  kind('storage', 'storage.k8s.io', 'storageclasses', 'StorageClass', {
    namespaced: false,
    columns: [
      field('provisioner', 'provisioner'),
      field('reclaimPolicy', 'reclaimPolicy'),
      field('volumeBindingMode', 'volumeBindingMode'),
      derived('default', (o) => (rec(pick(o, 'metadata.annotations'))['storageclass.kubernetes.io/is-default-class'] === 'true' ? '✓' : '')),
      field('allowVolumeExpansion', 'allowVolumeExpansion', 'text', true),
    ],
  }),
];
