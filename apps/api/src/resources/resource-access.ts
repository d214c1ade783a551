import { Injectable } from '@nestjs/common';
import type { Verb } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { ClusterAccess } from '../k8s/cluster-access.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import type { ResourceRef } from '../k8s/resource-ref.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';

export interface Target {
  access: ClusterAccess;
  ref: ResourceRef;
}

/** Resolves "cluster + group/version/resource" for a caller and answers "may they do verb there?". */
@Injectable()
export class ResourceAccess {
  constructor(
    private readonly clusters: ClustersService,
    private readonly k8s: K8sGateway,
    private readonly authorizer: AuthorizerService,
  ) {}

  async target(by: Principal, clusterId: string, group: string, version: string, resource: string): Promise<Target> {
    const access = this.clusters.access(await this.clusters.getVisible(by, clusterId));
    const ref = await this.k8s.resolve(access, group === 'core' ? '' : group, version, resource);
    return { access, ref };
  }

  async assert(by: Principal, t: Target, verb: Verb, namespace: string | null, opts: { name?: string; subresource?: string } = {}): Promise<void> {
    if (!(await this.allows(by, t, verb, namespace, opts))) {
      const where = t.ref.namespaced && namespace ? ` in ${t.access.id}/${namespace}` : ` in ${t.access.id}`;
      throw new AppError('FORBIDDEN', `Not allowed to ${verb} ${t.ref.resource}${opts.subresource ? `/${opts.subresource}` : ''}${where}`);
    }
  }

  async allows(by: Principal, t: Target, verb: Verb, namespace: string | null, opts: { name?: string; subresource?: string } = {}): Promise<boolean> {
    const decision = await this.authorizer.can(by.user, {
      verb,
      group: t.ref.group,
      resource: t.ref.resource,
      subresource: opts.subresource,
      name: opts.name,
      cluster: t.access.id,
      namespace: t.ref.namespaced ? (namespace ?? undefined) : undefined,
    });
    return decision.allowed;
  }

  allowedNamespaces(by: Principal, t: Target, verb: Verb): Promise<'all' | string[]> {
    return this.authorizer.allowedNamespaces(by.user, { verb, group: t.ref.group, resource: t.ref.resource }, t.access.id);
  }
}
