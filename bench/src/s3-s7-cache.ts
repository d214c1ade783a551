// S7: what the shared informer cache costs in V8 heap for the 10k-pod namespace, against the bytes of the same
// objects as JSON without managedFields. S3: sorted, filtered pages of 100 served from that cache.
import type { ApiProcess, Heap } from './api.ts';
import { CLUSTER_ID } from './api.ts';
import { type BenchCluster } from './cluster.ts';
import { json, request } from './http.ts';
import { sleep, summarize, type Summary } from './stats.ts';

const podsRoute = `/api/clusters/${CLUSTER_ID}/resources/core/v1/pods`;

export interface S7Result {
  pods: number;
  rawStrippedBytes: number;
  rawFullBytes: number;
  heapBefore: Heap;
  heapAfter: Heap;
  cacheBytes: number;
  syncMs: number;
}

/** Bytes of the list's items as the cache holds them: apiVersion/kind set, managedFields removed. */
async function strippedJsonBytes(
  c: BenchCluster,
  namespace: string,
): Promise<{ pods: number; stripped: number; full: number }> {
  const list = await json<{ items: { apiVersion?: string; kind?: string; metadata: { managedFields?: unknown } }[] }>(
    c.direct,
    'GET',
    `/api/v1/namespaces/${namespace}/pods`,
  );
  let stripped = 0;
  let full = 0;
  for (const item of list.items) {
    item.apiVersion = 'v1';
    item.kind = 'Pod';
    full += Buffer.byteLength(JSON.stringify(item));
    delete item.metadata.managedFields;
    stripped += Buffer.byteLength(JSON.stringify(item));
  }
  return { pods: list.items.length, stripped, full };
}

/** The lowest of three readings a second apart: in-flight requests and sockets leave short-lived garbage. */
async function settledHeap(api: ApiProcess): Promise<Heap> {
  let best: Heap | null = null;
  for (let i = 0; i < 3; i++) {
    await sleep(1000);
    const h = await api.probe<Heap>('heap');
    if (!best || h.heapUsed + h.external < best.heapUsed + best.external) best = h;
  }
  return best!;
}

export async function s7(
  c: BenchCluster,
  api: ApiProcess,
  namespace: string,
  log: (m: string) => void,
): Promise<S7Result> {
  // Warm the code paths (list engine, discovery, authz) on a tiny resource so they are not counted as cache.
  await json(
    api.console,
    'GET',
    `/api/clusters/${CLUSTER_ID}/resources/core/v1/configmaps?namespace=${namespace}&limit=100`,
  );
  const heapBefore = await settledHeap(api);
  if (!heapBefore.gcExposed) throw new Error('the API was started without --expose-gc');
  log(`  S7 syncing the ${namespace} informer`);
  const t0 = performance.now();
  const first = await request(api.console, 'GET', `${podsRoute}?namespace=${namespace}&limit=100`);
  const syncMs = performance.now() - t0;
  if (first.status !== 200) throw new Error(`first page: ${first.status} ${first.body.toString().slice(0, 200)}`);
  const heapAfter = await settledHeap(api);
  const raw = await strippedJsonBytes(c, namespace);
  return {
    pods: raw.pods,
    rawStrippedBytes: raw.stripped,
    rawFullBytes: raw.full,
    heapBefore,
    heapAfter,
    // Strings of a parsed object live in the V8 heap; external memory is counted too in case any is off-heap.
    cacheBytes: heapAfter.heapUsed + heapAfter.external - (heapBefore.heapUsed + heapBefore.external),
    syncMs,
  };
}

export interface PageRun {
  label: string;
  query: string;
  total: number;
  latency: Summary;
}

/** One page query, `count` times in a row on one connection (a user paging/sorting; no queueing behind others). */
export async function pageRun(
  api: ApiProcess,
  label: string,
  query: string,
  count: number,
  resource = 'pods',
): Promise<PageRun> {
  const path = `/api/clusters/${CLUSTER_ID}/resources/core/v1/${resource}?${query}`;
  let total = 0;
  for (let i = 0; i < 5; i++) await request(api.console, 'GET', path);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const r = await request(api.console, 'GET', path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body.toString().slice(0, 200)}`);
    samples.push(r.ms);
    if (i === 0) total = (JSON.parse(r.body.toString('utf8')) as { total: number }).total;
  }
  return { label, query, total, latency: summarize(samples) };
}

/** The query shapes of S3: the main one (sort by name + free text) decides pass/fail; the others are context. */
export function s3Queries(namespace: string | null): { label: string; query: string }[] {
  const ns = namespace ? `namespace=${namespace}&` : '';
  return [
    { label: 'sort=name, q=web-1', query: `${ns}sort=metadata.name&order=asc&q=web-1&limit=100` },
    {
      label: 'sort=creationTimestamp desc, labelSelector tier=frontend',
      query: `${ns}sort=metadata.creationTimestamp&order=desc&labelSelector=tier%3Dfrontend&limit=100`,
    },
    { label: 'sort=name, no filter, page 1', query: `${ns}sort=metadata.name&limit=100` },
  ];
}

/** Two page queries in alternating requests, so a ratio between them is not a ratio between two load periods. */
export async function pagePair(
  api: ApiProcess,
  a: { label: string; query: string },
  b: { label: string; query: string },
  count: number,
): Promise<[PageRun, PageRun]> {
  const runs = [a, b].map((q) => ({ ...q, path: `${podsRoute}?${q.query}`, samples: [] as number[], total: 0 }));
  for (let i = 0; i < count + 3; i++) {
    for (const r of i % 2 ? [...runs].reverse() : runs) {
      const res = await request(api.console, 'GET', r.path);
      if (res.status !== 200) throw new Error(`${r.path}: ${res.status}`);
      if (i === 0) r.total = (JSON.parse(res.body.toString('utf8')) as { total: number }).total;
      if (i >= 3) r.samples.push(res.ms);
    }
  }
  const [ra, rb] = runs.map((r) => ({ label: r.label, query: r.query, total: r.total, latency: summarize(r.samples) }));
  return [ra!, rb!];
}
