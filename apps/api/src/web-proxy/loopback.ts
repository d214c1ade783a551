import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** localhost, *.localhost (RFC 6761: browsers resolve them to loopback), 127.0.0.0/8 and ::1, in any spelling. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * True when `host` (a Host header) is another loopback spelling of PUBLIC_URL on the same scheme and port:
 * http://127.0.0.1:3000 for http://localhost:3000. Those reach this very server, so sending the browser to
 * PUBLIC_URL is safe; any other address may be a different server and is left alone.
 */
export function isLoopbackAlias(scheme: string, host: string | undefined, publicUrl: URL): boolean {
  if (!host || `${scheme}:` !== publicUrl.protocol || !isLoopbackHost(publicUrl.hostname)) return false;
  let asked: URL;
  try {
    asked = new URL(`${publicUrl.protocol}//${host}`); // WHATWG parsing: 127.1, 0x7f.0.0.1, [0::1] normalized
  } catch {
    return false;
  }
  if (asked.username || asked.password || asked.pathname !== '/') return false;
  return asked.host !== publicUrl.host && asked.port === publicUrl.port && isLoopbackHost(asked.hostname);
}
