// What a failing target needs, read from the code under apps/api at the measured commit: printed in RESULTS.md only
// for the scenarios that failed. Update the text when the code it describes changes.

/** Where the time or memory of a failing target goes (read from the code under apps/api), and what would fix it. */
const FIXES: Record<string, string> = {
  S1:
    `**S1**` +
    ` Before a byte goes upstream, each proxied request waits for PostgreSQL several times: the API token lookup
  (\`ApiTokenService.resolve\`), then — concurrently since 5eb92c4 — the cluster row (\`ClustersService.getVisible\`)
  and the RBAC version read behind each \`AuthorizerService.bindingsOf\` (2–3 per request), plus an AES-GCM decrypt and
  SHA-256 of the credentials (\`ClustersService.access\`) and \`applyToHTTPSOptions\`. Under load those queries also
  cost PostgreSQL CPU on the same cores (throughput above). Fix: an in-memory admission cache (token hash → principal,
  cluster id → access and TLS options) validated by the RBAC version, with that version read at most once per request
  (or pushed with LISTEN/NOTIFY, or a ≤ 1 s TTL). What remains is the byte pipe, +0.04 ms p50 in §5.`,
  S2:
    `**S2**` +
    ` The proxy never parses (\`pipeline(up, res)\`), but it moves every byte twice through user space on the same
  cores: TLS decrypt of the upstream leg, then the write to the client. The p50 ratio shows that cost is small for one
  LIST; the p99 of 15 sequential LISTs is their single slowest one, and the 10-concurrent bursts show the doubled
  copying under CPU contention. Options: larger highWaterMark on both legs (fewer, larger reads and writes), and a run
  with \`Accept-Encoding: gzip\` as kubectl sends it (the apiserver compresses, the proxy forwards fewer bytes).`,
  S3: `**S3** \`pageOf\` (apps/api/src/resources/list-engine.ts) already sorts with one shared \`Intl.Collator\` (d2497d7),
  but still filters every cached object and sorts every match on each request, so a page costs O(N log N) in the
  cache size: page(31k) vs page(1k) above. Fix: per-informer sorted indexes for the default columns (namespace/name,
  creationTimestamp) kept up to date from the deltas, so a page walks a presorted array and stops after offset + limit
  matches; cache the last (query → sorted ids) per informer version for other columns.`,
  S6: `**S6** \`Channel\` (apps/api/src/streams/channel.ts) starts a 100 ms timer at the first event of a batch, so every event
  waits 0–100 ms before it is sent (p99 ≈ 100 ms by construction) — the issue's "batched ≤ 100 ms" and this 50 ms
  target cannot both hold. Fix: flush on the leading edge (send at once when nothing was sent in the last ~20 ms, then
  coalesce for at most 20–25 ms while events keep coming); the room broadcast itself is cheap (API CPU above).`,
  S7: `**S7** The cache keeps client-node's fully parsed objects (\`ListWatch\` maps): every field becomes a V8 object, array
  or string (the ratio above; §5 measured 1.85×). Fix: keep each object as its stripped JSON string (one-byte strings ≈ 1.0× the JSON) next to
  a small record of the fields that lists filter and sort on (name, namespace, labels, creationTimestamp, phase), and
  parse only the ≤ 100 objects of a page or a delta (~1 ms per page).`,
  S8: `**S8** The informer already lists in pages of 500 and yields between them (db7b3d8), so no single 190 MB parse
  is left. The p99 is now set by ~100 ms stalls of two kinds: V8 GC pauses while the heap grows by ~200 MB of parsed
  pods (count, longest and total in the raw numbers), and each page's ~3 MB \`JSON.parse\` plus string assembly in
  \`requestJson\` (tens of ms at the parse rate in the floors). A smaller cache (S7's fix: objects kept as JSON
  strings) shortens the first, pages of 100–200 the second. For the max, compare it with the longest GC pause: when
  that is much shorter, the stall is the API's own synchronous work, and a CPU profile of the window (\`--cpu-prof\` in
  the probe's execArgv, bench/src/api.ts) names it. Suspects: the first page request sorting all 31k objects in
  \`pageOf\`, and client-node's synchronous insert of the whole list (\`deleteItems\` + \`addOrUpdateItems\`, 30–45 ms
  for 31k pods measured offline), which could be spread over the pages as they arrive.`,
};

export function notes(failed: Set<string>): string {
  const list = Object.entries(FIXES).filter(([k]) => failed.has(k));
  if (list.length === 0) return '';
  return `## What the failing targets need\n\n${list.map(([, text]) => `- ${text}`).join('\n')}\n`;
}
