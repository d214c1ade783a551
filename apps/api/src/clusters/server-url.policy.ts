import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../common/errors/app-error.js';
import { isDeniedAddress, isDeniedHost, normalizeHost } from '../k8s/address-policy.js';
import { addressForbidden } from '../k8s/egress.js';

export { isDeniedAddress } from '../k8s/address-policy.js';

/**
 * Where a cluster URL may point, checked on registration and before every health probe so a refused address is
 * answered 400 up front. The same policy (k8s/address-policy.ts) is enforced again at connect time on every
 * connection to a cluster, on the address actually dialled.
 */
export async function assertAllowedServer(server: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new AppError('CLUSTER_URL_FORBIDDEN', 'Not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('CLUSTER_URL_FORBIDDEN', 'Only http(s) URLs');
  if (url.username || url.password) throw new AppError('CLUSTER_URL_FORBIDDEN', 'Credentials in the URL are not allowed');
  if (isDeniedHost(url.hostname)) throw addressForbidden(url.hostname);
  const host = normalizeHost(url.hostname);
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new AppError('CLUSTER_UNREACHABLE', `Cannot resolve ${host}`);
  if (addresses.some(isDeniedAddress)) throw addressForbidden(host);
  return url;
}
