// `npm run -w @wheelhouse/bench bench:explorer`: S4 of issue #11. Builds the console, starts a fresh local cluster
// with 10,000 kwok pods and 10,000 ConfigMaps, runs the whole console as `npm start` does, measures the explorer in
// Chromium (first row, filter, scrolling) and search across three clusters, and writes the S4 section of
// bench/RESULTS.md. The browser, the console and the cluster are stopped at the end, also on failure or Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, request } from './http.ts';
import { runBrowser, type FilterCase } from './s4-browser.ts';
import { startConsole } from './s4-console.ts';
import { renderS4, withS4, type S4Results } from './s4-report.ts';
import { runSearch } from './s4-search.ts';
import { S4_NS, seedConfigMaps, seedPods, startS4Cluster } from './s4-seed.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const PODS = Number(process.env.BENCH_S4_PODS ?? 10_000);
const CONFIGMAPS = Number(process.env.BENCH_S4_CONFIGMAPS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_S4_ROUNDS ?? 10);
const SEARCHES = Number(process.env.BENCH_S4_SEARCHES ?? 200);
const CLUSTERS = ['s4-a', 's4-b', 's4-c'];

const started = Date.now();
const log = (m: string) => process.stdout.write(`[s4 ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const logDir = mkdtempSync(join(tmpdir(), 'wheelhouse-s4-logs-'));
const cleanups: (() => Promise<void>)[] = [];

let cleaning: Promise<void> | null = null;
/** Once: a signal and the end of main() may both ask, and neither may exit before the other's cleanup is done. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', cwd: ROOT }).trim();
  } catch {
    return 'n/a';
  }
}

type List = { items: { metadata: { name: string } }[]; total: number };

/** `web-1` → `web-1N`: one character more narrows the rows; the first rows before and after, from the API. */
async function filterCases(get: (q: string) => Promise<List>): Promise<FilterCase[]> {
  const base = 'web-1';
  const baseFirst = (await get(base)).items[0]?.metadata.name ?? '';
  const cases: FilterCase[] = [];
  for (const char of '0123456789') {
    const expected = (await get(base + char)).items[0]?.metadata.name ?? '';
    if (expected && expected !== baseFirst) cases.push({ base, baseFirst, char, expected });
  }
  if (!cases.length) throw new Error('no narrowing filter found');
  return cases;
}

async function main(): Promise<void> {
  const loadStart = loadavg();
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the API and the web app (turbo, cached when unchanged)');
    const b = spawnSync('npx', ['turbo', 'run', 'build', '--filter=@wheelhouse/api', '--filter=@wheelhouse/web', '--output-logs=errors-only'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (b.status !== 0) throw new Error('the build failed');
  }
  log(`starting a cluster (logs: ${logDir})`);
  const c = await startS4Cluster(PODS, () => undefined);
  cleanups.push(() => c.stop());
  log(`creating ${PODS} pods in ${S4_NS.pods}`);
  const podSeconds = await seedPods(c, PODS);
  log(`  ${(PODS / podSeconds).toFixed(0)} pods/s; creating ${CONFIGMAPS} ConfigMaps in ${S4_NS.config}`);
  const cmSeconds = await seedConfigMaps(c, CONFIGMAPS);
  log(`  ${(CONFIGMAPS / cmSeconds).toFixed(0)} ConfigMaps/s; starting the console`);
  const console = await startConsole(logDir);
  cleanups.push(() => console.stop());
  log(`console at ${console.origin} (pid ${console.pid})`);
  await console.registerCluster(CLUSTERS[0]!, c);

  const pods = `/api/clusters/${CLUSTERS[0]}/resources/core/v1/pods`;
  const get = (q: string) => json<List>(console.admin, 'GET', `${pods}?namespace=${S4_NS.pods}&limit=1&q=${encodeURIComponent(q)}`);
  const total = (await json<List>(console.admin, 'GET', `${pods}?namespace=${S4_NS.pods}&limit=1`)).total;
  if (total !== PODS) throw new Error(`the list holds ${total} pods, not ${PODS}`);
  const filters = await filterCases(get);

  log(`S4 (a)–(c) in Chromium, ${ROUNDS} rounds`);
  const browser = await runBrowser(console.origin, `/clusters/${CLUSTERS[0]}/r/core/v1/pods?namespace=${S4_NS.pods}`, total, filters, ROUNDS, log, (fn) => cleanups.push(fn));
  log(`S4 (d) search: registering ${CLUSTERS.length - 1} more clusters on the same apiserver`);
  for (const id of CLUSTERS.slice(1)) await console.registerCluster(id, c);
  // A failed search run still leaves (a)–(c) in the report.
  const search = await runSearch(console, CLUSTERS, CONFIGMAPS, SEARCHES, log).catch((err: unknown) => {
    log(`  (d) failed: ${String(err)}`);
    return { latencies: null, warmSeconds: 0, terms: 0, matches: { min: 0, max: 0 }, errors: 0, failure: String(err) };
  });

  const kube = (JSON.parse((await request(c.direct, 'GET', '/version')).body.toString()) as { gitVersion: string }).gitVersion;
  const results: S4Results = {
    date: new Date().toISOString(),
    minutes: (Date.now() - started) / 60_000,
    machine: { nproc: sh('nproc', []), loadStart, loadEnd: loadavg() },
    versions: {
      node: process.version,
      kube,
      chromium: browser.chromium,
      commit: sh('git', ['rev-parse', '--short', 'HEAD']),
      dirtyFiles: Number(sh('sh', ['-c', 'git status --porcelain | wc -l'])),
    },
    pods: PODS,
    configMaps: CONFIGMAPS,
    seedSeconds: { pods: podSeconds, configMaps: cmSeconds },
    rounds: ROUNDS,
    browser,
    search,
  };
  const raw = join(logDir, 's4-results.json');
  writeFileSync(raw, JSON.stringify(results, null, 1));
  write(results);
  log(`raw numbers: ${raw}`);
}

/** Only a full-size run goes into RESULTS.md; a smaller trial writes its section beside the logs. */
function write(r: S4Results): void {
  const section = renderS4(r);
  const full = r.pods === 10_000 && r.configMaps === 10_000 && r.rounds >= 10;
  const out = process.env.BENCH_OUT ?? (full ? join(ROOT, 'bench/RESULTS.md') : join(logDir, 'RESULTS.md'));
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // a new file
  }
  writeFileSync(out, withS4(current, section));
  log(`wrote ${out}`);
}

function render(file: string): void {
  write(JSON.parse(readFileSync(file, 'utf8')) as S4Results);
}

(process.argv[2] === '--render' ? Promise.resolve().then(() => render(process.argv[3] ?? '')) : main())
  .catch((err: unknown) => {
    process.stderr.write(`[s4] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(
    () =>
      // Keep-alive agents would keep the process alive: exit once everything is stopped.
      void cleanup().then(() => {
        log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
        process.exit();
      }),
  );
