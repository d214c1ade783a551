/// <reference lib="dom" />
// One run of the S4 working loop (s4-loop.ts): (a)'s request timings and a CPU profile of one load, then (a)–(c).
import { writeFileSync } from 'node:fs';
import { json } from './http.ts';
import type { Console } from './s4-console.ts';
import { S4_NS } from './s4-seed.ts';
import type { FilterCase } from './s4-browser.ts';

const URL_PATH = `/clusters/s4-a/r/core/v1/pods?namespace=${S4_NS.pods}`;

export async function runOnce(cons: Console, n: number, mode: string, log: (m: string) => void): Promise<void> {
  const { filterOnce, launch, openList, runBrowser, signedInPage } = (await import(`./s4-browser.ts?run=${n}`)) as typeof import('./s4-browser.ts');
  const browser = await launch();
  try {
    const page = await signedInPage(browser, cons.origin);
    await openList(page, URL_PATH);
    for (let i = 0; i < 4; i++) {
      const cdp = i === 3 ? await page.context().newCDPSession(page) : null;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => cdp.send('Profiler.start'));
      const first = await openList(page, URL_PATH);
      if (cdp) writeFileSync(`/tmp/s4-loop-${n}.load.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const js = res.filter((e) => e.name.endsWith('.js'));
        const r = (v: number) => Math.round(v);
        return [
          `nav resp ${r(nav.responseStart)}-${r(nav.responseEnd)} dcl ${r(nav.domContentLoadedEventEnd)} load ${r(nav.loadEventEnd)}`,
          ...res.filter((e) => e.name.includes('/api/')).map((e) => `${e.name.replace(location.origin, '').slice(0, 90)} ${r(e.startTime)}→${r(e.responseEnd)} ${r(e.decodedBodySize / 1024)}K`),
          `js: ${js.length} files, ${r(js.reduce((s, e) => s + e.decodedBodySize, 0) / 1024)} KiB, last end ${r(Math.max(...js.map((e) => e.responseEnd)))}`,
        ].join('\n   ');
      });
      log(`(a) ${first.toFixed(0)} ms${i === 3 ? ` (profiled: /tmp/s4-loop-${n}.load.cpuprofile)` : ''}\n   ${t}`);
    }
    // Styles antd still generates in the browser (what scripts/antd-styles.mjs did not build ahead).
    const runtime = await page.evaluate(() =>
      [...document.querySelectorAll('style')].filter((s) => !s.id).map((s) => `${s.innerHTML.length}B ${s.innerHTML.slice(0, 90)}`),
    );
    log(`runtime styles: ${runtime.length}\n   ${runtime.join('\n   ')}`);
  } finally {
    await browser.close();
  }
  if (mode === 'a') return;

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
  if (mode === 'b') {
    const b = await launch();
    try {
      const page = await signedInPage(b, cons.origin);
      await openList(page, URL_PATH);
      for (let i = 0; i < 10; i++) {
        const ms = await filterOnce(page, filters[i % filters.length]!);
        const req = await page.evaluate(async (took) => {
          const since = performance.now() - took - 300;
          const long = await new Promise<PerformanceEntry[]>((resolve) => {
            const o = new PerformanceObserver(() => undefined);
            o.observe({ type: 'longtask', buffered: true });
            setTimeout(() => { resolve(o.takeRecords()); o.disconnect(); }, 50);
          });
          const r = (v: number) => Math.round(v);
          const reqs = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((x) => x.startTime > since && x.name.includes('/api/'));
          return [
            ...reqs.map((e) => `${r(e.startTime)}→${r(e.responseEnd)} ${e.name.replace(location.origin, '').slice(0, 120)}`),
            `long tasks: ${long.filter((e) => e.startTime > since).map((e) => `${r(e.startTime)}+${r(e.duration)}`).join(' ')}`,
          ].join('\n   ');
        }, ms);
        log(`(b) ${ms.toFixed(0)} ms, ended ${await page.evaluate(() => Math.round(performance.now()))}\n   ${req}`);
      }
    } finally {
      await b.close();
    }
    return;
  }
  const total = (await json<List>(cons.admin, 'GET', `${pods}?namespace=${S4_NS.pods}&limit=1`)).total;
  process.env.BENCH_S4_PROFILE = `/tmp/s4-loop-${n}.cpuprofile`;
  process.env.BENCH_S4_TRACE = `/tmp/s4-loop-${n}.trace.json`;
  const r = await runBrowser(cons.origin, URL_PATH, total, filters, Number(mode) || 3, log, () => undefined);
  writeFileSync(`/tmp/s4-loop-${n}.json`, JSON.stringify(r, null, 1));
  log(`run ${n} done: /tmp/s4-loop-${n}.json`);
}
