// S6 (socket fan-out) and S8 (event-loop lag during a 30k relist). Pods of bench-events are patched at a fixed rate
// with an annotation carrying a sequence number and the send time; every viewer timestamps each delta on arrival.
// A raw watch straight on the apiserver receives the same patches: the floor the console's latency is compared with.
import type { Socket } from 'socket.io-client';
import type { ApiProcess, Heap, Lag } from './api.ts';
import { CLUSTER_ID } from './api.ts';
import { metricSum, NS, podName, SIZES, type BenchCluster } from './cluster.ts';
import { json, request, watchStream } from './http.ts';
import { epochMs, pool, selfLag, sleep, summarize, type Summary } from './stats.ts';

const RUN = 'bench.wheelhouse.dev/run';
const SEQ = 'bench.wheelhouse.dev/seq';
const SENT = 'bench.wheelhouse.dev/sent';
const WATCH_REQ = { cluster: CLUSTER_ID, group: 'core', version: 'v1', resource: 'pods', namespace: NS.events };

type Annotated = { metadata?: { annotations?: Record<string, string> } };

interface Viewer {
  socket: Socket;
  channel: string | null;
}

/** Arrival records of one measured run: console viewers and the direct watch apart, deduplicated per receiver. */
export class Recorder {
  readonly sent: number[] = [];
  readonly latency: number[] = [];
  readonly direct: number[] = [];
  readonly directSent: number[] = [];
  private seen = new Map<Socket | 'direct', Set<number>>();
  readonly run: string;
  constructor(run: string) {
    this.run = run;
  }
  record(who: Socket | 'direct', o: Annotated, now: number): void {
    const a = o.metadata?.annotations;
    if (a?.[RUN] !== this.run) return;
    const seq = Number(a[SEQ]);
    let seen = this.seen.get(who);
    if (!seen) this.seen.set(who, (seen = new Set()));
    if (seen.has(seq)) return;
    seen.add(seq);
    const sent = Number(a[SENT]);
    if (who === 'direct') {
      this.directSent.push(sent);
      this.direct.push(now - sent);
      return;
    }
    this.sent.push(sent);
    this.latency.push(now - sent);
  }
  received(who: Socket | 'direct'): number {
    return this.seen.get(who)?.size ?? 0;
  }
  /** Latencies of the events sent within [from, to] (epoch ms), console viewers or the direct watch. */
  windowed(from: number, to: number, direct = false): number[] {
    const [sent, latency] = direct ? [this.directSent, this.direct] : [this.sent, this.latency];
    return latency.filter((_, i) => sent[i]! >= from && sent[i]! <= to);
  }
}

export class Viewers {
  readonly all: Viewer[] = [];
  recorder: Recorder | null = null;
  private readonly api: ApiProcess;
  constructor(api: ApiProcess) {
    this.api = api;
  }

  /** Grows to `n` connected viewers, each subscribed to pods of bench-events. */
  async grow(n: number): Promise<void> {
    const start = this.all.length;
    await pool(n - start, 25, async () => {
      const socket = await this.api.socket();
      const v: Viewer = { socket, channel: null };
      socket.on('deltas', (p: { events: { object: Annotated }[] }) => {
        const now = epochMs();
        for (const e of p.events) this.recorder?.record(socket, e.object, now);
      });
      this.all.push(v);
      await this.subscribe(v);
    });
  }

  async subscribe(v: Viewer): Promise<void> {
    const ack = (await v.socket.timeout(60_000).emitWithAck('watch', WATCH_REQ)) as { ok: boolean; channel?: string; message?: string };
    if (!ack.ok || !ack.channel) throw new Error(`watch refused: ${ack.message}`);
    v.channel = ack.channel;
  }

  /** Keeps the first `n` subscribed and unsubscribes the rest (their sockets stay open). */
  async narrow(n: number): Promise<void> {
    for (const v of this.all.slice(n)) {
      if (!v.channel) continue;
      await v.socket.timeout(10_000).emitWithAck('unwatch', { channel: v.channel });
      v.channel = null;
    }
  }

  subscribed(): Viewer[] {
    return this.all.filter((v) => v.channel);
  }

  close(): void {
    for (const v of this.all) v.socket.disconnect();
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
export async function fanout(c: BenchCluster, api: ApiProcess, viewers: Viewers, steps: number[]): Promise<FanoutStep[]> {
  const before = await upstream(c);
  const out: FanoutStep[] = [];
  for (const n of steps) {
    await viewers.grow(n);
    await sleep(1500);
    const now = await upstream(c);
    out.push({ viewers: n, watches: now.watches - before.watches, lists: now.lists - before.lists, rssMb: api.rss() / 2 ** 20 });
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
  recorder: Recorder;
}

/** Patches pods of bench-events at `rate`/s for `seconds` (bounded), while viewers and a direct watch receive them. */
export async function rateRun(c: BenchCluster, api: ApiProcess, viewers: Viewers, run: string, rate: number, seconds: number, during?: (t0: number) => Promise<void>): Promise<RateRun> {
  const rec = new Recorder(run);
  viewers.recorder = rec;
  const stopWatch = watchStream(c.direct, `/api/v1/namespaces/${NS.events}/pods?watch=1`, (_t, o) => rec.record('direct', o, epochMs()));
  await sleep(1000);
  const lag = selfLag();
  const cpu0 = api.cpuSeconds();
  const total = Math.round(rate * seconds);
  const pods = SIZES[NS.events]!;
  let failed = 0;
  let inflight = 0;
  const t0 = performance.now();
  const side = during?.(t0);
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    if (inflight > 200) {
      failed++; // the apiserver cannot keep up: count it instead of piling up requests
      continue;
    }
    inflight++;
    const patch = { metadata: { annotations: { [RUN]: run, [SEQ]: String(i), [SENT]: String(epochMs()) } } };
    void request(c.direct, 'PATCH', `/api/v1/namespaces/${NS.events}/pods/${podName(i % pods)}`, patch, { 'Content-Type': 'application/merge-patch+json' })
      .then((r) => void (r.status !== 200 && failed++), () => void failed++)
      .finally(() => inflight--);
  }
  const wall = (performance.now() - t0) / 1000;
  const apiCpu = api.cpuSeconds() - cpu0;
  await side;
  await sleep(500);
  while (inflight > 0) await sleep(50);
  const subscribed = viewers.subscribed();
  const sent = total - failed;
  // Wait for the tail: until every receiver has every event, or nothing arrived for 5 s (then they count as lost).
  const arrived = () => rec.latency.length + rec.direct.length;
  for (let last = arrived(), quiet = 0; quiet < 5000 && arrived() < sent * (subscribed.length + 1); quiet += 100) {
    await sleep(100);
    if (arrived() !== last) [last, quiet] = [arrived(), 0];
  }
  stopWatch();
  viewers.recorder = null;
  const lost = subscribed.reduce((sum, v) => sum + Math.max(0, sent - rec.received(v.socket)), 0);
  const sample = await json<{ items: Annotated[] }>(c.direct, 'GET', `/api/v1/namespaces/${NS.events}/pods?limit=1`);
  return {
    viewers: subscribed.length,
    rate,
    seconds: wall,
    patches: sent,
    failedPatches: failed,
    console: summarize(rec.latency),
    direct: summarize(rec.direct),
    lost,
    apiCpuCores: apiCpu / wall,
    benchLagP99: lag.read().p99,
    eventBytes: Buffer.byteLength(JSON.stringify(sample.items[0] ?? {})),
    recorder: rec,
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
export async function s8(c: BenchCluster, api: ApiProcess, viewers: Viewers, log: (m: string) => void): Promise<S8Result> {
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
    const page = await json<{ total: number }>(api.console, 'GET', `/api/clusters/${CLUSTER_ID}/resources/core/v1/pods?sort=metadata.name&limit=100`);
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
    viewerLatencyDuringRelist: summarize(run.recorder.windowed(window[0]!, window[1]!)),
    directLatencyDuringRelist: summarize(run.recorder.windowed(window[0]!, window[1]!, true)),
    run,
  };
}
