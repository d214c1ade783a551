import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClusterIdSchema, TimelineQuerySchema, TimelineSchema, type Timeline, type TimelineQuery } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { TimelineService } from './timeline.service.js';

/** One object's events, revisions and console writes; the service authorizes the object and each source itself. */
@ApiTags('timeline')
@Controller('clusters/:cluster')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get('timeline')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: TimelineSchema })
  get(
    @CurrentPrincipal() p: Principal,
    @Param('cluster', { schema: ClusterIdSchema }) cluster: string,
    @Query({ schema: TimelineQuerySchema }) q: TimelineQuery,
  ): Promise<Timeline> {
    return this.timeline.timeline(p, cluster, q);
  }
}
