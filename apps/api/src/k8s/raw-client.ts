import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import { assertAllowedUrl, egressAgents, guardedLookup } from './egress.js';
import { notKubernetes, redirected, TIMED_OUT } from './k8s-error.mapper.js';

export interface RawRequest {
  method: string;
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Socket inactivity limit; 0 for none (watches keep their own timer). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const CONNECT_TIMEOUT_MS = 10_000;

/** Every socket to a cluster: the guarded resolver on new connections, keep-alive within a cluster's TLS identity. */
const agents = egressAgents();

/**
 * A plain HTTP(S) request to the cluster with the cluster's TLS and credentials, returning the response stream
 * untouched (the proxy streams it, JSON helpers parse it). Redirects are never followed (Node's client does not),
 * and the address policy is applied to the literal host here and to resolved addresses at connect time.
 */
export async function rawRequest(kc: KubeConfig, req: RawRequest): Promise<IncomingMessage> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no cluster in kubeconfig');
  // Appended, not resolved: a server URL may carry a path prefix (e.g. behind a gateway) that must be kept.
  const url = new URL(cluster.server.replace(/\/+$/, '') + req.path);
  assertAllowedUrl(url);
  const base = await optionsFor(kc);
  const secure = url.protocol === 'https:';
  const opts: https.RequestOptions = {
    ...base,
    agent: secure ? agents.https : agents.http,
    lookup: guardedLookup,
    method: req.method,
    headers: { ...base.headers, ...req.headers },
    signal: req.signal,
  };
  const lib = secure ? https : http;
  return new Promise((resolve, reject) => {
    const r = lib.request(url, { ...opts, timeout: req.timeoutMs ?? CONNECT_TIMEOUT_MS }, resolve);
    r.on('timeout', () => r.destroy(new Error(TIMED_OUT)));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * TLS material and credentials per KubeConfig (the factory caches KubeConfigs per cluster revision). The agent
 * client-node builds is dropped: its sockets would bypass the guarded resolver.
 */
const optionsCache = new WeakMap<KubeConfig, Promise<https.RequestOptions>>();
function optionsFor(kc: KubeConfig): Promise<https.RequestOptions> {
  const build = async () => {
    const opts: https.RequestOptions = { headers: {} };
    await kc.applyToHTTPSOptions(opts);
    delete opts.agent;
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

const isJson = (type: string | undefined) => /^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type ?? '');

/**
 * Small JSON bodies (objects, Status, discovery); lists for the cache go through the informer. Only a JSON answer
 * is parsed; any other body is drained unread (error mapping reports its status alone). A redirect, or a success
 * that is not JSON, is an error here, so no caller can pass a non-Kubernetes answer on.
 */
export async function requestJson<T = unknown>(kc: KubeConfig, req: RawRequest): Promise<JsonResponse<T>> {
  const res = await rawRequest(kc, { ...req, headers: { Accept: 'application/json', ...req.headers } });
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    res.destroy();
    throw redirected(status);
  }
  if (!isJson(res.headers['content-type'])) {
    res.destroy();
    if (status < 300) throw notKubernetes(status);
    return { status, body: null as T };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (status < 300) throw notKubernetes(status);
  }
  return { status, body: body as T };
}
