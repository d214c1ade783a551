import { describe, expect, it } from 'vitest';
import {
  healthCounts,
  nodeUsage,
  podPhases,
  podRequests,
  podUsage,
  quotaItems,
  workloadHealth,
} from './overview-math.js';

const container = (cpu?: string, memory?: string, limits?: { cpu?: string; memory?: string }) => ({
  name: 'c',
  resources: { requests: { cpu, memory }, limits },
});

describe('overview math', () => {
  it('counts pod phases and pods that will not recover by themselves', () => {
    const pods = [
      { status: { phase: 'Running' } },
      { status: { phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] } },
      { status: { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ContainerCreating' } } }] } },
      { status: { phase: 'Succeeded' } },
      {},
    ];
    expect(podPhases(pods)).toEqual({
      total: 5,
      running: 2,
      pending: 1,
      succeeded: 1,
      failed: 0,
      unknown: 1,
      failing: 1,
    });
  });

  it('sums requests like the scheduler: max(init, sum of containers) + overhead', () => {
    const pod = {
      spec: {
        containers: [container('250m', '64Mi', { cpu: '1' }), container('250m', '64Mi')],
        initContainers: [container('2', '16Mi')],
        overhead: { cpu: '100m' },
      },
    };
    const r = podRequests(pod);
    expect(r.cpu.requests).toBeCloseTo(2.1);
    expect(r.cpu.limits).toBeCloseTo(1.1); // overhead counts towards limits too
    expect(r.memory.requests).toBe(128 * 1024 * 1024);
  });

  it('tells ok, progressing and failed workloads apart', () => {
    expect(
      workloadHealth('deployments', { spec: { replicas: 2 }, status: { readyReplicas: 2, updatedReplicas: 2 } }),
    ).toBe('ok');
    expect(
      workloadHealth('deployments', { spec: { replicas: 2 }, status: { readyReplicas: 1, updatedReplicas: 2 } }),
    ).toBe('progressing');
    expect(
      workloadHealth('deployments', {
        status: { conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] },
      }),
    ).toBe('failed');
    expect(workloadHealth('jobs', { status: { conditions: [{ type: 'Failed', status: 'True' }] } })).toBe('failed');
    expect(workloadHealth('jobs', { status: { conditions: [{ type: 'Complete', status: 'True' }] } })).toBe('ok');
    expect(workloadHealth('daemonsets', { status: { numberReady: 0, desiredNumberScheduled: 3 } })).toBe('progressing');
    const counts = healthCounts({ group: '', version: 'v1', resource: 'jobs', kind: 'Job' }, [
      {},
      { status: { conditions: [{ type: 'Complete', status: 'True' }] } },
    ]);
    expect(counts).toMatchObject({ group: 'core', total: 2, ok: 1, progressing: 1, failed: 0 });
  });

  it('reads metrics.k8s.io lists in cores and bytes', () => {
    expect(
      nodeUsage({ items: [{ metadata: { name: 'n1' }, usage: { cpu: '1500m', memory: '1Ki' } }] }).get('n1'),
    ).toEqual({ cpu: 1.5, memory: 1024 });
    const pods = podUsage({
      items: [
        {
          metadata: { namespace: 'a', name: 'p' },
          containers: [{ usage: { cpu: '100m', memory: '1Mi' } }, { usage: { cpu: '50m', memory: '1Mi' } }],
        },
      ],
    });
    expect(pods.get('a/p')!.cpu).toBeCloseTo(0.15);
    expect(pods.get('a/p')!.memory).toBe(2 * 1024 * 1024);
  });

  it('turns a ResourceQuota into bars with units', () => {
    const q = {
      status: {
        hard: { 'requests.cpu': '2', 'limits.memory': '1Gi', pods: '10' },
        used: { 'requests.cpu': '500m', pods: '3' },
      },
    };
    expect(quotaItems(q)).toEqual([
      { resource: 'limits.memory', hard: 1024 ** 3, used: 0, unit: 'bytes' },
      { resource: 'pods', hard: 10, used: 3, unit: 'count' },
      { resource: 'requests.cpu', hard: 2, used: 0.5, unit: 'cores' },
    ]);
  });
});
