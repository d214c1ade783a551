import { Injectable, Logger } from '@nestjs/common';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ProxyTransport } from '../k8s/proxy-transport.js';
import { describe, isProxyPath } from './kube-proxy.js';
import { ProxyRefusal, upstreamFailure, writeStatusToSocket } from './kube-status.js';
import { ProxyAdmission, type Admission } from './proxy-admission.js';
import { ProxyAudit, type FinishAudit } from './proxy-audit.js';
import { isSupportedUpgrade, requestHeadersForCluster, responseHeadersForClient } from './proxy-headers.js';
import { requestMeta, StreamGuard } from './stream-guard.js';

/**
 * HTTP upgrades under /k8s (`kubectl exec`, `attach`, `port-forward`: WebSocket v5.channel.k8s.io, or SPDY as
 * kubectl's fallback). Authenticated and authorized (`create` on pods/exec|attach|portforward) and audited
 * BEFORE the cluster is contacted; then a dedicated upstream connection is spliced to the client's socket.
 * A non-101 answer is passed on and both connections are closed, never reused (CVE-2018-1002105).
 */
@Injectable()
export class KubeUpgrade {
  private readonly logger = new Logger('KubeProxy');

  constructor(
    private readonly admission: ProxyAdmission,
    private readonly transport: ProxyTransport,
    private readonly proxyAudit: ProxyAudit,
    private readonly streams: StreamGuard,
  ) {}

  /** The server's 'upgrade' listener; returns false for paths that are not the proxy's. */
  readonly handle = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    if (!isProxyPath(req.url)) return false;
    socket.on('error', () => socket.destroy());
    this.serve(req, socket, head).catch((err: unknown) => {
      this.logger.error(`proxy upgrade failed: ${String(err)}`);
      writeStatusToSocket(socket, 500, 'internal error in the console proxy');
    });
    return true;
  };

  private async serve(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let admission: Admission;
    try {
      if (!isSupportedUpgrade(req.headers)) throw new ProxyRefusal(400, 'Only WebSocket and SPDY/3.1 upgrades are proxied');
      admission = await this.admission.admit(req, true, requestMeta(req));
    } catch (err) {
      if (!(err instanceof ProxyRefusal)) throw err;
      return writeStatusToSocket(socket, err.status, err.message);
    }
    let finish: FinishAudit;
    try {
      // Upgrades are always exec/attach/portforward, i.e. `create`: always audited, and no audit row, no stream.
      finish = await this.proxyAudit.start(admission.audit!);
    } catch (err) {
      this.logger.error(`audit unavailable, upgrade not forwarded: ${String(err)}`);
      return writeStatusToSocket(socket, 500, 'the audit log is unavailable; nothing was sent to the cluster');
    }
    let upstream: ClientRequest;
    try {
      upstream = await this.transport.open(admission.access, {
        method: req.method ?? 'GET',
        path: admission.request.upstreamPath,
        headers: requestHeadersForCluster(req.headers, true),
        upgrade: true,
      });
    } catch (err) {
      const failure = upstreamFailure(err);
      finish(failure.status, { error: describe(err) });
      return writeStatusToSocket(socket, failure.status, failure.message);
    }
    this.splice(socket, head, upstream, admission, finish);
  }

  private splice(socket: Duplex, head: Buffer, upstream: ClientRequest, admission: Admission, finish: FinishAudit): void {
    const started = Date.now();
    let upSocket: Duplex | undefined;
    const bytes = { in: 0, out: 0 };
    let ended = false;
    const end = (status: number, extra: Record<string, unknown> = {}) => {
      if (ended) return;
      ended = true;
      release();
      socket.destroy();
      upSocket?.destroy();
      upstream.destroy();
      finish(status, { bytesIn: bytes.in, bytesOut: bytes.out, durationMs: Date.now() - started, ...extra });
    };
    const release = this.streams.guard(admission, () => end(upSocket ? 101 : 499, { endedBy: 'revocation' }));
    socket.on('close', () => end(upSocket ? 101 : 499));
    if (socket.destroyed) return end(499, { error: 'the client went away' });

    upstream.on('upgrade', (up: IncomingMessage, s: Duplex, upHead: Buffer) => {
      upSocket = s;
      if (ended) return void s.destroy();
      socket.write(`HTTP/1.1 101 Switching Protocols\r\n${headerLines(responseHeadersForClient(up.rawHeaders, true))}\r\n`);
      if (upHead.length > 0) socket.write(upHead);
      if (head.length > 0) s.write(head);
      socket.on('data', (c: Buffer) => (bytes.in += c.length));
      s.on('data', (c: Buffer) => (bytes.out += c.length));
      s.on('error', () => end(101));
      s.on('close', () => end(101));
      socket.pipe(s);
      s.pipe(socket);
    });
    upstream.on('response', (up) => {
      // Not switching (403 from the apiserver, 400 for a bad container…): pass the answer on, then close both.
      const status = up.statusCode ?? 502;
      const headers = responseHeadersForClient(up.rawHeaders, false);
      socket.write(`HTTP/1.1 ${status} ${up.statusMessage ?? ''}\r\n${headerLines(headers)}Connection: close\r\n\r\n`);
      up.pipe(socket);
      up.on('end', () => {
        socket.end();
        upstream.destroy();
        ended = true;
        release();
        finish(status);
      });
    });
    upstream.on('error', (err) => {
      if (ended || upSocket) return end(101);
      ended = true;
      release();
      const failure = upstreamFailure(err);
      finish(failure.status, { error: describe(err) });
      writeStatusToSocket(socket, failure.status, failure.message);
    });
    upstream.end();
  }
}

function headerLines(pairs: [string, string][]): string {
  return pairs.map(([name, value]) => `${name}: ${value}\r\n`).join('');
}
