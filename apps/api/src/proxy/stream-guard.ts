import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RequestMeta } from '../audit/audit.types.js';
import { ProxyAdmission, type Admission } from './proxy-admission.js';

/** Default re-authorization period of open streams; the security notes ask for ≤ 30 s. */
const REAUTHORIZE_MS = 15_000;

/**
 * Open proxy streams (watches, `logs -f`, exec, attach, port-forward) are re-authorized periodically: a revoked
 * token, a disabled user, a removed binding or a hidden cluster ends them within one period. Also ends every
 * stream when the application shuts down, so the HTTP server can close.
 */
@Injectable()
export class StreamGuard implements OnModuleDestroy {
  reauthorizeMs = REAUTHORIZE_MS;
  private readonly live = new Set<() => void>();

  constructor(private readonly admission: ProxyAdmission) {}

  /** Calls `kill` once the admission no longer holds; the returned function stops watching (stream ended). */
  guard(admission: Admission, kill: () => void): () => void {
    let checking = false;
    const timer = setInterval(() => {
      if (checking) return;
      checking = true;
      void this.admission.stillAllowed(admission).then((ok) => {
        checking = false;
        if (!ok) end();
      });
    }, this.reauthorizeMs);
    timer.unref();
    const release = () => {
      clearInterval(timer);
      this.live.delete(end);
    };
    const end = () => {
      release();
      kill();
    };
    this.live.add(end);
    return release;
  }

  get openStreams(): number {
    return this.live.size;
  }

  onModuleDestroy(): void {
    for (const end of [...this.live]) end();
  }
}

/** Request id, client IP and user agent for audit rows; upgrade requests never went through Express. */
export function requestMeta(req: IncomingMessage & { id?: unknown; ip?: string }): RequestMeta {
  const ua = req.headers['user-agent'];
  return {
    requestId: typeof req.id === 'string' ? req.id : randomUUID(),
    ip: req.ip ?? req.socket.remoteAddress,
    userAgent: typeof ua === 'string' ? ua.slice(0, 512) : undefined,
  };
}
