// S4's data: a fresh local control plane (tools/cluster) with one namespace of 10,000 kwok pods for the explorer
// and one of 10,000 ConfigMaps for search. Pods are bound to kwok nodes and given kwok's Running status directly,
// like cluster.ts does for S1–S8 (the scheduler and kwok's own stages are far slower here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBinaries, startCluster, stopCluster } from '@wheelhouse/cluster';
import { endpoint, json, request, type Endpoint } from './http.ts';
import { pool, sleep } from './stats.ts';

export const S4_NS = { pods: 's4-pods', config: 's4-config' } as const;
const PODS_PER_NODE = 110;
const IN_FLIGHT = 48;

export interface S4Cluster {
  name: string;
  server: string;
  token: string;
  caData: string;
  direct: Endpoint;
  binDir: string;
  stop: () => Promise<void>;
}

export async function startS4Cluster(pods: number, log: (m: string) => void): Promise<S4Cluster> {
  const name = `bench-s4-${process.pid}`;
  const binDir = ensureBinaries();
  const stop = async () => void (await stopCluster(name, { purge: true }));
  try {
    const state = await startCluster({ name, nodes: Math.ceil(pods / PODS_PER_NODE) + 1, binDir, fresh: true, log });
    const token = readFileSync(join(state.dir, 'pki', 'tokens.csv'), 'utf8').split(',')[0] ?? '';
    const ca = readFileSync(join(state.dir, 'pki', 'ca.crt'));
    const direct = endpoint(state.server, { Authorization: `Bearer ${token}` }, ca);
    return { name, server: state.server, token, caData: ca.toString('base64'), direct, binDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Deployment-like pod names, as in cluster.ts: `web-<i mod 50>-7d9f8c6b5-<i base36>`. */
export const s4PodName = (i: number) => `web-${i % 50}-7d9f8c6b5-${i.toString(36).padStart(5, '0')}`;

/** Words in ConfigMap names and labels: search terms then match from a handful to thousands of objects. */
export const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
export const configName = (i: number) => `${WORDS[i % WORDS.length]}-settings-${i.toString().padStart(5, '0')}`;

function pod(i: number, node: string) {
  const app = `web-${i % 50}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: s4PodName(i),
      namespace: S4_NS.pods,
      labels: { app, tier: i % 3 === 0 ? 'frontend' : 'backend', 'pod-template-hash': '7d9f8c6b5' },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
    },
    spec: {
      nodeName: node,
      containers: [
        {
          name: 'app',
          image: `registry.local/bench/${app}:1.${i % 7}.0`,
          ports: [{ name: 'http', containerPort: 8080 }],
          env: Array.from({ length: 4 }, (_, k) => ({ name: `SETTING_${k}`, value: `value-${k}-${app}` })),
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
          readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 },
        },
      ],
    },
  };
}

/** The status kwok's pod-ready stage writes; written first, kwok leaves these pods alone. */
function running(i: number) {
  const now = new Date().toISOString();
  const ip = `127.1.${Math.floor(i / 250) % 256}.${(i % 250) + 2}`;
  return {
    status: {
      phase: 'Running',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: now })),
      containerStatuses: [
        { name: 'app', image: `registry.local/bench/web-${i % 50}:1.${i % 7}.0`, ready: true, started: true, restartCount: 0, state: { running: { startedAt: now } } },
      ],
      hostIP: '127.0.0.1',
      podIP: ip,
      podIPs: [{ ip }],
      startTime: now,
    },
  };
}

async function ensureNamespace(c: S4Cluster, ns: string): Promise<void> {
  const r = await request(c.direct, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  if (r.status !== 201 && r.status !== 409) throw new Error(`namespace ${ns}: ${r.status}`);
  // Pods need the namespace's default ServiceAccount (created asynchronously by the controller-manager).
  for (let t = 0; t < 600; t++) {
    if ((await request(c.direct, 'GET', `/api/v1/namespaces/${ns}/serviceaccounts/default`)).status === 200) return;
    await sleep(100);
  }
  throw new Error(`no default ServiceAccount in ${ns}`);
}

/** POSTs `count` objects with IN_FLIGHT requests in flight; 409 counts as done, anything else is retried 5 times. */
async function create(c: S4Cluster, count: number, send: (i: number) => Promise<number>): Promise<number> {
  const t0 = performance.now();
  await pool(count, IN_FLIGHT, async (i) => {
    for (let attempt = 0; ; attempt++) {
      const status = await send(i);
      if (status >= 200 && status < 300) return;
      if (attempt >= 5) throw new Error(`object ${i}: HTTP ${status}`);
      await sleep(200 * (attempt + 1));
    }
  });
  return (performance.now() - t0) / 1000;
}

export async function seedPods(c: S4Cluster, count: number): Promise<number> {
  await ensureNamespace(c, S4_NS.pods);
  const path = `/api/v1/namespaces/${S4_NS.pods}/pods`;
  const seconds = await create(c, count, async (i) => {
    const r = await request(c.direct, 'POST', `${path}?fieldManager=bench`, pod(i, `kwok-node-${Math.floor(i / PODS_PER_NODE)}`));
    if (r.status !== 201 && r.status !== 409) return r.status;
    const s = await request(c.direct, 'PATCH', `${path}/${s4PodName(i)}/status?fieldManager=kwok-bench`, running(i), {
      'Content-Type': 'application/merge-patch+json',
    });
    return s.status;
  });
  const page = await json<{ items: unknown[] }>(c.direct, 'GET', `${path}?fieldSelector=status.phase!%3DRunning&limit=1`);
  if (page.items.length) throw new Error('some S4 pods are not Running');
  return seconds;
}

export async function seedConfigMaps(c: S4Cluster, count: number): Promise<number> {
  await ensureNamespace(c, S4_NS.config);
  const path = `/api/v1/namespaces/${S4_NS.config}/configmaps?fieldManager=bench`;
  return create(c, count, async (i) => {
    const body = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: configName(i), labels: { app: `svc-${i % 100}`, word: WORDS[i % WORDS.length]! } },
      data: { 'settings.yaml': `replicas: ${i % 5}\nfeature: ${WORDS[(i * 7) % WORDS.length]}\n` },
    };
    const r = await request(c.direct, 'POST', path, body);
    return r.status === 409 ? 201 : r.status;
  });
}
