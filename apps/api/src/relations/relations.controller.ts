import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClusterIdSchema, RelationsQuerySchema, RelationsSchema, type RelationsQuery } from '@wheelhouse/shared';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { RelationsService } from './relations.service.js';

/** Related objects of one object; the service authorizes the object (get) and every related kind (list) itself. */
@ApiTags('relations')
@Controller('clusters/:cluster')
export class RelationsController {
  constructor(private readonly relations: RelationsService) {}

  @Get('relations')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: RelationsSchema })
  related(
    @CurrentPrincipal() p: Principal,
    @Param('cluster', { schema: ClusterIdSchema }) cluster: string,
    @Query({ schema: RelationsQuerySchema }) q: RelationsQuery,
  ) {
    return this.relations.related(p, cluster, q);
  }
}
