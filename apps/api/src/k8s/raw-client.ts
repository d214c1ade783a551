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
  const url = new URL(req.path, cluster.server);
  const opts: https.RequestOptions = { method: req.method, headers: { ...req.headers } };
  await kc.applyToHTTPSOptions(opts);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const r = lib.request(url, { ...opts, timeout: req.timeoutMs ?? CONNECT_TIMEOUT_MS }, resolve);
    r.on('timeout', () => r.destroy(new Error('request to the cluster timed out')));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
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
