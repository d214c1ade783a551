import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../common/errors/app-error.js';

/**
 * Where a cluster URL may point. Loopback and private ranges are allowed (clusters live there, and so does the
 * local control plane); link-local (cloud metadata endpoints live at 169.254.169.254 and fd00:ec2::254),
 * unspecified, multicast and broadcast addresses are not. Checked on registration and before every health probe,
 * against every address the name resolves to.
 */
const denied = new BlockList();
denied.addSubnet('169.254.0.0', 16, 'ipv4');
denied.addSubnet('0.0.0.0', 8, 'ipv4');
denied.addSubnet('224.0.0.0', 4, 'ipv4');
denied.addAddress('255.255.255.255', 'ipv4');
denied.addSubnet('fe80::', 10, 'ipv6');
denied.addSubnet('ff00::', 8, 'ipv6');
denied.addAddress('::', 'ipv6');
denied.addAddress('fd00:ec2::254', 'ipv6');

export function isDeniedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // IPv4-mapped IPv6 (::ffff:169.254.169.254) is checked as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return denied.check(mapped, 'ipv4');
  return denied.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export async function assertAllowedServer(server: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AppError('CLUSTER_URL_FORBIDDEN', 'Not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('CLUSTER_URL_FORBIDDEN', 'Only http(s) URLs');
  if (url.username || url.password) throw new AppError('CLUSTER_URL_FORBIDDEN', 'Credentials in the URL are not allowed');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new AppError('CLUSTER_UNREACHABLE', `Cannot resolve ${host}`);
  const bad = addresses.find(isDeniedAddress);
  if (bad) throw new AppError('CLUSTER_URL_FORBIDDEN', `${host} resolves to ${bad}, a link-local, metadata or unroutable address`);
  return url;
}
