import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ClusterIdSchema,
  ClusterSchema,
  KubeconfigPreviewRequestSchema,
  KubeconfigPreviewSchema,
  RegisterClusterRequestSchema,
  UpdateClusterRequestSchema,
  type Cluster,
  type KubeconfigPreview,
  type RegisterClusterRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { toClusterDto } from './clusters.mapper.js';
import { ClustersService } from './clusters.service.js';

@ApiTags('clusters')
@Controller('clusters')
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  /** Clusters the caller can see (by `get clusters`, or any binding inside the cluster). */
  @Get()
  @RequirePermission('authenticated')
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(ClusterSchema) }) })
  async list(@CurrentPrincipal() p: Principal): Promise<{ items: Cluster[] }> {
    return { items: await this.clusters.listVisible(p) };
  }

  @Post('kubeconfig/preview')
  @RequirePermission({ verb: 'create', resource: 'clusters' })
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: KubeconfigPreviewSchema })
  preview(@Body({ schema: KubeconfigPreviewRequestSchema }) body: { kubeconfig: string }): KubeconfigPreview {
    return this.clusters.preview(body.kubeconfig);
  }

  /** Offered for import on first start: contexts of ~/.kube/config on the console machine, sanitized. */
  @Get('local-kubeconfig')
  @RequirePermission({ verb: 'create', resource: 'clusters' })
  @ApiResponse({ status: 200, standardSchema: KubeconfigPreviewSchema })
  localKubeconfig(): Promise<KubeconfigPreview> {
    return this.clusters.localPreview();
  }

  @Post()
  @RequirePermission({ verb: 'create', resource: 'clusters' })
  @ApiResponse({ status: 201, standardSchema: ClusterSchema })
  register(@CurrentPrincipal() p: Principal, @Body({ schema: RegisterClusterRequestSchema }) body: RegisterClusterRequest, @ReqMeta() meta: RequestMeta): Promise<Cluster> {
    return this.clusters.register(p, body, meta);
  }

  @Get(':cluster')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: ClusterSchema })
  async get(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) id: string): Promise<Cluster> {
    return toClusterDto(await this.clusters.getVisible(p, id));
  }

  @Patch(':cluster')
  @RequirePermission('delegated')
  @ApiResponse({ status: 200, standardSchema: ClusterSchema })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('cluster', { schema: ClusterIdSchema }) id: string,
    @Body({ schema: UpdateClusterRequestSchema }) body: { displayName: string },
    @ReqMeta() meta: RequestMeta,
  ): Promise<Cluster> {
    return this.clusters.update(p, id, body.displayName, meta);
  }

  @Delete(':cluster')
  @RequirePermission('delegated')
  @HttpCode(204)
  async remove(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.clusters.remove(p, id, meta);
  }

  /** Re-probes now (version, nodes, latency). A read: it changes nothing but the cached health. */
  @Post(':cluster/health')
  @RequirePermission('delegated')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: ClusterSchema })
  async health(@CurrentPrincipal() p: Principal, @Param('cluster', { schema: ClusterIdSchema }) id: string): Promise<Cluster> {
    await this.clusters.getVisible(p, id);
    return this.clusters.refreshHealth(id);
  }
}
