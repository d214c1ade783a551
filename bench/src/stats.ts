// Small numeric helpers: exact percentiles over recorded samples (sample counts here are ≤ a few 100k, so sorting
// is cheaper than reasoning about histogram bucket error at sub-millisecond latencies).
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { n: 0, p50: NaN, p99: NaN, max: NaN, mean: NaN };
  const s = Float64Array.from(samples).sort();
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1]!, mean };
}

export const median = (xs: readonly number[]): number => summarize(xs).p50;

/** Wall-clock epoch milliseconds with sub-millisecond precision, comparable across processes on this machine. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export const mb = (bytes: number) => bytes / 1024 / 1024;

/** The bench process's own loop lag: a busy load generator inflates what it measures, so reports quote it. */
export function selfLag(): { reset: () => void; read: () => { p99: number; max: number } } {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  return {
    reset: () => h.reset(),
    read: () => ({ p99: Math.max(0, h.percentile(99) / 1e6 - 5), max: Math.max(0, h.max / 1e6 - 5) }),
  };
}

/** Runs `count` jobs with at most `width` in flight. */
export async function pool(count: number, width: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}
