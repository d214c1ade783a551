// S4 (d): Ctrl-K search across three console clusters (the same apiserver registered three times, so each has
// its own informer caches) over 10,000 ConfigMaps and the 10,000 pods, from the caches: sequential, warm.
import { json, request } from './http.ts';
import type { Console } from './s4-console.ts';
import { WORDS } from './s4-seed.ts';
import { sleep } from './stats.ts';

type SearchResult = {
  groups: { cluster: { id: string }; kind: { resource: string }; total: number; items: unknown[] }[];
  hidden: { cluster: { id: string }; kind: { resource: string } | null; reason: string }[];
};

export interface SearchRun {
  /** Null when nothing was measured: no /api/search route, or the run failed (`failure`). */
  latencies: number[] | null;
  failure?: string;
  warmSeconds: number;
  terms: number;
  /** Matches per search (summed over clusters and kinds): how much each answer had to count. */
  matches: { min: number; max: number };
  errors: number;
}

/** Words from wide (a tenth of the ConfigMaps) to narrow (one object), label terms, pod names, and misses. */
export function searchTerms(count: number): string[] {
  const shapes = [
    (i: number) => WORDS[i % WORDS.length]!,
    (i: number) => `${WORDS[i % WORDS.length]}-settings-0${i % 10}`,
    (i: number) => `settings-${String((i * 37) % 10_000).padStart(5, '0')}`,
    (i: number) => `app=svc-${i % 100}`,
    (i: number) => `word=${WORDS[(i * 3) % WORDS.length]} settings`,
    (i: number) => `web-${i % 50}-7d9f`,
    (i: number) => `missing-${i}`,
  ];
  return Array.from({ length: count }, (_, i) => shapes[i % shapes.length]!(i));
}

const path = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=5`;

export async function runSearch(c: Console, clusterIds: string[], configMaps: number, count: number, log: (m: string) => void): Promise<SearchRun> {
  const probe = await request(c.admin, 'GET', path('alpha'));
  if (probe.status === 404) {
    log('  (d) GET /api/search is not served by this build: search not measured');
    return { latencies: null, warmSeconds: 0, terms: 0, matches: { min: 0, max: 0 }, errors: 0 };
  }
  // Warm: the first searches start every searchable kind's informer in each cluster; synced once no kind of any
  // cluster is reported as not yet synced (`timeout`) and ConfigMaps count all their "alpha" matches everywhere.
  const alphas = Math.ceil(configMaps / WORDS.length);
  const t0 = performance.now();
  for (;;) {
    const r = await json<SearchResult>(c.admin, 'GET', path('alpha'));
    const cm = r.groups.filter((g) => g.kind.resource === 'configmaps' && g.total >= alphas).length;
    if (!r.hidden.some((h) => h.reason === 'timeout') && cm === clusterIds.length) break;
    if (performance.now() - t0 > 300_000) throw new Error(`search caches not warm after 300 s: ${JSON.stringify(r.hidden)}`);
    await sleep(1_000);
  }
  const warmSeconds = (performance.now() - t0) / 1000;
  log(`  (d) caches of ${clusterIds.length} clusters warm after ${warmSeconds.toFixed(1)} s`);
  const terms = searchTerms(count);
  const latencies: number[] = [];
  let errors = 0;
  let min = Infinity;
  let max = 0;
  for (const q of terms) {
    const r = await request(c.admin, 'GET', path(q));
    if (r.status !== 200) {
      errors += 1;
      continue;
    }
    latencies.push(r.ms);
    const body = JSON.parse(r.body.toString('utf8')) as SearchResult;
    const n = body.groups.reduce((a, g) => a + g.total, 0);
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return { latencies, warmSeconds, terms: terms.length, matches: { min: Number.isFinite(min) ? min : 0, max }, errors };
}
