import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A plain HTTP(S) request to the cluster with the cluster's TLS and credentials, returning the response stream
 * untouched (the proxy streams it, JSON helpers parse it). Redirects are never followed.
 */
export async function rawRequest(kc: KubeConfig, req: RawRequest): Promise<IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no cluster in kubeconfig');
  // Appended, not resolved: a server URL may carry a path prefix (e.g. behind a gateway) that must be kept.
  const url = new URL(cluster.server.replace(/\/+$/, '') + req.path);
  const base = await optionsFor(kc);
  const opts: https.RequestOptions = { ...base, method: req.method, headers: { ...base.headers, ...req.headers } };
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const r = lib.request(url, { ...opts, timeout: req.timeoutMs ?? CONNECT_TIMEOUT_MS }, resolve);
    r.on('timeout', () => r.destroy(new Error('request to the cluster timed out')));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * TLS material, credentials and one keep-alive agent per KubeConfig (the factory caches KubeConfigs per cluster
 * revision), so requests reuse connections instead of paying a TLS handshake each time.
 */
const optionsCache = new WeakMap<KubeConfig, Promise<https.RequestOptions>>();
function optionsFor(kc: KubeConfig): Promise<https.RequestOptions> {
  const build = async () => {
    const opts: https.RequestOptions = { headers: {} };
    await kc.applyToHTTPSOptions(opts);
    return opts;
  };
  // In-cluster ServiceAccount tokens are files that rotate: those are read again on every request.
  if (kc.getCurrentUser()?.authProvider || !kc.getCurrentUser()?.token && !kc.getCurrentUser()?.certData) return build();
  let hit = optionsCache.get(kc);
  if (!hit) {
    hit = build();
    optionsCache.set(kc, hit);
  }
  return hit;
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

/** Small JSON bodies (objects, Status, discovery); lists for the cache go through the informer. */
export async function requestJson<T = unknown>(kc: KubeConfig, req: RawRequest): Promise<JsonResponse<T>> {
  const res = await rawRequest(kc, { ...req, headers: { Accept: 'application/json', ...req.headers } });
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Non-JSON answers (proxies, HTML error pages) stay text for the error mapper.
  }
  return { status: res.statusCode ?? 0, body: body as T };
}
