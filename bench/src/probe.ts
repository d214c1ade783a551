// Preloaded into the API process (`node --expose-gc --import bench/src/probe.ts apps/api/dist/main.js`): measures
// the API's own event loop and heap without changing its code, and answers the bench over the fork IPC channel.
// Bench-only: nothing here ships with the API.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

type Command = { id: number; cmd: 'lag-reset' | 'lag' | 'heap' | 'cpu' };

const RESOLUTION_MS = 5;
const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
lag.enable();
// V8 garbage-collection pauses in the same windows: a long loop stall is either our code or a GC pause.
let gcs = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcs = { count: gcs.count + 1, totalMs: gcs.totalMs + e.duration, maxMs: Math.max(gcs.maxMs, e.duration) };
  }
}).observe({ entryTypes: ['gc'] });
const gc = (globalThis as { gc?: () => void }).gc;

/** The histogram holds whole timer intervals (ns); lag is what exceeds the sampling interval, in ms. */
const excess = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

function answer(cmd: Command['cmd']): unknown {
  switch (cmd) {
    case 'lag-reset':
      lag.reset();
      gcs = { count: 0, totalMs: 0, maxMs: 0 };
      return { ok: true };
    case 'lag':
      return {
        p50: excess(lag.percentile(50)),
        p99: excess(lag.percentile(99)),
        max: excess(lag.max),
        mean: excess(lag.mean),
        count: lag.count,
        gc: gcs,
      };
    case 'heap': {
      // Two passes: the first frees what finalizers of the second keep alive.
      gc?.();
      gc?.();
      const m = process.memoryUsage();
      return {
        heapUsed: m.heapUsed,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        rss: m.rss,
        gcExposed: Boolean(gc),
      };
    }
    case 'cpu':
      return { ...process.cpuUsage(), at: performance.now() };
  }
}

if (process.send) {
  process.on('message', (msg: Command) => process.send?.({ id: msg.id, result: answer(msg.cmd) }));
  // The channel must not keep a stopped API alive.
  process.channel?.unref();
}
