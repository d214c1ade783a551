// Evidence that a cluster stays on loopback: the sockets its processes hold, and address literals in its config.
import { execFileSync } from 'node:child_process';
import type { ClusterState } from './state.ts';

export interface SocketEntry {
  netid: string;
  state: string;
  local: string;
  peer: string;
  pids: number[];
}

const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b/g;

export function isLoopbackIp(ip: string): boolean {
  const v4 = ip.replace(/^::ffff:/i, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** "127.0.0.1:80", "[::ffff:127.0.0.1]:80", "*:*" → host part ("*" and "0.0.0.0" stay as they are). */
export function hostOf(address: string): string {
  const bracketed = /^\[(.*)\](?::[^:]*)?$/.exec(address);
  if (bracketed?.[1] !== undefined) return bracketed[1].replace(/%.*$/, '');
  return address.slice(0, address.lastIndexOf(':')).replace(/%.*$/, '');
}

const portOf = (address: string) => Number(address.slice(address.lastIndexOf(':') + 1));

/** All TCP and UDP sockets (listening and connected) from `ss`, with the PIDs that hold them. */
export function listSockets(): SocketEntry[] {
  const out = execFileSync('ss', ['-H', '-tuanp'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [netid = '', state = '', , , local = '', peer = '', ...rest] = line.trim().split(/\s+/);
      const pids = [...rest.join(' ').matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
      return { netid, state, local, peer, pids };
    });
}

/**
 * Sockets held by the cluster's processes, plus sockets on the cluster's ports (ss may not attribute the accepted
 * side of a connection to a process). Violations: a local or peer address outside 127.0.0.0/8, which includes
 * wildcard listeners (0.0.0.0, ::, *) since they would accept traffic from other hosts.
 */
export function auditClusterSockets(state: ClusterState): { sockets: SocketEntry[]; violations: SocketEntry[] } {
  const pids = new Set(Object.values(state.components).map((c) => c.pid));
  const ports = new Set(Object.values(state.ports));
  const sockets = listSockets().filter(
    (s) => s.pids.some((p) => pids.has(p)) || ports.has(portOf(s.local)) || ports.has(portOf(s.peer)),
  );
  const violations = sockets.filter((s) => {
    const peerHost = hostOf(s.peer);
    const peerIsWildcard = s.state === 'LISTEN' || s.state === 'UNCONN' || peerHost === '*' || peerHost === '0.0.0.0';
    return !isLoopbackIp(hostOf(s.local)) || (!peerIsWildcard && !isLoopbackIp(peerHost));
  });
  return { sockets, violations };
}

/** Every IPv4 literal in the given texts that is outside 127.0.0.0/8 (e.g. from argv, kubeconfig, config files). */
export function nonLoopbackIpv4(texts: string[]): string[] {
  return texts.flatMap((text) => [...text.matchAll(IPV4)].map((m) => m[0])).filter((ip) => !isLoopbackIp(ip));
}
