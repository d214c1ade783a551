import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditRecord, RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { actorOf } from '../audit/audit-actor.js';
import type { ResourceRequest } from './kube-path.js';

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** Reads are not audited; every other verb is (exec, attach and port-forward are `create`). */
export function isMutation(target: ResourceRequest): boolean {
  return !READ_VERBS.has(target.verb);
}

export interface AuditSubject {
  principal: Principal;
  cluster: string;
  target: ResourceRequest;
  meta: RequestMeta;
  dryRun: boolean;
  upgrade: boolean;
}

export type FinishAudit = (status: number, extra?: Record<string, unknown>) => void;

/**
 * Proxy audit trail (after Backstage's ProxyAuditSession): no query strings and never a credential. A mutation
 * gets an `allowed` row BEFORE anything reaches the cluster — if that row cannot be written, nothing is sent — and
 * a closing row with the cluster's status (for streams: when the stream ends, with byte counts).
 */
@Injectable()
export class ProxyAudit {
  private readonly logger = new Logger(ProxyAudit.name);

  constructor(private readonly audit: AuditService) {}

  async denied(s: AuditSubject, status: number): Promise<void> {
    await this.audit.record({ ...this.base(s), result: 'denied', status });
  }

  /** Writes the opening row (throws if it cannot) and returns the closing call, which never throws. */
  async start(s: AuditSubject): Promise<FinishAudit> {
    const base = this.base(s);
    await this.audit.record({ ...base, result: 'allowed' });
    let finished = false;
    return (status, extra) => {
      if (finished) return;
      finished = true;
      const ok = status < 400;
      this.audit
        .record({ ...base, result: ok ? 'success' : 'failure', status, details: { ...base.details, ...extra } })
        .catch((err: unknown) => this.logger.error(`audit row for ${base.action} on ${s.cluster} was not written: ${String(err)}`));
    };
  }

  private base(s: AuditSubject): Omit<AuditRecord, 'result'> {
    const t = s.target;
    return {
      actor: actorOf(s.principal),
      action: `proxy.${t.verb}`,
      target: { type: `${t.group || 'core'}/${t.resource}${t.subresource ? `/${t.subresource}` : ''}`, name: t.name, cluster: s.cluster, namespace: t.namespace },
      request: s.meta,
      details: { version: t.version, dryRun: s.dryRun, ...(s.upgrade ? { upgrade: true } : {}) },
    };
  }
}
