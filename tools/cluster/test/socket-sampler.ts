// Samples the sockets of running clusters for the whole test file, so a short-lived connection off loopback
// (not only the ones open at the end) fails the network test.
import { auditClusterSockets, clusterDir, readState, type SocketEntry } from '../src/index.ts';

export class SocketSampler {
  readonly seen = new Map<string, SocketEntry>();
  readonly violations = new Map<string, SocketEntry>();
  samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly clusters = new Set<string>();

  /** By name: the state is re-read on every sample, so a restarted apiserver's new PID is covered too. */
  watch(name: string): void {
    this.clusters.add(name);
  }

  sample(): void {
    for (const name of this.clusters) {
      const state = readState(clusterDir(name));
      if (!state) continue;
      const { sockets, violations } = auditClusterSockets(state);
      for (const s of sockets) this.seen.set(`${s.netid} ${s.state} ${s.local} ${s.peer}`, s);
      for (const s of violations) this.violations.set(`${s.netid} ${s.state} ${s.local} ${s.peer}`, s);
    }
    this.samples += 1;
  }

  start(intervalMs = 1000): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
