/** Table columns per well-known kind; everything else (CRDs included) gets the generic ones. */
export type K8sObject = Record<string, unknown>;

export type ColumnKey =
  | 'name'
  | 'namespace'
  | 'age'
  | 'status'
  | 'ready'
  | 'restarts'
  | 'node'
  | 'replicas'
  | 'type'
  | 'clusterIP'
  | 'ports'
  | 'hosts'
  | 'data'
  | 'schedule'
  | 'lastSchedule'
  | 'completions'
  | 'capacity'
  | 'storageClass'
  | 'version'
  | 'labels';

export type ColumnSpec = { key: ColumnKey; sort?: string; value: (o: K8sObject) => string };

/** Reads a dotted path (`status.phase`) from an object; anything missing is undefined. */
export function pick(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Any value as display text (objects as JSON). */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === undefined || v === null ? '' : JSON.stringify(v);
}
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const count = (v: unknown): string => String(v && typeof v === 'object' ? Object.keys(v).length : 0);
const field = (key: ColumnKey, path: string): ColumnSpec => ({ key, sort: path, value: (o) => text(pick(o, path)) });
const ratio = (key: ColumnKey, have: string, want: string): ColumnSpec => ({
  key,
  sort: have,
  value: (o) => `${num(pick(o, have))}/${num(pick(o, want))}`,
});

function podReady(o: K8sObject): string {
  const statuses = arr(pick(o, 'status.containerStatuses'));
  const containers = arr(pick(o, 'spec.containers'));
  return `${statuses.filter((s) => pick(s, 'ready') === true).length}/${containers.length}`;
}

function nodeStatus(o: K8sObject): string {
  const ready = arr(pick(o, 'status.conditions')).find((c) => pick(c, 'type') === 'Ready');
  return ready ? (pick(ready, 'status') === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
}

const PER_KIND: Record<string, ColumnSpec[]> = {
  pods: [
    field('status', 'status.phase'),
    { key: 'ready', value: podReady },
    {
      key: 'restarts',
      value: (o) => String(arr(pick(o, 'status.containerStatuses')).reduce<number>((n, s) => n + num(pick(s, 'restartCount')), 0)),
    },
    field('node', 'spec.nodeName'),
  ],
  deployments: [ratio('ready', 'status.readyReplicas', 'spec.replicas'), field('replicas', 'spec.replicas')],
  statefulsets: [ratio('ready', 'status.readyReplicas', 'spec.replicas'), field('replicas', 'spec.replicas')],
  replicasets: [ratio('ready', 'status.readyReplicas', 'spec.replicas'), field('replicas', 'spec.replicas')],
  daemonsets: [ratio('ready', 'status.numberReady', 'status.desiredNumberScheduled')],
  jobs: [ratio('completions', 'status.succeeded', 'spec.completions')],
  cronjobs: [field('schedule', 'spec.schedule'), field('lastSchedule', 'status.lastScheduleTime')],
  services: [
    field('type', 'spec.type'),
    field('clusterIP', 'spec.clusterIP'),
    {
      key: 'ports',
      value: (o) =>
        arr(pick(o, 'spec.ports'))
          .map((p) => `${text(pick(p, 'port'))}/${text(pick(p, 'protocol'))}`)
          .join(', '),
    },
  ],
  ingresses: [{ key: 'hosts', value: (o) => arr(pick(o, 'spec.rules')).map((r) => text(pick(r, 'host'))).join(', ') }],
  configmaps: [{ key: 'data', value: (o) => count(pick(o, 'data')) }],
  secrets: [field('type', 'type'), { key: 'data', value: (o) => count(pick(o, 'data')) }],
  persistentvolumeclaims: [
    field('status', 'status.phase'),
    field('capacity', 'status.capacity.storage'),
    field('storageClass', 'spec.storageClassName'),
  ],
  persistentvolumes: [
    field('status', 'status.phase'),
    field('capacity', 'spec.capacity.storage'),
    field('storageClass', 'spec.storageClassName'),
  ],
  nodes: [{ key: 'status', value: nodeStatus }, field('version', 'status.nodeInfo.kubeletVersion')],
  namespaces: [field('status', 'status.phase')],
};

const GENERIC: ColumnSpec[] = [{ key: 'labels', value: (o) => count(pick(o, 'metadata.labels')) }];

/** Name, namespace (namespaced kinds), the kind's own columns, age. */
export function columnsFor(resource: string, namespaced: boolean): ColumnSpec[] {
  return [
    field('name', 'metadata.name'),
    ...(namespaced ? [field('namespace', 'metadata.namespace')] : []),
    ...(PER_KIND[resource] ?? GENERIC),
    field('age', 'metadata.creationTimestamp'),
  ];
}

/** "3d", "5h", "12m", "40s": kubectl's compact age. */
export function age(timestamp: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (Number.isNaN(seconds)) return '';
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
