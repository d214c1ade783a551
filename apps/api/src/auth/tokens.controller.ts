import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiTokenSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  type ApiToken,
  type CreateApiTokenRequest,
  type CreatedApiToken,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { ApiToken as TokenRow } from '../generated/prisma/client.js';
import { ApiTokenService } from './api-token.service.js';
import type { Principal } from './auth.types.js';
import { CurrentPrincipal, RequirePermission } from './decorators/access.decorator.js';
import { ReqMeta } from './decorators/request-meta.decorator.js';

const toDto = (t: TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
});

/** The caller's own API tokens (self-service). */
@ApiTags('tokens')
@Controller('tokens')
@RequirePermission('authenticated')
export class TokensController {
  constructor(private readonly tokens: ApiTokenService) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(ApiTokenSchema) }) })
  async list(@CurrentPrincipal() p: Principal): Promise<{ items: ApiToken[] }> {
    return { items: (await this.tokens.list(p.user.id)).map(toDto) };
  }

  @Post()
  @ApiResponse({ status: 201, standardSchema: CreatedApiTokenSchema })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body({ schema: CreateApiTokenRequestSchema }) body: CreateApiTokenRequest,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreatedApiToken> {
    const { row, token } = await this.tokens.create(p, body, meta);
    return { ...toDto(row), token };
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() p: Principal, @Param('id', { schema: z.uuid() }) id: string, @ReqMeta() meta: RequestMeta) {
    await this.tokens.revoke(p, id, meta);
  }
}
