// RESULTS.md: one table of targets (pass/fail on the measured numbers), then the raw numbers behind every row.
import type { Heap, Lag } from './api.ts';
import type { S1Result, S2Result } from './s1-s2-proxy.ts';
import type { PageRun, S7Result } from './s3-s7-cache.ts';
import type { FanoutStep, RateRun, S8Result } from './s6-s8-live.ts';
import type { Load } from './machine.ts';
import { notes } from './notes.ts';
import { fmt, mb, type Summary } from './stats.ts';

export interface Results {
  date: string;
  minutes: number;
  scale: number;
  machine: { nproc: string; free: string; cpu: string; kernel: string; loadStart: number[]; loadEnd: number[] };
  versions: { node: string; kube: string; bins: string; commit: string; dirtyApiFiles: number };
  sizes: Record<string, number>;
  seed: { pods: number; nodes: number; seconds: number; perSecond: number; runningSeconds: number };
  floors: { rtt: number; parse: { mbPerSecond: number; ms: number; bytes: number } };
  s1: S1Result;
  s2: S2Result;
  s7: S7Result;
  s3: { pages10k: PageRun[]; page1k: PageRun; pageAll: PageRun; floor: PageRun };
  s6: { steps: FanoutStep[]; r500: RateRun; r100: RateRun };
  s8: S8Result;
  load: Record<string, Load>;
}

const ms = (n: number) => `${fmt(n, n < 10 ? 2 : 0)} ms`;
const x = (n: number) => `${fmt(n, 2)}×`;
const verdict = (ok: boolean) => (ok ? '**pass**' : '**FAIL**');
const lat = (s: Summary) => `p50 ${ms(s.p50)} · p99 ${ms(s.p99)} · max ${ms(s.max)} (n=${s.n})`;
const lag = (l: Lag) =>
  `p50 ${ms(l.p50)} · p99 ${ms(l.p99)} · max ${ms(l.max)}` +
  (l.gc ? ` (GC: ${l.gc.count} pauses, longest ${ms(l.gc.maxMs)}, ${ms(l.gc.totalMs)} in all)` : '');
const heap = (h: Heap) =>
  `heapUsed ${fmt(mb(h.heapUsed))} MB, external ${fmt(mb(h.external))} MB, RSS ${fmt(mb(h.rss))} MB`;

/** A direct watch that is itself slow means the local apiserver, not the console, set most of a run's latency. */
const stalled = (run: RateRun) =>
  run.direct.p99 > 100
    ? `. **The direct watch stalled too** (p99 ${ms(run.direct.p99)}): the local apiserver, on the same shared cores, was behind; the console's own share is the difference between the two`
    : '';

export function renderResults(r: Results): string {
  const { s1, s2, s3, s6, s7, s8 } = r;
  const L = s1.loaded;
  const reuse = 1 - s1.upstreamConnections / Math.max(1, L.proxy.requests);
  const main10k = s3.pages10k[0]!;
  const pageRatio = main10k.latency.p99 / s2.direct.p50;
  const scaleRatio = s3.pageAll.latency.p50 / s3.page1k.latency.p50;
  const w1 = s6.steps[0]!;
  const w500 = s6.steps[s6.steps.length - 1]!;
  const cacheRatio = s7.cacheBytes / s7.rawStrippedBytes;
  const S = s1.serial;
  const rows: string[][] = [
    [
      'S1',
      'GET pod, one connection (unloaded): p50 · p99',
      '≤ direct + 2 ms · ≤ 1.5×',
      `${ms(S.direct.latency.p50)} · ${ms(S.direct.latency.p99)}`,
      `${ms(S.proxy.latency.p50)} · ${ms(S.proxy.latency.p99)}`,
      `+${ms(S.proxy.latency.p50 - S.direct.latency.p50)} · ${x(S.proxy.latency.p99 / S.direct.latency.p99)}`,
      verdict(S.proxy.latency.p50 <= S.direct.latency.p50 + 2 && S.proxy.latency.p99 <= 1.5 * S.direct.latency.p99),
    ],
    [
      'S1',
      `GET pod, ${s1.connections} conns × ${s1.seconds}s: p50`,
      '≤ direct + 2 ms',
      ms(L.direct.latency.p50),
      ms(L.proxy.latency.p50),
      `+${ms(L.proxy.latency.p50 - L.direct.latency.p50)}`,
      verdict(L.proxy.latency.p50 <= L.direct.latency.p50 + 2),
    ],
    [
      'S1',
      'same: p99',
      '≤ 1.5× direct',
      ms(L.direct.latency.p99),
      ms(L.proxy.latency.p99),
      x(L.proxy.latency.p99 / L.direct.latency.p99),
      verdict(L.proxy.latency.p99 <= 1.5 * L.direct.latency.p99),
    ],
    [
      'S1',
      'same: errors; upstream connection reuse',
      '0; ≥ 95 %',
      `${L.direct.errors + L.direct.non2xx}`,
      `${L.proxy.errors + L.proxy.non2xx}; ${fmt(reuse * 100, 2)} %`,
      '',
      verdict(L.proxy.errors + L.proxy.non2xx === 0 && reuse >= 0.95),
    ],
    [
      'S2',
      `LIST ${s2.rounds}× 10k pods (${fmt(mb(s2.bytes))} MB): p50`,
      '≤ 1.3× direct',
      ms(s2.direct.p50),
      ms(s2.proxy.p50),
      x(s2.proxy.p50 / s2.direct.p50),
      verdict(s2.proxy.p50 <= 1.3 * s2.direct.p50),
    ],
    [
      'S2',
      'same: p99',
      '≤ 1.3× direct',
      ms(s2.direct.p99),
      ms(s2.proxy.p99),
      x(s2.proxy.p99 / s2.direct.p99),
      verdict(s2.proxy.p99 <= 1.3 * s2.direct.p99),
    ],
    [
      'S2',
      `API RSS growth, 1 / ${s2.concurrent.n} concurrent LISTs`,
      '≤ 64 MB',
      '',
      `${fmt(s2.rssGrowth1Mb)} / ${fmt(s2.concurrent.rssGrowthMb)} MB`,
      '',
      verdict(s2.rssGrowth1Mb <= 64 && s2.concurrent.rssGrowthMb <= 64),
    ],
    [
      'S3',
      `page of 100 from the cache, ${fmt(main10k.total, 0)} of ${fmt(s7.pods, 0)} match (${main10k.label})`,
      'p50 ≤ 50 ms, p99 ≤ 200 ms',
      '',
      `${ms(main10k.latency.p50)} / ${ms(main10k.latency.p99)}`,
      '',
      verdict(main10k.latency.p50 <= 50 && main10k.latency.p99 <= 200),
    ],
    [
      'S3',
      'page p99 / direct full LIST p50 (10k)',
      '≤ 0.1',
      ms(s2.direct.p50),
      ms(main10k.latency.p99),
      x(pageRatio),
      verdict(pageRatio <= 0.1),
    ],
    [
      'S3',
      `page(${fmt(s8.pods, 0)} pods) / page(${fmt(r.sizes['bench-1k'] ?? 0, 0)} pods), p50`,
      '≤ 2',
      ms(s3.page1k.latency.p50),
      ms(s3.pageAll.latency.p50),
      x(scaleRatio),
      verdict(scaleRatio <= 2),
    ],
    [
      'S6',
      'upstream pod watches at 1 → 500 viewers',
      'equal',
      `${w1.watches}`,
      `${w500.watches}`,
      '',
      verdict(w1.watches === w500.watches),
    ],
    [
      'S6',
      `delta latency, 100 viewers × 50 ev/s (${fmt(s6.r100.eventBytes / 1024)} KB objects): p99`,
      '≤ 50 ms',
      ms(s6.r100.direct.p99),
      ms(s6.r100.console.p99),
      x(s6.r100.console.p99 / s6.r100.direct.p99),
      verdict(s6.r100.console.p99 <= 50),
    ],
    [
      'S6',
      '500 viewers × 20 ev/s: p99',
      '≤ 100 ms',
      ms(s6.r500.direct.p99),
      ms(s6.r500.console.p99),
      x(s6.r500.console.p99 / s6.r500.direct.p99),
      verdict(s6.r500.console.p99 <= 100),
    ],
    [
      'S6',
      'lost events; API CPU at 100 × 50 / 500 × 20',
      '0; ≤ 1 core',
      '',
      `${s6.r100.lost + s6.r500.lost}; ${fmt(s6.r100.apiCpuCores, 2)} / ${fmt(s6.r500.apiCpuCores, 2)} cores`,
      '',
      verdict(s6.r100.lost + s6.r500.lost === 0 && Math.max(s6.r100.apiCpuCores, s6.r500.apiCpuCores) <= 1),
    ],
    [
      'S7',
      `cache heap for ${fmt(s7.pods, 0)} pods vs their JSON without managedFields`,
      '≤ 1.2×',
      `${fmt(mb(s7.rawStrippedBytes))} MB`,
      `${fmt(mb(s7.cacheBytes))} MB`,
      x(cacheRatio),
      verdict(cacheRatio <= 1.2),
    ],
    [
      'S8',
      `event-loop lag while ${fmt(s8.pods, 0)} pods sync (100 viewers × 50 ev/s)`,
      'p99 ≤ 50 ms, max ≤ 200 ms',
      '',
      `p99 ${ms(s8.relist.p99)}, max ${ms(s8.relist.max)}`,
      '',
      verdict(s8.relist.p99 <= 50 && s8.relist.max <= 200),
    ],
  ];
  const failed = new Set(rows.filter((row) => row[6]!.includes('FAIL')).map((row) => row[0]!));
  const others = (k: string) => (r.load[k] ? fmt(r.load[k].others, 1) : '');
  const table = [
    "| # | Scenario | Target | Direct | Wheelhouse | Ratio | Result | Others' CPU |",
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} | ${others(row[0]!)} |`),
  ].join('\n');

  const m = r.machine;
  return `# Benchmarks (issue 6): measured results

Generated by \`npm run bench\` (bench/src/run.ts) on ${r.date}; the run took ${fmt(r.minutes)} min.${r.scale !== 1 ? ` **Scaled run (BENCH_SCALE=${r.scale})**.` : ''}
Targets: shared/notes/security-and-performance.md §6. "Direct" is the same request sent straight to kube-apiserver with
the cluster's static admin token, **in the same run**. Numbers are single runs (no medians across runs).

## Machine and versions

- ${m.nproc} cores, CPU ${m.cpu}, kernel ${m.kernel}; \`free -g\`:
\`\`\`
${m.free}
\`\`\`
- **Shared machine**: other engineers' builds and tests ran at the same time (load average ${m.loadStart.map((l) => l.toFixed(1)).join(' / ')} at the
  start, ${m.loadEnd.map((l) => l.toFixed(1)).join(' / ')} at the end, on ${m.nproc} cores). The load generator, the API, PostgreSQL and the whole
  control plane (etcd, kube-apiserver, controller-manager, scheduler, kwok) share the same ${m.nproc} cores, so absolute numbers are
  pessimistic; ratios are what the targets are about.
- Node ${r.versions.node}; Kubernetes ${r.versions.kube}; binaries \`${r.versions.bins}\`; Wheelhouse commit ${r.versions.commit}${r.versions.dirtyApiFiles ? ` plus ${r.versions.dirtyApiFiles} uncommitted files under apps/api and packages/shared (work in progress of other engineers, built into the API that was measured)` : ''}.
- The API is the built \`apps/api/dist/main.js\` in its own process (embedded PostgreSQL, LOG_LEVEL=warn, --expose-gc, a
  bench-only preload \`bench/src/probe.ts\` for loop lag and heap); the load generator, socket.io viewers and the direct
  watch run in the bench process.
- Data: ${fmt(r.seed.pods, 0)} pods on ${r.seed.nodes} kwok nodes (110 pods each): namespaces bench-1k, bench-10k, bench-20k, and
  20 pods in bench-events that get patched for live events. Created and set Running at ${fmt(r.seed.perSecond, 0)} pods/s (${fmt(r.seed.seconds, 0)} s,
  48 requests in flight); the bench writes the Running status in the shape of kwok's pod-ready stage because kwok marks
  pods Running at only ~20/s on this machine.
- Floors: loopback HTTP round trip p50 ${ms(r.floors.rtt)}; \`JSON.parse\` of the 10k LIST body (${fmt(mb(r.floors.parse.bytes))} MB) ${ms(r.floors.parse.ms)} =
  ${fmt(r.floors.parse.mbPerSecond, 0)} MB/s on one core; ${fmt(r.floors.parse.bytes / s7.pods / 1024, 2)} KB per pod in a LIST, ${fmt(s7.rawStrippedBytes / s7.pods / 1024, 2)} KB without managedFields.

## Results

${table}

"Others' CPU": cores (of ${m.nproc}) used during that scenario by processes outside the bench's stack (other engineers' work);
the stack itself (load generator, API, PostgreSQL, control plane) used ${Object.entries(r.load)
    .map(([k, l]) => `${k} ${fmt(l.ours, 1)}`)
    .join(', ')} cores.

## Raw numbers

**S1** \`GET ${s1.podPath}\` with autocannon (exact per-request latencies recorded from its response events).
- one connection, unloaded: direct ${lat(s1.serial.direct.latency)}; proxy ${lat(s1.serial.proxy.latency)};
  p50 overhead ${ms(s1.serial.proxy.latency.p50 - s1.serial.direct.latency.p50)}, p99 ratio ${x(s1.serial.proxy.latency.p99 / s1.serial.direct.latency.p99)}.
- ${s1.connections} connections: direct ${lat(L.direct.latency)}, ${fmt(L.direct.rps, 0)} req/s; proxy ${lat(L.proxy.latency)}, ${fmt(L.proxy.rps, 0)} req/s;
  errors/non-2xx direct ${L.direct.errors}/${L.direct.non2xx}, proxy ${L.proxy.errors}/${L.proxy.non2xx}; ${s1.upstreamConnections} distinct upstream connections for ${fmt(L.proxy.requests, 0)} proxied requests.

**S2** \`GET /api/v1/namespaces/bench-10k/pods\`, body read to the last byte, never parsed; ${s2.rounds} rounds alternating direct/proxy.
- sequential: direct ${lat(s2.direct)}; proxy ${lat(s2.proxy)}.
- ${s2.concurrent.n} at once: direct ${lat(s2.concurrent.direct)}; proxy ${lat(s2.concurrent.proxy)}.
- API RSS ${fmt(s2.rssBaselineMb)} MB before; peak growth ${fmt(s2.rssGrowth1Mb)} MB (sequential), ${fmt(s2.concurrent.rssGrowthMb)} MB (${s2.concurrent.n} concurrent).

**S7** heap of the API (after two forced GCs) before and after the bench-10k pods informer synced (first page: ${ms(s7.syncMs)}).
- before: ${heap(s7.heapBefore)}; after: ${heap(s7.heapAfter)}.
- cache = Δ(heapUsed + external) = ${fmt(mb(s7.cacheBytes))} MB = ${fmt(s7.cacheBytes / s7.pods / 1024, 2)} KB/pod; JSON of the same objects without managedFields
  ${fmt(mb(s7.rawStrippedBytes))} MB (with managedFields ${fmt(mb(s7.rawFullBytes))} MB) → ${x(cacheRatio)}.

**S3** \`GET /api/clusters/bench/resources/core/v1/pods?…&limit=100\` from the synced cache, one connection, sequential.
${[...s3.pages10k, s3.page1k, s3.pageAll].map((p) => `- \`${p.query}\` (${fmt(p.total, 0)} match): ${lat(p.latency)}`).join('\n')}
- the route's fixed cost, \`configmaps?${s3.floor.query}\` (${s3.floor.total} object): ${lat(s3.floor.latency)}

**S6** viewers = socket.io clients (WebSocket, admin session) watching pods of bench-events; upstream counts from the
apiserver's \`apiserver_longrunning_requests{verb="WATCH",resource="pods",scope="namespace"}\` and LIST counter, relative to before the first viewer.
${s6.steps.map((s) => `- ${s.viewers} viewers: ${s.watches} upstream watch(es), ${s.lists} LIST(s), API RSS ${fmt(s.rssMb)} MB`).join('\n')}
- API RSS per extra viewer (1 → ${w500.viewers}): ${fmt(((w500.rssMb - w1.rssMb) * 1024) / Math.max(1, w500.viewers - w1.viewers), 0)} KB
${[s6.r500, s6.r100].map((run) => `- ${run.viewers} viewers × ${run.rate} ev/s for ${fmt(run.seconds, 0)} s (${run.patches} patches, ${run.failedPatches} failed): console ${lat(run.console)}; direct watch ${lat(run.direct)}; lost ${run.lost}; API CPU ${fmt(run.apiCpuCores, 2)} cores; bench loop lag p99 ${ms(run.benchLagP99)}${stalled(run)}`).join('\n')}

**S8** the all-namespaces pods informer syncs ${fmt(s8.pods, 0)} pods (the LIST, parse and index of a 410 relist) in ${ms(s8.syncMs)}, while 100 viewers
receive 50 ev/s from the bench-events informer.
- API loop lag, steady state before: ${lag(s8.steady)}; during the sync: ${lag(s8.relist)}.
- delta latency for events sent during the sync: viewers ${lat(s8.viewerLatencyDuringRelist)}; direct watch ${lat(s8.directLatencyDuringRelist)}.
- whole run (${fmt(s8.run.seconds, 0)} s, ${s8.run.patches} patches sent, ${s8.run.failedPatches} skipped or failed because the apiserver
  had over 200 patches in flight): viewers ${lat(s8.run.console)}, lost ${s8.run.lost}; direct watch ${lat(s8.run.direct)}.
- API RSS peak during the sync ${fmt(s8.rssPeakMb)} MB; after: ${heap(s8.heapAfter)}.${
    s8.directLatencyDuringRelist.p50 > 1000
      ? `
- The direct watch stalled as much as the viewers: while it serialized the ${fmt(s8.pods, 0)}-pod LIST, the local apiserver
  (on the same 2 shared cores) delivered watch events and accepted patches seconds late, so the viewers' latency in
  this window is the apiserver's; the API's own share is its loop lag above.`
      : ''
  }

${notes(failed)}
## Method notes and what is not measured

- S1 measures \`GET\` only; the \`PATCH deployment\` half of S1 and "≤ +8 ms on a SAR miss" are not measured (the proxy
  authorizes with the console's own RBAC, not with SubjectAccessReviews). Upstream reuse = 1 − distinct upstream
  connections seen (sampled every second with \`ss\`) / proxied requests.
- S3's "page(30k)" is the all-namespaces page over all ${fmt(s8.pods, 0)} pods, served by the informer S8 started, measured in
  alternating requests with page(1k) so both see the same background load; the 10k pages are measured before S1.
- S6 counts upstream watches from the apiserver's metrics (the API runs in its own process). Latency = arrival at the
  viewer − the send time written into the patched object's annotation (same machine clock); the direct watch is a raw
  watch on the apiserver receiving the same patches.
- S7 covers one cluster with one 10k-pod informer; 5/10 clusters, 2k deployments, 20k events, 50 viewers and the 24 h
  soak are not measured. Heap is \`heapUsed + external\` after two \`gc()\` calls, lowest of three readings.
- S8 times the all-namespaces informer's first sync: the same path as a 410 relist in client-node's \`ListWatch\`
  (\`listFn\` → parse → insert every object). A forced 410 would need an apiserver restart of this 31k-pod cluster,
  which makes the controller-manager, scheduler and kwok relist too and measures their storm (S9), not the API.
- S4, S5, S9 and S10 are not part of this bench (browser, end-to-end and auth scenarios of other issues).
`;
}
