import { Injectable, Logger } from '@nestjs/common';
import type { ManifestQuery, ManifestResponse, ManifestResult, MutationQuery } from '@wheelhouse/shared';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { ResourceRef } from '../k8s/resource-ref.js';
import { resolveKind, splitManifest, type ManifestDocument } from './manifest-documents.js';
import { ResourceWriter } from './resource-writer.service.js';

type Outcome = Pick<ManifestResult, 'ok' | 'code' | 'message'>;

/**
 * `kubectl create -f` for a multi-document manifest: each document resolved through the cluster's discovery and
 * created through ResourceWriter (so authorized at its own namespace and audited like any create). Documents run
 * one after another and each failure stays its own result: one bad document never stops the others.
 */
@Injectable()
export class ManifestsService {
  private readonly log = new Logger(ManifestsService.name);

  constructor(
    private readonly clusters: ClustersService,
    private readonly k8s: K8sGateway,
    private readonly writer: ResourceWriter,
  ) {}

  async create(by: Principal, clusterId: string, yaml: string, q: ManifestQuery, meta: RequestMeta): Promise<ManifestResponse> {
    const access = this.clusters.access(await this.clusters.getVisible(by, clusterId));
    const documents = splitManifest(yaml);
    const refs = await this.k8s.resources(access);
    const results: ManifestResult[] = [];
    for (const doc of documents) results.push(await this.one(by, access, refs, doc, q, meta));
    return { results };
  }

  private async one(by: Principal, access: ClusterAccess, refs: ResourceRef[], doc: ManifestDocument, q: ManifestQuery, meta: RequestMeta): Promise<ManifestResult> {
    const none = { group: null, version: null, resource: null };
    if ('error' in doc) return { index: doc.index, kind: doc.kind, name: doc.name, namespace: null, ...none, ok: false, code: 'VALIDATION_FAILED', message: doc.error };
    const o = doc.object;
    const name = o.metadata?.name ?? null;
    const ref = resolveKind(refs, o.apiVersion, o.kind);
    if (!ref) {
      return { index: doc.index, kind: o.kind, name, namespace: o.metadata?.namespace ?? null, ...none, ok: false, code: 'RESOURCE_UNKNOWN', message: `The cluster serves no creatable ${o.kind} in ${o.apiVersion}` };
    }
    const namespace = ref.namespaced ? (o.metadata?.namespace ?? q.namespace ?? null) : null;
    const where = { group: ref.group || 'core', version: ref.version, resource: ref.resource };
    const mutation = { dryRun: q.dryRun === 'All', force: false } as MutationQuery;
    let outcome: Outcome & { name: string | null };
    try {
      const created = await this.writer.create(by, { clusterId: access.id, ...where, namespace }, o, mutation, meta);
      outcome = { ok: true, name: created.metadata?.name ?? name };
    } catch (e) {
      outcome = { ok: false, name, ...this.failure(e) };
    }
    return { index: doc.index, kind: o.kind, namespace, ...where, ...outcome };
  }

  /** Our own errors keep their code and text (a Kubernetes Status message at most); anything else is INTERNAL. */
  private failure(e: unknown): Pick<ManifestResult, 'code' | 'message'> {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    this.log.error(e);
    return { code: 'INTERNAL', message: 'Internal error' };
  }
}
