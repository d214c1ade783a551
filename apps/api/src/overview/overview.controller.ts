import { Controller, Get, Param } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ClusterIdSchema,
  ClusterOverviewSchema,
  HomeOverviewSchema,
  NamespaceOverviewSchema,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { OverviewService } from './overview.service.js';

const NamespaceParams = z.strictObject({
  cluster: ClusterIdSchema,
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
    .max(63),
});

/** Read-only aggregates; every part is authorized per kind and namespace inside the service. */
@ApiTags('overview')
@Controller()
export class OverviewController {
  constructor(private readonly overview: OverviewService) {}

  @Get('overview')
  @RequirePermission('authenticated')
  @ApiResponse({ status: 200, standardSchema: HomeOverviewSchema })
  home(@CurrentPrincipal() p: Principal) {
    return this.overview.home(p);
  }

  @Get('clusters/:cluster/overview')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: ClusterOverviewSchema })
  cluster(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) cluster: string) {
    return this.overview.cluster(p, cluster);
  }

  @Get('clusters/:cluster/namespaces/:namespace/overview')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: NamespaceOverviewSchema })
  namespace(@CurrentPrincipal() p: Principal, @Param({ schema: NamespaceParams }) q: z.output<typeof NamespaceParams>) {
    return this.overview.namespace(p, q.cluster, q.namespace);
  }
}
