/// <reference lib="dom" />
// S4 (a)–(c) in Chromium: the explorer's pod list of 10,000 rows. Every time is taken inside the page with
// performance.now() (navigation start is its time origin), so Playwright's own round trips are not in it.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { S4_ADMIN } from './s4-console.ts';

export interface ScrollRun {
  ms: number;
  longest: number;
  over50: number;
  rows: number;
  /** Most `.wh-vt-row` elements in the DOM at once: what virtualisation keeps small. */
  maxDomRows: number;
  /** The three longest animation frames and the scripts that ran in them. */
  worst: string[];
}
export interface BrowserResult {
  firstRow: number[];
  filter: number[];
  scroll: ScrollRun[];
  chromium: string;
}

const TABLE = '[data-testid="resource-table"]';
const HOLDER = `${TABLE} [data-vt-scroller]`;
/** ResourceTable's wrapper: `data-loaded` counts the rows loaded so far. */
const WRAPPER = `div[data-loaded]:has(${TABLE})`;
const SEARCH = 'input[aria-label="Search name, label…"]';
/** Rows scrolled per animation frame: a fast, steady fling (~600 rows/s at 60 fps). */
const ROWS_PER_FRAME = 10;

// Runs in the page before its own scripts: the time the first row of the list is in the DOM, and the frame after.
const FIRST_ROW_PROBE = `(() => {
  const w = window;
  w.__s4 = { inDom: null, frame: null };
  const check = () => {
    if (w.__s4.inDom !== null || !document.querySelector(${JSON.stringify(`${TABLE} .wh-vt-row`)})) return;
    w.__s4.inDom = performance.now();
    requestAnimationFrame(() => (w.__s4.frame = performance.now()));
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})()`;

export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? execSync('command -v chromium', { encoding: 'utf8', shell: '/bin/sh' }).trim();
  // As in apps/web/playwright.config.ts: Debian's Chromium, none of its own calls to the internet.
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signedInPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
  const r = await context.request.post('/api/auth/login', { data: S4_ADMIN, headers: { Origin: origin } });
  if (!r.ok()) throw new Error(`browser login: ${r.status()}`);
  await context.addInitScript(FIRST_ROW_PROBE);
  return context.newPage();
}

/** Navigation start → the first row in the DOM → the next frame (the one that paints it), in page time. */
export async function openList(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __s4: { frame: number | null } }).__s4.frame !== null, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __s4: { frame: number } }).__s4.frame);
}

/**
 * Types one character into the name filter and times keydown → the frame that shows the new first row. The box
 * filters on Enter (antd Input.Search), so Enter follows the character at once; the time runs from the character.
 */
export async function filterOnce(page: Page, { base, baseFirst, char, expected }: FilterCase): Promise<number> {
  const box = page.locator(SEARCH);
  await box.fill(base);
  await box.press('Enter');
  await page.waitForFunction((b) => new URL(location.href).searchParams.get('q') === b, base);
  await page.waitForFunction(
    ({ holder, name }) => document.querySelector(`${holder} .wh-vt-row a`)?.textContent === name,
    { holder: HOLDER, name: baseFirst },
    { timeout: 30_000 },
  );
  await page.evaluate(
    ({ search, holder, name }) => {
      const w = window as unknown as { __filter: Promise<number> };
      const input = document.querySelector<HTMLInputElement>(search)!;
      w.__filter = new Promise<number>((resolve) => {
        input.addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            const observer = new MutationObserver(() => {
              if (document.querySelector(`${holder} .wh-vt-row a`)?.textContent !== name) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - start));
            });
            observer.observe(document.querySelector(holder)!, { childList: true, subtree: true, characterData: true });
          },
          { once: true },
        );
      });
    },
    { search: SEARCH, holder: HOLDER, name: expected },
  );
  await box.press(char);
  await box.press('Enter');
  return page.evaluate(() => Promise.race([(window as unknown as { __filter: Promise<number> }).__filter, new Promise<number>((_, no) => setTimeout(() => no(new Error('filter: no update in 30 s')), 30_000))]));
}

/** The page after its first row: hydration, the live socket, side queries. Scrolling starts once it is quiet. */
async function settle(page: Page): Promise<void> {
  await page.locator('[data-testid="live-badge"][data-state="live"]').waitFor({ timeout: 30_000 });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const observer = new PerformanceObserver(() => (last = performance.now()));
        observer.observe({ type: 'longtask', buffered: true });
        const started = performance.now();
        const check = () => {
          if (performance.now() - last >= 1_000 || performance.now() - started > 15_000) {
            observer.disconnect();
            resolve();
          } else setTimeout(check, 100);
        };
        check();
      }),
  );
}

/**
 * Long tasks while the list is scrolled from its first row to its last (pages load on the way), with the
 * long animation frames' script attribution for the longest ones: what a failing target has to look at.
 */
async function scrollOnce(page: Page, total: number): Promise<ScrollRun> {
  await settle(page);
  return page.evaluate(
    ({ wrapper, holder, total, perFrame }) =>
      new Promise<ScrollRun>((resolve, reject) => {
        const tasks: number[] = [];
        const frames: { ms: number; scripts: string }[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        observer.observe({ type: 'longtask' });
        type Loaf = PerformanceEntry & { scripts: { invoker: string; sourceFunctionName: string; duration: number }[] };
        const loaf = new PerformanceObserver((list) =>
          (list.getEntries() as Loaf[]).forEach((e) =>
            frames.push({
              ms: e.duration,
              scripts: e.scripts
                .filter((x) => x.duration >= 5)
                .map((x) => `${x.invoker}${x.sourceFunctionName ? `→${x.sourceFunctionName}` : ''} ${Math.round(x.duration)} ms`)
                .join('; '),
            }),
          ),
        );
        loaf.observe({ type: 'long-animation-frame' });
        const el = document.querySelector<HTMLElement>(holder)!;
        const loadedRows = () => Number(document.querySelector(wrapper)?.getAttribute('data-loaded') ?? 0);
        const rowHeight = el.querySelector<HTMLElement>('.wh-vt-row')!.offsetHeight;
        const start = performance.now();
        let maxDomRows = 0;
        const step = () => {
          maxDomRows = Math.max(maxDomRows, el.querySelectorAll('.wh-vt-row').length);
          const loaded = loadedRows();
          const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
          if (atEnd && loaded >= total) {
            // A moment for the observers to deliver the last entries.
            setTimeout(() => {
              observer.disconnect();
              loaf.disconnect();
              const worst = frames.sort((a, b) => b.ms - a.ms).slice(0, 3).map((f) => `${Math.round(f.ms)} ms: ${f.scripts || 'no script ≥ 5 ms (layout, style, paint)'}`);
              resolve({ ms: performance.now() - start, longest: Math.max(0, ...tasks), over50: tasks.filter((d) => d > 50).length, rows: loaded, maxDomRows, worst });
            }, 200);
            return;
          }
          if (performance.now() - start > 300_000) return reject(new Error(`scroll: ${loaded} of ${total} rows after 300 s`));
          el.scrollTop += perFrame * rowHeight;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { wrapper: WRAPPER, holder: HOLDER, total, perFrame: ROWS_PER_FRAME },
  );
}

export interface FilterCase {
  /** What the box holds before (committed), and the first row's name then. */
  base: string;
  baseFirst: string;
  char: string;
  /** The first row's name after the character, from the API (same sort and filter). */
  expected: string;
}

export async function runBrowser(
  origin: string,
  listPath: string,
  total: number,
  filters: FilterCase[],
  rounds: number,
  log: (m: string) => void,
  onCleanup: (fn: () => Promise<void>) => void,
): Promise<BrowserResult> {
  const browser = await launch();
  onCleanup(() => browser.close());
  try {
    const page = await signedInPage(browser, origin);
    // Warm: the browser's HTTP cache, Next.js's route, the API's informer for the namespace.
    await openList(page, listPath);
    const firstRow: number[] = [];
    for (let i = 0; i < rounds; i++) firstRow.push(await openList(page, listPath));
    log(`  (a) first row: ${firstRow.map((v) => v.toFixed(0)).join(', ')} ms`);
    const filter: number[] = [];
    await filterOnce(page, filters[0]!); // warm
    for (let i = 0; i < rounds; i++) {
      const f = filters[i % filters.length]!;
      filter.push(await filterOnce(page, f));
    }
    log(`  (b) filter: ${filter.map((v) => v.toFixed(0)).join(', ')} ms`);
    const scroll: ScrollRun[] = [];
    // BENCH_S4_PROFILE=<file>: a V8 CPU profile of the first scroll (open it in Chromium's DevTools), for a failing (c).
    const profileTo = process.env.BENCH_S4_PROFILE;
    for (let i = 0; i < rounds; i++) {
      await openList(page, listPath);
      const cdp = profileTo && i === 0 ? await page.context().newCDPSession(page) : null;
      if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
      // BENCH_S4_TRACE=<file>: a Chromium trace (devtools.timeline: style, layout, paint) of the second scroll.
      const traceTo = process.env.BENCH_S4_TRACE && i === 1 ? process.env.BENCH_S4_TRACE : null;
      if (traceTo) await browser.startTracing(page, { path: traceTo, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      scroll.push(await scrollOnce(page, total));
      if (traceTo) await browser.stopTracing();
      if (cdp && profileTo) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      const s = scroll.at(-1)!;
      log(`  (c) scroll ${i + 1}: ${(s.ms / 1000).toFixed(1)} s, longest task ${s.longest.toFixed(0)} ms, ${s.over50} over 50 ms, ≤ ${s.maxDomRows} rows in the DOM`);
    }
    return { firstRow, filter, scroll, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}
