import { Injectable } from '@nestjs/common';
import { FIELD_MANAGERS, type MutationQuery, type Verb } from '@wheelhouse/shared';
import { AuditService } from '../audit/audit.service.js';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { AppError } from '../common/errors/app-error.js';
import { mapK8sError } from '../k8s/k8s-error.mapper.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { apiVersionOf, collectionPath, objectPath, type KubernetesObject } from '../k8s/resource-ref.js';
import { actorOf } from '../audit/audit-actor.js';
import { ResourceAccess, type Target } from './resource-access.js';
import { ResourceReader } from './resource-reader.service.js';
import { assertNotMasked, isSecretResource, maskSecret } from './secret-mask.js';

/** Field managers (see FIELD_MANAGERS in shared). */
export const FIELD_MANAGER = FIELD_MANAGERS.apply;
const EDIT_MANAGER = FIELD_MANAGERS.edit;
const SCALE_MANAGER = FIELD_MANAGERS.scale;

interface Where {
  clusterId: string;
  group: string;
  version: string;
  resource: string;
  namespace: string | null;
}

/**
 * Writes: create, server-side apply, replace, delete, scale — each authorized at its exact target, audited
 * before it reaches the cluster (if the audit row cannot be written, nothing is sent), and again on failure.
 */
@Injectable()
export class ResourceWriter {
  constructor(
    private readonly access: ResourceAccess,
    private readonly reader: ResourceReader,
    private readonly k8s: K8sGateway,
    private readonly audit: AuditService,
  ) {}

  async create(by: Principal, w: Where, body: unknown, q: MutationQuery, meta: RequestMeta) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    const obj = this.checkBody(t, body, w.namespace);
    await this.access.assert(by, t, 'create', w.namespace);
    return this.send(by, t, 'create', w.namespace, obj.metadata?.name ?? null, q, meta, {
      method: 'POST',
      path: withQuery(collectionPath(t.ref, w.namespace), { fieldManager: EDIT_MANAGER, dryRun: q.dryRun ? 'All' : undefined }),
      body: JSON.stringify(obj),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  /** Server-side apply. Creating through apply needs `create` as well as `patch`, as in Kubernetes. */
  async apply(by: Principal, w: Where, name: string, body: unknown, q: MutationQuery, meta: RequestMeta) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    const obj = this.checkBody(t, body, w.namespace, name);
    await this.access.assert(by, t, 'patch', w.namespace, { name });
    const exists = await this.reader.fetch(t, w.namespace, name).then(() => true, (e: AppError) => (e.code === 'K8S_NOT_FOUND' ? false : Promise.reject(e)));
    if (!exists) await this.access.assert(by, t, 'create', w.namespace);
    return this.send(by, t, 'patch', w.namespace, name, q, meta, this.applyRequest(t, w.namespace, name, obj, q));
  }

  async replace(by: Principal, w: Where, name: string, body: unknown, q: MutationQuery, meta: RequestMeta) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    const obj = this.checkBody(t, body, w.namespace, name);
    await this.access.assert(by, t, 'update', w.namespace, { name });
    return this.send(by, t, 'update', w.namespace, name, q, meta, {
      method: 'PUT',
      path: withQuery(objectPath(t.ref, w.namespace, name), { fieldManager: EDIT_MANAGER, dryRun: q.dryRun ? 'All' : undefined }),
      body: JSON.stringify(obj),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  async remove(by: Principal, w: Where, name: string, q: MutationQuery, meta: RequestMeta) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    await this.access.assert(by, t, 'delete', w.namespace, { name });
    const options = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: q.propagationPolicy, dryRun: q.dryRun ? ['All'] : undefined };
    return this.send(by, t, 'delete', w.namespace, name, q, meta, {
      method: 'DELETE',
      path: objectPath(t.ref, w.namespace, name),
      body: JSON.stringify(options),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  async scale(by: Principal, w: Where, name: string, replicas: number, q: MutationQuery, meta: RequestMeta) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    if (!t.ref.subresources.includes('scale')) throw new AppError('RESOURCE_UNKNOWN', `${t.ref.resource} cannot be scaled`);
    await this.access.assert(by, t, 'patch', w.namespace, { name, subresource: 'scale' });
    return this.send(by, t, 'patch', w.namespace, name, q, meta, {
      method: 'PATCH',
      path: withQuery(objectPath(t.ref, w.namespace, name, 'scale'), { fieldManager: SCALE_MANAGER, dryRun: q.dryRun ? 'All' : undefined }),
      body: JSON.stringify({ spec: { replicas } }),
      headers: { 'Content-Type': 'application/merge-patch+json' },
    }, 'scale');
  }

  /** What an apply would change: the live object next to the apiserver's dry-run result. Nothing is written. */
  async diff(by: Principal, w: Where, name: string, body: unknown) {
    const t = await this.access.target(by, w.clusterId, w.group, w.version, w.resource);
    const obj = this.checkBody(t, body, w.namespace, name);
    await this.access.assert(by, t, 'patch', w.namespace, { name });
    const live = await this.reader.fetch(t, w.namespace, name).catch((e: AppError) => (e.code === 'K8S_NOT_FOUND' ? null : Promise.reject(e)));
    const res = await this.k8s.request<KubernetesObject>(t.access, this.applyRequest(t, w.namespace, name, obj, { dryRun: true, force: false }));
    if (res.status >= 300) throw mapK8sError(res.status, res.body);
    delete res.body.metadata?.managedFields;
    if (await this.hidesValues(by, t, w.namespace, name)) return { live: live && maskSecret(live), result: maskSecret(res.body) };
    return { live, result: res.body };
  }

  /**
   * A Secret written by someone who may not `get` it comes back masked: the apiserver's answer to a write holds the
   * values, and `patch` or `create` rights must not become a way around the audited reveal.
   */
  private async hidesValues(by: Principal, t: Target, namespace: string | null, name: string | null): Promise<boolean> {
    return isSecretResource(t.ref) && !(await this.access.allows(by, t, 'get', namespace, name ? { name } : {}));
  }

  private applyRequest(t: Target, namespace: string | null, name: string, obj: KubernetesObject, q: Pick<MutationQuery, 'dryRun' | 'force'>) {
    return {
      method: 'PATCH',
      path: withQuery(objectPath(t.ref, namespace, name), { fieldManager: FIELD_MANAGER, force: q.force ? 'true' : undefined, dryRun: q.dryRun ? 'All' : undefined }),
      // JSON is YAML, and the apply content type takes YAML.
      body: JSON.stringify(obj),
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
    };
  }

  /** The body must be the kind this route is about, in the namespace the route names. */
  private checkBody(t: Target, body: unknown, namespace: string | null, name?: string): KubernetesObject {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('VALIDATION_FAILED', 'The body must be a Kubernetes object');
    const obj = body as KubernetesObject;
    if (obj.apiVersion !== apiVersionOf(t.ref) || obj.kind !== t.ref.kind) {
      throw new AppError('VALIDATION_FAILED', `Expected apiVersion ${apiVersionOf(t.ref)} and kind ${t.ref.kind}`);
    }
    if (t.ref.namespaced) {
      if (!namespace) throw new AppError('VALIDATION_FAILED', 'namespace is required for this resource');
      if (obj.metadata?.namespace && obj.metadata.namespace !== namespace) throw new AppError('VALIDATION_FAILED', 'metadata.namespace differs from the namespace in the URL');
    }
    if (name && obj.metadata?.name && obj.metadata.name !== name) throw new AppError('VALIDATION_FAILED', 'metadata.name differs from the name in the URL');
    // Every console write of a Secret passes here: a masked read sent back must not overwrite the real values.
    if (isSecretResource(t.ref)) assertNotMasked(obj);
    return { ...obj, metadata: { ...obj.metadata, ...(name ? { name } : {}), ...(t.ref.namespaced ? { namespace: namespace! } : {}) } };
  }

  private async send(by: Principal, t: Target, verb: Verb, namespace: string | null, name: string | null, q: Pick<MutationQuery, 'dryRun'>, meta: RequestMeta, req: Parameters<K8sGateway['request']>[1], subresource?: string) {
    const target = { type: `${t.ref.group || 'core'}/${t.ref.resource}${subresource ? `/${subresource}` : ''}`, name: name ?? undefined, cluster: t.access.id, namespace: namespace ?? undefined };
    const base = { actor: actorOf(by), action: `k8s.${verb}`, target, request: meta, details: { dryRun: q.dryRun, version: t.ref.version } };
    // Fail closed: no audit row, no change.
    await this.audit.record({ ...base, result: 'allowed' });
    const res = await this.k8s.request<KubernetesObject>(t.access, req);
    if (res.status >= 300) {
      const error = mapK8sError(res.status, res.body);
      await this.audit.record({ ...base, result: 'error', status: res.status, details: { ...base.details, reason: (error.details as { reason?: string }).reason } });
      throw error;
    }
    if (res.body?.metadata?.managedFields) delete res.body.metadata.managedFields;
    return (await this.hidesValues(by, t, namespace, name)) ? maskSecret(res.body) : res.body;
  }
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
