// How busy the machine was with work that is not this bench's, per scenario: total CPU from /proc/stat minus the
// CPU of the bench's own stack (bench process, API and its PostgreSQL, the cluster's components). On a shared
// machine this says how much of each number is contention.
import { readdirSync, readFileSync } from 'node:fs';

const HZ = 100; // USER_HZ

function machineBusy(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait is work.
  return f.reduce((a, b) => a + b, 0) - (f[3] ?? 0) - (f[4] ?? 0);
}

function stat(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

/** The roots and every process below them (the API's PostgreSQL runs as its children). */
function withDescendants(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(stat(Number(entry))?.[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(Number(entry));
  }
  const out: number[] = [];
  const todo = [...roots];
  while (todo.length) {
    const pid = todo.pop()!;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

function cpuOf(pids: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const pid of pids) {
    const f = stat(pid);
    if (f) m.set(pid, Number(f[11]) + Number(f[12])); // utime + stime
  }
  return m;
}

export interface Load {
  /** Cores used by processes outside the bench stack, averaged over the scenario. */
  others: number;
  /** Cores used by the bench stack itself (load generator, API, PostgreSQL, cluster). */
  ours: number;
}

/** Starts measuring; the returned function stops and reports. `roots` are re-read then (the API may have started). */
export function loadMeter(roots: () => number[]): () => Load {
  const t0 = performance.now();
  const busy0 = machineBusy();
  const before = cpuOf(withDescendants(roots()));
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const busy = (machineBusy() - busy0) / HZ;
    let ours = 0;
    for (const [pid, ticks] of cpuOf(withDescendants(roots()))) ours += (ticks - (before.get(pid) ?? 0)) / HZ;
    return { others: Math.max(0, busy - ours) / seconds, ours: ours / seconds };
  };
}
