// `npm run bench`: builds the API, starts a local control plane with 31k kwok pods and the built API as a child
// process, runs S7, S3, S1, S2, S6, S8 in that order (heap first, on a fresh API; the 30k relist last) and writes
// bench/RESULTS.md. Everything is on 127.0.0.1; every loop is bounded; the cluster and the API are stopped at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi } from './api.ts';
import { NODE_COUNT, NS, podName, SCALE, SIZES, seedPods, startBenchCluster, type BenchCluster } from './cluster.ts';
import { endpoint, request } from './http.ts';
import { renderResults, type Results } from './report.ts';
import { s1, s2 } from './s1-s2-proxy.ts';
import { loadMeter, type Load } from './machine.ts';
import { pagePair, pageRun, s3Queries, s7 } from './s3-s7-cache.ts';
import { fanout, rateRun, s8, Viewers } from './s6-s8-live.ts';
import { summarize } from './stats.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const started = Date.now();
const log = (m: string) =>
  process.stdout.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const logDir = mkdtempSync(join(tmpdir(), 'wheelhouse-bench-logs-'));
const cleanups: (() => Promise<void>)[] = [];

async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: unknown) => log(`cleanup: ${String(e)}`));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

/** Loopback HTTP round trip (keep-alive, tiny body): the unit every proxy overhead is compared with. */
async function loopbackRtt(): Promise<number> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const ep = endpoint(`http://127.0.0.1:${port}`, {});
  const samples: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const r = await request(ep, 'GET', '/');
    if (i >= 200) samples.push(r.ms);
  }
  ep.agent.destroy();
  server.close();
  return summarize(samples).p50;
}

/** JSON.parse throughput on the real 10k-pod LIST body (median of 3), in MB/s. */
async function parseRate(c: BenchCluster): Promise<{ mbPerSecond: number; ms: number; bytes: number }> {
  const body = (await request(c.direct, 'GET', `/api/v1/namespaces/${NS.k10}/pods`)).body.toString('utf8');
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    JSON.parse(body);
    times.push(performance.now() - t0);
  }
  const ms = summarize(times).p50;
  const bytes = Buffer.byteLength(body);
  return { mbPerSecond: bytes / 2 ** 20 / (ms / 1000), ms, bytes };
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', cwd: ROOT }).trim();
  } catch {
    return 'n/a';
  }
}

async function main(): Promise<void> {
  const loadStart = loadavg();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the API (turbo, cached when unchanged)');
    const b = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@wheelhouse/api', '--output-logs=errors-only'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    if (b.status !== 0) throw new Error('the API build failed');
  }
  log(`starting cluster with ${NODE_COUNT} kwok nodes (logs: ${logDir})`);
  const c = await startBenchCluster(() => undefined);
  cleanups.push(() => c.stop());
  const podTotal = Object.values(SIZES).reduce((a, b) => a + b, 0);
  log(`creating ${podTotal} pods`);
  const seed = await seedPods(c, log);
  log(
    `pods created in ${seed.seconds.toFixed(0)}s (${seed.perSecond.toFixed(0)}/s), all Running ${seed.runningSeconds.toFixed(0)}s later`,
  );
  const api = await startApi(c, logDir);
  cleanups.push(() => api.stop());
  log(`API pid ${api.pid} at ${api.origin}`);
  const kubeVersion = (
    JSON.parse((await request(c.direct, 'GET', '/version')).body.toString()) as { gitVersion: string }
  ).gitVersion;

  // CPU used by everything on the machine that is not this bench's stack, per scenario.
  const roots = () => [process.pid, api.pid, ...Object.values(c.state.components).map((x) => x.pid)];
  const load: Record<string, Load> = {};
  let meter: () => Load;
  const rtt = await loopbackRtt();
  const parse = await parseRate(c);
  log(`loopback RTT p50 ${rtt.toFixed(3)} ms; JSON.parse ${parse.mbPerSecond.toFixed(0)} MB/s`);

  log('S7 cache memory (10k pods)');
  meter = loadMeter(roots);
  const r7 = await s7(c, api, NS.k10, log);
  load.S7 = meter();
  log('S3 cached pages');
  meter = loadMeter(roots);
  const pages10k = [];
  for (const q of s3Queries(NS.k10)) pages10k.push(await pageRun(api, q.label, q.query, 200));
  // The route's fixed cost (session, RBAC, serialization) on a 1-object cache, to separate it from the page work.
  const floor = await pageRun(api, 'configmaps, 1 object', `namespace=${NS.k10}&limit=100`, 200, 'configmaps');
  load.S3 = meter();

  log('S1 single GET: direct vs proxy');
  meter = loadMeter(roots);
  const r1 = await s1(c, api, podName(0), log);
  load.S1 = meter();
  log('S2 10k LIST: direct vs proxy');
  meter = loadMeter(roots);
  const r2 = await s2(c, api, log);
  load.S2 = meter();
  const viewers = new Viewers(api);
  cleanups.push(() => viewers.close());
  log('S6 fan-out: upstream watches at 1/10/100/500 viewers');
  meter = loadMeter(roots);
  const steps = await fanout(c, api, viewers, [1, 10, 100, 500]);
  log('S6 500 viewers x 20 events/s');
  const r500 = await rateRun(c, api, viewers, 's6-500', 20, Number(process.env.BENCH_S6_SECONDS ?? 20));
  await viewers.narrow(100);
  log('S6 100 viewers x 50 events/s');
  const r100 = await rateRun(c, api, viewers, 's6-100', 50, Number(process.env.BENCH_S6_SECONDS ?? 30));
  load.S6 = meter();
  log('S8 all-namespaces relist while 100 viewers receive 50 events/s');
  meter = loadMeter(roots);
  const r8 = await s8(c, api, viewers, log);
  load.S8 = meter();
  log('S3 page(1k) vs page(all namespaces), alternating (after S8 synced them)');
  const [page1k, pageAll] = await pagePair(api, s3Queries(NS.k1)[0]!, s3Queries(null)[0]!, 50);

  const results: Results = {
    date: new Date().toISOString(),
    minutes: (Date.now() - started) / 60_000,
    scale: SCALE,
    machine: {
      nproc: sh('nproc', []),
      free: sh('free', ['-g']),
      cpu: sh('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]),
      kernel: sh('uname', ['-r']),
      loadStart,
      loadEnd: loadavg(),
    },
    versions: {
      node: process.version,
      kube: kubeVersion,
      bins: c.state.binDir.split('/').pop() ?? '',
      commit: sh('git', ['rev-parse', '--short', 'HEAD']),
      dirtyApiFiles: Number(sh('sh', ['-c', 'git status --porcelain apps/api packages/shared | wc -l'])),
    },
    sizes: SIZES,
    seed: { ...seed, pods: podTotal, nodes: NODE_COUNT },
    floors: { rtt, parse },
    s1: r1,
    s2: r2,
    s7: r7,
    s3: { pages10k, page1k, pageAll, floor },
    load,
    s6: { steps, r500, r100 },
    s8: r8,
  };
  // The numbers as JSON beside the logs (arrival samples left out), so the report can be re-rendered: --render <file>.
  const raw = join(logDir, 'results.json');
  writeFileSync(
    raw,
    JSON.stringify(results, (k, v: unknown) => (k === 'arrivals' ? undefined : v)),
  );
  write(results);
  log(`raw numbers: ${raw}`);
}

function write(results: Results): void {
  const out =
    process.env.BENCH_OUT ?? (results.scale === 1 ? join(ROOT, 'bench/RESULTS.md') : join(logDir, 'RESULTS.md'));
  writeFileSync(out, renderResults(results));
  log(`wrote ${out}`);
}

async function render(file: string): Promise<void> {
  write(JSON.parse(await readFile(file, 'utf8')) as Results);
}

(process.argv[2] === '--render' ? render(process.argv[3] ?? '') : main())
  .catch((err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(
    () =>
      // Open sockets and keep-alive agents would keep the process alive: exit once everything is stopped.
      void cleanup().then(() => {
        log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
        process.exit();
      }),
  );
