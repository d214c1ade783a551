import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CreateRoleBindingRequestSchema, RoleBindingSchema, ROLE_SCOPES, SUBJECT_KINDS, type CreateRoleBindingRequest, type RoleBinding } from '@wheelhouse/shared';
import { z } from 'zod';
import type { RequestMeta } from '../audit/audit.types.js';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { ReqMeta } from '../auth/decorators/request-meta.decorator.js';
import { BindingsService } from './bindings.service.js';

const ListQuery = z.strictObject({
  roleId: z.uuid().optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  subjectId: z.string().max(1024).optional(),
  provider: z.string().max(253).optional(),
  scope: z.enum(ROLE_SCOPES).optional(),
  cluster: z.string().max(253).optional(),
  namespace: z.string().max(253).optional(),
});

@ApiTags('rbac')
@Controller('rolebindings')
export class BindingsController {
  constructor(private readonly bindings: BindingsService) {}

  @Get()
  @RequirePermission({ verb: 'list', resource: 'rolebindings', scoped: true })
  @ApiResponse({ status: 200, standardSchema: z.object({ items: z.array(RoleBindingSchema) }) })
  async list(@CurrentPrincipal() p: Principal, @Query({ schema: ListQuery }) q: z.output<typeof ListQuery>): Promise<{ items: RoleBinding[] }> {
    const subject =
      q.subjectKind && q.subjectId
        ? q.subjectKind === 'group'
          ? { kind: 'group' as const, provider: q.provider ?? '', name: q.subjectId }
          : { kind: q.subjectKind, id: q.subjectId }
        : undefined;
    const items = await this.bindings.list(p, { roleId: q.roleId, subject, scope: q.scope, cluster: q.cluster, namespace: q.namespace });
    return { items };
  }

  @Post()
  @RequirePermission({ verb: 'create', resource: 'rolebindings', scoped: true })
  @ApiResponse({ status: 201, standardSchema: RoleBindingSchema })
  create(@CurrentPrincipal() p: Principal, @Body({ schema: CreateRoleBindingRequestSchema }) body: CreateRoleBindingRequest, @ReqMeta() meta: RequestMeta) {
    return this.bindings.create(p, body, meta);
  }

  @Delete(':id')
  @RequirePermission({ verb: 'delete', resource: 'rolebindings', scoped: true })
  @HttpCode(204)
  async delete(@CurrentPrincipal() p: Principal, @Param('id', { schema: z.uuid() }) id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.bindings.delete(p, id, meta);
  }
}
