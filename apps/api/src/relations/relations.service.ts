import { Injectable } from '@nestjs/common';
import type { Relations, RelationsQuery } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { K8sGateway } from '../k8s/k8s.gateway.js';
import { ScopedReads } from '../overview/scoped-reads.js';
import { CachedObjects } from '../resources/cached-object.js';
import { ResourceAccess } from '../resources/resource-access.js';
import { RelatedCollector } from './related-collector.js';

/** Related objects of one object, all read from the shared informer caches (no apiserver call per viewer). */
@Injectable()
export class RelationsService {
  constructor(
    private readonly objects: CachedObjects,
    private readonly resources: ResourceAccess,
    private readonly k8s: K8sGateway,
  ) {}

  async related(by: Principal, clusterId: string, q: RelationsQuery): Promise<Relations> {
    const { cluster, access, ref, object } = await this.objects.get(by, clusterId, q, 'relations view');
    const reads = new ScopedReads(by, access, cluster.displayName, this.resources, this.k8s);
    return new RelatedCollector(reads, await this.k8s.resources(access)).collect(ref, object);
  }
}
