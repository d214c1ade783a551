import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError } from '../common/errors/app-error.js';
import { isDeniedAddress, isDeniedHost, normalizeHost } from './address-policy.js';

export function addressForbidden(host: string): AppError {
  return new AppError('CLUSTER_URL_FORBIDDEN', `${normalizeHost(host)} is a link-local, metadata or unroutable address, refused by the console's address policy`);
}

/**
 * The resolver every connection to a cluster uses: resolves all addresses and refuses the connection if any of
 * them is denied, so the check is on the address actually dialled (re-registered rows, DNS rebinding) and not only
 * on what the name resolved to at registration. Node calls no resolver for IP literals: see assertAllowedUrl.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  if (isDeniedHost(hostname)) return process.nextTick(() => callback(addressForbidden(hostname), ''));
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '');
    if (addresses.length === 0 || addresses.some((a) => isDeniedAddress(a.address))) return callback(addressForbidden(hostname), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** The up-front half of the policy: IP literals (never resolved) and metadata hostnames. */
export function assertAllowedUrl(url: URL): void {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('CLUSTER_URL_FORBIDDEN', 'Only http(s) cluster URLs');
  if (isDeniedHost(url.hostname)) throw addressForbidden(url.hostname);
}

/** Keep-alive agents whose every new socket goes through the guarded resolver. */
export function egressAgents(): { http: http.Agent; https: https.Agent } {
  return { http: new http.Agent({ keepAlive: true, lookup: guardedLookup }), https: new https.Agent({ keepAlive: true, lookup: guardedLookup }) };
}
