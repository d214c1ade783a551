import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from './cluster-access.js';
import { mapK8sError } from './k8s-error.mapper.js';
import { K8sGateway } from './k8s.gateway.js';

/** An OpenAPI v3 schema object as the apiserver publishes it (`components.schemas` values). */
export type OpenApiSchema = Record<string, unknown>;
export type ComponentSchemas = Record<string, OpenApiSchema>;

/** CRDs change a group/version's document rarely; a kind missing from a cached one refetches it at once. */
const TTL_MS = 10 * 60_000;

/**
 * The `components.schemas` of one group/version's OpenAPI v3 document (`/openapi/v3/api/v1` for core,
 * `/openapi/v3/apis/<group>/<version>` otherwise), read with the cluster's own credential: they describe types, not
 * data. Cached per (cluster, registration revision, group/version), concurrent misses share one request.
 *
 * Known limitations: a CRD whose schema changed keeps its old schema here for up to TTL_MS; a cluster without
 * OpenAPI v3 (before Kubernetes 1.27, or with the endpoint disabled) answers RESOURCE_UNKNOWN.
 */
@Injectable()
export class OpenApiV3Source {
  private readonly cache = new Map<string, { at: number; schemas: Promise<ComponentSchemas> }>();

  constructor(private readonly k8s: K8sGateway) {}

  componentSchemas(access: ClusterAccess, group: string, version: string, refresh = false): Promise<ComponentSchemas> {
    const key = `${access.id}\0${access.revision}\0${group}/${version}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && !refresh && now - hit.at < TTL_MS) return hit.schemas;
    for (const [k, v] of this.cache) if (now - v.at >= TTL_MS) this.cache.delete(k);
    const schemas = this.fetch(access, group, version);
    this.cache.set(key, { at: now, schemas });
    // A failure is not cached: the next editor open asks again.
    void schemas.catch(() => {
      if (this.cache.get(key)?.schemas === schemas) this.cache.delete(key);
    });
    return schemas;
  }

  /** Drops a cluster's documents (cluster removed or re-registered, discovery refreshed). */
  forget(clusterId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${clusterId}\0`)) this.cache.delete(k);
  }

  private async fetch(access: ClusterAccess, group: string, version: string): Promise<ComponentSchemas> {
    const path = group ? `/openapi/v3/apis/${encodeURIComponent(group)}/${encodeURIComponent(version)}` : `/openapi/v3/api/${encodeURIComponent(version)}`;
    const res = await this.k8s.request<{ components?: { schemas?: ComponentSchemas } }>(access, { method: 'GET', path, timeoutMs: 30_000 });
    if (res.status === 404) throw new AppError('RESOURCE_UNKNOWN', `The cluster publishes no OpenAPI v3 schema for ${group || 'core'}/${version}`);
    if (res.status !== 200) throw mapK8sError(res.status, res.body);
    return res.body.components?.schemas ?? {};
  }
}
