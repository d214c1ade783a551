import { Controller, Get, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { AccessDecisionSchema, CONSOLE_GROUP, ExplainQuerySchema, PermissionSummarySchema, type AccessDecision, type PermissionSummary } from '@wheelhouse/shared';
import type { z } from 'zod';
import type { Principal } from '../auth/auth.types.js';
import { CurrentPrincipal, RequirePermission } from '../auth/decorators/access.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { UsersRepository } from '../users/users.repository.js';
import { AuthorizerService } from './authorizer.service.js';

/** "Why can (or can't) this user do that?" and the caller's own permission summary. */
@ApiTags('rbac')
@Controller()
export class AccessController {
  constructor(
    private readonly authorizer: AuthorizerService,
    private readonly users: UsersRepository,
  ) {}

  @Get('rbac/explain')
  @RequirePermission('authenticated')
  @ApiResponse({ status: 200, standardSchema: AccessDecisionSchema })
  async explain(@CurrentPrincipal() p: Principal, @Query({ schema: ExplainQuerySchema }) q: z.output<typeof ExplainQuerySchema>): Promise<AccessDecision> {
    const { user: who, ...request } = q;
    let subject = p.user;
    if (who && who !== p.user.username && who !== p.user.id) {
      // Explaining someone else reveals their access: that needs the right to read users.
      const mayInspect = await this.authorizer.can(p.user, { verb: 'get', group: CONSOLE_GROUP, resource: 'users' });
      if (!mayInspect.allowed) throw new AppError('FORBIDDEN', "Not allowed to inspect other users' access");
      const found = (await this.users.findByUsername(who.toLowerCase())) ?? (isUuid(who) ? await this.users.findById(who) : null);
      if (!found) throw new AppError('USER_NOT_FOUND', 'No such user');
      subject = found;
    }
    return this.authorizer.can(subject, request);
  }

  @Get('auth/me/permissions')
  @RequirePermission('authenticated')
  @ApiResponse({ status: 200, standardSchema: PermissionSummarySchema })
  permissions(@CurrentPrincipal() p: Principal): Promise<PermissionSummary> {
    return this.authorizer.summary(p.user);
  }
}

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
