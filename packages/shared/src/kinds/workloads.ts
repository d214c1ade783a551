import { count, derived, field, images, ratio, statusColumn } from './columns.js';
import { arr, num, pick, selectorText, text } from './read.js';
import { cronJobStatus, daemonSetStatus, hpaStatus, jobStatus, podStatus, replicatedStatus } from './status.js';
import type { ActionKey, K8sObject, KindDef } from './types.js';

const restarts = (o: K8sObject) => arr(pick(o, 'status.containerStatuses')).reduce<number>((n, s) => n + num(pick(s, 'restartCount')), 0);
const podReady = (o: K8sObject) =>
  `${arr(pick(o, 'status.containerStatuses')).filter((s) => pick(s, 'ready') === true).length}/${arr(pick(o, 'spec.containers')).length}`;
const selector = derived('selector', (o) => selectorText(pick(o, 'spec.selector')), 'text', true);
const TEMPLATE = 'spec.template.spec';
const WORKLOAD_SECTIONS: KindDef['sections'] = ['conditions', 'podTemplate', 'selector'];
const workload = (resource: string, kind: string, def: Partial<KindDef>, actions: ActionKey[]): KindDef => ({
  group: 'apps',
  version: 'v1',
  resource,
  kind,
  namespaced: true,
  section: 'workloads',
  columns: [],
  fields: [],
  sections: WORKLOAD_SECTIONS,
  actions: ['edit', 'delete', ...actions],
  ...def,
});

/** Jobs run to an end: wall time from start to completion (or now, while running). */
function duration(o: K8sObject, now = Date.now()): string | null {
  const start = Date.parse(text(pick(o, 'status.startTime')));
  if (Number.isNaN(start)) return null;
  const end = Date.parse(text(pick(o, 'status.completionTime')));
  const s = Math.max(0, Math.round(((Number.isNaN(end) ? now : end) - start) / 1000));
  return s < 120 ? `${s}s` : s < 7200 ? `${Math.floor(s / 60)}m` : `${Math.floor(s / 3600)}h`;
}

export const WORKLOAD_KINDS: KindDef[] = [
  {
    group: '',
    version: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    section: 'workloads',
    searchable: true,
    status: podStatus,
    columns: [
      statusColumn,
      derived('ready', podReady),
      derived('restarts', restarts, 'number'),
      field('node', 'spec.nodeName'),
      field('podIP', 'status.podIP', 'text', true),
      images('spec'),
    ],
    fields: [field('node', 'spec.nodeName'), field('podIP', 'status.podIP'), field('qosClass', 'status.qosClass'), field('serviceAccount', 'spec.serviceAccountName')],
    sections: ['conditions', 'containers'],
    actions: ['edit', 'delete', 'logs', 'exec'],
  },
  workload(
    'deployments',
    'Deployment',
    {
      searchable: true,
      status: replicatedStatus,
      columns: [
        statusColumn,
        ratio('ready', 'status.readyReplicas', 'spec.replicas'),
        field('upToDate', 'status.updatedReplicas', 'number'),
        field('available', 'status.availableReplicas', 'number'),
        images(TEMPLATE),
        selector,
      ],
      fields: [field('strategy', 'spec.strategy.type'), field('replicas', 'spec.replicas', 'number'), field('revisionHistoryLimit', 'spec.revisionHistoryLimit', 'number')],
    },
    ['scale', 'restart', 'rollback', 'suspend', 'logs'],
  ),
  workload(
    'statefulsets',
    'StatefulSet',
    {
      searchable: true,
      status: replicatedStatus,
      columns: [statusColumn, ratio('ready', 'status.readyReplicas', 'spec.replicas'), field('serviceName', 'spec.serviceName', 'text', true), images(TEMPLATE)],
      fields: [field('serviceName', 'spec.serviceName'), field('podManagementPolicy', 'spec.podManagementPolicy'), field('strategy', 'spec.updateStrategy.type')],
    },
    ['scale', 'restart', 'rollback', 'logs'],
  ),
  workload(
    'daemonsets',
    'DaemonSet',
    {
      searchable: true,
      status: daemonSetStatus,
      columns: [
        statusColumn,
        field('desired', 'status.desiredNumberScheduled', 'number'),
        field('current', 'status.currentNumberScheduled', 'number'),
        field('readyCount', 'status.numberReady', 'number'),
        field('upToDate', 'status.updatedNumberScheduled', 'number'),
        images(TEMPLATE),
      ],
      fields: [field('strategy', 'spec.updateStrategy.type')],
    },
    ['restart', 'rollback', 'logs'],
  ),
  workload(
    'replicasets',
    'ReplicaSet',
    {
      status: replicatedStatus,
      columns: [statusColumn, field('desired', 'spec.replicas', 'number'), field('current', 'status.replicas', 'number'), field('readyCount', 'status.readyReplicas', 'number'), images(TEMPLATE)],
    },
    ['scale', 'logs'],
  ),
  workload(
    'jobs',
    'Job',
    {
      searchable: true,
      group: 'batch',
      status: jobStatus,
      columns: [statusColumn, ratio('completions', 'status.succeeded', 'spec.completions'), derived('duration', (o) => duration(o)), images(TEMPLATE)],
      fields: [field('parallelism', 'spec.parallelism', 'number'), field('backoffLimit', 'spec.backoffLimit', 'number'), field('startTime', 'status.startTime', 'age')],
    },
    ['suspend', 'logs'],
  ),
  workload(
    'cronjobs',
    'CronJob',
    {
      searchable: true,
      group: 'batch',
      status: cronJobStatus,
      columns: [statusColumn, field('schedule', 'spec.schedule'), count('activeJobs', 'status.active'), field('lastSchedule', 'status.lastScheduleTime', 'age')],
      fields: [field('schedule', 'spec.schedule'), field('timeZone', 'spec.timeZone'), field('concurrencyPolicy', 'spec.concurrencyPolicy')],
      sections: ['podTemplate'],
    },
    ['suspend', 'trigger'],
  ),
  {
    group: 'autoscaling',
    version: 'v2',
    resource: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    section: 'workloads',
    status: hpaStatus,
    columns: [
      statusColumn,
      derived('reference', (o) => `${text(pick(o, 'spec.scaleTargetRef.kind'))}/${text(pick(o, 'spec.scaleTargetRef.name'))}`),
      field('minReplicas', 'spec.minReplicas', 'number'),
      field('maxReplicas', 'spec.maxReplicas', 'number'),
      field('replicas', 'status.currentReplicas', 'number'),
    ],
    fields: [field('desiredReplicas', 'status.desiredReplicas', 'number'), field('lastScale', 'status.lastScaleTime', 'age')],
    sections: ['conditions'],
    actions: ['edit', 'delete'],
  },
  {
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    section: 'workloads',
    columns: [
      field('minAvailable', 'spec.minAvailable'),
      field('maxUnavailable', 'spec.maxUnavailable'),
      field('allowedDisruptions', 'status.disruptionsAllowed', 'number'),
      selector,
    ],
    fields: [field('currentHealthy', 'status.currentHealthy', 'number'), field('desiredHealthy', 'status.desiredHealthy', 'number')],
    sections: ['conditions', 'selector'],
    actions: ['edit', 'delete'],
  },
];
