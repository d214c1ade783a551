import { Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { RequestMeta } from '../audit/audit.types.js';
import { ApiTokenService } from '../auth/api-token.service.js';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import type { Cluster } from '../generated/prisma/client.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { parseProxyRequest, PathRefusal, type ProxyRequest, type ResourceRequest } from './kube-path.js';
import { ProxyRefusal } from './kube-status.js';
import { isMutation, ProxyAudit, type AuditSubject } from './proxy-audit.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/** A proxied request that passed every check: who, where, what, and the cluster connection to use. */
export interface Admission {
  principal: Principal;
  /** Kept in memory only, to re-check long-lived streams; never logged or audited. */
  token: string;
  request: ProxyRequest;
  access: ClusterAccess;
  audit: AuditSubject | null;
}

/**
 * Who may send what through `/k8s/clusters/<id>/…`, decided before the cluster is contacted: an API token (never
 * a session cookie: kubectl has no cookies, and a cookie-authenticated proxy would be a CSRF target), a path that
 * parses, a cluster the caller can see (404 otherwise, no existence oracle), the console RBAC for the exact verb,
 * resource, name and namespace, and the resource's scope from discovery (CVE-2019-11247).
 */
@Injectable()
export class ProxyAdmission {
  constructor(
    private readonly tokens: ApiTokenService,
    private readonly clusters: ClustersService,
    private readonly authorizer: AuthorizerService,
    private readonly k8s: K8sGateway,
    private readonly proxyAudit: ProxyAudit,
  ) {}

  async admit(req: IncomingMessage, upgrade: boolean, meta: RequestMeta): Promise<Admission> {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    let request: ProxyRequest | PathRefusal;
    try {
      request = parseProxyRequest(req.method ?? '', req.url ?? '', upgrade);
    } catch (err) {
      if (!(err instanceof PathRefusal)) throw err;
      request = err;
    }
    // What does not depend on the caller starts together with the token lookup (the cluster row, the RBAC
    // version): one database round trip before the decision instead of three in a row. Answers keep their
    // order: 401 before a path error, 404 before 403.
    const parsed = request instanceof PathRefusal ? null : request;
    const row = token && parsed ? this.clusters.prefetch(parsed.cluster) : undefined;
    const decided = await this.authorizer.withSnapshot(async () => {
      const principal = token ? await this.tokens.resolve(token) : null;
      if (!token || !principal) throw new ProxyRefusal(401, 'Unauthorized: send an API token as "Authorization: Bearer wht_…"');
      if (!parsed) throw new ProxyRefusal((request as PathRefusal).status, (request as PathRefusal).message);
      const target = parsed.target;
      // Visibility and permission are independent lookups: run them together (a 404 still wins over a 403).
      const [access, allowed] = await Promise.all([
        this.visibleCluster(principal, parsed.cluster, row),
        target.kind === 'discovery' ? true : this.allowed(principal, parsed.cluster, target),
      ]);
      return { principal, parsed, access, allowed };
    });
    const { principal, access, allowed } = decided;
    const { target } = decided.parsed;
    const admitted = { principal, token: token!, request: decided.parsed, access };
    if (target.kind === 'discovery') return { ...admitted, audit: null };

    const audit = isMutation(target)
      ? { principal, cluster: access.id, target, meta, upgrade, dryRun: new URLSearchParams(decided.parsed.upstreamPath.split('?')[1] ?? '').has('dryRun') }
      : null;
    if (!allowed) {
      if (audit) await this.proxyAudit.denied(audit, 403);
      throw new ProxyRefusal(403, forbiddenMessage(principal, target));
    }
    await this.checkScope(access, target);
    return { ...admitted, audit };
  }

  /** For streams that outlive a request: the token, the user, the cluster and the permission must all still hold. */
  async stillAllowed(a: Admission): Promise<boolean> {
    try {
      const principal = await this.tokens.resolve(a.token);
      if (!principal) return false;
      await this.visibleCluster(principal, a.access.id);
      return a.request.target.kind === 'discovery' || (await this.allowed(principal, a.access.id, a.request.target));
    } catch {
      return false; // fail closed: kubectl re-establishes a watch; a revoked exec must not survive a database hiccup
    }
  }

  private async visibleCluster(principal: Principal, id: string, row?: Promise<Cluster | null>): Promise<ClusterAccess> {
    try {
      return this.clusters.access(await this.clusters.getVisible(principal, id, row));
    } catch (err) {
      if (err instanceof AppError && err.code === 'CLUSTER_NOT_FOUND') throw new ProxyRefusal(404, `cluster "${id}" not found`);
      throw err;
    }
  }

  private async allowed(principal: Principal, cluster: string, t: ResourceRequest): Promise<boolean> {
    const decision = await this.authorizer.can(principal.user, {
      verb: t.verb,
      group: t.group,
      resource: t.resource,
      subresource: t.subresource,
      name: t.name,
      cluster,
      namespace: t.namespace,
    });
    return decision.allowed;
  }

  /** A cluster-scoped resource reached through a namespaced URL would be authorized against the wrong scope. */
  private async checkScope(access: ClusterAccess, t: ResourceRequest): Promise<void> {
    let namespaced: boolean;
    try {
      namespaced = (await this.k8s.resolve(access, t.group, t.version, t.resource)).namespaced;
    } catch (err) {
      if (err instanceof AppError && err.code === 'RESOURCE_UNKNOWN') throw new ProxyRefusal(404, 'the server could not find the requested resource');
      if (err instanceof AppError && err.code === 'CLUSTER_UNREACHABLE') throw new ProxyRefusal(503, err.message);
      throw err;
    }
    if (!namespaced && t.namespace !== undefined) throw new ProxyRefusal(404, `${t.resource} is not a namespaced resource`);
  }
}

function forbiddenMessage(p: Principal, t: ResourceRequest): string {
  const resource = t.subresource ? `${t.resource}/${t.subresource}` : t.resource;
  const name = t.name ? ` "${t.name}"` : '';
  const where = t.namespace ? `in the namespace "${t.namespace}"` : 'at the cluster scope';
  return `${t.resource}${name} is forbidden: User "${p.user.username}" cannot ${t.verb} resource "${resource}" in API group "${t.group}" ${where} (Wheelhouse RBAC)`;
}
