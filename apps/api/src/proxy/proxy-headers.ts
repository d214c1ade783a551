import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** RFC 9110 §7.6.1 hop-by-hop headers, plus Host and Expect, which belong to the client's own connection. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
]);

/**
 * The caller's credentials are the console's business, never the cluster's; identity headers would let a caller
 * choose who the cluster thinks it is (Impersonate-*: CVE-2021-31999; X-Remote-*: the front-proxy headers);
 * forwarding headers would let it write the apiserver's audit log.
 */
const CALLER_ONLY = new Set(['authorization', 'cookie', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip']);
const CALLER_ONLY_PREFIXES = ['impersonate-', 'x-remote-'];

const UPGRADE_PROTOCOLS = /^(websocket|spdy\/3\.1)$/i;

function connectionTokens(value: string | string[] | undefined): Set<string> {
  const list = Array.isArray(value) ? value.join(',') : (value ?? '');
  return new Set(list.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean));
}

function dropped(name: string, named: Set<string>): boolean {
  return HOP_BY_HOP.has(name) || named.has(name) || CALLER_ONLY.has(name) || CALLER_ONLY_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * Request headers for the cluster. Node lower-cases incoming names, so `IMPERSONATE-USER`, `Impersonate-User`
 * and repeated copies all land on one key here and are dropped together. For upgrades only the Upgrade pair is
 * re-added, with a protocol kubectl actually uses.
 */
export function requestHeadersForCluster(headers: IncomingHttpHeaders, upgrade: boolean): OutgoingHttpHeaders {
  const named = connectionTokens(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || dropped(name, named)) continue;
    out[name] = value;
  }
  if (upgrade) {
    const protocol = typeof headers.upgrade === 'string' ? headers.upgrade.trim() : '';
    if (!UPGRADE_PROTOCOLS.test(protocol)) throw new Error('unsupported upgrade protocol');
    out.connection = 'Upgrade';
    out.upgrade = protocol;
  }
  return out;
}

export function isSupportedUpgrade(headers: IncomingHttpHeaders): boolean {
  return typeof headers.upgrade === 'string' && UPGRADE_PROTOCOLS.test(headers.upgrade.trim());
}

/**
 * Response headers for the client, from the cluster's raw header list (duplicates kept). Cookies a cluster might
 * set would land on the console's origin, so they are dropped; for a 101 the Connection/Upgrade pair stays.
 */
export function responseHeadersForClient(rawHeaders: string[], switching: boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) pairs.push([rawHeaders[i]!, rawHeaders[i + 1]!]);
  const named = connectionTokens(pairs.filter(([n]) => n.toLowerCase() === 'connection').map(([, v]) => v));
  return pairs.filter(([raw]) => {
    const name = raw.toLowerCase();
    if (name === 'set-cookie') return false;
    if (switching && (name === 'connection' || name === 'upgrade')) return true;
    return !HOP_BY_HOP.has(name) && !named.has(name);
  });
}
