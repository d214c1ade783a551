// S1 (single GET) and S2 (10k-pod LIST) through the kubectl proxy, each against the same request sent straight to
// the apiserver in the same run. autocannon drives S1; S2 is timed request by request (each is ~60 MB).
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import type { ApiProcess } from './api.ts';
import { CLUSTER_ID } from './api.ts';
import { NS, type BenchCluster } from './cluster.ts';
import { drain, type Endpoint } from './http.ts';
import { sleep, summarize, type Summary } from './stats.ts';

export interface CannonRun {
  latency: Summary;
  requests: number;
  rps: number;
  errors: number;
  non2xx: number;
}

interface Slice {
  samples: number[];
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
}

/** Exact per-request latencies (autocannon's own histogram rounds to whole milliseconds). */
async function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  ca?: string,
): Promise<Slice> {
  const samples: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      { url, headers, connections, duration: seconds, timeout: 30, tlsOptions: ca ? { ca } : undefined },
      (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
    );
    inst.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) samples.push(ms);
    });
  });
  return { samples, requests: r.requests.total, seconds: r.duration, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

function merge(slices: Slice[]): CannonRun {
  const sum = (f: (s: Slice) => number) => slices.reduce((a, s) => a + f(s), 0);
  return {
    latency: summarize(slices.flatMap((s) => s.samples)),
    requests: sum((s) => s.requests),
    rps: sum((s) => s.requests) / sum((s) => s.seconds),
    errors: sum((s) => s.errors),
    non2xx: sum((s) => s.non2xx),
  };
}

/**
 * Direct and proxy in alternating slices (d p p d d p …), so both sides see the same background load of this shared
 * machine instead of one side getting a quiet minute and the other a busy one.
 */
async function alternate(
  direct: () => Promise<Slice>,
  proxy: () => Promise<Slice>,
  slices: number,
): Promise<{ direct: CannonRun; proxy: CannonRun }> {
  const d: Slice[] = [];
  const p: Slice[] = [];
  for (let i = 0; i < slices; i++) {
    if (i % 2 === 0) {
      d.push(await direct());
      p.push(await proxy());
    } else {
      p.push(await proxy());
      d.push(await direct());
    }
  }
  return { direct: merge(d), proxy: merge(p) };
}

/** Local ports of the API's TCP connections to the apiserver: how many upstream connections the proxy opened. */
function upstreamPorts(apiPid: number, apiserverPort: number): string[] {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :${apiserverPort} )`], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((l) => l.includes(`pid=${apiPid},`))
    .map((l) => l.trim().split(/\s+/)[2] ?? '');
}

export interface S1Result {
  podPath: string;
  serial: { direct: CannonRun; proxy: CannonRun };
  loaded: { direct: CannonRun; proxy: CannonRun };
  connections: number;
  seconds: number;
  upstreamConnections: number;
}

export async function s1(
  c: BenchCluster,
  api: ApiProcess,
  podName: string,
  log: (m: string) => void,
): Promise<S1Result> {
  const podPath = `/api/v1/namespaces/${NS.k10}/pods/${podName}`;
  const directUrl = `${c.server}${podPath}`;
  const proxyUrl = `${api.origin}/k8s/clusters/${CLUSTER_ID}${podPath}`;
  const ca = Buffer.from(c.caData, 'base64').toString('utf8');
  const dh = { ...c.direct.headers, Accept: 'application/json' };
  const ph = { ...api.proxy.headers, Accept: 'application/json' };
  const connections = Number(process.env.BENCH_S1_CONNECTIONS ?? 50);
  const seconds = Number(process.env.BENCH_S1_SECONDS ?? 60);
  const slice = Math.min(10, seconds);
  const slices = Math.max(1, Math.round(seconds / slice));
  // Warm-up: TLS sessions, the proxy's authz cache and discovery, JIT.
  await cannon(directUrl, dh, 4, 3, ca);
  await cannon(proxyUrl, ph, 4, 3);
  log(`  S1 one connection, ${slices} x ${slice / 2}s each way (unloaded latency)`);
  const serial = await alternate(
    () => cannon(directUrl, dh, 1, slice / 2, ca),
    () => cannon(proxyUrl, ph, 1, slice / 2),
    slices,
  );
  log(`  S1 ${connections} connections, ${slices} x ${slice}s each way`);
  const apiserverPort = Number(new URL(c.server).port);
  const seen = new Set<string>();
  let sampler: NodeJS.Timeout | null = null;
  const loaded = await alternate(
    () => cannon(directUrl, dh, connections, slice, ca),
    async () => {
      sampler = setInterval(() => upstreamPorts(api.pid, apiserverPort).forEach((p) => seen.add(p)), 1000);
      const r = await cannon(proxyUrl, ph, connections, slice);
      clearInterval(sampler);
      upstreamPorts(api.pid, apiserverPort).forEach((p) => seen.add(p));
      return r;
    },
    slices,
  );
  return { podPath, serial, loaded, connections, seconds: slices * slice, upstreamConnections: seen.size };
}

export interface S2Result {
  bytes: number;
  rounds: number;
  direct: Summary;
  proxy: Summary;
  rssBaselineMb: number;
  rssGrowth1Mb: number;
  concurrent: { n: number; direct: Summary; proxy: Summary; rssGrowthMb: number };
}

/** Peak RSS of the API while `work` runs, sampled every 20 ms from /proc. */
async function peakRss<T>(api: ApiProcess, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = api.rss();
  const timer = setInterval(() => (peak = Math.max(peak, api.rss())), 20);
  try {
    const value = await work();
    return { value, peak: Math.max(peak, api.rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function timedList(ep: Endpoint, path: string): Promise<{ ms: number; bytes: number }> {
  const r = await drain(ep, path);
  if (r.status !== 200) throw new Error(`LIST ${path}: ${r.status}`);
  return r;
}

export async function s2(c: BenchCluster, api: ApiProcess, log: (m: string) => void): Promise<S2Result> {
  const listPath = `/api/v1/namespaces/${NS.k10}/pods`;
  const proxyPath = `/k8s/clusters/${CLUSTER_ID}${listPath}`;
  const rounds = Number(process.env.BENCH_S2_ROUNDS ?? 15);
  await timedList(c.direct, listPath);
  await timedList(api.proxy, proxyPath);
  await sleep(1000);
  const rssBaseline = api.rss();
  const direct: number[] = [];
  const proxy: number[] = [];
  let bytes = 0;
  log(`  S2 ${rounds} sequential LISTs each way (alternating order)`);
  const serial = await peakRss(api, async () => {
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? (['d', 'p'] as const) : (['p', 'd'] as const);
      for (const which of order) {
        const r = which === 'd' ? await timedList(c.direct, listPath) : await timedList(api.proxy, proxyPath);
        (which === 'd' ? direct : proxy).push(r.ms);
        bytes = r.bytes;
      }
    }
  });
  const n = 10;
  log(`  S2 ${n} concurrent LISTs, twice each way`);
  // Direct and proxy bursts alternate (d p p d) so both see the same background load; RSS is tracked on proxy bursts.
  const d10: number[] = [];
  const p10: number[] = [];
  let growth10 = 0;
  for (const which of ['d', 'p', 'p', 'd'] as const) {
    const burst = (ep: Endpoint, path: string) => Promise.all(Array.from({ length: n }, () => timedList(ep, path)));
    if (which === 'd') {
      d10.push(...(await burst(c.direct, listPath)).map((r) => r.ms));
      continue;
    }
    await sleep(1000);
    const before = api.rss();
    const run = await peakRss(api, () => burst(api.proxy, proxyPath));
    p10.push(...run.value.map((r) => r.ms));
    growth10 = Math.max(growth10, run.peak - before);
  }
  return {
    bytes,
    rounds,
    direct: summarize(direct),
    proxy: summarize(proxy),
    rssBaselineMb: rssBaseline / 2 ** 20,
    rssGrowth1Mb: (serial.peak - rssBaseline) / 2 ** 20,
    concurrent: { n, direct: summarize(d10), proxy: summarize(p10), rssGrowthMb: growth10 / 2 ** 20 },
  };
}
