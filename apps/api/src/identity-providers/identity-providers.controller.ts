import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateIdentityProviderRequestSchema,
  IdentityProviderSchema,
  LoginProviderSchema,
  ProviderIdSchema,
  ProviderTestResultSchema,
  UpdateIdentityProviderRequestSchema,
  type CreateIdentityProviderRequest,
  type UpdateIdentityProviderRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, Public, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { IdentityProvidersService, toIdpDto } from './identity-providers.service.js';

@ApiTags('identity-providers')
@Controller()
export class IdentityProvidersController {
  constructor(private readonly idps: IdentityProvidersService) {}

  /** For the login page: enabled providers, names only. */
  @Get('auth/providers')
  @Public()
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(LoginProviderSchema) }) })
  async forLogin() {
    return { items: await this.idps.loginProviders() };
  }

  @Get('identity-providers')
  @RequirePermission({ verb: 'list', resource: 'identityproviders' })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(IdentityProviderSchema) }) })
  async list() {
    return { items: await this.idps.list() };
  }

  @Get('identity-providers/:id')
  @RequirePermission({ verb: 'get', resource: 'identityproviders' })
  async get(@Param('id', { schema: ProviderIdSchema }) id: string) {
    return toIdpDto(await this.idps.get(id));
  }

  @Post('identity-providers')
  @RequirePermission({ verb: 'create', resource: 'identityproviders' })
  create(@CurrentPrincipal() p: Principal, @Body({ schema: CreateIdentityProviderRequestSchema }) body: CreateIdentityProviderRequest, @ReqMeta() meta: RequestMeta) {
    return this.idps.create(p, body, meta);
  }

  @Patch('identity-providers/:id')
  @RequirePermission({ verb: 'update', resource: 'identityproviders' })
  update(@CurrentPrincipal() p: Principal, @Param('id', { schema: ProviderIdSchema }) id: string, @Body({ schema: UpdateIdentityProviderRequestSchema }) body: UpdateIdentityProviderRequest, @ReqMeta() meta: RequestMeta) {
    return this.idps.update(p, id, body, meta);
  }

  @Delete('identity-providers/:id')
  @RequirePermission({ verb: 'delete', resource: 'identityproviders' })
  @HttpCode(204)
  async delete(@CurrentPrincipal() p: Principal, @Param('id', { schema: ProviderIdSchema }) id: string, @ReqMeta() meta: RequestMeta) {
    await this.idps.delete(p, id, meta);
  }

  /** Probes the directory; changes nothing. */
  @Post('identity-providers/:id/test')
  @RequirePermission({ verb: 'update', resource: 'identityproviders' })
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: ProviderTestResultSchema })
  test(@Param('id', { schema: ProviderIdSchema }) id: string, @Body({ schema: z.strictObject({ username: z.string().trim().min(1).max(256).optional() }) }) body: { username?: string }) {
    return this.idps.test(id, body.username);
  }
}
