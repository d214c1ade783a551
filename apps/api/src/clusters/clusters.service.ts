import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CONSOLE_GROUP, type Cluster as ClusterDto, type KubeconfigPreview, type RegisterClusterRequest, type Verb } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { SecretCipher } from '../config/secret-cipher.js';
import { TransactionRunner } from '../database/prisma.service.js';
import type { Cluster } from '../generated/prisma/client.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { actorOf } from '../audit/audit-actor.js';
import { accessFromRequest, readLocalKubeconfig } from './cluster-registration.js';
import { toClusterDto } from './clusters.mapper.js';
import { ClustersRepository } from './clusters.repository.js';
import { sanitizeKubeconfig } from './credentials/kubeconfig-sanitizer.js';
import { assertAllowedServer } from './server-url.policy.js';

const aad = (id: string) => `clusters:credentials:${id}`;

/** The cluster registry: sanitized registration, encrypted credentials, visibility by RBAC, health. */
@Injectable()
export class ClustersService {
  constructor(
    private readonly repo: ClustersRepository,
    private readonly cipher: SecretCipher,
    private readonly k8s: K8sGateway,
    private readonly authorizer: AuthorizerService,
    private readonly rbac: RbacRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Contexts of the console machine's own kubeconfig that are not registered yet (empty when there is none). */
  async localPreview(): Promise<KubeconfigPreview> {
    const text = readLocalKubeconfig();
    if (text === null) return { contexts: [], currentContext: null };
    const preview = this.preview(text);
    const servers = new Set((await this.repo.list()).map((c) => c.server));
    return { ...preview, contexts: preview.contexts.filter((c) => !c.server || !servers.has(c.server)) };
  }

  preview(kubeconfig: string): KubeconfigPreview {
    const { contexts, currentContext } = sanitizeKubeconfig(kubeconfig);
    return {
      currentContext,
      contexts: contexts.map((c) => ({
        name: c.name,
        server: c.server,
        authType: c.auth?.type ?? null,
        insecure: c.insecure,
        problems: c.problems,
        dropped: c.dropped,
      })),
    };
  }

  async register(by: Principal, req: RegisterClusterRequest, meta: RequestMeta): Promise<ClusterDto> {
    if (await this.repo.findById(req.id)) throw new AppError('CLUSTER_EXISTS', `A cluster with id ${req.id} exists`);
    const access = accessFromRequest(req);
    await assertAllowedServer(access.server);
    const health = await this.k8s.probe({ ...access, revision: 'new' });
    const cluster = await this.tx.run(async (tx) => {
      const row = await this.repo.create(
        {
          id: access.id,
          displayName: req.displayName ?? access.id,
          server: access.server,
          caData: access.caData,
          authType: access.auth.type,
          credentials: this.cipher.encrypt(JSON.stringify(access.auth), aad(access.id)),
          insecureSkipTlsVerify: access.insecureSkipTlsVerify,
          createdBy: by.user.id,
          ...healthColumns(health),
        },
        tx,
      );
      await this.audit.record(
        {
          actor: actorOf(by),
          action: 'cluster.register',
          target: { type: 'cluster', id: row.id, name: row.displayName, cluster: row.id },
          result: 'success',
          status: 201,
          request: meta,
          details: { method: req.method, server: access.server, insecure: access.insecureSkipTlsVerify, health: health.state },
        },
        tx,
      );
      return row;
    });
    return toClusterDto(cluster);
  }

  /** Clusters the user may see: `get clusters` there, or any binding scoped to that cluster. */
  async listVisible(by: Principal): Promise<ClusterDto[]> {
    return (await this.visibleRows(by)).map(toClusterDto);
  }

  /**
   * The visible clusters with what it takes to talk to each, from the one list read: views over every cluster
   * (home, search) need no per-cluster lookup after it. `access` decrypts on call, so one cluster whose credentials
   * cannot be read fails its own line only.
   */
  async listVisibleWithAccess(by: Principal): Promise<{ cluster: ClusterDto; access: () => ClusterAccess }[]> {
    return (await this.visibleRows(by)).map((row) => ({ cluster: toClusterDto(row), access: () => this.access(row) }));
  }

  private async visibleRows(by: Principal): Promise<Cluster[]> {
    const clusters = await this.repo.list();
    const bound = new Set((await this.authorizer.bindingsOf(by.user)).flatMap((b) => (b.scope.kind === 'global' ? [] : [b.scope.cluster])));
    const visible: Cluster[] = [];
    for (const c of clusters) {
      if (bound.has(c.id) || (await this.can(by, 'get', c.id))) visible.push(c);
    }
    return visible;
  }

  /** A cluster the user may see; 404 (not 403) otherwise, so ids of hidden clusters do not leak. */
  async getVisible(by: Principal, id: string, prefetched?: Promise<Cluster | null>): Promise<Cluster> {
    const cluster = await (prefetched ?? this.repo.findById(id));
    if (!cluster) throw new AppError('CLUSTER_NOT_FOUND', 'No such cluster');
    const bound = (await this.authorizer.bindingsOf(by.user)).some((b) => b.scope.kind !== 'global' && b.scope.cluster === id);
    if (!bound && !(await this.can(by, 'get', id))) throw new AppError('CLUSTER_NOT_FOUND', 'No such cluster');
    return cluster;
  }

  async update(by: Principal, id: string, displayName: string, meta: RequestMeta): Promise<ClusterDto> {
    await this.assertCan(by, 'update', await this.getVisible(by, id));
    return this.tx.run(async (tx) => {
      const row = await this.repo.update(id, { displayName }, tx);
      await this.audit.record({ actor: actorOf(by), action: 'cluster.update', target: { type: 'cluster', id, name: displayName, cluster: id }, result: 'success', status: 200, request: meta }, tx);
      return toClusterDto(row);
    });
  }

  async remove(by: Principal, id: string, meta: RequestMeta): Promise<void> {
    const cluster = await this.getVisible(by, id);
    await this.assertCan(by, 'delete', cluster);
    await this.tx.run(async (tx) => {
      const bindings = await this.repo.delete(id, tx);
      await this.rbac.bumpVersion(tx);
      await this.audit.record(
        { actor: actorOf(by), action: 'cluster.remove', target: { type: 'cluster', id, name: cluster.displayName, cluster: id }, result: 'success', status: 204, request: meta, details: { bindingsRemoved: bindings } },
        tx,
      );
    });
    await this.k8s.forget(id);
  }

  async refreshHealth(id: string): Promise<ClusterDto> {
    const cluster = await this.repo.findById(id);
    if (!cluster) throw new AppError('CLUSTER_NOT_FOUND', 'No such cluster');
    let health;
    try {
      await assertAllowedServer(cluster.server);
      health = await this.k8s.probe(this.access(cluster));
    } catch (err) {
      health = { state: 'unreachable' as const, version: null, nodes: null, readyNodes: null, latencyMs: null, error: (err as Error).message };
    }
    return toClusterDto(await this.repo.update(id, healthColumns(health)));
  }

  /** The row alone, fetched before the caller is known (for getVisible's `prefetched`); no check is made here. */
  prefetch(id: string): Promise<Cluster | null> {
    const row = this.repo.findById(id);
    row.catch(() => undefined); // awaited (and its error surfaced) by getVisible, or dropped for a refused request
    return row;
  }

  /** For background work (health, event recording): no caller, so no visibility check. */
  async getById(id: string): Promise<Cluster> {
    const cluster = await this.repo.findById(id);
    if (!cluster) throw new AppError('CLUSTER_NOT_FOUND', 'No such cluster');
    return cluster;
  }

  async allIds(): Promise<string[]> {
    return (await this.repo.list()).map((c) => c.id);
  }

  /** Decrypted connection details for the k8s layer; never leaves the process. */
  access(cluster: Cluster): ClusterAccess {
    const auth = JSON.parse(this.cipher.decrypt(cluster.credentials, aad(cluster.id))) as ClusterAccess['auth'];
    // The revision changes only with the connection itself, not with health updates, so cached clients survive.
    const revision = createHash('sha256').update(`${cluster.server}\n${cluster.caData ?? ''}\n${cluster.insecureSkipTlsVerify}\n${cluster.credentials}`).digest('hex');
    return { id: cluster.id, server: cluster.server, caData: cluster.caData, insecureSkipTlsVerify: cluster.insecureSkipTlsVerify, auth, revision };
  }

  private can(by: Principal, verb: Verb, cluster: string) {
    return this.authorizer.can(by.user, { verb, group: CONSOLE_GROUP, resource: 'clusters', name: cluster, cluster }).then((d) => d.allowed);
  }

  private async assertCan(by: Principal, verb: Verb, cluster: Cluster) {
    if (!(await this.can(by, verb, cluster.id))) throw new AppError('FORBIDDEN', `Not allowed to ${verb} this cluster`);
  }
}

function healthColumns(h: { state: string; version: string | null; nodes: number | null; readyNodes: number | null; latencyMs: number | null; error: string | null }) {
  return {
    healthState: h.state,
    healthVersion: h.version,
    healthNodes: h.nodes,
    healthReadyNodes: h.readyNodes,
    healthLatencyMs: h.latencyMs,
    healthError: h.error,
    healthCheckedAt: new Date(),
  };
}
