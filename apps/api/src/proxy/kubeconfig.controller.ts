import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { ClusterIdSchema } from '@wheelhouse/shared';
import type { Request, Response } from 'express';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { KubeconfigService } from './kubeconfig.service.js';

@ApiTags('clusters')
@Controller('clusters/:cluster/kubeconfig')
export class KubeconfigController {
  constructor(private readonly kubeconfigs: KubeconfigService) {}

  /**
   * Downloads a kubeconfig for the console's kubectl proxy with a new 8-hour token. A GET with an effect (a token
   * is minted), so a cross-site navigation — which SameSite=Lax lets carry the cookie — is refused.
   */
  @Get()
  @RequirePermission('delegated')
  @ApiProduces('application/yaml')
  async download(
    @CurrentPrincipal() p: Principal,
    @Param('cluster', { schema: ClusterIdSchema }) cluster: string,
    @ReqMeta() meta: RequestMeta,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const site = req.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF_FAILED', 'Cross-site request refused');
    const { filename, yaml, expiresAt } = await this.kubeconfigs.build(p, cluster, meta);
    // Set here, not with @Header(): an error must still go out as JSON.
    res.setHeader('Content-Type', 'application/yaml; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('X-Token-Expires-At', expiresAt.toISOString());
    return yaml;
  }
}
