import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClusterEventSchema, ClusterIdSchema, EventsQuerySchema, type ClusterEvent, type EventsQuery } from '@wheelhouse/shared';
import { z } from 'zod';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { ClustersService } from '../clusters/clusters.service.js';
import { AuthorizerService } from '../rbac/authorizer.service.js';
import { toClusterEvent } from './cluster-event.mapper.js';
import { ClusterEventsRepository } from './cluster-events.repository.js';

/** The recorded event history of a cluster; needs `list events` where the events are (core group). */
@ApiTags('events')
@Controller('clusters/:cluster/events')
export class EventsController {
  constructor(
    private readonly clusters: ClustersService,
    private readonly authorizer: AuthorizerService,
    private readonly repo: ClusterEventsRepository,
  ) {}

  @Get()
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(ClusterEventSchema) }) })
  async list(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) cluster: string, @Query({ schema: EventsQuerySchema }) q: EventsQuery): Promise<{ items: ClusterEvent[] }> {
    await this.clusters.getVisible(p, cluster);
    const req = { verb: 'list' as const, group: '', resource: 'events' };
    let namespaces: string[] | null;
    if (q.namespace) {
      if (!(await this.authorizer.can(p.user, { ...req, cluster, namespace: q.namespace })).allowed) throw new AppError('FORBIDDEN', 'Not allowed to list events here');
      namespaces = [q.namespace];
    } else {
      const allowed = await this.authorizer.allowedNamespaces(p.user, req, cluster);
      namespaces = allowed === 'all' ? null : allowed;
    }
    const rows = await this.repo.list(cluster, { namespaces, uid: q.uid, kind: q.kind, name: q.name, type: q.type }, q.limit);
    return { items: rows.map(toClusterEvent) };
  }
}
