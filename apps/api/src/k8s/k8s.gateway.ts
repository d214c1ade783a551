import { Injectable } from '@nestjs/common';
import type { ClusterAccess } from './cluster-access.js';
import { ClusterClientFactory } from './cluster-client.factory.js';
import { probeCluster, type ProbeResult } from './cluster-probe.js';
import { DiscoveryService } from './discovery.service.js';
import { InformerRegistry, type InformerLease } from './informer-registry.js';
import { unreachable } from './k8s-error.mapper.js';
import { requestJson, type JsonResponse, type RawRequest } from './raw-client.js';
import type { ResourceRef } from './resource-ref.js';
import type { SharedInformer } from './shared-informer.js';

/** What the rest of the API may ask of a cluster; @kubernetes/client-node stays behind this module's walls. */
@Injectable()
export class K8sGateway {
  constructor(
    private readonly clients: ClusterClientFactory,
    private readonly informers: InformerRegistry,
    private readonly discovery: DiscoveryService,
  ) {}

  probe(access: ClusterAccess): Promise<ProbeResult> {
    return probeCluster(this.clients.kubeConfig(access));
  }

  async resources(access: ClusterAccess, refresh = false): Promise<ResourceRef[]> {
    return this.discovery.resources(access.id, this.clients.kubeConfig(access), refresh).catch(rethrow);
  }

  resolve(access: ClusterAccess, group: string, version: string, resource: string): Promise<ResourceRef> {
    return this.discovery.resolve(access.id, this.clients.kubeConfig(access), group, version, resource).catch(rethrow);
  }

  acquire(access: ClusterAccess, ref: ResourceRef, namespace: string | null): Promise<InformerLease> {
    return this.informers.acquire(access.id, this.clients.kubeConfig(access), ref, namespace).catch(rethrow);
  }

  /** A live informer already running for the key, without taking a reference. */
  peek(clusterId: string, ref: ResourceRef, namespace: string | null): SharedInformer | undefined {
    return this.informers.peek(clusterId, ref, namespace);
  }

  request<T = unknown>(access: ClusterAccess, req: RawRequest): Promise<JsonResponse<T>> {
    return requestJson<T>(this.clients.kubeConfig(access), req).catch((err: unknown) => {
      throw unreachable(err);
    });
  }

  informerStats() {
    return this.informers.stats();
  }

  /** Drops cached clients, discovery and informers (cluster removed or re-registered). */
  async forget(clusterId: string): Promise<void> {
    this.clients.forget(clusterId);
    this.discovery.forget(clusterId);
    await this.informers.stopCluster(clusterId);
  }
}

/** AppErrors (mapped apiserver answers) pass through; anything else is a network failure. */
function rethrow(err: unknown): never {
  if (err instanceof Error && 'code' in err && typeof (err as { status?: unknown }).status === 'number') throw err;
  throw unreachable(err);
}
