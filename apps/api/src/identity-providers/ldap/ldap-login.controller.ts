import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { LoginRequestSchema, ProviderIdSchema, UserSchema, type LoginRequest, type User as UserDto } from '@wheelhouse/shared';
import type { Response } from 'express';
import type { RequestMeta } from '../../audit/audit.types.js';
import { Public } from '../../auth/decorators/access.decorator.js';
import { ReqMeta } from '../../auth/decorators/request-meta.decorator.js';
import { setSessionCookie } from '../../auth/session-cookie.js';
import { SessionService } from '../../auth/session.service.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/env.schema.js';
import { CONSOLE_ADMIN_ROLE_ID } from '../../rbac/built-in-roles.js';
import { RbacRepository } from '../../rbac/rbac.repository.js';
import { toUserDto } from '../../users/users.mapper.js';
import { LdapLoginService } from './ldap-login.service.js';

@ApiTags('auth')
@Controller('auth/ldap')
export class LdapLoginController {
  constructor(
    private readonly ldap: LdapLoginService,
    private readonly sessions: SessionService,
    private readonly rbac: RbacRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post(':provider/login')
  @Public()
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: UserSchema })
  async login(
    @Param('provider', { schema: ProviderIdSchema }) provider: string,
    @Body({ schema: LoginRequestSchema }) body: LoginRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const { user, token } = await this.ldap.login(provider, body, meta);
    setSessionCookie(res, this.sessions, token, this.config.secureCookies);
    // Admin rights can come through a directory group, so they are looked up like for everyone else.
    return toUserDto(user, (await this.rbac.consoleAdminUserIds(CONSOLE_ADMIN_ROLE_ID)).includes(user.id));
  }
}
