import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CloneRoleRequestSchema,
  CreateRoleRequestSchema,
  RoleSchema,
  UpdateRoleRequestSchema,
  type CreateRoleRequest,
  type Role,
  type UpdateRoleRequest,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { RolesService, toRoleDto } from './roles.service.js';

const Id = z.uuid();
const ForceQuery = z.strictObject({ force: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });

@ApiTags('rbac')
@Controller('roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequirePermission({ verb: 'list', resource: 'roles' })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(RoleSchema) }) })
  async list(): Promise<{ items: Role[] }> {
    return { items: await this.roles.list() };
  }

  @Get(':id')
  @RequirePermission({ verb: 'get', resource: 'roles' })
  @ApiResponse({ status: 200, standardSchema: RoleSchema })
  async get(@Param('id', { schema: Id }) id: string): Promise<Role> {
    return toRoleDto(await this.roles.get(id));
  }

  @Post()
  @RequirePermission({ verb: 'create', resource: 'roles' })
  @ApiResponse({ status: 201, standardSchema: RoleSchema })
  create(@CurrentPrincipal() p: Principal, @Body({ schema: CreateRoleRequestSchema }) body: CreateRoleRequest, @ReqMeta() meta: RequestMeta) {
    return this.roles.create(p, body, meta);
  }

  @Post(':id/clone')
  @RequirePermission({ verb: 'create', resource: 'roles' })
  @ApiResponse({ status: 201, standardSchema: RoleSchema })
  clone(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: CloneRoleRequestSchema }) body: { name: string },
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.roles.clone(p, id, body.name, meta);
  }

  @Patch(':id')
  @RequirePermission({ verb: 'update', resource: 'roles' })
  @ApiResponse({ status: 200, standardSchema: RoleSchema })
  update(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: Id }) id: string,
    @Body({ schema: UpdateRoleRequestSchema }) body: UpdateRoleRequest,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.roles.update(p, id, body, meta);
  }

  @Delete(':id')
  @RequirePermission({ verb: 'delete', resource: 'roles' })
  @HttpCode(204)
  async delete(
    @CurrentPrincipal() p: Principal,
    @Param('id', { schema: Id }) id: string,
    @Query({ schema: ForceQuery }) query: z.output<typeof ForceQuery>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.roles.delete(p, id, query.force, meta);
  }
}
