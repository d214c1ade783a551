import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProviderIdSchema } from '@wheelhouse/shared';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { RequestMeta } from '../../audit/audit.types.js';
import { Public } from '../../auth/decorators/access.decorator.js';
import { ReqMeta } from '../../auth/decorators/request-meta.decorator.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { safeNext } from './oidc-client.js';
import { OidcLoginService } from './oidc-login.service.js';

const StartQuery = z.strictObject({ next: z.string().max(2048).optional() });

/**
 * Browser redirects of the OIDC code flow. Both are public GETs (the browser arrives without a session); all
 * security lives in the state/nonce/PKCE bound to the encrypted, short-lived, httpOnly state cookie.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcLoginController {
  constructor(
    private readonly oidc: OidcLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':provider/start')
  @Public()
  async start(@Param('provider', { schema: ProviderIdSchema }) provider: string, @Query({ schema: StartQuery }) q: { next?: string }, @Res() res: Response): Promise<void> {
    const url = await this.oidc.start(provider, safeNext(q.next), res);
    res.redirect(302, url);
  }

  @Get(':provider/callback')
  @Public()
  async callback(
    @Param('provider', { schema: ProviderIdSchema }) provider: string,
    @Query({ schema: z.record(z.string(), z.string().max(8192)) }) _q: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    const callbackUrl = new URL(req.originalUrl, this.config.publicOrigin);
    res.redirect(302, await this.oidc.finish(provider, callbackUrl, req, res, meta));
  }
}

