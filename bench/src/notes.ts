// What a failing target needs, read from the code under apps/api at the measured commit: printed in RESULTS.md only
// for the scenarios that failed. Update the text when the code it describes changes.

/** Where the time or memory of a failing target goes (read from the code under apps/api), and what would fix it. */
const FIXES: Record<string, string> = {
  S1:
    `**S1**` +
    ` Before a byte goes upstream, each proxied request waits for PostgreSQL once: the API token lookup
  (\`ApiTokenService.resolve\`), the cluster row (\`ClustersService.prefetch\`) and the RBAC version read start
  together since 122a709 (they were three reads in a row), then the bindings come from the per-user cache; add an AES-GCM
  decrypt and SHA-256 of the credentials (\`ClustersService.access\`) and Prisma's own per-query CPU. Under load
  those queries also cost PostgreSQL CPU on the same cores (throughput above). Fix: an in-memory admission cache
  (token hash → principal, cluster id → access and TLS options) invalidated by LISTEN/NOTIFY from the transactions
  that change tokens, users, clusters or bindings (plus a local bump after our own commits), so a warm request reads
  nothing. What remains is the byte pipe, +0.04 ms p50 in §5. The single round trip moved the unloaded overhead only
  from +3.9 to +3.3 ms, so most of it is per-request CPU (three Prisma queries' own work, the Express/Nest middleware
  chain, TLS to the apiserver) on two shared cores: take a CPU profile of the S1 window (\`--cpu-prof\` in the probe's
  execArgv, bench/src/api.ts) before building the cache. Compare the direct p50 with earlier runs too: on a busy
  machine the apiserver's own latency moves.`,
  S2:
    `**S2**` +
    ` The proxy never parses (\`pipeline(up, res)\`), but it moves every byte twice through user space on the same
  cores: TLS decrypt of the upstream leg, then the write to the client. The p50 ratio shows that cost is small for one
  LIST; the p99 of 15 sequential LISTs is their single slowest one, and the 10-concurrent bursts show the doubled
  copying under CPU contention. Options: larger highWaterMark on both legs (fewer, larger reads and writes), and a run
  with \`Accept-Encoding: gzip\` as kubectl sends it (the apiserver compresses, the proxy forwards fewer bytes).`,
  S3: `**S3** Lists are served from sorted views per informer (apps/api/src/resources/sorted-views.ts, 95d8e0f): while an
  informer does not change, a page is a slice (no filter) or one pass of cheap predicates over the presorted array;
  filtered requests on a changed informer filter first and sort only the matches. The all-namespaces page above is
  measured while bench-events keeps changing (the S8 informer sees those patches), so its view is never current and
  each request filters 31k objects and sorts the 6.8k matches. Fix: keep the sorted views up to date from the deltas
  (binary-search insert/remove) instead of dropping them on every change.`,
  S6: `**S6** \`Channel\` (apps/api/src/streams/channel.ts) sends the first delta after a quiet spell at once and then
  coalesces for at most 25 ms (baa27de; it was a fixed 100 ms timer, p99 ≈ 100 ms by construction). Where the 100 × 50
  case still fails, compare with the direct watch in the same run: when the apiserver itself stalls (same shared
  cores), the console cannot be faster than its upstream; the console's own share is the difference.`,
  S7: `**S7** The cache keeps client-node's fully parsed objects (\`ListWatch\` maps): every field becomes a V8 object, array
  or string (the ratio above; §5 measured 1.85×). Fix: keep each object as its stripped JSON string (one-byte strings ≈ 1.0× the JSON) next to
  a small record of the fields that lists filter and sort on (name, namespace, labels, creationTimestamp, phase), and
  parse only the ≤ 100 objects of a page or a delta (~1 ms per page).`,
  S8: `**S8** The informer lists in pages of 200 (0ab34aa; a 500-pod page took ~60 ms to parse) and yields between them.
  What is left are V8 GC pauses while the heap grows by ~200 MB of parsed pods (count, longest and total in the raw
  numbers) and client-node's synchronous insert of the whole list at the end (\`deleteItems\` + \`addOrUpdateItems\`,
  30–45 ms for 31k pods measured offline, plus one delta per object to the channels). Fixes: a smaller cache (S7's
  fix: objects kept as JSON strings) for the GC share; feeding the store page by page as pages arrive instead of
  once at the end. When the max is far above the longest GC pause, a CPU profile of the window (\`--cpu-prof\` in the
  probe's execArgv, bench/src/api.ts) names the synchronous work.`,
};

export function notes(failed: Set<string>): string {
  const list = Object.entries(FIXES).filter(([k]) => failed.has(k));
  if (list.length === 0) return '';
  return `## What the failing targets need\n\n${list.map(([, text]) => `- ${text}`).join('\n')}\n`;
}
