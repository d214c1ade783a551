// Scratch loop for working on S4 (a)–(c) (not part of the bench): one cluster with the pods, seeded once; each
// time /tmp/s4-go appears, a fresh console from the current build is started, measured and stopped.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json } from './http.ts';
import type { FilterCase } from './s4-browser.ts';
import { startConsole } from './s4-console.ts';
import { S4_NS, seedPods, startS4Cluster } from './s4-seed.ts';
import { sleep } from './stats.ts';

const PODS = 10_000;
const log = (m: string) => process.stdout.write(`[loop ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const logDir = mkdtempSync(join(tmpdir(), 'wheelhouse-s4-loop-'));
const c = await startS4Cluster(PODS, () => undefined);
process.once('SIGTERM', () => void c.stop().finally(() => process.exit(0)));
log('seeding');
await seedPods(c, PODS);
log('seeded; waiting for /tmp/s4-go');
for (let n = 1; ; n++) {
  while (!existsSync('/tmp/s4-go')) await sleep(500);
  const rounds = Number(readFileSync('/tmp/s4-go', 'utf8').trim() || 3);
  rmSync('/tmp/s4-go');
  // Fresh each run: the browser side may have changed since the loop started.
  const { launch, openList, runBrowser, signedInPage } = (await import(`./s4-browser.ts?run=${n}`)) as typeof import('./s4-browser.ts');
  const cons = await startConsole(logDir);
  try {
    await cons.registerCluster('s4-a', c);
    const pods = `/api/clusters/s4-a/resources/core/v1/pods`;
    type List = { items: { metadata: { name: string } }[]; total: number };
    const get = (q: string) => json<List>(cons.admin, 'GET', `${pods}?namespace=${S4_NS.pods}&limit=1&q=${encodeURIComponent(q)}`);
    const base = 'web-1';
    const baseFirst = (await get(base)).items[0]!.metadata.name;
    const filters: FilterCase[] = [];
    for (const char of '0123456789') {
      const expected = (await get(base + char)).items[0]?.metadata.name ?? '';
      if (expected && expected !== baseFirst) filters.push({ base, baseFirst, char, expected });
    }
    {
      const browser = await launch();
      const page = await signedInPage(browser, cons.origin);
      const url = `/clusters/s4-a/r/core/v1/pods?namespace=${S4_NS.pods}`;
      await openList(page, url);
      for (let i = 0; i < 4; i++) {
        const first = await openList(page, url);
        const t = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/') || e.name.endsWith('.js'));
          const r = (n: number) => Math.round(n);
          return [
            `nav resp ${r(nav.responseStart)}-${r(nav.responseEnd)} dcl ${r(nav.domContentLoadedEventEnd)} load ${r(nav.loadEventEnd)}`,
            ...res.filter((e) => e.name.includes('/api/')).map((e) => `${e.name.replace(location.origin, '').slice(0, 90)} ${r(e.startTime)}→${r(e.responseEnd)}`),
            `js: ${res.filter((e) => e.name.endsWith('.js')).length} files, ${r(res.filter((e) => e.name.endsWith('.js')).reduce((n, e) => n + e.decodedBodySize, 0) / 1024)} KiB, last end ${r(Math.max(...res.filter((e) => e.name.endsWith('.js')).map((e) => e.responseEnd)))}; big: ${res.filter((e) => e.decodedBodySize > 150_000).map((e) => `${e.name.split('/').pop()} ${r(e.decodedBodySize / 1024)}K`).join(', ')}`,
          ].join('\n   ');
        });
        log(`(a) ${first.toFixed(0)} ms\n   ${t}`);
      }
      await browser.close();
    }
    process.env.BENCH_S4_PROFILE = `/tmp/s4-loop-${n}.cpuprofile`;
    process.env.BENCH_S4_TRACE = `/tmp/s4-loop-${n}.trace.json`;
    const r = await runBrowser(cons.origin, `/clusters/s4-a/r/core/v1/pods?namespace=${S4_NS.pods}`, PODS, filters, rounds, log, () => undefined);
    writeFileSync(`/tmp/s4-loop-${n}.json`, JSON.stringify(r, null, 1));
    log(`run ${n} done: /tmp/s4-loop-${n}.json`);
  } catch (err) {
    log(`run ${n} failed: ${String(err)}`);
  } finally {
    await cons.stop();
  }
}
