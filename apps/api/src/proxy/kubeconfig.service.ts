import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'yaml';
import type { RequestMeta } from '../audit/audit.types.js';
import { ApiTokenService } from '../auth/api-token.service.js';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';

/** A working day: long enough for a session of kubectl, short enough that a forgotten file soon stops working. */
export const KUBECONFIG_TOKEN_LIFETIME_MS = 8 * 3_600_000;

const HTTP_WARNING =
  '# The console is served over plain http, and kubectl sends tokens only over https:\n' +
  '# put the console behind TLS (PUBLIC_URL=https://…) for this kubeconfig to authenticate.\n';

/**
 * A kubeconfig for one cluster that points kubectl at the console's proxy, with a new short-lived API token of
 * the caller. The token is only as strong as its user and is re-checked on every request; minting it is audited
 * (`token.create`). Token-authenticated callers are refused by ApiTokenService: a token cannot mint tokens.
 */
@Injectable()
export class KubeconfigService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly tokens: ApiTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async build(by: Principal, clusterId: string, meta: RequestMeta): Promise<{ filename: string; yaml: string; expiresAt: Date }> {
    const cluster = await this.clusters.getVisible(by, clusterId);
    const day = new Date().toISOString().slice(0, 10);
    const { row, token } = await this.tokens.create(by, { name: `kubeconfig ${cluster.id} ${day}`, expiresInDays: 1 }, meta, KUBECONFIG_TOKEN_LIFETIME_MS);
    const name = `wheelhouse-${cluster.id}`;
    const user = `${by.user.username}@${name}`;
    // No CA data: over http there is none, and over https the console's certificate is the public endpoint's own.
    const kubeconfig = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server: `${this.config.publicOrigin}/k8s/clusters/${cluster.id}` } }],
      users: [{ name: user, user: { token } }],
      contexts: [{ name, context: { cluster: name, user } }],
      'current-context': name,
      preferences: {},
    };
    // kubectl never sends a token over plain http (kubernetes/kubectl#744): say so where the user will look.
    const warning = this.config.publicUrl.protocol === 'http:' ? HTTP_WARNING : '';
    return { filename: `${name}.kubeconfig`, yaml: warning + stringify(kubeconfig), expiresAt: row.expiresAt ?? new Date(Date.now() + KUBECONFIG_TOKEN_LIFETIME_MS) };
  }
}
