// S6 (socket fan-out) and S8 (event-loop lag during a 30k relist). Pods of bench-events are patched at a fixed rate
// with an annotation carrying a sequence number and the send time; every viewer timestamps each delta on arrival.
// A raw watch straight on the apiserver receives the same patches: the floor the console's latency is compared with.
import { Worker } from 'node:worker_threads';
import type { ApiProcess, Heap, Lag } from './api.ts';
import { CLUSTER_ID } from './api.ts';
import { metricSum, NS, podName, SIZES, type BenchCluster } from './cluster.ts';
import { json, request, watchStream } from './http.ts';
import { epochMs, selfLag, sleep, summarize, type Summary } from './stats.ts';
import type { ToWorker } from './viewer-worker.ts';

const RUN = 'bench.wheelhouse.dev/run';
const SEQ = 'bench.wheelhouse.dev/seq';
const SENT = 'bench.wheelhouse.dev/sent';
const WATCH_REQ = { cluster: CLUSTER_ID, group: 'core', version: 'v1', resource: 'pods', namespace: NS.events };
/** Two threads of viewers: the machine has two cores, and the main thread stays free for patches and the floor. */
const WORKERS = 2;

type Annotated = { metadata?: { annotations?: Record<string, string> } };

/** Arrivals of one measured run: (send time, latency) of the console viewers and of the direct watch. */
export class Arrivals {
  readonly sent: number[] = [];
  readonly latency: number[] = [];
  readonly directSent: number[] = [];
  readonly direct: number[] = [];
  /** Latencies of the events sent within [from, to] (epoch ms), console viewers or the direct watch. */
  windowed(from: number, to: number, direct = false): number[] {
    const [sent, latency] = direct ? [this.directSent, this.direct] : [this.sent, this.latency];
    return latency.filter((_, i) => sent[i]! >= from && sent[i]! <= to);
  }
}

/** The viewers, spread over worker threads (viewer-worker.ts). */
export class Viewers {
  private readonly workers: { worker: Worker; pending: Map<number, (v: unknown) => void> }[] = [];
  private nextId = 1;
  private total = 0;
  private readonly api: ApiProcess;
  constructor(api: ApiProcess) {
    this.api = api;
    for (let i = 0; i < WORKERS; i++) {
      const worker = new Worker(new URL('./viewer-worker.ts', import.meta.url));
      const pending = new Map<number, (v: unknown) => void>();
      worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
        const done = pending.get(m.id);
        pending.delete(m.id);
        done?.(m.error ? new Error(m.error) : m.result);
      });
      this.workers.push({ worker, pending });
    }
  }

  private async all<T>(msg: (i: number) => ToWorker): Promise<T[]> {
    return Promise.all(
      this.workers.map(({ worker, pending }, i) => {
        const id = this.nextId++;
        return new Promise<T>((resolve, reject) => {
          pending.set(id, (v) => (v instanceof Error ? reject(v) : resolve(v as T)));
          worker.postMessage({ ...msg(i), id });
        });
      }),
    );
  }

  private share(n: number, i: number): number {
    return Math.floor(n / WORKERS) + (i < n % WORKERS ? 1 : 0);
  }

  /** Grows to `n` connected viewers, each subscribed to pods of bench-events. */
  async grow(n: number): Promise<void> {
    await this.all((i) => ({
      type: 'grow',
      n: this.share(n, i),
      origin: this.api.origin,
      cookie: this.api.cookie,
      watch: WATCH_REQ,
    }));
    this.total = n;
  }

  /** Keeps `n` viewers subscribed and unsubscribes the rest (their sockets stay open). */
  async narrow(n: number): Promise<void> {
    await this.all((i) => ({ type: 'narrow', keep: this.share(n, i) }));
    this.total = n;
  }

  get subscribed(): number {
    return this.total;
  }

  record(run: string): Promise<unknown> {
    return this.all(() => ({ type: 'record', run }));
  }

  async count(): Promise<number> {
    return (await this.all<number>(() => ({ type: 'count' }))).reduce((a, b) => a + b, 0);
  }

  async collect(into: Arrivals): Promise<number[]> {
    const parts = await this.all<{ sent: number[]; latency: number[]; received: number[] }>(() => ({
      type: 'collect',
    }));
    for (const p of parts) {
      for (let i = 0; i < p.sent.length; i++) {
        into.sent.push(p.sent[i]!);
        into.latency.push(p.latency[i]!);
      }
    }
    return parts.flatMap((p) => p.received);
  }

  async close(): Promise<void> {
    await Promise.race([this.all(() => ({ type: 'close' })), sleep(5000)]);
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}

/** Upstream watches and LISTs of pods at namespace scope, from the apiserver's own metrics. */
async function upstream(c: BenchCluster): Promise<{ watches: number; lists: number }> {
  const scope = { resource: 'pods', scope: 'namespace' };
  return {
    watches: await metricSum(c, 'apiserver_longrunning_requests', { ...scope, verb: 'WATCH' }),
    lists: await metricSum(c, 'apiserver_request_total', { ...scope, verb: 'LIST' }),
  };
}

export interface FanoutStep {
  viewers: number;
  watches: number;
  lists: number;
  rssMb: number;
}

/** S6, first half: the upstream watch count as viewers join (relative to before the first one). */
export async function fanout(
  c: BenchCluster,
  api: ApiProcess,
  viewers: Viewers,
  steps: number[],
): Promise<FanoutStep[]> {
  const before = await upstream(c);
  const out: FanoutStep[] = [];
  for (const n of steps) {
    await viewers.grow(n);
    await sleep(1500);
    const now = await upstream(c);
    out.push({
      viewers: n,
      watches: now.watches - before.watches,
      lists: now.lists - before.lists,
      rssMb: api.rss() / 2 ** 20,
    });
  }
  return out;
}

export interface RateRun {
  viewers: number;
  rate: number;
  seconds: number;
  patches: number;
  failedPatches: number;
  console: Summary;
  direct: Summary;
  lost: number;
  apiCpuCores: number;
  benchLagP99: number;
  eventBytes: number;
  arrivals: Arrivals;
}

/** Patches pods of bench-events at `rate`/s for `seconds` (bounded), while viewers and a direct watch receive them. */
export async function rateRun(
  c: BenchCluster,
  api: ApiProcess,
  viewers: Viewers,
  run: string,
  rate: number,
  seconds: number,
  during?: () => Promise<void>,
): Promise<RateRun> {
  const arrivals = new Arrivals();
  const seen = new Set<number>();
  await viewers.record(run);
  const stopWatch = watchStream(c.direct, `/api/v1/namespaces/${NS.events}/pods?watch=1`, (_t, o) => {
    const now = epochMs();
    const a = (o as Annotated).metadata?.annotations;
    if (a?.[RUN] !== run || seen.has(Number(a[SEQ]))) return;
    seen.add(Number(a[SEQ]));
    arrivals.directSent.push(Number(a[SENT]));
    arrivals.direct.push(now - Number(a[SENT]));
  });
  await sleep(1000);
  const lag = selfLag();
  const cpu0 = api.cpuSeconds();
  const total = Math.round(rate * seconds);
  const pods = SIZES[NS.events]!;
  let failed = 0;
  let inflight = 0;
  const t0 = performance.now();
  let sideDone = !during;
  const side = during?.().finally(() => (sideDone = true));
  // Bounded: `total` events, extended while `during` still runs, but never past 4 minutes.
  let i = 0;
  for (; i < total || (!sideDone && performance.now() - t0 < 240_000); i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    if (inflight > 200) {
      failed++; // the apiserver cannot keep up: count it instead of piling up requests
      continue;
    }
    inflight++;
    const patch = { metadata: { annotations: { [RUN]: run, [SEQ]: String(i), [SENT]: String(epochMs()) } } };
    void request(c.direct, 'PATCH', `/api/v1/namespaces/${NS.events}/pods/${podName(i % pods)}`, patch, {
      'Content-Type': 'application/merge-patch+json',
    })
      .then(
        (r) => void (r.status !== 200 && failed++),
        () => void failed++,
      )
      .finally(() => inflight--);
  }
  const wall = (performance.now() - t0) / 1000;
  const apiCpu = api.cpuSeconds() - cpu0;
  const benchLag = lag.read().p99;
  await side;
  while (inflight > 0) await sleep(50);
  const sent = i - failed;
  // The tail: until every receiver has every event, or nothing arrived for 5 s (the rest then counts as lost).
  const expected = sent * viewers.subscribed;
  for (let last = -1, quiet = 0; quiet < 5000; quiet += 200) {
    const now = (await viewers.count()) + seen.size;
    if (now >= expected + sent) break;
    if (now !== last) [last, quiet] = [now, 0];
    await sleep(200);
  }
  stopWatch();
  const received = await viewers.collect(arrivals);
  const lost = received.reduce((sum, r) => sum + Math.max(0, sent - r), 0);
  const sample = await json<{ items: Annotated[] }>(c.direct, 'GET', `/api/v1/namespaces/${NS.events}/pods?limit=1`);
  return {
    viewers: received.length,
    rate,
    seconds: wall,
    patches: sent,
    failedPatches: failed,
    console: summarize(arrivals.latency),
    direct: summarize(arrivals.direct),
    lost,
    apiCpuCores: apiCpu / wall,
    benchLagP99: benchLag,
    eventBytes: Buffer.byteLength(JSON.stringify(sample.items[0] ?? {})),
    arrivals,
  };
}

export interface S8Result {
  steady: Lag;
  relist: Lag;
  syncMs: number;
  pods: number;
  rssPeakMb: number;
  heapAfter: Heap;
  viewerLatencyDuringRelist: Summary;
  directLatencyDuringRelist: Summary;
  run: RateRun;
}

/** S8: the all-namespaces pods informer syncs 31k pods while 100 viewers receive 50 events/s on another informer. */
export async function s8(
  c: BenchCluster,
  api: ApiProcess,
  viewers: Viewers,
  log: (m: string) => void,
): Promise<S8Result> {
  let steady: Lag | null = null;
  let relist: Lag | null = null;
  let syncMs = 0;
  let pods = 0;
  const window = [0, 0];
  let rssPeak = 0;
  const seconds = Number(process.env.BENCH_S8_SECONDS ?? 40);
  const run = await rateRun(c, api, viewers, 's8', 50, seconds, async () => {
    await sleep(3000);
    await api.probe('lag-reset');
    await sleep(5000);
    steady = await api.probe<Lag>('lag');
    log('  S8 triggering the all-namespaces pods sync');
    await api.probe('lag-reset');
    const timer = setInterval(() => (rssPeak = Math.max(rssPeak, api.rss())), 50);
    window[0] = epochMs();
    const t0 = performance.now();
    const page = await json<{ total: number }>(
      api.console,
      'GET',
      `/api/clusters/${CLUSTER_ID}/resources/core/v1/pods?sort=metadata.name&limit=100`,
    );
    syncMs = performance.now() - t0;
    pods = page.total;
    await sleep(2000); // work that trails the response (index building, GC)
    window[1] = epochMs();
    clearInterval(timer);
    relist = await api.probe<Lag>('lag');
  });
  return {
    steady: steady!,
    relist: relist!,
    syncMs,
    pods,
    rssPeakMb: rssPeak / 2 ** 20,
    heapAfter: await api.probe<Heap>('heap'),
    viewerLatencyDuringRelist: summarize(run.arrivals.windowed(window[0]!, window[1]!)),
    directLatencyDuringRelist: summarize(run.arrivals.windowed(window[0]!, window[1]!, true)),
    run,
  };
}
