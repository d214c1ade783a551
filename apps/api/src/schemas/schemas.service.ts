import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/auth.types.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AppError } from '../common/errors/app-error.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { OpenApiV3Source } from '../k8s/openapi-v3.js';
import { ResourceAccess, type Target } from '../resources/resource-access.js';
import { kindSchema, type Gvk, type KindSchema } from './kind-schema.js';

/** JSON Schemas of a cluster's kinds, from its OpenAPI v3 documents, for the YAML editor's validation and hovers. */
@Injectable()
export class SchemasService {
  constructor(
    private readonly clusters: ClustersService,
    private readonly k8s: K8sGateway,
    private readonly access: ResourceAccess,
    private readonly openapi: OpenApiV3Source,
  ) {}

  async kindSchema(by: Principal, clusterId: string, gvk: Gvk): Promise<KindSchema> {
    const access = this.clusters.access(await this.clusters.getVisible(by, clusterId));
    const group = gvk.group === 'core' ? '' : gvk.group;
    const find = (refresh: boolean) =>
      this.k8s.resources(access, refresh).then((list) => list.find((r) => r.group === group && r.version === gvk.version && r.kind === gvk.kind));
    const ref = (await find(false)) ?? (await find(true));
    if (!ref) throw new AppError('RESOURCE_UNKNOWN', `The cluster does not serve ${group || 'core'}/${gvk.version} ${gvk.kind}`);
    await this.assertGetSomewhere(by, { access, ref });
    const target = { group, version: gvk.version, kind: gvk.kind };
    // A kind discovery knows but a cached document lacks (a CRD created since): that document is read again.
    const schema =
      kindSchema(await this.openapi.componentSchemas(access, group, gvk.version), target) ??
      kindSchema(await this.openapi.componentSchemas(access, group, gvk.version, true), target);
    if (!schema) throw new AppError('RESOURCE_UNKNOWN', `The cluster publishes no schema for ${group || 'core'}/${gvk.version} ${gvk.kind}`);
    return schema;
  }

  /** The schema is the kind's shape, not data: whoever may read one object of it anywhere in the cluster sees it. */
  private async assertGetSomewhere(by: Principal, t: Target): Promise<void> {
    if (!t.ref.namespaced) return this.access.assert(by, t, 'get', null);
    const namespaces = await this.access.allowedNamespaces(by, t, 'get');
    if (namespaces !== 'all' && namespaces.length === 0) {
      throw new AppError('FORBIDDEN', `Not allowed to get ${t.ref.resource} in any namespace of ${t.access.id}`);
    }
  }
}
