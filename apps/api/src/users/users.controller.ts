import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CreateUserRequestSchema,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
  RoleBindingSchema,
  UserListSchema,
  UserSchema,
  type CreateUserCommand,
  type RoleBinding,
  type ResetPasswordCommand,
  type UpdateUserRequest,
  type User as UserDto,
  type UserList,
} from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import type { User } from '../generated/prisma/client.js';
import { BindingsService } from '../rbac/bindings.service.js';
import { toUserDto } from './users.mapper.js';
import { UsersService } from './users.service.js';

const IdSchema = z.uuid();
const PageSchema = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly bindingsService: BindingsService,
  ) {}

  private async dto(user: User): Promise<UserDto> {
    return toUserDto(user, (await this.users.adminIds()).includes(user.id));
  }

  @Get()
  @RequirePermission({ verb: 'list', resource: 'users' })
  @ApiResponse({ status: 200, standardSchema: UserListSchema })
  async list(@Query({ schema: PageSchema }) page: z.output<typeof PageSchema>): Promise<UserList> {
    const { items, total, admins } = await this.users.list(page);
    return {
      items: items.map(({ groups, ...u }) => ({ ...toUserDto(u, admins.has(u.id)), groups: groups.map((g) => ({ provider: g.provider, name: g.groupName })) })),
      total,
    };
  }

  @Get(':id')
  @RequirePermission({ verb: 'get', resource: 'users' })
  @ApiResponse({ status: 200, standardSchema: UserSchema })
  async get(@Param('id', { schema: IdSchema }) id: string): Promise<UserDto> {
    return this.dto(await this.users.get(id));
  }

  @Get(':id/bindings')
  @RequirePermission({ verb: 'get', resource: 'users' })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(RoleBindingSchema) }) })
  async bindings(@Param('id', { schema: IdSchema }) id: string): Promise<{ items: RoleBinding[] }> {
    return { items: await this.bindingsService.effectiveFor(await this.users.get(id)) };
  }

  @Post()
  @RequirePermission({ verb: 'create', resource: 'users' })
  @ApiResponse({ status: 201, standardSchema: UserSchema })
  async create(
    @Body({ schema: CreateUserRequestSchema }) body: CreateUserCommand,
    @CurrentPrincipal() by: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDto> {
    return this.dto(await this.users.create(body, by, meta));
  }

  @Patch(':id')
  @RequirePermission({ verb: 'update', resource: 'users' })
  @ApiResponse({ status: 200, standardSchema: UserSchema })
  async update(
    @Param('id', { schema: IdSchema }) id: string,
    @Body({ schema: UpdateUserRequestSchema }) body: UpdateUserRequest,
    @CurrentPrincipal() by: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<UserDto> {
    return this.dto(await this.users.update(id, body, by, meta));
  }

  @Post(':id/password')
  @RequirePermission({ verb: 'update', resource: 'users' })
  @HttpCode(204)
  async resetPassword(
    @Param('id', { schema: IdSchema }) id: string,
    @Body({ schema: ResetPasswordRequestSchema }) body: ResetPasswordCommand,
    @CurrentPrincipal() by: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.users.resetPassword(id, body, by, meta);
  }

  @Delete(':id/sessions')
  @RequirePermission({ verb: 'update', resource: 'users' })
  @HttpCode(204)
  async endSessions(
    @Param('id', { schema: IdSchema }) id: string,
    @CurrentPrincipal() by: Principal,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.users.endSessions(id, by, meta);
  }
}
