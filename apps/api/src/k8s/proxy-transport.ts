import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import type { ClusterAccess } from './cluster-access.js';
import { ClusterClientFactory } from './cluster-client.factory.js';
import { assertAllowedUrl, egressAgents, guardedLookup } from './egress.js';
import { TIMED_OUT } from './k8s-error.mapper.js';

export interface UpstreamRequest {
  method: string;
  /** Path and query, relative to the cluster's server URL (which may itself carry a path prefix). */
  path: string;
  headers: http.OutgoingHttpHeaders;
  /** HTTP upgrade (exec, attach, port-forward): a connection of its own, never pooled or reused. */
  upgrade?: boolean;
}

/** Until the cluster sends a status line; the stream after it (watch, logs -f, exec) may last for hours. */
const RESPONSE_TIMEOUT_MS = 90_000;

/**
 * The kubectl proxy's byte pipe: a request to the cluster with the cluster's own TLS settings and credentials,
 * returned before anything is read so the caller streams both bodies. Nothing is parsed or buffered here, and
 * Node's client never follows redirects. Pooled connections go through two long-lived agents (one per scheme)
 * without an idle socket timeout, so quiet watches stay open and no agent is built per request; those and the
 * unpooled upgrade connections dial through the guarded resolver, and IP literals are checked before.
 */
@Injectable()
export class ProxyTransport implements OnModuleDestroy {
  private readonly agents = egressAgents();

  constructor(private readonly clients: ClusterClientFactory) {}

  async open(access: ClusterAccess, req: UpstreamRequest): Promise<http.ClientRequest> {
    const kc = this.clients.kubeConfig(access);
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new Error('no server for this cluster');
    const base = new URL(server);
    const url = new URL(`${base.pathname.replace(/\/+$/, '')}${req.path}`, base.origin);
    assertAllowedUrl(url);
    // CA, client certificate and token, computed per request so a rotated in-cluster token is picked up.
    const creds: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(creds);
    const secure = url.protocol === 'https:';
    const options: https.RequestOptions = {
      method: req.method,
      // The cluster credential comes last: nothing the caller sent can replace it.
      headers: { ...req.headers, ...credentialHeaders(creds.headers) },
      ca: creds.ca,
      cert: creds.cert,
      key: creds.key,
      rejectUnauthorized: creds.rejectUnauthorized,
      servername: creds.servername,
      agent: req.upgrade ? false : secure ? this.agents.https : this.agents.http,
      lookup: guardedLookup,
    };
    const upstream = secure ? https.request(url, options) : http.request(url, options);
    const timer = setTimeout(() => upstream.destroy(new Error(TIMED_OUT)), RESPONSE_TIMEOUT_MS);
    timer.unref();
    const done = () => clearTimeout(timer);
    upstream.once('response', done).once('upgrade', done).once('error', done).once('close', done);
    return upstream;
  }

  onModuleDestroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function credentialHeaders(headers: https.RequestOptions['headers']): http.OutgoingHttpHeaders {
  if (!headers || Array.isArray(headers)) return {};
  const h = headers as http.OutgoingHttpHeaders;
  const authorization = h.Authorization ?? h.authorization;
  return authorization === undefined ? {} : { authorization: String(authorization) };
}
