import { Injectable, Logger } from '@nestjs/common';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { describeNetworkError } from '../k8s/k8s-error.mapper.js';
import { ProxyTransport } from '../k8s/proxy-transport.js';
import { PROXY_PREFIX } from './kube-path.js';
import { ProxyRefusal, sendStatus, upstreamFailure } from './kube-status.js';
import { ProxyAdmission, type Admission } from './proxy-admission.js';
import { ProxyAudit, type FinishAudit } from './proxy-audit.js';
import { requestHeadersForCluster, responseHeadersForClient } from './proxy-headers.js';
import { requestMeta, StreamGuard } from './stream-guard.js';

export function isProxyPath(url: string | undefined): boolean {
  return url !== undefined && (url === '/k8s' || url.startsWith(PROXY_PREFIX) || url.startsWith('/k8s?'));
}

/**
 * `/k8s/clusters/<id>/…` for kubectl: an Express middleware mounted before the body parsers, so request bodies
 * reach the cluster as the client sent them, and responses (lists, watches, `logs -f`) stream back unparsed.
 * Every path under /k8s is answered here — refused unless admitted — and nothing falls through to other routes.
 */
@Injectable()
export class KubeProxy {
  private readonly logger = new Logger('KubeProxy');

  constructor(
    private readonly admission: ProxyAdmission,
    private readonly transport: ProxyTransport,
    private readonly proxyAudit: ProxyAudit,
    private readonly streams: StreamGuard,
  ) {}

  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!isProxyPath(req.url)) return next();
    this.serve(req, res).catch((err: unknown) => {
      this.logger.error(`proxy request failed: ${String(err)}`);
      sendStatus(res, 500, 'internal error in the console proxy');
    });
  };

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const meta = requestMeta(req);
    let admission: Admission;
    try {
      admission = await this.admission.admit(req, false, meta);
    } catch (err) {
      if (!(err instanceof ProxyRefusal)) throw err;
      this.logger.debug(`refused ${req.method} (${err.status}): ${err.message}`);
      return sendStatus(res, err.status, err.message);
    }
    let finish: FinishAudit | undefined;
    if (admission.audit) {
      try {
        finish = await this.proxyAudit.start(admission.audit);
      } catch (err) {
        this.logger.error(`audit unavailable, request not forwarded: ${String(err)}`);
        return sendStatus(res, 500, 'the audit log is unavailable; nothing was sent to the cluster');
      }
    }
    let upstream: ClientRequest;
    try {
      upstream = await this.transport.open(admission.access, {
        method: req.method ?? 'GET',
        path: admission.request.upstreamPath,
        headers: requestHeadersForCluster(req.headers, false),
      });
    } catch (err) {
      const failure = upstreamFailure(err);
      finish?.(failure.status, { error: describe(err) });
      return sendStatus(res, failure.status, failure.message);
    }
    this.forward(req, res, upstream, admission, finish);
  }

  private forward(req: IncomingMessage, res: ServerResponse, upstream: ClientRequest, admission: Admission, finish: FinishAudit | undefined): void {
    if (res.destroyed || req.socket.destroyed) {
      // The client left while the request was being admitted: nothing is sent (a watch would never be closed).
      upstream.destroy();
      finish?.(499, { error: 'the client went away' });
      return;
    }
    const release = this.streams.guard(admission, () => {
      upstream.destroy();
      res.destroy();
    });
    upstream.on('response', (up) => {
      const status = up.statusCode ?? 502;
      for (const [name, values] of grouped(responseHeadersForClient(up.rawHeaders, false))) res.setHeader(name, values.length === 1 ? values[0]! : values);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.writeHead(status, up.statusMessage);
      finish?.(status);
      pipeline(up, res)
        .catch(() => undefined)
        .finally(release);
    });
    upstream.on('error', (err) => {
      release();
      const failure = upstreamFailure(err);
      finish?.(failure.status, { error: describe(err) });
      if (res.headersSent) res.destroy();
      else sendStatus(res, failure.status, failure.message);
    });
    // The client went away (kubectl interrupted, watch closed): the upstream request goes with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      release();
    });
    // pipe, not pipeline: an upstream failure must not destroy the client socket before the 503 is written.
    req.pipe(upstream);
  }
}

function grouped(pairs: [string, string][]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [raw, value] of pairs) {
    const name = raw.toLowerCase();
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

/** For audit rows and upgrade refusals: a category, never the remote end's text. */
export function describe(err: unknown): string {
  return describeNetworkError(err).slice(0, 200);
}
