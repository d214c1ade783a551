import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  UserSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type User as UserDto,
} from '@wheelhouse/shared';
import type { Response } from 'express';
import type { RequestMeta } from '../audit/audit.types.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/env.schema.js';
import type { User } from '../generated/prisma/client.js';
import { CONSOLE_ADMIN_ROLE_ID } from '../rbac/built-in-roles.js';
import { RbacRepository } from '../rbac/rbac.repository.js';
import { toUserDto } from '../users/users.mapper.js';
import type { Principal } from './auth.types.js';
import { AuthService } from './auth.service.js';
import { CurrentPrincipal, Public, RequirePermission } from './decorators/access.decorator.js';
import { ReqMeta } from './decorators/request-meta.decorator.js';
import { setSessionCookie } from './session-cookie.js';
import { SessionService } from './session.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly rbac: RbacRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: UserSchema })
  async login(
    @Body({ schema: LoginRequestSchema }) body: LoginRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserDto> {
    const { user, token } = await this.auth.login(body, meta);
    setSessionCookie(res, this.sessions, token, this.config.secureCookies);
    return this.dto(user);
  }

  @Get('me')
  @RequirePermission('authenticated')
  @ApiResponse({ status: 200, standardSchema: UserSchema })
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.dto(principal.user);
  }

  private async dto(user: User): Promise<UserDto> {
    const admins = await this.rbac.consoleAdminUserIds(CONSOLE_ADMIN_ROLE_ID);
    return toUserDto(user, admins.includes(user.id));
  }

  @Post('password')
  @RequirePermission('authenticated')
  @HttpCode(204)
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: ChangePasswordRequestSchema }) body: ChangePasswordRequest,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const { token } = await this.auth.changePassword(principal, body, meta);
    setSessionCookie(res, this.sessions, token, this.config.secureCookies);
  }
}
