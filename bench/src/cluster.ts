// The bench's own local control plane (tools/cluster) and its data: namespaces of 1k, 10k and 20k kwok pods
// (31k in all), plus a small namespace whose pods get patched to generate live events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinaries, startCluster, stopCluster, type ClusterState } from '@wheelhouse/cluster';
import { endpoint, json, request, type Endpoint } from './http.ts';
import { pool, sleep } from './stats.ts';

export const NS = { k1: 'bench-1k', k10: 'bench-10k', k20: 'bench-20k', events: 'bench-events' } as const;
/** BENCH_SCALE < 1 shrinks the big namespaces for a quick trial run of the bench itself (results go elsewhere). */
export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const scaled = (n: number) => Math.max(100, Math.round(n * SCALE));
export const SIZES: Record<string, number> = {
  [NS.k1]: scaled(1_000),
  [NS.k10]: scaled(10_000),
  [NS.k20]: scaled(20_000),
  [NS.events]: 20,
};
/** kwok nodes advertise 110 pods each (tools/cluster/src/nodes.ts): enough nodes to hold every pod honestly. */
const PODS_PER_NODE = 110;
export const NODE_COUNT = Math.ceil(Object.values(SIZES).reduce((a, b) => a + b, 0) / PODS_PER_NODE) + 1;

export interface BenchCluster {
  name: string;
  state: ClusterState;
  server: string;
  token: string;
  caData: string;
  direct: Endpoint;
  stop: () => Promise<void>;
}

export async function startBenchCluster(log: (m: string) => void): Promise<BenchCluster> {
  const name = `bench-${process.pid}`;
  const state = await startCluster({ name, nodes: NODE_COUNT, binDir: ensureBinaries(), fresh: true, log });
  const token = readFileSync(join(state.dir, 'pki', 'tokens.csv'), 'utf8').split(',')[0] ?? '';
  const ca = readFileSync(join(state.dir, 'pki', 'ca.crt'));
  return {
    name,
    state,
    server: state.server,
    token,
    caData: ca.toString('base64'),
    direct: endpoint(state.server, { Authorization: `Bearer ${token}` }, ca),
    stop: async () => void (await stopCluster(name, { purge: true })),
  };
}

/**
 * A Deployment-style pod (labels, env, probes, resources, mounts): ~6 KB in a LIST with its Running status and two
 * managedFields entries, ~3.4 KB without them (the notes' §5 used 4.7 KB; real pods are 5–8 KB).
 */
/** Deployment-like names: `web-<i mod 50>-<hash>-<i base36>`. */
export const podName = (i: number) => `web-${i % 50}-7d9f8c6b5-${i.toString(36).padStart(5, '0')}`;

function podManifest(ns: string, i: number, node: string) {
  const app = `web-${i % 50}`;
  const env = Array.from({ length: 8 }, (_, k) => ({ name: `SETTING_${k}`, value: `value-${k}-${app}` }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(i),
      namespace: ns,
      labels: {
        app,
        tier: i % 3 === 0 ? 'frontend' : 'backend',
        'pod-template-hash': '7d9f8c6b5',
        'app.kubernetes.io/part-of': 'bench',
      },
      annotations: {
        'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:00Z',
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
      },
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'app',
          image: `registry.local/bench/${app}:1.${i % 7}.0`,
          ports: [
            { name: 'http', containerPort: 8080 },
            { name: 'metrics', containerPort: 9090 },
          ],
          env,
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
          livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 20, failureThreshold: 3 },
          volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
        },
      ],
      volumes: [{ name: 'config', configMap: { name: `${app}-config`, optional: true } }],
    },
  };
}

/**
 * The status kwok's pod-ready stage writes (Running, Ready, container running, host and pod IPs). The bench writes it
 * itself because kwok v0.8 marks pods Running at only ~20/s here (31k pods would take ~25 min); written first, kwok's
 * stage no longer matches these pods and leaves them alone.
 */
function runningStatus(i: number) {
  const now = new Date().toISOString();
  const podIP = `127.1.${Math.floor(i / 250) % 256}.${(i % 250) + 2}`;
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type,
    status: 'True',
    lastTransitionTime: now,
  }));
  return {
    status: {
      phase: 'Running',
      conditions,
      containerStatuses: [
        {
          name: 'app',
          image: `registry.local/bench/web-${i % 50}:1.${i % 7}.0`,
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: now } },
        },
      ],
      hostIP: '127.0.0.1',
      hostIPs: [{ ip: '127.0.0.1' }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: now,
    },
  };
}

async function ensureNamespace(c: BenchCluster, ns: string): Promise<void> {
  const r = await request(c.direct, 'POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns },
  });
  if (r.status !== 201 && r.status !== 409) throw new Error(`namespace ${ns}: ${r.status}`);
  // Pods need the namespace's default ServiceAccount (created asynchronously by the controller-manager).
  for (let t = 0; t < 600; t++) {
    if ((await request(c.direct, 'GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`)).status === 200) return;
    await sleep(100);
  }
  throw new Error(`no default ServiceAccount in ${ns}`);
}

/** Creates every pod with many requests in flight, bound to nodes directly (the scheduler would take ~10 min). */
export async function seedPods(
  c: BenchCluster,
  log: (m: string) => void,
): Promise<{ seconds: number; perSecond: number; runningSeconds: number }> {
  const started = performance.now();
  let total = 0;
  let slot = 0;
  for (const [ns, count] of Object.entries(SIZES)) {
    await ensureNamespace(c, ns);
    const t0 = performance.now();
    await pool(count, 48, async (i) => {
      const node = `kwok-node-${Math.floor(slot++ / PODS_PER_NODE)}`;
      for (let attempt = 0; ; attempt++) {
        const r = await request(
          c.direct,
          'POST',
          `/api/v1/namespaces/${ns}/pods?fieldManager=bench`,
          podManifest(ns, i, node),
        );
        const s =
          r.status === 201 || r.status === 409
            ? await request(
                c.direct,
                'PATCH',
                `/api/v1/namespaces/${ns}/pods/${podName(i)}/status?fieldManager=kwok-bench`,
                runningStatus(i),
                {
                  'Content-Type': 'application/merge-patch+json',
                },
              )
            : r;
        if (s.status === 200) return;
        if (attempt >= 5) throw new Error(`create pod ${i} in ${ns}: ${s.status} ${s.body.toString().slice(0, 200)}`);
        await sleep(200 * (attempt + 1));
      }
    });
    total += count;
    log(`  ${ns}: ${count} pods created in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  }
  const createdAt = performance.now();
  // Every status was written above; a field-selected page of 1 confirms that none is left Pending.
  for (let t = 0; ; t++) {
    const page = await json<{ items: unknown[] }>(
      c.direct,
      'GET',
      '/api/v1/pods?fieldSelector=status.phase!%3DRunning&limit=1',
    );
    if (page.items.length === 0) break;
    if (t % 6 === 0) {
      log(`  waiting for kwok to mark pods Running (${((performance.now() - createdAt) / 1000).toFixed(0)}s)`);
    }
    if (t > 360) throw new Error('pods were not Running after 30 min');
    await sleep(5_000);
  }
  const seconds = (createdAt - started) / 1000;
  return { seconds, perSecond: total / seconds, runningSeconds: (performance.now() - createdAt) / 1000 };
}

/** Sum of a Prometheus counter/gauge over the series whose labels contain every given `k="v"` pair. */
export async function metricSum(c: BenchCluster, metric: string, labels: Record<string, string>): Promise<number> {
  const text = (await request(c.direct, 'GET', '/metrics', undefined, { Accept: 'text/plain' })).body.toString('utf8');
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const close = line.lastIndexOf('}');
    const labelText = line.slice(metric.length + 1, close);
    if (want.every((w) => labelText.split(',').includes(w))) sum += Number(line.slice(close + 1).trim());
  }
  return sum;
}
