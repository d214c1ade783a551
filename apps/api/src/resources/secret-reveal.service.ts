import { Injectable } from '@nestjs/common';
import type { SecretReveal } from '@wheelhouse/shared';
import { actorOf } from '../audit/audit-actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { ResourceAccess } from './resource-access.js';
import { ResourceReader } from './resource-reader.service.js';

/**
 * The only way a Secret's values leave the console API (reads mask them, see maskSecret): `get secrets` at the
 * Secret's namespace, as Kubernetes itself requires, and an audit row for every attempt — granted, denied or
 * failed — naming the Secret, never its values. The row is written before the values are returned: no row, no values.
 */
@Injectable()
export class SecretRevealService {
  constructor(
    private readonly access: ResourceAccess,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async reveal(by: Principal, clusterId: string, namespace: string, name: string, meta: RequestMeta): Promise<SecretReveal> {
    const t = await this.access.target(by, clusterId, 'core', 'v1', 'secrets');
    const base = { actor: actorOf(by), action: 'k8s.secret.reveal', target: { type: 'core/secrets', name, cluster: t.access.id, namespace }, request: meta };
    try {
      await this.access.assert(by, t, 'get', namespace, { name });
    } catch (e) {
      await this.audit.record({ ...base, result: 'denied', status: 403 });
      throw e;
    }
    let data: Record<string, string>;
    try {
      const secret = (await this.reader.fetch(t, namespace, name)) as { data?: Record<string, string> };
      data = secret.data ?? {};
    } catch (e) {
      await this.audit.record({ ...base, result: 'error', status: e instanceof AppError ? e.status : 500 });
      throw e;
    }
    await this.audit.record({ ...base, result: 'success', details: { keys: Object.keys(data).sort() } });
    return { data };
  }
}
