import type { PodPhases, ResourceAmounts, WorkloadHealth } from '@wheelhouse/shared';
import { quantity } from '../k8s/quantity.js';

/** Loose reads of cluster objects: every field may be missing, so every read has a default. */
export function at(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : fallback);
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Waiting reasons that mean "this pod will not get better by itself". */
const FAILING_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'CreateContainerConfigError',
  'InvalidImageName',
  'RunContainerError',
]);

export function podPhases(pods: unknown[]): PodPhases {
  const out: PodPhases = {
    total: pods.length,
    running: 0,
    pending: 0,
    succeeded: 0,
    failed: 0,
    unknown: 0,
    failing: 0,
  };
  for (const p of pods) {
    const phase = str(at(p, 'status', 'phase'), 'Unknown').toLowerCase();
    if (phase === 'running' || phase === 'pending' || phase === 'succeeded' || phase === 'failed') out[phase] += 1;
    else out.unknown += 1;
    if (
      list(at(p, 'status', 'containerStatuses')).some((c) =>
        FAILING_REASONS.has(str(at(c, 'state', 'waiting', 'reason'))),
      )
    )
      {out.failing += 1;}
  }
  return out;
}

export type Health = 'ok' | 'progressing' | 'failed';

const condition = (o: unknown, type: string) => list(at(o, 'status', 'conditions')).find((c) => at(c, 'type') === type);

/** The state a list would colour a workload with; the same rule for the overview's counts. */
export function workloadHealth(resource: string, o: unknown): Health {
  const s = (k: string) => num(at(o, 'status', k));
  switch (resource) {
    case 'deployments': {
      if (at(condition(o, 'Progressing'), 'reason') === 'ProgressDeadlineExceeded') return 'failed';
      const want = num(at(o, 'spec', 'replicas'), 1);
      return s('readyReplicas') >= want && s('updatedReplicas') >= want ? 'ok' : 'progressing';
    }
    case 'statefulsets':
      return s('readyReplicas') >= num(at(o, 'spec', 'replicas'), 1) ? 'ok' : 'progressing';
    case 'daemonsets':
      return s('numberReady') >= s('desiredNumberScheduled') ? 'ok' : 'progressing';
    case 'jobs':
      if (at(condition(o, 'Failed'), 'status') === 'True') return 'failed';
      return at(condition(o, 'Complete'), 'status') === 'True' ? 'ok' : 'progressing';
    default:
      return 'ok';
  }
}

export function healthCounts(
  ref: { group: string; version: string; resource: string; kind: string },
  items: unknown[],
): WorkloadHealth {
  const out: WorkloadHealth = {
    ...ref,
    group: ref.group || 'core',
    total: items.length,
    ok: 0,
    progressing: 0,
    failed: 0,
  };
  for (const o of items) out[workloadHealth(ref.resource, o)] += 1;
  return out;
}

type Amount = { requests: number; limits: number };

/** Requests and limits of a pod as the scheduler counts them: the larger of the biggest init container and the sum of the others, plus overhead. */
export function podRequests(p: unknown): { cpu: Amount; memory: Amount } {
  const of = (kind: 'requests' | 'limits', res: string) => {
    const amount = (c: unknown) => quantity(at(c, 'resources', kind, res));
    const main = list(at(p, 'spec', 'containers')).reduce<number>((n, c) => n + amount(c), 0);
    const init = list(at(p, 'spec', 'initContainers')).reduce<number>((n, c) => Math.max(n, amount(c)), 0);
    return Math.max(main, init) + quantity(at(p, 'spec', 'overhead', res));
  };
  return {
    cpu: { requests: of('requests', 'cpu'), limits: of('limits', 'cpu') },
    memory: { requests: of('requests', 'memory'), limits: of('limits', 'memory') },
  };
}

/** Finished pods hold no resources. */
export const holdsResources = (p: unknown) => !['Succeeded', 'Failed'].includes(str(at(p, 'status', 'phase')));

export const nodeReady = (n: unknown): boolean => at(condition(n, 'Ready'), 'status') === 'True';

export const amounts = (allocatable: number | null, usage: number | null): ResourceAmounts => ({
  allocatable,
  requests: 0,
  limits: 0,
  usage,
});

export function addTo(
  target: { cpu: ResourceAmounts; memory: ResourceAmounts },
  r: { cpu: Amount; memory: Amount },
): void {
  target.cpu.requests += r.cpu.requests;
  target.cpu.limits += r.cpu.limits;
  target.memory.requests += r.memory.requests;
  target.memory.limits += r.memory.limits;
}

export type Usage = { cpu: number; memory: number };

/** metrics.k8s.io NodeMetricsList → usage by node name. */
export function nodeUsage(body: unknown): Map<string, Usage> {
  return new Map(
    list(at(body, 'items')).map((m) => [
      str(at(m, 'metadata', 'name')),
      { cpu: quantity(at(m, 'usage', 'cpu')), memory: quantity(at(m, 'usage', 'memory')) },
    ]),
  );
}

/** metrics.k8s.io PodMetricsList → usage by "namespace/name", summed over containers. */
export function podUsage(body: unknown): Map<string, Usage> {
  return new Map(
    list(at(body, 'items')).map((m) => {
      const cs = list(at(m, 'containers'));
      const sum = (r: string) => cs.reduce<number>((n, c) => n + quantity(at(c, 'usage', r)), 0);
      return [
        `${str(at(m, 'metadata', 'namespace'))}/${str(at(m, 'metadata', 'name'))}`,
        { cpu: sum('cpu'), memory: sum('memory') },
      ];
    }),
  );
}

/** ResourceQuota → bars: every resource with a hard limit, in the unit a chart can scale. */
export function quotaItems(
  q: unknown,
): { resource: string; hard: number; used: number; unit: 'cores' | 'bytes' | 'count' }[] {
  const hard = (at(q, 'status', 'hard') ?? at(q, 'spec', 'hard') ?? {}) as Record<string, unknown>;
  const used = (at(q, 'status', 'used') ?? {}) as Record<string, unknown>;
  return Object.keys(hard)
    .sort()
    .map((resource) => ({
      resource,
      hard: quantity(hard[resource]),
      used: quantity(used[resource]),
      unit: /(^|\.)cpu$/.test(resource) ? 'cores' : /memory|storage/.test(resource) ? 'bytes' : 'count',
    }));
}
