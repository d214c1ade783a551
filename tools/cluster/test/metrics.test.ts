// `up --metrics` against real processes: metrics-server behind the apiserver's aggregation layer returns usage
// for every kwok node and for a pod (numbers from kwok's emulated kubelet /metrics/resource).
import { existsSync, readFileSync } from 'node:fs';
import { CoreV1Api, Metrics, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeConfigFromYaml } from '../src/kubeconfig.ts';
import {
  auditClusterSockets,
  binaryDir,
  readState,
  startCluster,
  stopCluster,
  type ClusterState,
} from '../src/index.ts';

const METRICS_WAIT_MS = 90_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
};

/** The quantities metrics-server returns ("123456n" CPU, "65536Ki" memory) as plain numbers. */
function quantity(q: string): number {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(q);
  const factor = match ? SUFFIX[match[2]!] : undefined;
  if (!match || factor === undefined) throw new Error(`unexpected quantity ${q}`);
  return Number(match[1]) * factor;
}

/**
 * Polls a metrics.k8s.io list (client-node `Metrics`: GET /apis/metrics.k8s.io/v1beta1/..., through the aggregator)
 * until `done` holds; the assertions afterwards run once.
 */
async function waitForMetrics<T>(what: string, list: () => Promise<T[]>, done: (items: T[]) => boolean): Promise<T[]> {
  const deadline = Date.now() + METRICS_WAIT_MS;
  let last: unknown;
  for (;;) {
    try {
      const items = await list();
      if (done(items)) return items;
      last = JSON.stringify(items);
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`no metrics for ${what} within ${METRICS_WAIT_MS / 1000}s: ${String(last)}`);
    }
    await sleep(1000);
  }
}

const name = `test-${process.pid}-metrics`;
let state: ClusterState;
let kc: KubeConfig;

beforeAll(async () => {
  state = await startCluster({ name, nodes: 2, binDir: binaryDir(), fresh: true, metrics: true });
  kc = kubeConfigFromYaml(readFileSync(state.kubeconfigPath, 'utf8'));
});

afterAll(async () => {
  if (state) await stopCluster(name, { purge: true });
});

describe('up --metrics', () => {
  it('records metrics-server like the other components', () => {
    const recorded = readState(state.dir);
    expect(recorded?.metrics).toBe(true);
    const ms = recorded?.components['metrics-server'];
    expect(ms?.pid).toBeGreaterThan(0);
    expect(ms && existsSync(ms.log)).toBe(true);
    expect(recorded?.ports.metricsServer).toBeGreaterThan(0);
  });

  it('serves metrics.k8s.io node usage for every node', async () => {
    const metrics = new Metrics(kc);
    const nodes = await waitForMetrics(
      'nodes',
      async () => (await metrics.getNodeMetrics()).items,
      (items) => items.length === 2,
    );
    expect(nodes.map((n) => n.metadata.name).sort()).toEqual(['kwok-node-0', 'kwok-node-1']);
    for (const node of nodes) {
      expect(quantity(node.usage.cpu)).toBeGreaterThan(0);
      // 256Mi "system" baseline per node (src/metrics.ts) plus its pods' working set.
      expect(quantity(node.usage.memory)).toBeGreaterThanOrEqual(256 * 2 ** 20);
    }
  });

  it('serves metrics.k8s.io pod usage from kwok usage annotations', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({
      namespace: 'default',
      body: {
        metadata: {
          name: 'busy',
          annotations: { 'kwok.x-k8s.io/usage-cpu': '250m', 'kwok.x-k8s.io/usage-memory': '64Mi' },
        },
        spec: { containers: [{ name: 'app', image: 'busy:1' }] },
      },
    });
    const metrics = new Metrics(kc);
    const pods = await waitForMetrics(
      'pods in default',
      async () => (await metrics.getPodMetrics('default')).items,
      (items) => items.some((p) => p.metadata.name === 'busy'),
    );
    const busy = pods.find((p) => p.metadata.name === 'busy')!;
    expect(busy.containers.map((c) => c.name)).toEqual(['app']);
    const usage = busy.containers[0]!.usage;
    expect(quantity(usage.memory)).toBe(64 * 2 ** 20);
    expect(quantity(usage.cpu)).toBeGreaterThan(0);
  });

  it('keeps metrics-server on 127.0.0.1', () => {
    const { sockets, violations } = auditClusterSockets(readState(state.dir)!);
    expect(sockets.some((s) => s.state === 'LISTEN' && s.local === `127.0.0.1:${state.ports.metricsServer}`)).toBe(
      true,
    );
    expect(violations).toEqual([]);
  });
});
