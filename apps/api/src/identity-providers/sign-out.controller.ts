import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { LogoutResponseSchema, type LogoutResponse } from '@wheelhouse/shared';
import type { Response } from 'express';
import type { RequestMeta } from '../audit/audit.types.js';
import { AuthService } from '../auth/auth.service.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { SessionService } from '../auth/session.service.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import { OidcLoginService } from './oidc/oidc-login.service.js';

/**
 * Logout lives here rather than in the auth domain because it must know every sign-in source: a session from an
 * OIDC provider also ends at that provider (RP-initiated logout) when the provider offers it.
 */
@ApiTags('auth')
@Controller('auth')
export class SignOutController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly oidc: OidcLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('logout')
  @RequirePermission('authenticated')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: LogoutResponseSchema })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogoutResponse> {
    const origin = await this.auth.logout(principal, meta);
    clearSessionCookie(res, this.sessions, this.config.secureCookies);
    return { redirectTo: origin ? await this.oidc.endSessionUrl(origin) : null };
  }
}
